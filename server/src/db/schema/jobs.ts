import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * The daily reminder job's answer for every active resident (issue 4): what the engine said on
 * `computedOn`, one row per reminder, for notifications and the dashboard to read without
 * re-running the engine. Derived data, rebuilt in full every night: no foreign key to
 * residents, because checking one per row would double the cost of the nightly write and the
 * job itself removes the rows of residents who are gone.
 */
export const residentReminders = sqliteTable('resident_reminders', {
  residentId: text().notNull(),
  /** the reminder's stable id, as the API and the calendar feed give it */
  id: text().notNull(),
  kind: text().notNull(),
  ruleId: text().notNull(),
  status: text({ enum: ['overdue', 'due', 'upcoming', 'done'] }).notNull(),
  priority: text({ enum: ['high', 'normal'] }).notNull(),
  dueFrom: text().notNull(),
  dueBy: text(),
  free: integer({ mode: 'boolean' }).notNull(),
  action: text().notNull(),
  // JSON: the reason's message key and parameters
  reason: text().notNull(),
  subjectId: text(),
  sensitive: integer({ mode: 'boolean' }).notNull(),
  computedOn: text().notNull(),
}, t => [primaryKey({ columns: [t.residentId, t.id] })])

/**
 * One run of a batch job for one evaluation date. `cursor` is the last resident id whose
 * results are written, committed with them, so a killed run resumes where it stopped.
 */
export const jobRuns = sqliteTable('job_runs', {
  job: text().notNull(),
  on: text().notNull(),
  cursor: text().notNull().default(''),
  residents: integer().notNull().default(0),
  reminders: integer().notNull().default(0),
  startedAt: integer().notNull(),
  finishedAt: integer(),
}, t => [primaryKey({ columns: [t.job, t.on] })])
