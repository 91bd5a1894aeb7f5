import { readonly, shallowRef } from 'vue'
import { useSessionStore } from '../auth/session.store'
import type { OutboxEntry } from './consultations.api'
import { consultationsApi } from './consultations.api'
import { createOutbox, indexedDbStorage, newOutboxKey } from './consultation-outbox'
import { OUTBOX_SYNC_TAG } from './consultation-outbox-db'

/** While messages wait, the outbox tries again this often, besides on `online`: a weak network says nothing when it comes back. */
const RETRY_MS = 30_000

const entries = shallowRef<OutboxEntry[]>([])
const sentListeners = new Set<() => void>()
const outbox = createOutbox(indexedDbStorage, entry => entry.consultationId === null
  ? consultationsApi.create(entry.residentId, { topic: entry.topic, body: entry.body, ...(entry.examId ? { examId: entry.examId } : {}), ...(entry.itemCode ? { itemCode: entry.itemCode } : {}) }, entry.key)
  : consultationsApi.write(entry.consultationId, entry.body, entry.key))
let started = false
let timer: ReturnType<typeof setInterval> | undefined

/** Asks the service worker to send the outbox when the network returns, where the browser has Background Sync. */
async function registerSync() {
  if (!('serviceWorker' in navigator))
    return
  const registration = await navigator.serviceWorker.ready as ServiceWorkerRegistration & { sync?: { register: (tag: string) => Promise<void> } }
  await registration.sync?.register(OUTBOX_SYNC_TAG)
}

/**
 * The consultation outbox as pages see it: what waits to be sent ("等待发送"), adding a message,
 * and sending again when the network returns: by the service worker on Background Sync (Chrome,
 * even with the app closed), and by the page on `online`, when it becomes visible, and every
 * half minute while anything waits (every browser; many here have no Background Sync).
 */
export function useConsultationOutbox() {
  const session = useSessionStore()
  const accountId = () => session.me?.account.id ?? null

  async function refresh() {
    const account = accountId()
    entries.value = account === null || !('indexedDB' in window) ? [] : await outbox.all(account)
    if (entries.value.some(e => e.failed === null))
      timer ??= setInterval(() => void flush(), RETRY_MS)
    else if (timer !== undefined) {
      clearInterval(timer)
      timer = undefined
    }
  }

  async function flush() {
    const account = accountId()
    if (account === null || !('indexedDB' in window))
      return
    const sent = await outbox.flush(account).catch(() => 0)
    await refresh()
    if (sent > 0)
      sentListeners.forEach(listener => listener())
  }

  if (!started && typeof window !== 'undefined') {
    started = true
    window.addEventListener('online', () => void flush())
    // the worker sent some on Background Sync: show the threads as the server has them
    navigator.serviceWorker?.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
      if (event.data?.type === OUTBOX_SYNC_TAG) {
        void refresh()
        sentListeners.forEach(listener => listener())
      }
    })
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible')
        void flush()
    })
    void flush()
  }

  return {
    entries: readonly(entries),
    /** Keeps the message on the phone first, then tries to send it. */
    async add(message: Omit<OutboxEntry, 'key' | 'accountId' | 'createdAt' | 'failed'>) {
      const account = accountId()
      if (account === null)
        return
      await outbox.add({ ...message, key: newOutboxKey(), accountId: account, createdAt: new Date().toISOString(), failed: null })
      await refresh()
      await registerSync().catch(() => undefined)
      await flush()
    },
    async discard(key: string) {
      await outbox.remove(key)
      await refresh()
    },
    flush,
    /** Called after the outbox sent something, so a page can read the thread again. */
    onSent(listener: () => void) {
      sentListeners.add(listener)
      return () => sentListeners.delete(listener)
    },
  }
}
