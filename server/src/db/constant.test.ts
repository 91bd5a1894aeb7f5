import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getTableName, is } from 'drizzle-orm'
import { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import { openDb } from './client'
import { equalsConstant, PARTIAL_INDEX_COLUMNS } from './constant'
import * as schema from './schema'
import { exams, institutions } from './schema'

const { db, sqlite } = openDb(':memory:')

describe('a constant compared inline', () => {
  it('is written into the SQL, not bound', () => {
    expect(db.select({ id: exams.id }).from(exams).where(equalsConstant(exams.status, 'released')).toSQL())
      .toEqual({ sql: 'select "id" from "exams" where "exams"."status" = \'released\'', params: [] })
  })

  it('keeps a quote inside the value a quote', () => {
    db.insert(institutions).values({ id: 'instobrienaaaaaa', name: 'O\'Brien 诊所', kind: 'hospital', region: '330681', address: '-', phone: '-' }).run()
    const named = db.select({ id: institutions.id }).from(institutions).where(equalsConstant(institutions.name, 'O\'Brien 诊所'))
    expect(named.toSQL().params).toEqual([])
    expect(named.all()).toEqual([{ id: 'instobrienaaaaaa' }])
  })
})

describe('the columns a partial index names', () => {
  const indexed = (sqlite.prepare('select tbl_name as "table", sql from sqlite_master where type = \'index\' and sql like \'% WHERE %\'').all() as { table: string, sql: string }[])
    .flatMap(({ table, sql }) => [...sql.slice(sql.indexOf(' WHERE ')).matchAll(/"(\w+)"\."(\w+)"/g)].map(([, t, column]) => `${t ?? table}.${column}`))

  it('are the ones the migrations index partially', () => {
    expect([...new Set(indexed)].sort()).toEqual([...PARTIAL_INDEX_COLUMNS])
  })

  it('are never compared with a bound value in the server\'s queries', () => {
    const identifiers = Object.entries(schema).filter(([, table]) => is(table, SQLiteTable)).flatMap(([name, table]) =>
      Object.entries(table as unknown as Record<string, { name?: unknown }>)
        // the schema names columns in camelCase and the database in snake_case (drizzle's casing)
        .filter(([, column]) => PARTIAL_INDEX_COLUMNS.includes(`${getTableName(table as SQLiteTable)}.${String(column?.name).replace(/[A-Z]/g, c => `_${c.toLowerCase()}`)}` as never))
        .map(([property]) => `${name}.${property}`))
    expect(identifiers.length).toBe(PARTIAL_INDEX_COLUMNS.length)
    const bound = new RegExp(`\\b(?:eq|ne|inArray|notInArray|gt|gte|lt|lte)\\(\\s*(?:${identifiers.map(i => i.replace('.', '\\.')).join('|')})\\b`)
    const server = join(dirname(fileURLToPath(import.meta.url)), '..')
    const sources = (dir: string): string[] => readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry)
      return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : []
    })
    expect(sources(server).filter(path => bound.test(readFileSync(path, 'utf8')))).toEqual([])
  })
})
