/** Set by the service worker (sw.ts) on an answer it served from its cache; read by the API client. */
export const FROM_CACHE_HEADER = 'X-Kangban-From-Cache'
