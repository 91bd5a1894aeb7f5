import { OUTBOX_DATABASE } from '../consultations/consultation-outbox-db'
import { PREFS_KEY, type Prefs, writePrefs } from '../prefs/prefs'

/**
 * Removes every byte of health data this browser holds for the app: all Cache Storage caches
 * (the service worker's API cache included), all IndexedDB databases, sessionStorage, and
 * localStorage except the preferences, which are written back afterwards because the server's
 * `Clear-Site-Data` may already have cleared them.
 */
export async function wipeDevice(prefs: Prefs): Promise<void> {
  if ('caches' in window) {
    const names = await caches.keys()
    await Promise.all(names.map(name => caches.delete(name)))
  }
  if ('indexedDB' in window) {
    // Firefox before 126 cannot list its databases: the ones the app makes are named
    const names = typeof indexedDB.databases === 'function' ? (await indexedDB.databases()).flatMap(db => db.name === undefined ? [] : [db.name]) : []
    await Promise.all([...new Set([...names, OUTBOX_DATABASE])].map(deleteDatabase))
  }
  // the next person to sign in on this phone must not get the last one's pop-ups
  if ('serviceWorker' in navigator && 'PushManager' in window) {
    const registration = await navigator.serviceWorker.getRegistration()
    await (await registration?.pushManager.getSubscription())?.unsubscribe().catch(() => false)
  }
  sessionStorage.clear()
  for (const key of Object.keys(localStorage)) {
    if (key !== PREFS_KEY)
      localStorage.removeItem(key)
  }
  writePrefs(prefs)
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name)
    request.addEventListener('success', () => resolve())
    request.addEventListener('error', () => resolve())
    // Another tab holding the database open blocks the delete until it closes; it still happens.
    request.addEventListener('blocked', () => resolve())
  })
}
