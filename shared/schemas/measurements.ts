import { z } from 'zod'
import type { ReadingLimits } from '../clinical/home-readings'
import { GlucoseTiming, homeReadingLimits, MeasurementKind } from '../clinical/home-readings'

/** A number a home device can show, refused with the limits and what to do (product.md: "a BP of 400 is refused with a clear message"). */
function reading(what: string, limits: ReadingLimits) {
  const message = `a home ${what} reads ${limits.min}–${limits.max} ${limits.unit}; check the number on the device and enter it again`
  return z.number({ error: `enter the ${what} as a number in ${limits.unit}` }).min(limits.min, message).max(limits.max, message)
}

const TakenAtSchema = z.iso.datetime({ offset: true, error: 'expected a date and time, ISO 8601' }).optional()
  .describe('when it was measured; now when absent (a reading saved offline sends its own time)')

export const CreateMeasurementBodySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal(MeasurementKind.BP),
    sbp: reading('systolic (upper) blood pressure', homeReadingLimits.sbp).int('enter whole mmHg'),
    dbp: reading('diastolic (lower) blood pressure', homeReadingLimits.dbp).int('enter whole mmHg'),
    pulse: reading('pulse', homeReadingLimits.pulse).int('enter whole beats a minute').optional(),
    takenAt: TakenAtSchema,
  }).strict().refine(b => b.sbp > b.dbp, { path: ['dbp'], message: 'the lower (diastolic) number must be below the upper (systolic) one; check their order' }),
  z.object({
    kind: z.literal(MeasurementKind.GLUCOSE),
    glucose: reading('blood glucose', homeReadingLimits.glucose),
    timing: z.enum([GlucoseTiming.FASTING, GlucoseTiming.AFTER_MEAL]),
    takenAt: TakenAtSchema,
  }).strict(),
  z.object({
    kind: z.literal(MeasurementKind.WEIGHT),
    weightKg: reading('weight', homeReadingLimits.weightKg),
    takenAt: TakenAtSchema,
  }).strict(),
  z.object({
    kind: z.literal(MeasurementKind.WAIST),
    waistCm: reading('waist', homeReadingLimits.waistCm),
    takenAt: TakenAtSchema,
  }).strict(),
])
export type CreateMeasurementBody = z.infer<typeof CreateMeasurementBodySchema>

export const DangerReasonSchema = z.enum(['bp-crisis', 'hypoglycaemia', 'hyperglycaemia'])

export const MeasurementSchema = z.object({
  id: z.string(),
  kind: z.enum([MeasurementKind.BP, MeasurementKind.GLUCOSE, MeasurementKind.WEIGHT, MeasurementKind.WAIST]),
  takenAt: z.string(),
  /** the day in Asia/Shanghai */
  takenOn: z.string(),
  sbp: z.number().nullable(),
  dbp: z.number().nullable(),
  pulse: z.number().nullable(),
  glucose: z.number().nullable(),
  timing: z.enum([GlucoseTiming.FASTING, GlucoseTiming.AFTER_MEAL]).nullable(),
  weightKg: z.number().nullable(),
  waistCm: z.number().nullable(),
  /** who typed it in: the resident, or the family member who did it for her */
  recordedBy: z.string(),
  /** the reading needs action now (clinical.md); her doctor was told */
  danger: DangerReasonSchema.nullable(),
  doctorNotified: z.boolean(),
})
export type Measurement = z.infer<typeof MeasurementSchema>

export const MeasurementListQuerySchema = z.object({
  kind: z.enum([MeasurementKind.BP, MeasurementKind.GLUCOSE, MeasurementKind.WEIGHT, MeasurementKind.WAIST]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).regex(/^[\w-]+$/).optional(),
})
export type MeasurementListQuery = z.infer<typeof MeasurementListQuerySchema>

export const MeasurementListSchema = z.object({ items: z.array(MeasurementSchema), nextCursor: z.string().nullable() })
export type MeasurementList = z.infer<typeof MeasurementListSchema>
