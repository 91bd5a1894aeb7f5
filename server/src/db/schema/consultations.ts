import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { accounts } from './accounts'
import { careTeams, staff } from './care'
import { exams } from './exams'
import { residents } from './residents'

/**
 * 家庭医生咨询 (issue 8): one conversation of a resident (or someone acting for her) with her
 * signed family-doctor team. `waitingSince` is the first unanswered message from her side, null
 * once the team answered or marked it done: the doctor's inbox is the threads with one, oldest
 * first.
 */
export const consultationThreads = sqliteTable('consultation_threads', {
  id: text().primaryKey(),
  residentId: text().notNull().references(() => residents.id),
  /** the team signed with her when she wrote: it and only it answers */
  teamId: text().notNull().references(() => careTeams.id),
  doctorId: text().notNull().references(() => staff.id),
  topic: text({ enum: ['result', 'medicine', 'booking', 'other'] }).notNull(),
  /** a result thread's exam (and item): a reference read through the access gate, never a copy of values */
  examId: integer().references(() => exams.id),
  itemCode: text(),
  status: text({ enum: ['waiting', 'answered', 'done'] }).notNull(),
  waitingSince: integer(),
  /** the opening words, cut short, so lists need not read messages */
  preview: text().notNull(),
  createdByAccountId: text().notNull().references(() => accounts.id),
  createdAt: integer().notNull(),
  lastMessageAt: integer().notNull(),
  /** a team answer her side has not opened yet */
  unreadByResident: integer({ mode: 'boolean' }).notNull().default(false),
  doneAt: integer(),
}, t => [
  index('consultation_threads_resident_idx').on(t.residentId, t.lastMessageAt),
  // the inbox reads only the waiting threads of one team, in the order it shows them
  index('consultation_threads_waiting_idx').on(t.teamId, t.waitingSince).where(sql`${t.waitingSince} is not null`),
])

/** One message: plain text. `clientKey` is the sender's idempotency key, so a resent offline message is stored once. */
export const consultationMessages = sqliteTable('consultation_messages', {
  id: text().primaryKey(),
  threadId: text().notNull().references(() => consultationThreads.id),
  authorAccountId: text().notNull().references(() => accounts.id),
  authorName: text().notNull(),
  authorRole: text({ enum: ['self', 'household-parent', 'proxy', 'doctor', 'nurse'] }).notNull(),
  body: text().notNull(),
  clientKey: text().notNull(),
  createdAt: integer().notNull(),
}, t => [
  index('consultation_messages_thread_idx').on(t.threadId, t.createdAt),
  uniqueIndex('consultation_messages_key_idx').on(t.authorAccountId, t.clientKey),
])

/**
 * Which notices reach this account by SMS (opt-in: no row, no SMS). `forOthers`: copies of the
 * notices of the residents this account acts for.
 */
export const smsPreferences = sqliteTable('sms_preferences', {
  accountId: text().primaryKey().references(() => accounts.id),
  replies: integer({ mode: 'boolean' }).notNull().default(false),
  critical: integer({ mode: 'boolean' }).notNull().default(false),
  tomorrow: integer({ mode: 'boolean' }).notNull().default(false),
  actedForYou: integer({ mode: 'boolean' }).notNull().default(false),
  forOthers: integer({ mode: 'boolean' }).notNull().default(false),
  updatedAt: integer().notNull(),
})

/** Every SMS notice sent, for the per-phone rate limit and so one notice is not texted twice to one phone. */
export const smsNoticesSent = sqliteTable('sms_notices_sent', {
  id: integer().primaryKey({ autoIncrement: true }),
  phone: text().notNull(),
  kind: text().notNull(),
  residentId: text(),
  sentAt: integer().notNull(),
}, t => [index('sms_notices_sent_phone_idx').on(t.phone, t.sentAt)])

/** A browser's Web Push subscription (its endpoint and keys), per signed-in account. */
export const pushSubscriptions = sqliteTable('push_subscriptions', {
  endpoint: text().primaryKey(),
  accountId: text().notNull().references(() => accounts.id),
  p256dh: text().notNull(),
  auth: text().notNull(),
  createdAt: integer().notNull(),
}, t => [index('push_subscriptions_account_idx').on(t.accountId)])

/** How far the notice dispatcher has read the notifications table (by rowid), so each notice goes out by SMS and push once. */
export const noticeDispatch = sqliteTable('notice_dispatch', {
  name: text().primaryKey(),
  lastRowid: integer().notNull(),
})
