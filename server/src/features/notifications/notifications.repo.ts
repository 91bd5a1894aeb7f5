import { and, desc, eq, isNull, or, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { notifications } from '../../db/schema'
import { newId } from '../../ids'

export type NotificationRow = typeof notifications.$inferSelect
export type NotificationParams = Record<string, string | number>

/** A notice to a resident: whoever signs in as her reads it. */
export function prepareNotify(db: Db) {
  const insert = db.insert(notifications).values({
    id: sql.placeholder('id'),
    residentId: sql.placeholder('residentId'),
    kind: sql.placeholder('kind'),
    params: sql.placeholder('params'),
    createdAt: sql.placeholder('createdAt'),
  }).prepare()
  return (residentId: string, kind: string, params: NotificationParams, at: number) => {
    insert.run({ id: newId(), residentId, kind, params: JSON.stringify(params), createdAt: at })
  }
}

function addressedTo(accountId: string, residentId: string | null) {
  return residentId === null
    ? eq(notifications.accountId, accountId)
    : or(eq(notifications.accountId, accountId), eq(notifications.residentId, residentId))
}

export function createNotificationsRepo(db: Db) {
  // /api/me counts on every start of the app: prepared once. A null resident id matches no
  // notice, so one statement serves an account with a record of its own and one without.
  const unread = db.select({ n: sql<number>`count(*)` }).from(notifications)
    .where(and(or(eq(notifications.accountId, sql.placeholder('accountId')), eq(notifications.residentId, sql.placeholder('residentId'))), isNull(notifications.readAt)))
    .prepare()
  // the inbox opens with the app too; the first page passes a cursor past every notice
  const createdAt = sql.placeholder('createdAt')
  const page = db.select().from(notifications)
    .where(and(
      or(eq(notifications.accountId, sql.placeholder('accountId')), eq(notifications.residentId, sql.placeholder('residentId'))),
      or(sql`${notifications.createdAt} < ${createdAt}`, and(sql`${notifications.createdAt} = ${createdAt}`, sql`${notifications.id} < ${sql.placeholder('id')}`)),
    ))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(sql.placeholder('limit'))
    .prepare()
  return {
    /** Newest first, strictly after the cursor `before`. */
    list(accountId: string, residentId: string | null, limit: number, before: { createdAt: number, id: string } | null): NotificationRow[] {
      return page.all({ accountId, residentId, limit, createdAt: before?.createdAt ?? Number.MAX_SAFE_INTEGER, id: before?.id ?? '' })
    },
    countUnread(accountId: string, residentId: string | null): number {
      return unread.get({ accountId, residentId })?.n ?? 0
    },
    /** Marks one of this person's notices read; null when it is not theirs or does not exist. */
    markRead(accountId: string, residentId: string | null, id: string, at: number): NotificationRow | null {
      const row = db.update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, ${at})` })
        .where(and(eq(notifications.id, id), addressedTo(accountId, residentId)))
        .returning()
        .get()
      return row ?? null
    },
    /** Marks read this person's notices of a kind about one thing (a parameter's value): opening the thing reads them. */
    markReadAbout(accountId: string, residentId: string | null, kind: string, param: string, value: string, at: number): number {
      return db.update(notifications)
        .set({ readAt: at })
        .where(and(addressedTo(accountId, residentId), eq(notifications.kind, kind), isNull(notifications.readAt), sql`json_extract(${notifications.params}, ${`$.${param}`}) = ${value}`))
        .run().changes
    },
    createForAccount(accountId: string, kind: string, params: NotificationParams, at: number) {
      db.insert(notifications).values({ id: newId(), accountId, kind, params: JSON.stringify(params), createdAt: at }).run()
    },
  }
}
