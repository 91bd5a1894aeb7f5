import { ReminderListSchema, type ReportFluShotBody, SelfReportedImmunizationSchema } from '../../../../shared/schemas/reminders'
import { api } from '../../api/client'

const base = (id: string) => `/residents/${encodeURIComponent(id)}`

export const remindersApi = {
  list: (id: string) => api.get(`${base(id)}/reminders`, ReminderListSchema),
  /** "I had my flu shot elsewhere": it counts, shown as reported (seed 000 §二(二)). */
  reportFluShot: (id: string, date: string) =>
    api.post(`${base(id)}/immunizations/self-reported`, SelfReportedImmunizationSchema, { vaccine: 'influenza', date } satisfies ReportFluShotBody),
}
