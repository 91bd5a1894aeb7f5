import { createI18n, useI18n } from 'vue-i18n'
import type { Language } from '../features/prefs/prefs'
import { zhCN } from './zh-CN'

const messages: Partial<Record<Language, typeof zhCN>> = { 'zh-CN': zhCN }

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN' as Language,
  fallbackLocale: 'zh-CN',
  messages,
})

/** The languages whose base words are in place; a feature's words may arrive before them. */
const loaded = new Set<Language>(['zh-CN'])

/** English is fetched only by those who choose it, keeping it out of the first screen's JS. */
export async function loadLanguage(language: Language): Promise<void> {
  if (!loaded.has(language)) {
    const { en } = await import('./en')
    // Merged, not set: a lazily loaded feature may already have added its own English words.
    i18n.global.mergeLocaleMessage(language, en)
    loaded.add(language)
  }
  i18n.global.locale.value = language
}

/**
 * A feature's `useI18n`, which first adds that feature's words in every language. The words
 * live in the feature's lazily loaded chunk, out of the first screen's JS; each feature keeps
 * them under its own top-level key.
 */
export function defineFeatureI18n(words: Record<Language, Record<string, unknown>>) {
  let added = false
  return () => {
    if (!added) {
      for (const [language, bundle] of Object.entries(words))
        i18n.global.mergeLocaleMessage(language, bundle as typeof zhCN)
      added = true
    }
    return useI18n()
  }
}
