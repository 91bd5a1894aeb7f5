import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { accounts, devices, residents, sessions, signInCodes } from '../../db/schema'

export type SignInCodeRow = typeof signInCodes.$inferSelect
export type DeviceRow = typeof devices.$inferSelect

export function createAuthRepo(db: Db) {
  return {
    codesForPhoneSince(phone: string, since: number): SignInCodeRow[] {
      return db.select().from(signInCodes)
        .where(and(eq(signInCodes.phone, phone), gt(signInCodes.createdAt, since)))
        .orderBy(desc(signInCodes.createdAt))
        .all()
    },
    countCodesForAddressSince(clientAddress: string, since: number): number {
      return db.select({ n: sql<number>`count(*)` }).from(signInCodes)
        .where(and(eq(signInCodes.clientAddress, clientAddress), gt(signInCodes.createdAt, since)))
        .get()?.n ?? 0
    },
    createCode(row: typeof signInCodes.$inferInsert) {
      db.insert(signInCodes).values(row).run()
    },
    /** The newest code of this phone that could still be used. */
    findLiveCode(phone: string, now: number): SignInCodeRow | null {
      return db.select().from(signInCodes)
        .where(and(eq(signInCodes.phone, phone), isNull(signInCodes.usedAt), gt(signInCodes.expiresAt, now)))
        .orderBy(desc(signInCodes.createdAt))
        .limit(1)
        .get() ?? null
    },
    countFailure(id: string) {
      db.update(signInCodes).set({ failedAttempts: sql`${signInCodes.failedAttempts} + 1` }).where(eq(signInCodes.id, id)).run()
    },
    markUsed(id: string, at: number) {
      db.update(signInCodes).set({ usedAt: at }).where(eq(signInCodes.id, id)).run()
    },

    findAccountByPhone(phone: string) {
      return db.select().from(accounts).where(eq(accounts.phone, phone)).get() ?? null
    },
    /** The record this phone belongs to, if the register has one. */
    findResidentIdByPhone(phone: string): string | null {
      return db.select({ id: residents.id }).from(residents)
        .where(eq(residents.phone, phone))
        .orderBy(residents.recordOpenedOn, residents.id)
        .limit(1)
        .get()?.id ?? null
    },
    createAccount(row: typeof accounts.$inferInsert) {
      db.insert(accounts).values(row).run()
    },
    reopenAccount(id: string) {
      db.update(accounts).set({ status: 'active', closedAt: null }).where(eq(accounts.id, id)).run()
    },
    closeAccount(id: string, at: number) {
      db.update(accounts).set({ status: 'closed', closedAt: at }).where(eq(accounts.id, id)).run()
    },

    createSession(row: typeof sessions.$inferInsert) {
      db.insert(sessions).values(row).run()
    },
    endSession(tokenHash: string, at: number) {
      db.update(sessions).set({ endedAt: at }).where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt))).run()
    },
    endAllSessions(accountId: string, at: number) {
      db.update(sessions).set({ endedAt: at }).where(and(eq(sessions.accountId, accountId), isNull(sessions.endedAt))).run()
    },
    attachDevice(tokenHash: string, deviceId: string) {
      db.update(sessions).set({ deviceId }).where(eq(sessions.tokenHash, tokenHash)).run()
    },

    createDevice(row: typeof devices.$inferInsert) {
      db.insert(devices).values(row).run()
    },
    /** A remembered device that is neither revoked nor expired, with the phone of its account. */
    findLiveDevice(tokenHash: string, now: number) {
      return db.select({ device: devices, phone: accounts.phone, accountStatus: accounts.status, displayName: sql<string | null>`coalesce(${residents.name}, ${accounts.displayName})` })
        .from(devices)
        .innerJoin(accounts, eq(accounts.id, devices.accountId))
        .leftJoin(residents, eq(residents.id, accounts.residentId))
        .where(and(eq(devices.tokenHash, tokenHash), isNull(devices.revokedAt), gt(devices.expiresAt, now)))
        .get() ?? null
    },
    countPinFailure(id: string): number {
      return db.update(devices).set({ pinFailures: sql`${devices.pinFailures} + 1` }).where(eq(devices.id, id))
        .returning({ pinFailures: devices.pinFailures }).get()?.pinFailures ?? 0
    },
    resetPinFailures(id: string, at: number) {
      db.update(devices).set({ pinFailures: 0, lastUsedAt: at }).where(eq(devices.id, id)).run()
    },
    revokeDevice(id: string, at: number) {
      db.update(devices).set({ revokedAt: at }).where(and(eq(devices.id, id), isNull(devices.revokedAt))).run()
    },
    revokeDeviceByToken(tokenHash: string, at: number) {
      db.update(devices).set({ revokedAt: at }).where(and(eq(devices.tokenHash, tokenHash), isNull(devices.revokedAt))).run()
    },
    revokeAllDevices(accountId: string, at: number) {
      db.update(devices).set({ revokedAt: at }).where(and(eq(devices.accountId, accountId), isNull(devices.revokedAt))).run()
    },
  }
}

export type AuthRepo = ReturnType<typeof createAuthRepo>
