import { computed, watch } from 'vue'
import { useResource } from '../../composables/useResource'
import { recordApi } from '../record/record.api'
import { remindersApi } from './reminders.api'

/**
 * A person's reminders and the record summary beside them (the family doctor's phone for the
 * call button, the age a questionnaire needs). Reloads when the person changes; the old
 * person's list is dropped at once so it never shows under the new name.
 */
export function useReminders(residentId: () => string | null) {
  const list = useResource(() => remindersApi.list(residentId()!))
  const summary = useResource(() => recordApi.summary(residentId()!))

  watch(residentId, (id) => {
    list.data.value = null
    summary.data.value = null
    if (id !== null) {
      void list.reload()
      void summary.reload()
    }
  }, { immediate: true })

  const doctorPhone = computed(() => summary.data.value?.contract?.institution.phone ?? null)

  return { list, summary, doctorPhone }
}
