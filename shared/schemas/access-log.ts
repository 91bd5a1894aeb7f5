import { z } from 'zod'
import { pageOf } from './common'

export const AccessLogEntrySchema = z.object({
  id: z.number().int(),
  actorName: z.string(),
  actorRole: z.enum(['proxy', 'household-parent', 'doctor', 'nurse', 'institution-staff']),
  action: z.enum(['read', 'change']),
  what: z.string(),
  at: z.string(),
})
export type AccessLogEntry = z.infer<typeof AccessLogEntrySchema>
export const AccessLogPageSchema = pageOf(AccessLogEntrySchema)
