import { z } from 'zod'
import { IsoDateSchema, SexSchema } from '../schemas/common'

/**
 * What the reminder engine knows about one resident (policy-rules.md, "The engine's contract"):
 * the facts the rules read, and the resident's history as dated events. The server builds it;
 * the engine never reads anything else.
 */

/** A 6-digit GB/T 2260 administrative code; the province is its first two digits. */
export const RegionCodeSchema = z.string().regex(/^\d{6}$/, 'expected a 6-digit GB/T 2260 region code')

export const Insurance = {
  /** 城乡居民基本医疗保险 (居民医保): the "insured" of the free programmes */
  RESIDENT: 'resident',
  /** 职工基本医疗保险: not in the residents' programmes */
  EMPLOYEE: 'employee',
  NONE: 'none',
} as const
export type Insurance = (typeof Insurance)[keyof typeof Insurance]
export const InsuranceSchema = z.enum(Insurance)

export const SchoolStage = { PRIMARY: 'primary', SECONDARY: 'secondary', COLLEGE: 'college' } as const
export type SchoolStage = (typeof SchoolStage)[keyof typeof SchoolStage]

export const ConditionCode = {
  HYPERTENSION: 'hypertension',
  /** type 2 diabetes, the condition seed 002 §五(七) manages */
  DIABETES: 'diabetes',
  DYSLIPIDAEMIA: 'dyslipidaemia',
  COPD: 'copd',
  SEVERE_MENTAL_DISORDER: 'severe-mental-disorder',
  TUBERCULOSIS: 'tuberculosis',
} as const
export type ConditionCode = (typeof ConditionCode)[keyof typeof ConditionCode]

export const ConditionSchema = z.object({
  code: z.enum(ConditionCode),
  /** under management by the primary-care team (纳入管理) */
  managed: z.boolean(),
})

const ResultSchema = z.enum(['positive', 'negative'])

/**
 * One dated fact of the resident's history. `date` is the day it happened; events dated after
 * the evaluation date are not yet facts and the engine ignores them.
 */
export const PolicyEventSchema = z.discriminatedUnion('kind', [
  /** a completed health exam, whether or not its results are released */
  z.object({ kind: z.literal('exam'), date: IsoDateSchema, examId: z.string().optional() }),
  z.object({ kind: z.literal('exam-released'), date: IsoDateSchema, examId: z.string(), releasedOn: IsoDateSchema, worst: z.enum(['normal', 'abnormal', 'critical']) }),
  z.object({ kind: z.literal('critical-acknowledged'), date: IsoDateSchema, examId: z.string() }),
  /** `selfReported`: given elsewhere and told to us by the resident; it counts (seed 000 §二(二)) */
  z.object({ kind: z.literal('flu-shot'), date: IsoDateSchema, selfReported: z.boolean() }),
  /** the fecal occult blood test (FOBT) */
  z.object({ kind: z.literal('crc-screening'), date: IsoDateSchema, result: ResultSchema }),
  z.object({ kind: z.literal('crc-questionnaire'), date: IsoDateSchema, result: ResultSchema }),
  z.object({ kind: z.literal('copd-questionnaire'), date: IsoDateSchema, result: ResultSchema }),
  z.object({ kind: z.literal('colonoscopy'), date: IsoDateSchema }),
  z.object({ kind: z.literal('spirometry'), date: IsoDateSchema }),
  z.object({ kind: z.literal('followup'), date: IsoDateSchema, mode: z.enum(['face-to-face', 'phone', 'home-visit']) }),
  z.object({ kind: z.literal('consultation'), date: IsoDateSchema }),
  /** a booking in its current state; `date` is the day it was made */
  z.object({ kind: z.literal('booking'), date: IsoDateSchema, bookingId: z.string(), status: z.enum(['open', 'checked-in', 'cancelled']), slotDate: IsoDateSchema }),
])
export type PolicyEvent = z.infer<typeof PolicyEventSchema>
export type PolicyEventKind = PolicyEvent['kind']

/**
 * A parent's residence facts, for a child of in-migrants (changji-2021). Seed 003 §一(二):
 * 未办理居住证明的0-14岁(含14周岁)的流动人口可提供家长的相关居住证明 — a child without a permit of
 * their own qualifies through a parent who holds one (or is insured in Changji). The server fills
 * it from the household; null or absent when no parent's facts are known.
 */
export const ParentResidenceSchema = z.object({
  hukouRegion: RegionCodeSchema,
  residencePermitSince: IsoDateSchema.nullable(),
  insurance: InsuranceSchema,
  insuranceRegion: RegionCodeSchema.nullable(),
})
export type ParentResidence = z.infer<typeof ParentResidenceSchema>

/** The engine's input: one resident (policy-rules.md, the snapshot table). */
export const SnapshotSchema = z.object({
  birthDate: IsoDateSchema,
  sex: SexSchema,
  hukouRegion: RegionCodeSchema,
  residenceRegion: RegionCodeSchema,
  /** date of the local residence permit (居住证), for in-migrants; else null */
  residencePermitSince: IsoDateSchema.nullable(),
  insurance: InsuranceSchema,
  /** the region the insurance is held in; null when uninsured */
  insuranceRegion: RegionCodeSchema.nullable(),
  schoolStage: z.enum(SchoolStage).nullable(),
  /** works for a public unit (机关企事业单位, retirees included): its own Changji cohort */
  publicEmployee: z.boolean(),
  /** has an active family-doctor contract */
  signedDoctor: z.boolean(),
  conditions: z.array(ConditionSchema),
  events: z.array(PolicyEventSchema),
  parentResidence: ParentResidenceSchema.nullable().optional(),
})
export type Snapshot = z.infer<typeof SnapshotSchema>
