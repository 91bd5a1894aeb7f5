/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { NetworkFirst } from 'workbox-strategies'
import { FROM_CACHE_HEADER } from './api/cache-header'

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
