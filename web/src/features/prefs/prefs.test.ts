// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { applyPrefs, PREFS_KEY, readPrefs, writePrefs } from './prefs'

beforeEach(() => localStorage.clear())

describe('preferences', () => {
  it('default to Chinese without elder mode', () => {
    expect(readPrefs()).toEqual({ language: 'zh-CN', elder: false })
  })

  it('survive a reload through localStorage', () => {
    writePrefs({ language: 'en', elder: true })
    expect(localStorage.getItem(PREFS_KEY)).toBe('{"language":"en","elder":true}')
    expect(readPrefs()).toEqual({ language: 'en', elder: true })
  })

  it('fall back to the defaults when the stored value is not ours', () => {
    localStorage.setItem(PREFS_KEY, '{"language":"fr"')
    expect(readPrefs()).toEqual({ language: 'zh-CN', elder: false })
    localStorage.setItem(PREFS_KEY, '{"language":"fr","elder":1}')
    expect(readPrefs()).toEqual({ language: 'zh-CN', elder: false })
  })

  it('set the elder class and the language once on the root element', () => {
    const root = document.createElement('html')
    applyPrefs({ language: 'en', elder: true }, root)
    expect(root.classList.contains('elder')).toBe(true)
    expect(root.lang).toBe('en')
    applyPrefs({ language: 'zh-CN', elder: false }, root)
    expect(root.classList.contains('elder')).toBe(false)
    expect(root.lang).toBe('zh-CN')
  })
})
