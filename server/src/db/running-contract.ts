import type { SQL } from 'drizzle-orm'
import { and, gte, isNull, lte, or, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'

/**
 * A family-doctor contract runs on `on`: started, not past its end, not ended early
 * (shared/access.ts isContractRunning, in SQL). `table` is `contracts` or an alias of it.
 */
export function contractRunsOn(table: { startsOn: SQLiteColumn, endsOn: SQLiteColumn, endedOn: SQLiteColumn }, on: unknown): SQL {
  return and(lte(table.startsOn, sql`${on}`), gte(table.endsOn, sql`${on}`), or(isNull(table.endedOn), sql`${table.endedOn} > ${on}`))!
}
