import type { SQL } from 'drizzle-orm'
import { sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'

/**
 * The columns a partial index's WHERE names. SQLite re-plans a statement on every run when it
 * compares one of them with a bound value, since the value decides whether the partial index
 * may be used: a read of one exam item's history took 38 µs so, 17 µs with the constant written
 * into the SQL. `db/constant.test.ts` holds this list to the migrations.
 */
export const PARTIAL_INDEX_COLUMNS = ['bookings.status', 'consultation_threads.waiting_since', 'exams.status'] as const

/** `column = 'value'` with the value written into the SQL, not bound: for the columns above. */
export function equalsConstant<C extends SQLiteColumn>(column: C, value: C['_']['data'] & string): SQL {
  return sql`${column} = ${sql.raw(`'${value.replaceAll('\'', '\'\'')}'`)}`
}
