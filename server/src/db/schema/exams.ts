import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { institutions, staff } from './care'
import { residents } from './residents'

/**
 * One health exam (体检). Ids are random 48-bit integers: opaque like resident ids, but compact,
 * because a county holds tens of millions of exam items that point at them.
 */
export const exams = sqliteTable('exams', {
  id: integer().primaryKey(),
  residentId: text().notNull().references(() => residents.id),
  institutionId: text().notNull().references(() => institutions.id),
  externalId: text(),
  date: text().notNull(),
  /** retracted: withdrawn by the institution (filed under the wrong person); its values are shown to no one */
  status: text({ enum: ['pending-review', 'released', 'retracted'] }).notNull(),
  worst: text({ enum: ['normal', 'abnormal', 'critical'] }).notNull(),
  releasedOn: text(),
  releasedBy: text().references(() => staff.id),
  /** the releasing doctor's words to the resident */
  releaseComment: text(),
  /** the day a doctor acknowledged a critical value (policy-rules.md: the critical-result reminder is then done) */
  criticalAcknowledgedOn: text(),
  criticalAcknowledgedBy: text().references(() => staff.id),
  /** 1 when imported; each correction re-import adds one (exam_corrections keeps what changed) */
  version: integer().notNull().default(1),
  /** SHA-256 of the imported content: the same content again is `unchanged` */
  contentHash: text(),
  retractedOn: text(),
  retractionReason: text(),
}, t => [
  // an institution's exam id names one exam: imports are idempotent by it
  uniqueIndex('exams_external_idx').on(t.institutionId, t.externalId),
  // with the institution, a trend reads her released exams from the index alone
  index('exams_resident_idx').on(t.residentId, t.date, t.status, t.worst, t.releasedOn, t.institutionId),
  // the review queues read only the exams still waiting: a small partial index, not a scan of every exam ever done
  index('exams_pending_idx').on(t.institutionId, t.date).where(sql`${t.status} = 'pending-review'`),
])

/** One measured item of an exam, one per item code. Unit and range come from the catalogue unless the report printed its own. */
export const examItems = sqliteTable('exam_items', {
  examId: integer().notNull().references(() => exams.id),
  code: text().notNull(),
  value: real(),
  valueText: text(),
  flag: text({ enum: ['normal', 'high', 'low', 'critical'] }).notNull(),
  unit: text(),
  refLow: real(),
  refHigh: real(),
}, t => [
  // by exam and item: a trend reads one item of each of her exams, not all forty of each. (Kept
  // a rowid table: clustered by exam and item, the import's writes landed all over the file and
  // it took a quarter fewer exams a second, for 4 µs less on a trend.)
  index('exam_items_exam_idx').on(t.examId, t.code),
])

/** What a correction re-import changed: one row per new version, told to the resident. */
export const examCorrections = sqliteTable('exam_corrections', {
  examId: integer().notNull().references(() => exams.id),
  version: integer().notNull(),
  correctedAt: integer().notNull(),
  /** JSON array of ExamItemChange (shared/schemas/import.ts) */
  changes: text().notNull(),
}, t => [primaryKey({ columns: [t.examId, t.version] })])

/**
 * An imported exam that could not be matched to a resident safely (ID number, name and birth
 * date must all agree): kept as sent until the institution matches it to the right resident or
 * rejects it. Keyed like exams, so sending it again replaces it rather than adding another.
 */
export const importQuarantine = sqliteTable('import_quarantine', {
  id: text().primaryKey(),
  institutionId: text().notNull().references(() => institutions.id),
  externalId: text().notNull(),
  receivedAt: integer().notNull(),
  reason: text({ enum: ['unknown-id-number', 'identity-mismatch'] }).notNull(),
  idNumber: text().notNull(),
  name: text().notNull(),
  birthDate: text().notNull(),
  examDate: text().notNull(),
  /** JSON of the checked exam (items in catalogue units), ready to be written once matched */
  exam: text().notNull(),
  contentHash: text().notNull(),
  status: text({ enum: ['open', 'matched', 'rejected'] }).notNull(),
  resolvedAt: integer(),
  /** the staff member, or null for the institution's API key */
  resolvedBy: text().references(() => staff.id),
  resolutionNote: text(),
  examId: integer().references(() => exams.id),
}, t => [uniqueIndex('import_quarantine_external_idx').on(t.institutionId, t.externalId)])
