/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { NetworkFirst } from 'workbox-strategies'
import { FROM_CACHE_HEADER } from './api/cache-header'
import { OUTBOX_SYNC_TAG, outboxRows } from './features/consultations/consultation-outbox-db'

type WorkboxPlugin = NonNullable<NonNullable<ConstructorParameters<typeof NetworkFirst>[0]>['plugins']>[number]

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string, revision: string | null })[] }

const API_CACHE = 'kangban-api'
const API_CACHE_MAX_ENTRIES = 200
/** The same 30 days a remembered device stays signed in; older copies are not worth showing. */
const API_CACHE_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000
/**
 * Sign-in, the demo outbox and the liveness check must always be live answers; the import's
 * quarantine lists other people's ID numbers on a front-desk screen and is worth nothing stale.
 */
const NEVER_CACHED = ['/api/auth/', '/api/dev/', '/api/health', '/api/import/']

// oxlint-disable-next-line no-underscore-dangle -- the injection point Workbox's build replaces with the precache list
precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()

// The shell answers every navigation, but never a path under /api/: those are the server's.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }))

/**
 * Bounds the cache by count and age without workbox-expiration: that plugin keeps its
 * timestamps in an IndexedDB database the worker holds open, which would block logout's
 * deleteDatabase. The Date header of each stored answer is enough.
 */
const boundedApiCache: WorkboxPlugin = {
  cachedResponseWillBeUsed: async ({ cachedResponse }) => {
    if (cachedResponse === undefined || cachedResponse === null)
      return null
    const date = Date.parse(cachedResponse.headers.get('Date') ?? '')
    if (Number.isNaN(date) || Date.now() - date > API_CACHE_MAX_AGE_MS)
      return null
    // Tells the page it is looking at saved data, so it can say so and when it was synced.
    const headers = new Headers(cachedResponse.headers)
    headers.set(FROM_CACHE_HEADER, '1')
    return new Response(cachedResponse.body, { status: cachedResponse.status, statusText: cachedResponse.statusText, headers })
  },
  cacheDidUpdate: async ({ cacheName }) => {
    const cache = await caches.open(cacheName)
    const keys = await cache.keys()
    await Promise.all(keys.slice(0, Math.max(0, keys.length - API_CACHE_MAX_ENTRIES)).map(key => cache.delete(key)))
  },
}

registerRoute(
  ({ url, request, sameOrigin }) => sameOrigin && request.method === 'GET'
    && url.pathname.startsWith('/api/') && !NEVER_CACHED.some(prefix => url.pathname.startsWith(prefix))
    // the record export is a download: always live, and not a second copy of the whole record in the cache
    && !url.pathname.endsWith('/export'),
  // A weak rural network may neither answer nor fail for a long time: after 3 s show the saved copy.
  new NetworkFirst({ cacheName: API_CACHE, networkTimeoutSeconds: 3, plugins: [boundedApiCache] }),
)

self.addEventListener('install', () => {
  void self.skipWaiting()
})
self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim())
})

// Web Push (issue 8). The payload is the server's { title, body, url }; anything else shows the
// app's name alone rather than nothing, because a push that shows no notification is one the
// browser may stop delivering.
self.addEventListener('push', (event) => {
  let message: { title?: unknown, body?: unknown, url?: unknown } = {}
  try {
    message = event.data?.json() ?? {}
  }
  catch {}
  const url = typeof message.url === 'string' && message.url.startsWith('/') && !message.url.startsWith('//') ? message.url : '/notifications'
  event.waitUntil(self.registration.showNotification(typeof message.title === 'string' ? message.title : '康伴', {
    body: typeof message.body === 'string' ? message.body : '',
    icon: '/icons/icon-192.png',
    tag: url,
    data: { url },
  }))
})

// A tap opens the app where the notice leads: in a window already open when there is one.
self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  const url = (event.notification.data as { url?: string } | null)?.url ?? '/notifications'
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: 'window' })
    const open = windows[0]
    if (open !== undefined) {
      await open.focus()
      await open.navigate(url)
    }
    else {
      await self.clients.openWindow(url)
    }
  })())
})

/**
 * Background Sync (issue 8), where the browser has it: consultation messages written offline
 * go when the network returns, even with the app closed. Same store and idempotency keys as the
 * page's own retry, so whichever sends first, the server stores each message once.
 */
interface OutboxRow { key: string, residentId: string, consultationId: string | null, topic: string, examId?: string, itemCode?: string, body: string, createdAt: string, failed: string | null }

async function sendOutbox(): Promise<void> {
  const rows = (await outboxRows.all() as OutboxRow[]).filter(r => r.failed === null).sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  let sent = 0
  try {
    for (const row of rows) {
      const fresh = row.consultationId === null
      const response = await fetch(fresh ? `/api/residents/${encodeURIComponent(row.residentId)}/consultations` : `/api/consultations/${encodeURIComponent(row.consultationId!)}/messages`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': row.key },
        body: JSON.stringify(fresh ? { topic: row.topic, body: row.body, examId: row.examId, itemCode: row.itemCode } : { body: row.body }),
      })
      // signed out, too many, or the server failing: the browser tries the sync again later
      if (response.status === 401 || response.status === 429 || response.status >= 500)
        throw new Error(`outbox: ${response.status}`)
      if (response.ok) {
        await outboxRows.delete(row.key)
        sent++
      }
      else {
        const body = await response.json().catch(() => null) as { error?: { code?: string } } | null
        await outboxRows.put({ ...row, failed: body?.error?.code ?? `HTTP_${response.status}` })
      }
    }
  }
  finally {
    if (sent > 0) {
      for (const client of await self.clients.matchAll({ type: 'window' })) {
        // oxlint-disable-next-line unicorn/require-post-message-target-origin -- Client.postMessage has no target origin: the client is this origin's own window
        client.postMessage({ type: OUTBOX_SYNC_TAG })
      }
    }
  }
}

self.addEventListener('sync', (event: Event) => {
  const sync = event as ExtendableEvent & { tag: string }
  if (sync.tag === OUTBOX_SYNC_TAG)
    sync.waitUntil(sendOutbox())
})
