import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema'

export type Db = ReturnType<typeof openDb>['db']
export type Sqlite = Database.Database

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations')

/** Opens (creating if needed) the database in WAL mode with foreign keys on, and applies the migrations. */
export function openDb(file: string) {
  if (file !== ':memory:')
    mkdirSync(dirname(resolve(file)), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // A county file is gigabytes and each request touches a few pages of it at random: a 256 MiB
  // page cache (per connection, filled only as pages are read; the server has one, and the
  // nightly job's worker one more) keeps the pages of the residents in use. Memory-mapped reads
  // measured no faster here, so the file is read the ordinary way. Sorts stay in memory.
  sqlite.pragma('cache_size = -262144')
  sqlite.pragma('temp_store = MEMORY')
  const db = drizzle({ client: sqlite, schema, casing: 'snake_case' })
  // drizzle's transaction builds a whole database object for its `tx` each call (17 µs measured,
  // against 5 for the driver's own), a tenth of a simple request. Nothing here uses `tx`: the
  // repos' prepared statements run on the one connection, inside whatever transaction it is in.
  // One driver transaction, made once, runs each: it nests as a savepoint, as drizzle's does.
  const inTransaction = sqlite.transaction((run: (tx: unknown) => unknown) => run(db))
  db.transaction = ((run: (tx: unknown) => unknown, config?: { behavior?: 'deferred' | 'immediate' | 'exclusive' }) =>
    inTransaction[config?.behavior ?? 'deferred'](run)) as typeof db.transaction
  migrate(db, { migrationsFolder })
  return { sqlite, db }
}
