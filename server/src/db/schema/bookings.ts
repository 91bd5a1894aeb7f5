import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { accounts } from './accounts'
import { institutions, staff } from './care'
import { residents } from './residents'

/**
 * What an institution offers for booking (issue 6, seed 001 "1+X"): its base package ("1", free
 * to whoever is due a free exam; the standard the government pays is its price) and optional
 * items ("X", co-paid: the government's share and the resident's). Prices in fen.
 */
export const examPackages = sqliteTable('exam_packages', {
  id: text().primaryKey(),
  institutionId: text().notNull().references(() => institutions.id),
  kind: text({ enum: ['base', 'optional'] }).notNull(),
  nameZh: text().notNull(),
  nameEn: text().notNull(),
  /** what the package costs in all */
  priceFen: integer().notNull(),
  /** what the government pays of it (all of the base package for someone due a free exam) */
  subsidyFen: integer().notNull(),
  /** the locality adds it to everyone's exam (the "X" of the county), or a person may choose it */
  recommended: integer({ mode: 'boolean' }).notNull().default(false),
  active: integer({ mode: 'boolean' }).notNull().default(true),
}, t => [index('exam_packages_institution_idx').on(t.institutionId)])

/** A half-day an institution examines, with how many places it has and how many are taken. */
export const examSlots = sqliteTable('exam_slots', {
  id: text().primaryKey(),
  institutionId: text().notNull().references(() => institutions.id),
  date: text().notNull(),
  halfDay: text({ enum: ['am', 'pm'] }).notNull(),
  capacity: integer().notNull(),
  /** open and checked-in bookings: kept beside capacity so one conditional update takes a place */
  booked: integer().notNull().default(0),
  /** JSON array of the optional packages offered this half-day; null offers every active one */
  optionalPackageIds: text(),
  /** the day staff withdrew it; its open bookings were cancelled with it */
  withdrawnAt: integer(),
}, t => [
  uniqueIndex('exam_slots_institution_day_idx').on(t.institutionId, t.date, t.halfDay),
  index('exam_slots_date_idx').on(t.date),
])

/** 预约: a place in a slot for one resident, made by her or by someone acting for her. */
export const bookings = sqliteTable('bookings', {
  id: text().primaryKey(),
  residentId: text().notNull().references(() => residents.id),
  slotId: text().notNull().references(() => examSlots.id),
  status: text({ enum: ['open', 'checked-in', 'cancelled', 'no-show'] }).notNull(),
  /** the base package is free: she is due a free exam on the slot's date */
  free: integer({ mode: 'boolean' }).notNull(),
  /** JSON array of the optional packages' ids chosen */
  optionalPackages: text().notNull(),
  /** what the resident pays in all, in fen */
  residentPaysFen: integer().notNull(),
  bookedBy: text().notNull().references(() => accounts.id),
  createdAt: integer().notNull(),
  /** shown as the QR code and typed at the desk: random, unguessable */
  checkInCode: text().notNull().unique(),
  cancelledAt: integer(),
  checkedInAt: integer(),
  checkedInBy: text().references(() => staff.id),
  /** when the day-before reminder went out, so the daily job sends it once */
  remindedAt: integer(),
}, t => [
  // at most one open booking per resident (product.md capability 6)
  uniqueIndex('bookings_one_open_idx').on(t.residentId).where(sql`${t.status} = 'open'`),
  index('bookings_resident_idx').on(t.residentId, t.createdAt),
  index('bookings_slot_idx').on(t.slotId, t.status),
])

/** A booking request's Idempotency-Key: the same key again returns the first result. */
export const bookingRequests = sqliteTable('booking_requests', {
  accountId: text().notNull().references(() => accounts.id),
  key: text().notNull(),
  bookingId: text().notNull().references(() => bookings.id),
  createdAt: integer().notNull(),
}, t => [primaryKey({ columns: [t.accountId, t.key] })])
