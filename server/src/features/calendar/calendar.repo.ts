import { and, eq, isNull, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Db } from '../../db/client'
import { accounts, calendarFeeds, residents } from '../../db/schema'

/** Calendar feeds, as prepared statements. A token is only ever looked up by its SHA-256. */
export function createCalendarRepo(db: Db) {
  const creator = alias(residents, 'creator')
  const live = db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds)
    .where(and(eq(calendarFeeds.residentId, sql.placeholder('residentId')), isNull(calendarFeeds.revokedAt)))
    .limit(1)
    .prepare()
  const revoke = db.update(calendarFeeds).set({ revokedAt: sql`${sql.placeholder('at')}` })
    .where(and(eq(calendarFeeds.residentId, sql.placeholder('residentId')), isNull(calendarFeeds.revokedAt)))
    .prepare()
  const insert = db.insert(calendarFeeds).values({
    id: sql.placeholder('id'),
    residentId: sql.placeholder('residentId'),
    tokenHash: sql.placeholder('tokenHash'),
    createdByAccountId: sql.placeholder('createdByAccountId'),
    createdAt: sql.placeholder('createdAt'),
  }).prepare()
  // the feed, its resident, and the person who made it as the access rules see them
  const byToken = db.select({
    resident: { id: residents.id, birthDate: residents.birthDate, status: residents.status, householdId: residents.householdId, relationToHead: residents.relationToHead, residenceRegion: residents.residenceRegion },
    creatorAccountStatus: accounts.status,
    creatorResidentId: accounts.residentId,
    creatorHouseholdId: creator.householdId,
    creatorRelationToHead: creator.relationToHead,
  }).from(calendarFeeds)
    .innerJoin(residents, eq(residents.id, calendarFeeds.residentId))
    .innerJoin(accounts, eq(accounts.id, calendarFeeds.createdByAccountId))
    .leftJoin(creator, eq(creator.id, accounts.residentId))
    .where(and(eq(calendarFeeds.tokenHash, sql.placeholder('tokenHash')), isNull(calendarFeeds.revokedAt)))
    .prepare()

  return {
    /** The live feed of the resident; null when she has none. */
    findLive: (residentId: string) => live.get({ residentId }) ?? null,
    /** Revokes every live feed of the resident; true when one was live. */
    revoke: (residentId: string, at: number) => revoke.run({ residentId, at }).changes > 0,
    create: (feed: { id: string, residentId: string, tokenHash: string, createdByAccountId: string, createdAt: number }) => {
      insert.run(feed)
    },
    findByTokenHash: (tokenHash: string) => byToken.get({ tokenHash }) ?? null,
  }
}
