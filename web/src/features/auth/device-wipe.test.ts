// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PREFS_KEY } from '../prefs/prefs'
import { wipeDevice } from './device-wipe'

afterEach(() => {
  vi.unstubAllGlobals()
  localStorage.clear()
  sessionStorage.clear()
})

function fakeDeleteRequest() {
  const request = new EventTarget()
  queueMicrotask(() => request.dispatchEvent(new Event('success')))
  return request
}

describe('wipeDevice', () => {
  it('deletes every cache and database, clears storage, and keeps only the preferences', async () => {
    const cacheNames = ['workbox-precache-v2', 'kangban-api']
    const deleted: string[] = []
    vi.stubGlobal('caches', {
      keys: async () => cacheNames,
      delete: async (name: string) => { deleted.push(`cache:${name}`); return true },
    })
    vi.stubGlobal('indexedDB', {
      databases: async () => [{ name: 'workbox-expiration', version: 1 }, { name: 'keyval-store', version: 1 }],
      deleteDatabase: (name: string) => { deleted.push(`db:${name}`); return fakeDeleteRequest() },
    })
    localStorage.setItem(PREFS_KEY, 'stale')
    localStorage.setItem('last-resident', 'abc')
    sessionStorage.setItem('draft', 'x')

    await wipeDevice({ language: 'en', elder: true })

    expect(deleted.sort()).toEqual(['cache:kangban-api', 'cache:workbox-precache-v2', 'db:kangban-outbox', 'db:keyval-store', 'db:workbox-expiration'])
    expect(Object.keys(localStorage)).toEqual([PREFS_KEY])
    expect(JSON.parse(localStorage.getItem(PREFS_KEY)!)).toEqual({ language: 'en', elder: true })
    expect(sessionStorage.length).toBe(0)
  })

  it('deletes the consultation outbox (messages waiting to be sent) where the browser cannot list its databases', async () => {
    const deleted: string[] = []
    vi.stubGlobal('caches', { keys: async () => [], delete: async () => true })
    vi.stubGlobal('indexedDB', { deleteDatabase: (name: string) => { deleted.push(name); return fakeDeleteRequest() } })
    await wipeDevice({ language: 'zh-CN', elder: false })
    expect(deleted).toEqual(['kangban-outbox'])
  })
})
