import { z } from 'zod'
import { pageOf, ResidentIdSchema } from './common'

export const AccessLogEntrySchema = z.object({
  id: z.number().int(),
  actorName: z.string(),
  actorRole: z.enum(['proxy', 'household-parent', 'doctor', 'nurse', 'institution-staff']),
  action: z.enum(['read', 'change']),
  what: z.string(),
  at: z.string(),
  /** when the resident reported this entry as someone she does not know; null when she did not */
  reportedAt: z.string().nullable(),
})
export type AccessLogEntry = z.infer<typeof AccessLogEntrySchema>
export const AccessLogPageSchema = pageOf(AccessLogEntrySchema)

export const AccessLogEntryParamsSchema = z.object({
  id: ResidentIdSchema,
  entryId: z.coerce.number().int().positive(),
})

/** "这不是我认识的人": the report, as the resident sees it. */
export const AccessReportSchema = z.object({ entryId: z.number().int(), reportedAt: z.string() })

/** A report as the family doctor's institution sees it. */
export const InstitutionAccessReportSchema = z.object({
  id: z.string(),
  residentId: ResidentIdSchema,
  residentName: z.string(),
  entry: AccessLogEntrySchema.omit({ reportedAt: true }),
  reportedAt: z.string(),
})
export type InstitutionAccessReport = z.infer<typeof InstitutionAccessReportSchema>
export const InstitutionAccessReportPageSchema = pageOf(InstitutionAccessReportSchema)
