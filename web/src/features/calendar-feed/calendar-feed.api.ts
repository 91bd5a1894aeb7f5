import { z } from 'zod'
import { CalendarFeedSchema, CreatedCalendarFeedSchema } from '../../../../shared/schemas/reminders'
import { api } from '../../api/client'

const path = (id: string) => `/residents/${encodeURIComponent(id)}/calendar-feed`

export const calendarFeedApi = {
  status: (id: string) => api.get(path(id), CalendarFeedSchema),
  /** A new secret URL, shown once; it replaces any earlier one. */
  create: (id: string) => api.post(path(id), CreatedCalendarFeedSchema),
  /** Whatever the revocation answers (204 or the new status), the page asks for the status again. */
  revoke: (id: string) => api.delete(path(id), z.unknown()),
}
