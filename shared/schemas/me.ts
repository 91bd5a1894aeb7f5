import { z } from 'zod'
import { kinships } from '../residents/kinship'
import { IsoDateSchema, ResidentIdSchema, ResidentStatusSchema, SexSchema } from './common'

export const ActingForSchema = z.object({
  residentId: ResidentIdSchema,
  name: z.string(),
  sex: SexSchema,
  age: z.number().int(),
  status: ResidentStatusSchema,
  relation: z.enum(['self', 'household-parent', 'proxy']),
  /** what this resident is to the account (母亲, 女儿); null for itself or an unnamed relation */
  kinship: z.enum(kinships).nullable(),
  /** what the account may do for this resident: view, book, consult */
  scopes: z.array(z.enum(['view', 'book', 'consult'])),
})
export type ActingFor = z.infer<typeof ActingForSchema>

export const StaffProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(['doctor', 'nurse', 'institution-staff']),
  title: z.string().nullable(),
  institution: z.object({ id: z.string(), name: z.string() }),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
})
export type StaffProfile = z.infer<typeof StaffProfileSchema>

export const MeSchema = z.object({
  account: z.object({ id: z.string(), phoneMasked: z.string(), displayName: z.string().nullable() }),
  mode: z.enum(['demo', 'production']),
  consent: z.object({ required: z.boolean(), noticeVersion: z.string() }),
  /** the residents this account may act for, itself first */
  actingFor: z.array(ActingForSchema),
  staff: StaffProfileSchema.nullable(),
  unreadNotifications: z.number().int(),
  deviceRemembered: z.boolean(),
  /**
   * the county's today (Asia/Shanghai, or the demo's pinned date): what the server judges
   * bookings and reminders on, so the phone's own clock never disagrees with it
   */
  today: IsoDateSchema,
})
export type Me = z.infer<typeof MeSchema>

export const GiveConsentBodySchema = z.object({ noticeVersion: z.string().min(1).max(20) })
