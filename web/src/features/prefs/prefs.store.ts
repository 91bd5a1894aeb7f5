import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { loadLanguage } from '../../i18n'
import { applyPrefs, type Language, type Prefs, readPrefs, writePrefs } from './prefs'

export const usePrefsStore = defineStore('prefs', () => {
  const initial = readPrefs()
  const language = ref<Language>(initial.language)
  const elder = ref(initial.elder)

  function current(): Prefs {
    return { language: language.value, elder: elder.value }
  }

  function sync() {
    const prefs = current()
    applyPrefs(prefs)
    void loadLanguage(prefs.language)
  }

  watch([language, elder], () => {
    writePrefs(current())
    sync()
  })
  sync()

  return { language, elder, current }
})
