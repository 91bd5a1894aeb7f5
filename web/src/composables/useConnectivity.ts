import { readonly, ref } from 'vue'
import { observeApi } from '../api/client'

const offline = ref(typeof navigator !== 'undefined' && !navigator.onLine)
let started = false

/**
 * Whether what is on screen is live. `navigator.onLine` alone is not enough on a weak rural
 * network: the phone may be "online" while the service worker answered from its cache after the
 * network timed out, so the API client's answers decide too.
 */
export function useConnectivity() {
  if (!started && typeof window !== 'undefined') {
    started = true
    window.addEventListener('offline', () => { offline.value = true })
    observeApi({
      onAnswer: (fromCache) => { offline.value = fromCache },
      onNoAnswer: () => { offline.value = true },
    })
  }
  return { offline: readonly(offline) }
}
