import { z } from 'zod'
import { IsoDateSchema, ResidentIdSchema } from './common'
import { ExamIdSchema } from './exams'

export type { ExamItemChange } from './exams'

/**
 * The machine import of exam results (issue 5, product.md capability 11): an institution posts
 * a FHIR R4 Bundle or a CSV file to POST /api/import/exams with its API key, and gets back, per
 * exam, what became of it and every problem named.
 */

/** The institution's own id of an exam: with the institution, the key that makes imports idempotent. */
export const ExternalExamIdSchema = z.string().trim().min(1).max(64).regex(/^[\w.:\-/]+$/, 'expected the institution\'s exam id: letters, digits and . _ : - /')

export const ImportExamsQuerySchema = z.object({
  /** report what would happen, write nothing */
  dryRun: z.enum(['true', 'false']).default('false').transform(v => v === 'true'),
})

/** One thing wrong with an exam: where (a CSV row, or a FHIR entry) and which field, and why. */
export const ImportProblemSchema = z.object({
  /** the CSV line (1 is the header) or the Bundle entry index; null for the request as a whole */
  row: z.number().int().nullable(),
  /** the CSV column or the FHIR path */
  field: z.string(),
  reason: z.string(),
})
export type ImportProblem = z.infer<typeof ImportProblemSchema>

/**
 * What became of one exam. `created`: a new exam, pending review. `unchanged`: the same content
 * was imported before. `corrected`: changed content for an exam imported before, kept as a new
 * version. `quarantined`: the resident could not be matched safely; the institution resolves it.
 * `rejected`: nothing written, `problems` says why.
 */
export const ImportOutcomeSchema = z.enum(['created', 'unchanged', 'corrected', 'quarantined', 'rejected'])
export type ImportOutcome = z.infer<typeof ImportOutcomeSchema>

export const ImportExamResultSchema = z.object({
  /** null when the exam's own id could not be read */
  externalId: z.string().nullable(),
  outcome: ImportOutcomeSchema,
  /** our id of the exam, for created, unchanged and corrected */
  examId: ExamIdSchema.nullable(),
  /** the quarantine entry, for quarantined */
  quarantineId: z.string().nullable(),
  /** the exam's version after the import (1 when created) */
  version: z.number().int().nullable(),
  problems: z.array(ImportProblemSchema),
})
export type ImportExamResult = z.infer<typeof ImportExamResultSchema>

export const ImportReportSchema = z.object({
  dryRun: z.boolean(),
  exams: z.array(ImportExamResultSchema),
  totals: z.record(ImportOutcomeSchema, z.number().int()),
})
export type ImportReport = z.infer<typeof ImportReportSchema>

/** Why an exam waits in quarantine. */
export const QuarantineReasonSchema = z.enum(['unknown-id-number', 'identity-mismatch'])

export const QuarantineIdSchema = z.string().regex(/^[a-z2-7]{16}$/, 'expected a quarantine id')
export const QuarantineParamsSchema = z.object({ quarantineId: QuarantineIdSchema })

export const QuarantineQuerySchema = z.object({
  status: z.enum(['open', 'matched', 'rejected']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

/** One exam the institution could not match to a resident, as it sent it. */
export const QuarantineEntrySchema = z.object({
  id: QuarantineIdSchema,
  externalId: z.string(),
  receivedAt: z.string(),
  reason: QuarantineReasonSchema,
  /** who the exam says it is for */
  subject: z.object({ idNumber: z.string(), name: z.string(), birthDate: IsoDateSchema }),
  examDate: IsoDateSchema,
  items: z.number().int(),
  status: z.enum(['open', 'matched', 'rejected']),
  resolvedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  /** the exam made when it was matched */
  examId: ExamIdSchema.nullable(),
})
export type QuarantineEntry = z.infer<typeof QuarantineEntrySchema>
export const QuarantineListSchema = z.object({ items: z.array(QuarantineEntrySchema) })
export type QuarantineList = z.infer<typeof QuarantineListSchema>

/**
 * Match a quarantined exam to the right resident, after checking with her: the ID number, name
 * and birth date of the register must all agree with what is typed here, as for an import.
 */
export const MatchQuarantineBodySchema = z.object({
  idNumber: z.string().trim().regex(/^\d{17}[\dX]$/, 'expected an 18-character ID number'),
  name: z.string().trim().min(1).max(40),
  birthDate: IsoDateSchema,
})
export type MatchQuarantineBody = z.infer<typeof MatchQuarantineBodySchema>

export const RejectQuarantineBodySchema = z.object({ reason: z.string().trim().min(1).max(300) })
export type RejectQuarantineBody = z.infer<typeof RejectQuarantineBodySchema>

/** POST /api/import/exams/:externalId/retract — a result filed under the wrong person is withdrawn. */
export const RetractExamParamsSchema = z.object({ externalId: ExternalExamIdSchema })
export const RetractExamBodySchema = z.object({ reason: z.string().trim().min(1).max(300) })
export type RetractExamBody = z.infer<typeof RetractExamBodySchema>
export const RetractedExamSchema = z.object({
  examId: ExamIdSchema,
  externalId: z.string(),
  residentId: ResidentIdSchema,
  retractedOn: IsoDateSchema,
  reason: z.string(),
})
export type RetractedExam = z.infer<typeof RetractedExamSchema>
