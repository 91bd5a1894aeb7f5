import { z } from 'zod'
import { isIsoDate, isoDatePattern } from '../iso-date'

export const IsoDateSchema = z.string().regex(isoDatePattern, 'expected a date YYYY-MM-DD').refine(isIsoDate, 'expected a day that exists')
export const ResidentIdSchema = z.string().regex(/^[a-z2-7]{16}$/, 'expected a resident id')
export const PhoneSchema = z.string().regex(/^1[3-9]\d{9}$/, 'expected an 11-digit mainland mobile number')

export const ResidentParamsSchema = z.object({ id: ResidentIdSchema })

/** Keyset paging: `cursor` is the opaque `nextCursor` of the previous page. */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).regex(/^[\w-]+$/).optional(),
})
export type PageQuery = z.infer<typeof PageQuerySchema>

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() })
}

export const SexSchema = z.enum(['male', 'female'])
export const ResidentStatusSchema = z.enum(['active', 'moved-away', 'deceased'])
