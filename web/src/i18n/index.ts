import { createI18n } from 'vue-i18n'
import type { Language } from '../features/prefs/prefs'
import { zhCN } from './zh-CN'

const messages: Partial<Record<Language, typeof zhCN>> = { 'zh-CN': zhCN }

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN' as Language,
  fallbackLocale: 'zh-CN',
  messages,
})

/** English is fetched only by those who choose it, keeping it out of the first screen's JS. */
export async function loadLanguage(language: Language): Promise<void> {
  if (!i18n.global.availableLocales.includes(language)) {
    const { en } = await import('./en')
    i18n.global.setLocaleMessage(language, en)
  }
  i18n.global.locale.value = language
}
