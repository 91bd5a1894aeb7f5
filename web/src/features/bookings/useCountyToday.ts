import { computed } from 'vue'
import { useSessionStore } from '../auth/session.store'
import { shanghaiToday } from './booking-view'

/**
 * The county's today, as the server judges bookings on it (/api/me): in a demo pinned to another
 * date, or on a phone whose clock is wrong, the phone's own day would offer a cancel the server
 * refuses. The phone's day only until /api/me has answered.
 */
export function useCountyToday() {
  const session = useSessionStore()
  return computed(() => session.me?.today ?? shanghaiToday())
}
