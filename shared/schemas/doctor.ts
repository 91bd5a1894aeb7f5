import { z } from 'zod'
import { IsoDateSchema, pageOf, ResidentIdSchema, ResidentStatusSchema, SexSchema } from './common'

export const DoctorResidentsQuerySchema = z.object({
  q: z.string().trim().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  cursor: z.string().max(200).regex(/^[\w-]+$/).optional(),
})

export const DoctorResidentRowSchema = z.object({
  id: ResidentIdSchema,
  name: z.string(),
  sex: SexSchema,
  age: z.number().int(),
  township: z.string(),
  status: ResidentStatusSchema,
  conditions: z.array(z.string()),
  contractEndsOn: IsoDateSchema,
})
export type DoctorResidentRow = z.infer<typeof DoctorResidentRowSchema>
export const DoctorResidentPageSchema = pageOf(DoctorResidentRowSchema)
