import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { accounts } from './accounts'
import { staff } from './care'
import { residents } from './residents'

/**
 * A reading the resident (or a family member for her) took at home (product.md capability 15).
 * One row per reading: a BP with its pulse, one glucose, one weight or one waist; the other
 * value columns stay null. Labelled as home readings wherever they appear beside exam values.
 */
export const homeMeasurements = sqliteTable('home_measurements', {
  id: text().primaryKey(),
  residentId: text().notNull().references(() => residents.id),
  kind: text({ enum: ['bp', 'glucose', 'weight', 'waist'] }).notNull(),
  takenAt: integer().notNull(),
  /** the day in Asia/Shanghai, for the year's averages */
  takenOn: text().notNull(),
  sbp: integer(),
  dbp: integer(),
  pulse: integer(),
  glucose: real(),
  timing: text({ enum: ['fasting', 'after-meal'] }),
  weightKg: real(),
  waistCm: real(),
  recordedByAccountId: text().notNull().references(() => accounts.id),
  recordedByName: text().notNull(),
  /** clinical.md: the reading needs action now */
  danger: text({ enum: ['bp-crisis', 'hypoglycaemia', 'hyperglycaemia'] }),
  /** the family doctor told of a dangerous reading, if she has one */
  notifiedStaffId: text().references(() => staff.id),
}, t => [index('home_measurements_resident_idx').on(t.residentId, t.takenAt)])

/**
 * The annual health assessment report (年度健康评估报告, product.md capability 5): one per
 * resident per year. While a draft it is regenerated as a new version when its data change;
 * once the family doctor signs it, it is frozen.
 */
export const annualAssessments = sqliteTable('annual_assessments', {
  id: text().primaryKey(),
  residentId: text().notNull().references(() => residents.id),
  year: integer().notNull(),
  version: integer().notNull(),
  status: text({ enum: ['draft', 'signed'] }).notNull(),
  /** JSON of AssessmentContent (shared/schemas/assessments.ts) */
  content: text().notNull(),
  /** SHA-256 of `content`: the same data again is no new version */
  contentHash: text().notNull(),
  generatedAt: integer().notNull(),
  /** the family doctor of a running contract when generated: whose list it waits on */
  doctorId: text().references(() => staff.id),
  comment: text(),
  signedOn: text(),
  signedAt: integer(),
  signedBy: text().references(() => staff.id),
  signedByName: text(),
}, t => [
  uniqueIndex('annual_assessments_resident_year_idx').on(t.residentId, t.year),
  index('annual_assessments_doctor_idx').on(t.doctorId, t.status, t.year),
])
