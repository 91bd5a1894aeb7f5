import { z } from 'zod'
import { ResidentIdSchema } from './common'
import { ExamItemValueSchema } from './exams'

/** The measures of the annual report, in the order it shows them. */
export const AssessmentMeasureKey = {
  BP: 'bp',
  FASTING_GLUCOSE: 'fastingGlucose',
  HBA1C: 'hba1c',
  TC: 'tc',
  LDL: 'ldl',
  HDL: 'hdl',
  TG: 'tg',
  BMI: 'bmi',
  WEIGHT: 'weight',
  WAIST: 'waist',
} as const
export type AssessmentMeasureKey = (typeof AssessmentMeasureKey)[keyof typeof AssessmentMeasureKey]
const measureKeys = Object.values(AssessmentMeasureKey) as [AssessmentMeasureKey, ...AssessmentMeasureKey[]]

/** Why the resident gets a report (seed 000 §三(三): signed older residents and every 三高 patient). */
export const EligibilityReasonSchema = z.enum(['signed-65', 'hypertension', 'diabetes', 'dyslipidaemia'])
export type EligibilityReason = z.infer<typeof EligibilityReasonSchema>


/**
 * One measure of the year. `value` is the year's exam value, or the average of her home readings
 * when the exam has none (`source` says which); BP carries the diastolic in `value2`. The
 * category and target are judged on `value`.
 */
export const AssessmentMeasureSchema = z.object({
  key: z.enum(measureKeys),
  /** the exam item's LOINC code (BP: systolic) */
  code: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  value2: z.number().nullable(),
  source: z.enum(['exam', 'home']).nullable(),
  /** last year's exam value, and the change from it ("比去年下降0.4") */
  previous: z.number().nullable(),
  previous2: z.number().nullable(),
  change: z.number().nullable(),
  change2: z.number().nullable(),
  /** a category name of shared/clinical/health-categories.ts */
  category: z.string().nullable(),
  /** upper target, exclusive (BP: systolic, with the diastolic in `targetBelow2`) */
  targetBelow: z.number().nullable(),
  targetBelow2: z.number().nullable(),
  /** null when there is no value or no target */
  metTarget: z.boolean().nullable(),
  /** the year's home readings of this measure: their average and how many */
  home: z.object({ average: z.number(), average2: z.number().nullable(), count: z.number().int() }).nullable(),
})
export type AssessmentMeasure = z.infer<typeof AssessmentMeasureSchema>

export const ChinaParInputNameSchema = z.enum(['sex', 'age', 'sbp', 'treated', 'tcMmol', 'hdlMmol', 'waistCm', 'smoker', 'diabetes', 'north', 'urban', 'familyHistory'])

export const AssessmentRiskSchema = z.object({
  /** 10-year ASCVD risk in percent (China-PAR), null with `missing` or an age outside 35–74 */
  risk: z.number().nullable(),
  category: z.enum(['low', 'medium', 'high']).nullable(),
  /** what it would be at ideal values (clinical.md) */
  ideal: z.number().nullable(),
  missing: z.array(ChinaParInputNameSchema),
  ageOutOfRange: z.boolean(),
})
export type AssessmentRisk = z.infer<typeof AssessmentRiskSchema>

export const AssessmentDueSchema = z.object({
  /** the reminder's kind (shared/policy) */
  kind: z.string(),
  status: z.enum(['overdue', 'due', 'upcoming']),
  dueFrom: z.string(),
  free: z.boolean(),
})

/** The report as generated: every figure, frozen with it when signed. */
export const AssessmentContentSchema = z.object({
  year: z.number().int(),
  /** the evaluation date it was generated on */
  asOf: z.string(),
  subject: z.object({
    name: z.string(),
    sex: z.enum(['male', 'female']),
    age: z.number().int(),
    conditions: z.array(z.string()),
    eligibleBecause: z.array(EligibilityReasonSchema),
  }),
  examDate: z.string().nullable(),
  previousExamDate: z.string().nullable(),
  measures: z.array(AssessmentMeasureSchema),
  risk: AssessmentRiskSchema,
  abnormal: z.array(ExamItemValueSchema),
  /** what changed since last year's exam */
  changes: z.object({
    newAbnormal: z.array(z.string()),
    backToNormal: z.array(z.string()),
    /** reminder kinds that became due this year */
    newlyDue: z.array(z.string()),
  }),
  /** what is due next (reminders not done), soonest first */
  due: z.array(AssessmentDueSchema),
})
export type AssessmentContent = z.infer<typeof AssessmentContentSchema>

export const AssessmentStatusSchema = z.enum(['draft', 'signed'])

export const AssessmentSchema = z.object({
  id: z.string(),
  residentId: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  status: AssessmentStatusSchema,
  generatedAt: z.string(),
  content: AssessmentContentSchema,
  /** the family doctor's comment: shown to the resident once signed, to the doctor always */
  comment: z.string().nullable(),
  signed: z.object({ on: z.string(), by: z.string() }).nullable(),
})
export type Assessment = z.infer<typeof AssessmentSchema>

export const AssessmentSummarySchema = AssessmentSchema.pick({ id: true, year: true, version: true, status: true, generatedAt: true, signed: true })
export type AssessmentSummary = z.infer<typeof AssessmentSummarySchema>

export const AssessmentListSchema = z.object({ items: z.array(AssessmentSummarySchema) })
export type AssessmentList = z.infer<typeof AssessmentListSchema>

export const AssessmentYearParamsSchema = z.object({
  id: ResidentIdSchema,
  year: z.coerce.number().int().min(2000, 'expected a year from 2000').max(2100, 'expected a year up to 2100'),
})

export const AssessmentIdParamsSchema = z.object({ assessmentId: z.string().regex(/^[a-z2-7]{16}$/, 'expected an assessment id') })

/** The doctor's edit: his comment, and whether he signs now. A signed report takes neither again. */
export const UpdateAssessmentBodySchema = z.object({
  comment: z.string().trim().min(1, 'write a comment for the resident').max(2000, 'keep the comment under 2000 characters'),
  sign: z.boolean().default(false),
  /** the version he read: a newer one means the data changed under him */
  version: z.number().int().min(1),
}).strict()
export type UpdateAssessmentBody = z.infer<typeof UpdateAssessmentBodySchema>

export const DoctorAssessmentQuerySchema = z.object({
  status: AssessmentStatusSchema.default('draft'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})

export const DoctorAssessmentItemSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  status: AssessmentStatusSchema,
  generatedAt: z.string(),
  hasComment: z.boolean(),
  resident: z.object({ id: z.string(), name: z.string(), sex: z.enum(['male', 'female']), age: z.number().int() }),
})
export const DoctorAssessmentListSchema = z.object({ items: z.array(DoctorAssessmentItemSchema) })
export type DoctorAssessmentList = z.infer<typeof DoctorAssessmentListSchema>
