import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { institutions, staff } from './care'
import { residents } from './residents'

export const conditionCodes = ['hypertension', 'diabetes', 'dyslipidaemia', 'copd', 'severe-mental-disorder', 'tuberculosis', 'hiv', 'other'] as const

export const conditions = sqliteTable('conditions', {
  id: text().primaryKey(),
  residentId: text().notNull().references(() => residents.id),
  code: text({ enum: conditionCodes }).notNull(),
  name: text().notNull(),
  diagnosedOn: text(),
  managed: integer({ mode: 'boolean' }).notNull().default(false),
  // severe mental disorder, tuberculosis, HIV: hidden from proxies (product.md capability 7)
  sensitive: integer({ mode: 'boolean' }).notNull().default(false),
  // marked private by the resident: hidden from proxies too
  private: integer({ mode: 'boolean' }).notNull().default(false),
  // the resident indexes of the tables the reminder engine reads carry the columns it reads, so
  // the nightly job (issue 4) scans an index range instead of fetching rows scattered over the file
}, t => [index('conditions_resident_idx').on(t.residentId, t.code, t.managed, t.sensitive, t.private)])

export const allergies = sqliteTable('allergies', {
  id: text().primaryKey(),
  residentId: text().notNull().references(() => residents.id),
  substance: text().notNull(),
  reaction: text(),
  recordedOn: text(),
}, t => [index('allergies_resident_idx').on(t.residentId)])

/** 诊疗记录 */
export const encounters = sqliteTable('encounters', {
  id: text().primaryKey(),
  residentId: text().notNull().references(() => residents.id),
  institutionId: text().notNull().references(() => institutions.id),
  date: text().notNull(),
  kind: text({ enum: ['outpatient', 'inpatient', 'emergency'] }).notNull(),
  department: text().notNull(),
  diagnosis: text().notNull(),
  sensitive: integer({ mode: 'boolean' }).notNull().default(false),
}, t => [index('encounters_resident_idx').on(t.residentId, t.date)])

/** 随访记录 of chronic-disease management */
export const followups = sqliteTable('followups', {
  id: text().primaryKey(),
  residentId: text().notNull().references(() => residents.id),
  staffId: text().references(() => staff.id),
  date: text().notNull(),
  programme: text({ enum: ['hypertension', 'diabetes', 'severe-mental-disorder'] }).notNull(),
  mode: text({ enum: ['face-to-face', 'phone', 'home-visit'] }).notNull(),
  sbp: integer(),
  dbp: integer(),
  fastingGlucose: real(),
  // 随访分类 of the national standard
  classification: text({ enum: ['controlled', 'uncontrolled', 'adverse-reaction', 'complication'] }).notNull(),
  nextDate: text(),
}, t => [index('followups_resident_idx').on(t.residentId, t.date, t.mode)])

export const immunizations = sqliteTable('immunizations', {
  id: text().primaryKey(),
  residentId: text().notNull().references(() => residents.id),
  vaccine: text({ enum: ['influenza', 'pneumococcal', 'covid-19', 'hepatitis-b', 'mmr', 'dtap', 'other'] }).notNull(),
  date: text().notNull(),
  institutionId: text().references(() => institutions.id),
  selfReported: integer({ mode: 'boolean' }).notNull().default(false),
}, t => [index('immunizations_resident_idx').on(t.residentId, t.date, t.vaccine, t.selfReported)])

/** 连续用药记录 */
export const medications = sqliteTable('medications', {
  id: text().primaryKey(),
  residentId: text().notNull().references(() => residents.id),
  name: text().notNull(),
  dose: text().notNull(),
  frequency: text().notNull(),
  startedOn: text().notNull(),
  stoppedOn: text(),
}, t => [index('medications_resident_idx').on(t.residentId, t.startedOn)])

/** Screenings and questionnaires that are not immunizations or exams (FOBT, colonoscopy, COPD-SQ, spirometry). */
export const screenings = sqliteTable('screenings', {
  id: text().primaryKey(),
  residentId: text().notNull().references(() => residents.id),
  kind: text({ enum: ['crc-screening', 'crc-questionnaire', 'colonoscopy', 'copd-questionnaire', 'spirometry'] }).notNull(),
  date: text().notNull(),
  result: text({ enum: ['positive', 'negative'] }),
}, t => [index('screenings_resident_idx').on(t.residentId, t.date, t.kind, t.result)])
