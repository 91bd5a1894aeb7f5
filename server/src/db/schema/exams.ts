import { sql } from 'drizzle-orm'
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
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
  status: text({ enum: ['pending-review', 'released'] }).notNull(),
  worst: text({ enum: ['normal', 'abnormal', 'critical'] }).notNull(),
  releasedOn: text(),
  releasedBy: text().references(() => staff.id),
  /** the releasing doctor's words to the resident */
  releaseComment: text(),
  /** the day a doctor acknowledged a critical value (policy-rules.md: the critical-result reminder is then done) */
  criticalAcknowledgedOn: text(),
  criticalAcknowledgedBy: text().references(() => staff.id),
}, t => [
  index('exams_resident_idx').on(t.residentId, t.date, t.status, t.worst, t.releasedOn),
  // the review queues read only the exams still waiting: a small partial index, not a scan of every exam ever done
  index('exams_pending_idx').on(t.institutionId, t.date).where(sql`${t.status} = 'pending-review'`),
])

/** One measured item of an exam. Unit and range come from the catalogue unless the report printed its own. */
export const examItems = sqliteTable('exam_items', {
  examId: integer().notNull().references(() => exams.id),
  code: text().notNull(),
  value: real(),
  valueText: text(),
  flag: text({ enum: ['normal', 'high', 'low', 'critical'] }).notNull(),
  unit: text(),
  refLow: real(),
  refHigh: real(),
}, t => [index('exam_items_exam_idx').on(t.examId)])
