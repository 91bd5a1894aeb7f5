import { z } from 'zod'
import { IsoDateSchema, pageOf, ResidentIdSchema, ResidentStatusSchema, SexSchema } from './common'

export const ConditionSchema = z.object({
  id: z.string(),
  code: z.enum(['hypertension', 'diabetes', 'dyslipidaemia', 'copd', 'severe-mental-disorder', 'tuberculosis', 'hiv', 'other']),
  name: z.string(),
  diagnosedOn: IsoDateSchema.nullable(),
  managed: z.boolean(),
})
export type Condition = z.infer<typeof ConditionSchema>

export const AllergySchema = z.object({
  id: z.string(),
  substance: z.string(),
  reaction: z.string().nullable(),
  recordedOn: IsoDateSchema.nullable(),
})

export const ContractSchema = z.object({
  doctor: z.object({ id: z.string(), name: z.string(), title: z.string().nullable(), replyTime: z.string().nullable() }),
  team: z.object({
    id: z.string(),
    name: z.string(),
    members: z.array(z.object({ name: z.string(), role: z.enum(['doctor', 'nurse', 'institution-staff']), title: z.string().nullable() })),
  }),
  institution: z.object({ id: z.string(), name: z.string(), phone: z.string() }),
  servicePackage: z.string(),
  signedOn: IsoDateSchema,
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema,
})
export type Contract = z.infer<typeof ContractSchema>

/** GET /api/residents/:id — the record header and what fits on its first screen. */
export const ResidentSummarySchema = z.object({
  id: ResidentIdSchema,
  name: z.string(),
  sex: SexSchema,
  birthDate: IsoDateSchema,
  age: z.number().int(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  township: z.string(),
  address: z.string(),
  insurance: z.enum(['resident', 'employee', 'none']),
  hukouRegion: z.string(),
  status: ResidentStatusSchema,
  statusSince: IsoDateSchema.nullable(),
  recordOpenedOn: IsoDateSchema,
  /** how the viewer is related to this record */
  viewerRelation: z.enum(['self', 'household-parent', 'care-team', 'proxy']),
  /** true when items marked sensitive or private were left out for this viewer */
  sensitiveHidden: z.boolean(),
  conditions: z.array(ConditionSchema),
  allergies: z.array(AllergySchema),
  contract: ContractSchema.nullable(),
  /** server time of this answer; the app shows it as "last synced" offline */
  syncedAt: z.string(),
})
export type ResidentSummary = z.infer<typeof ResidentSummarySchema>

export const EncounterSchema = z.object({
  id: z.string(),
  date: IsoDateSchema,
  kind: z.enum(['outpatient', 'inpatient', 'emergency']),
  institution: z.string(),
  department: z.string(),
  diagnosis: z.string(),
})
export type Encounter = z.infer<typeof EncounterSchema>

export const FollowupSchema = z.object({
  id: z.string(),
  date: IsoDateSchema,
  programme: z.enum(['hypertension', 'diabetes', 'severe-mental-disorder']),
  mode: z.enum(['face-to-face', 'phone', 'home-visit']),
  sbp: z.number().int().nullable(),
  dbp: z.number().int().nullable(),
  fastingGlucose: z.number().nullable(),
  classification: z.enum(['controlled', 'uncontrolled', 'adverse-reaction', 'complication']),
  nextDate: IsoDateSchema.nullable(),
  staffName: z.string().nullable(),
})
export type Followup = z.infer<typeof FollowupSchema>

export const ImmunizationSchema = z.object({
  id: z.string(),
  date: IsoDateSchema,
  vaccine: z.enum(['influenza', 'pneumococcal', 'covid-19', 'hepatitis-b', 'mmr', 'dtap', 'other']),
  institution: z.string().nullable(),
  selfReported: z.boolean(),
})
export type Immunization = z.infer<typeof ImmunizationSchema>

export const MedicationSchema = z.object({
  id: z.string(),
  name: z.string(),
  dose: z.string(),
  frequency: z.string(),
  startedOn: IsoDateSchema,
  stoppedOn: IsoDateSchema.nullable(),
})
export type Medication = z.infer<typeof MedicationSchema>

export const EncounterPageSchema = pageOf(EncounterSchema)
export const FollowupPageSchema = pageOf(FollowupSchema)
export const ImmunizationPageSchema = pageOf(ImmunizationSchema)
export const MedicationPageSchema = pageOf(MedicationSchema)
