import { computed } from 'vue'
import { useSessionStore } from '../auth/session.store'
import { canBookFor } from './booking-view'

/** Whom the booking pages are about, and whether the account may book and cancel for her. */
export function useBookingPerson(residentId: () => string) {
  const session = useSessionStore()
  const person = computed(() => session.me?.actingFor.find(p => p.residentId === residentId()) ?? null)
  const isSelf = computed(() => person.value?.relation === 'self')
  const canBook = computed(() => canBookFor(person.value))
  return { person, isSelf, canBook }
}
