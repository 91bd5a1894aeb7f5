import type Database from 'better-sqlite3'

export type SqlValue = string | number | null

/** Rows per INSERT statement: binding 100 rows at a time doubles the insert rate over one row at a time. */
const rowsPerStatement = 100
/** Rows per transaction. */
const rowsPerCommit = 100_000

const tunedPragmas = ['synchronous', 'cache_size', 'foreign_keys', 'temp_store', 'threads', 'analysis_limit'] as const

interface SavedIndex {
  name: string
  sql: string
}

/**
 * A bulk load into a freshly migrated database. It drops the secondary indexes (read back from
 * sqlite_master, so they are recreated with exactly the migration's SQL), keeps the journal in
 * memory, turns fsync and foreign-key checks off, and batches rows into multi-row INSERTs in large
 * transactions. `finish` puts everything back. The database is not crash-safe meanwhile: a
 * seed that dies is rerun on a fresh file.
 */
export class BulkLoad {
  private readonly indexes: SavedIndex[]
  private readonly restorePragmas: string[]
  private readonly writers: TableWriter[] = []
  private pending = 0

  constructor(readonly sqlite: Database.Database, cacheMiB: number) {
    this.indexes = sqlite.prepare<[], SavedIndex>(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`,
    ).all()
    const journal = sqlite.pragma('journal_mode', { simple: true }) as string
    // journal_mode goes back last: WAL can only be entered outside a transaction, with everything else settled
    this.restorePragmas = [...tunedPragmas.map(name => `${name} = ${String(sqlite.pragma(name, { simple: true }))}`), `journal_mode = ${journal}`]

    // MEMORY rather than OFF: better-sqlite3's defensive mode refuses OFF (measured: both cost the same here, WAL a fifth more)
    const bulkJournal = sqlite.pragma('journal_mode = MEMORY', { simple: true }) as string
    if (bulkJournal !== 'memory')
      throw new Error(`could not leave journal mode "${journal}" for the bulk load: is another connection open on this database?`)
    sqlite.pragma('synchronous = OFF')
    sqlite.pragma(`cache_size = ${-cacheMiB * 1024}`)
    sqlite.pragma('foreign_keys = OFF')
    sqlite.pragma('temp_store = MEMORY')
    for (const index of this.indexes)
      sqlite.exec(`DROP INDEX "${index.name}"`)
    sqlite.exec('BEGIN')
  }

  /** The names of the indexes dropped for the load, in name order. */
  get droppedIndexes(): string[] {
    return this.indexes.map(i => i.name)
  }

  writer(table: string, columns: readonly string[]): TableWriter {
    const writer = new TableWriter(this, table, columns)
    this.writers.push(writer)
    return writer
  }

  /** Called by writers after each statement, to commit every `rowsPerCommit` rows. */
  wrote(rows: number): void {
    this.pending += rows
    if (this.pending >= rowsPerCommit) {
      this.sqlite.exec('COMMIT; BEGIN')
      this.pending = 0
    }
  }

  /** Flushes, commits, rebuilds the indexes, restores the pragmas and refreshes the planner's statistics. */
  finish(log: (line: string) => void): void {
    for (const writer of this.writers)
      writer.flush()
    this.sqlite.exec('COMMIT')
    // the sorter behind CREATE INDEX can use a second core
    this.sqlite.pragma('threads = 2')
    for (const index of this.indexes) {
      const started = performance.now()
      this.sqlite.exec(index.sql)
      const seconds = (performance.now() - started) / 1000
      if (seconds > 1)
        log(`index ${index.name}: ${seconds.toFixed(1)} s`)
    }
    // sampled statistics: a full ANALYZE would read all 60 million exam items again
    this.sqlite.pragma('analysis_limit = 2000')
    this.sqlite.exec('ANALYZE')
    for (const pragma of this.restorePragmas)
      this.sqlite.pragma(pragma)
  }
}

/** Buffers one table's rows and writes them 100 per statement. */
export class TableWriter {
  rows = 0
  private readonly width: number
  private readonly full: Database.Statement
  private readonly partial = new Map<number, Database.Statement>()
  private readonly buffer: SqlValue[]
  private used = 0

  constructor(private readonly load: BulkLoad, private readonly table: string, private readonly columns: readonly string[]) {
    this.width = columns.length
    this.full = load.sqlite.prepare(this.insertSql(rowsPerStatement))
    this.buffer = new Array<SqlValue>(rowsPerStatement * this.width)
  }

  private insertSql(rows: number): string {
    const tuple = `(${this.columns.map(() => '?').join(',')})`
    return `INSERT INTO ${this.table} (${this.columns.join(',')}) VALUES ${Array.from({ length: rows }, () => tuple).join(',')}`
  }

  add(row: readonly SqlValue[]): void {
    const buffer = this.buffer
    let at = this.used
    for (let i = 0; i < this.width; i++)
      buffer[at++] = row[i]!
    this.used = at
    this.rows += 1
    if (at === buffer.length)
      this.drain()
  }

  /** The eight exam_items columns without building an array per row: this is called 60 million times. */
  add8(a: SqlValue, b: SqlValue, c: SqlValue, d: SqlValue, e: SqlValue, f: SqlValue, g: SqlValue, h: SqlValue): void {
    const buffer = this.buffer
    let at = this.used
    buffer[at++] = a
    buffer[at++] = b
    buffer[at++] = c
    buffer[at++] = d
    buffer[at++] = e
    buffer[at++] = f
    buffer[at++] = g
    buffer[at++] = h
    this.used = at
    this.rows += 1
    if (at === buffer.length)
      this.drain()
  }

  private drain(): void {
    this.full.run(this.buffer)
    this.used = 0
    this.load.wrote(rowsPerStatement)
  }

  flush(): void {
    if (this.used === 0)
      return
    const rows = this.used / this.width
    let statement = this.partial.get(rows)
    if (statement === undefined) {
      statement = this.load.sqlite.prepare(this.insertSql(rows))
      this.partial.set(rows, statement)
    }
    statement.run(this.buffer.slice(0, this.used))
    this.used = 0
    this.load.wrote(rows)
  }
}
