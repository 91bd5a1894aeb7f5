import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { accounts } from './accounts'
import { residents } from './residents'

/** 谁看过我的档案: one row per read or change of a resident's data by anyone but the resident. */
export const accessLog = sqliteTable('access_log', {
  id: integer().primaryKey({ autoIncrement: true }),
  residentId: text().notNull().references(() => residents.id),
  actorAccountId: text().notNull().references(() => accounts.id),
  actorName: text().notNull(),
  actorRole: text({ enum: ['proxy', 'household-parent', 'doctor', 'nurse', 'institution-staff'] }).notNull(),
  // the resident the actor acted for: always the record's owner today; kept for audits across grants
  onBehalfOf: text().notNull(),
  action: text({ enum: ['read', 'change'] }).notNull(),
  what: text().notNull(),
  at: integer().notNull(),
}, t => [index('access_log_resident_idx').on(t.residentId, t.at)])

/** In-app notices. Addressed to an account, or to a resident (whoever signs in as her reads it). */
export const notifications = sqliteTable('notifications', {
  id: text().primaryKey(),
  accountId: text().references(() => accounts.id),
  residentId: text().references(() => residents.id),
  kind: text().notNull(),
  // JSON object: parameters of the i18n message of this kind
  params: text().notNull(),
  createdAt: integer().notNull(),
  readAt: integer(),
}, t => [
  index('notifications_account_idx').on(t.accountId, t.createdAt),
  index('notifications_resident_idx').on(t.residentId, t.createdAt),
])
