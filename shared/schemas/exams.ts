import { z } from 'zod'
import { IsoDateSchema, pageOf, ResidentIdSchema, SexSchema } from './common'

/**
 * Exam results (issue 5): a resident's exams, one exam's items, one item across the years, and
 * the doctor's review queue. Values of an exam still under review are never sent to anyone but
 * the doctors who review it (seed 001: 经审核后的体检结果 ... 向居民个人开放).
 */

/** An exam id: a random 48-bit integer, sent as a string so that it stays opaque. */
export const ExamIdSchema = z.string().regex(/^\d{1,16}$/, 'expected an exam id')
export const ExamParamsSchema = z.object({ id: ResidentIdSchema, examId: ExamIdSchema })
export const DoctorExamParamsSchema = z.object({ examId: ExamIdSchema })

/** retracted: withdrawn by the institution that did it (filed under the wrong person); no values, only the reason */
export const ExamStatusSchema = z.enum(['pending-review', 'released', 'retracted'])
export const ExamFlagSchema = z.enum(['normal', 'high', 'low', 'critical'])
export const ExamWorstSchema = z.enum(['normal', 'abnormal', 'critical'])

const ItemValueSchema = z.object({ value: z.number().nullable(), valueText: z.string().nullable(), unit: z.string().nullable(), flag: ExamFlagSchema })
/** One item's change in a correction: before or after is null when the item was added or removed. */
export const ExamItemChangeSchema = z.object({
  code: z.string(),
  before: ItemValueSchema.nullable(),
  after: ItemValueSchema.nullable(),
})
export type ExamItemChange = z.infer<typeof ExamItemChangeSchema>

/** One exam in a list. `worst` and `abnormalItems` are null while the exam is under review. */
export const ExamSummarySchema = z.object({
  id: ExamIdSchema,
  date: IsoDateSchema,
  status: ExamStatusSchema,
  institution: z.object({ id: z.string(), name: z.string() }),
  releasedOn: IsoDateSchema.nullable(),
  /** the doctor who released it */
  releasedBy: z.string().nullable(),
  /** the releasing doctor's words to the resident */
  releaseComment: z.string().nullable(),
  worst: ExamWorstSchema.nullable(),
  /** how many items are high, low or critical */
  abnormalItems: z.number().int().nullable(),
  /** 1 as imported; each correction by the institution adds one */
  version: z.number().int(),
  retractedOn: IsoDateSchema.nullable(),
  /** the institution's words on why the result was withdrawn */
  retractionReason: z.string().nullable(),
})
export type ExamSummary = z.infer<typeof ExamSummarySchema>

/** GET /api/residents/:id/exams — newest first, keyset-paged. */
export const ExamPageSchema = pageOf(ExamSummarySchema)

/** One measured item as its report gives it: the value, its unit and range, and how it reads. */
export const ExamItemValueSchema = z.object({
  /** LOINC code of the catalogue (shared/clinical/exam-items.ts gives its names in both languages) */
  code: z.string(),
  value: z.number().nullable(),
  /** the conclusion of a text item (ECG, ultrasound, DR, urine strip) */
  valueText: z.string().nullable(),
  unit: z.string().nullable(),
  refLow: z.number().nullable(),
  refHigh: z.number().nullable(),
  flag: ExamFlagSchema,
})
export type ExamItemValue = z.infer<typeof ExamItemValueSchema>

/** One measured item of a released exam, beside the same item of the exam before it. */
export const ExamItemResultSchema = ExamItemValueSchema.extend({
  /** the same item in the resident's previous released exam, if it had one */
  previous: z.object({ examId: ExamIdSchema, date: IsoDateSchema, value: z.number().nullable(), valueText: z.string().nullable(), unit: z.string().nullable(), flag: ExamFlagSchema }).nullable(),
})
export type ExamItemResult = z.infer<typeof ExamItemResultSchema>

/** One correction of a released exam by the institution: what it changed. */
export const ExamCorrectionSchema = z.object({
  version: z.number().int(),
  correctedAt: z.string(),
  changes: z.array(ExamItemChangeSchema),
})
export type ExamCorrection = z.infer<typeof ExamCorrectionSchema>

/** GET /api/residents/:id/exams/:examId — `items` is empty while the exam is under review or retracted. */
export const ExamDetailSchema = ExamSummarySchema.extend({
  items: z.array(ExamItemResultSchema),
  /** the institution's corrections of the released values, oldest first */
  corrections: z.array(ExamCorrectionSchema),
})
export type ExamDetail = z.infer<typeof ExamDetailSchema>

/** GET /api/residents/:id/observations?code= — one item across the resident's released exams. */
export const ObservationsQuerySchema = z.object({
  code: z.string().regex(/^[\dA-Za-z-]{1,20}$/, 'expected an exam-item code'),
})
export const ObservationSeriesSchema = z.object({
  code: z.string(),
  /** oldest first */
  points: z.array(z.object({
    examId: ExamIdSchema,
    date: IsoDateSchema,
    value: z.number().nullable(),
    valueText: z.string().nullable(),
    unit: z.string().nullable(),
    refLow: z.number().nullable(),
    refHigh: z.number().nullable(),
    flag: ExamFlagSchema,
    institution: z.string(),
  })),
})
export type ObservationSeries = z.infer<typeof ObservationSeriesSchema>

/** GET /api/doctor/exams?status=pending — the exams this doctor may release, oldest first. */
export const DoctorExamsQuerySchema = z.object({
  // product.md names it `pending`; the exam's own status is `pending-review`: both are taken
  status: z.enum(['pending', 'pending-review']).default('pending'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})
export const DoctorExamQueueItemSchema = z.object({
  examId: ExamIdSchema,
  date: IsoDateSchema,
  /** whole days since the exam */
  waitingDays: z.number().int(),
  institution: z.object({ id: z.string(), name: z.string() }),
  resident: z.object({ id: ResidentIdSchema, name: z.string(), sex: SexSchema, age: z.number().int() }),
  /** why this doctor may release it */
  reviewAs: z.enum(['family-doctor', 'institution']),
  worst: ExamWorstSchema,
  /** the items to look at first: critical, then high or low */
  flaggedItems: z.array(z.object({ code: z.string(), value: z.number().nullable(), valueText: z.string().nullable(), unit: z.string().nullable(), flag: ExamFlagSchema })),
  /** the day a doctor acknowledged its critical value; null when it has none or nobody has yet */
  criticalAcknowledgedOn: IsoDateSchema.nullable(),
})
export type DoctorExamQueueItem = z.infer<typeof DoctorExamQueueItemSchema>
export const DoctorExamQueueSchema = z.object({ items: z.array(DoctorExamQueueItemSchema) })
export type DoctorExamQueue = z.infer<typeof DoctorExamQueueSchema>

/** POST /api/doctor/exams/:examId/release — the body may be left out when there is no comment. */
export const ReleaseExamBodySchema = z.object({
  comment: z.string().trim().max(500).optional(),
}).nullish()
export type ReleaseExamBody = z.infer<typeof ReleaseExamBodySchema>

/**
 * POST /api/doctor/exams/:examId/acknowledge — a doctor has seen the critical value and acts on
 * it (policy-rules.md "Abnormal exam results"), before or after the release. The first
 * acknowledgement stands: another one changes nothing.
 */
export const CriticalAcknowledgementSchema = ExamSummarySchema.extend({
  criticalAcknowledgedOn: IsoDateSchema,
  /** the doctor who acknowledged it */
  criticalAcknowledgedBy: z.string(),
})
export type CriticalAcknowledgement = z.infer<typeof CriticalAcknowledgementSchema>
