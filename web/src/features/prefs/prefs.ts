import { z } from 'zod'

/**
 * Preferences that are not health data: the language and elder mode. They live in
 * localStorage under one key, survive reloads, and are the only thing logout keeps.
 */
export const PREFS_KEY = 'kangban.prefs'

export const Language = { ZH_CN: 'zh-CN', EN: 'en' } as const
export type Language = (typeof Language)[keyof typeof Language]

export const PrefsSchema = z.object({
  language: z.enum([Language.ZH_CN, Language.EN]),
  elder: z.boolean(),
})
export type Prefs = z.infer<typeof PrefsSchema>

const defaults: Prefs = { language: Language.ZH_CN, elder: false }

export function readPrefs(storage: Storage = localStorage): Prefs {
  try {
    const parsed = PrefsSchema.safeParse(JSON.parse(storage.getItem(PREFS_KEY) ?? 'null'))
    return parsed.success ? parsed.data : { ...defaults }
  }
  catch {
    return { ...defaults }
  }
}

export function writePrefs(prefs: Prefs, storage: Storage = localStorage): void {
  storage.setItem(PREFS_KEY, JSON.stringify(prefs))
}

/** Sets the root class and language once; every size and colour follows from the CSS variables. */
export function applyPrefs(prefs: Prefs, root: HTMLElement = document.documentElement): void {
  root.classList.toggle('elder', prefs.elder)
  root.lang = prefs.language
}
