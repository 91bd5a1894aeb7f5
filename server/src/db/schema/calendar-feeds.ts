import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { accounts } from './accounts'
import { residents } from './residents'

/**
 * A secret calendar feed of one resident's reminders. Calendar apps send no cookie, so the URL's
 * random token is the credential: only its SHA-256 is stored, and one feed per resident is live.
 */
export const calendarFeeds = sqliteTable('calendar_feeds', {
  id: text().primaryKey(),
  residentId: text().notNull().references(() => residents.id),
  tokenHash: text().notNull().unique(),
  // the resident, or the household parent who made it for a child: re-checked on every read
  createdByAccountId: text().notNull().references(() => accounts.id),
  createdAt: integer().notNull(),
  revokedAt: integer(),
}, t => [index('calendar_feeds_resident_idx').on(t.residentId)])
