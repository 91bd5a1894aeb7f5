import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { residents } from './residents'

/** A person who signs in by phone. A family account has no resident record of its own. */
export const accounts = sqliteTable('accounts', {
  id: text().primaryKey(),
  phone: text().notNull().unique(),
  residentId: text().references(() => residents.id),
  displayName: text(),
  status: text({ enum: ['active', 'closed'] }).notNull().default('active'),
  createdAt: integer().notNull(),
  closedAt: integer(),
}, t => [index('accounts_resident_idx').on(t.residentId)])

/** A signed-in browser session. Only the SHA-256 of the cookie token is stored. */
export const sessions = sqliteTable('sessions', {
  tokenHash: text().primaryKey(),
  accountId: text().notNull().references(() => accounts.id),
  deviceId: text().references(() => devices.id),
  createdAt: integer().notNull(),
  lastSeenAt: integer().notNull(),
  expiresAt: integer().notNull(),
  endedAt: integer(),
}, t => [index('sessions_account_idx').on(t.accountId)])

/** "Remember this device": a 30-day device token that a 6-digit PIN unlocks. */
export const devices = sqliteTable('devices', {
  id: text().primaryKey(),
  accountId: text().notNull().references(() => accounts.id),
  tokenHash: text().notNull().unique(),
  pinHash: text().notNull(),
  pinFailures: integer().notNull().default(0),
  createdAt: integer().notNull(),
  lastUsedAt: integer().notNull(),
  expiresAt: integer().notNull(),
  revokedAt: integer(),
}, t => [index('devices_account_idx').on(t.accountId)])

/** One SMS sign-in code: hashed, single use, 5 minutes, 5 tries. */
export const signInCodes = sqliteTable('sign_in_codes', {
  id: text().primaryKey(),
  phone: text().notNull(),
  codeHash: text().notNull(),
  clientAddress: text().notNull(),
  createdAt: integer().notNull(),
  expiresAt: integer().notNull(),
  failedAttempts: integer().notNull().default(0),
  usedAt: integer(),
}, t => [
  index('sign_in_codes_phone_idx').on(t.phone, t.createdAt),
  index('sign_in_codes_address_idx').on(t.clientAddress, t.createdAt),
])

/** Consent to process health information (PIPL art. 29), per account and notice version. */
export const consents = sqliteTable('consents', {
  id: text().primaryKey(),
  accountId: text().notNull().references(() => accounts.id),
  kind: text({ enum: ['health-information'] }).notNull(),
  noticeVersion: text().notNull(),
  givenAt: integer().notNull(),
  withdrawnAt: integer(),
}, t => [index('consents_account_idx').on(t.accountId)])

/** Every SMS the demo sender "sent", so the login page and tests can read the code. Demo mode only. */
export const devOutbox = sqliteTable('dev_outbox', {
  id: integer().primaryKey({ autoIncrement: true }),
  phone: text().notNull(),
  kind: text({ enum: ['sign-in-code', 'notice'] }).notNull(),
  code: text(),
  body: text().notNull(),
  sentAt: integer().notNull(),
}, t => [index('dev_outbox_phone_idx').on(t.phone, t.sentAt)])
