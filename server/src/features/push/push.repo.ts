import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { pushSubscriptions, smsPreferences } from '../../db/schema'

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect
export type SmsPreferencesRow = typeof smsPreferences.$inferSelect

/** Web Push subscriptions and SMS preferences, per account. */
export function createPushRepo(db: Db) {
  const ofAccount = db.select().from(pushSubscriptions).where(eq(pushSubscriptions.accountId, sql.placeholder('accountId'))).prepare()
  const preferences = db.select().from(smsPreferences).where(eq(smsPreferences.accountId, sql.placeholder('accountId'))).prepare()
  return {
    subscriptions: (accountId: string): PushSubscriptionRow[] => ofAccount.all({ accountId }),
    /** A browser subscribes again with the same endpoint after a new sign-in: the endpoint moves to that account. */
    subscribe(row: PushSubscriptionRow) {
      db.insert(pushSubscriptions).values(row)
        .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { accountId: row.accountId, p256dh: row.p256dh, auth: row.auth, createdAt: row.createdAt } })
        .run()
    },
    unsubscribe(accountId: string, endpoint: string): boolean {
      return db.delete(pushSubscriptions).where(and(eq(pushSubscriptions.accountId, accountId), eq(pushSubscriptions.endpoint, endpoint))).run().changes > 0
    },
    /** The push service said the subscription is gone (404, 410). */
    forget(endpoint: string) {
      db.delete(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint)).run()
    },
    preferences: (accountId: string): SmsPreferencesRow | null => preferences.get({ accountId }) ?? null,
    setPreferences(row: SmsPreferencesRow) {
      const { accountId: _, ...set } = row
      db.insert(smsPreferences).values(row).onConflictDoUpdate({ target: smsPreferences.accountId, set }).run()
    },
  }
}
export type PushRepo = ReturnType<typeof createPushRepo>
