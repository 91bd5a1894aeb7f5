import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { openDb } from './client'

const dir = mkdtempSync(join(tmpdir(), 'kangban-client-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the database\'s transactions', () => {
  const file = join(dir, 'db.sqlite')
  const { db, sqlite } = openDb(file)
  sqlite.exec('create table t (n integer)')
  const count = () => (sqlite.prepare('select count(*) n from t').get() as { n: number }).n
  const insert = sqlite.prepare('insert into t values (1)')

  it('commit what ran, and leave nothing of one that threw', () => {
    expect(db.transaction(() => {
      insert.run()
      return 'done'
    })).toBe('done')
    expect(() => db.transaction(() => {
      insert.run()
      throw new Error('half-way')
    })).toThrow('half-way')
    expect(count()).toBe(1)
  })

  it('nest as savepoints: an inner one that throws takes back only its own writes', () => {
    db.transaction(() => {
      insert.run()
      expect(() => db.transaction(() => {
        insert.run()
        throw new Error('inner')
      })).toThrow('inner')
    })
    expect(count()).toBe(2)
  })

  it('take the write lock at the start when immediate, so another connection cannot write meanwhile', () => {
    const other = new Database(file)
    other.pragma('busy_timeout = 0')
    db.transaction(() => {
      expect(() => other.exec('insert into t values (2)')).toThrow(/locked|busy/i)
    }, { behavior: 'immediate' })
    other.exec('insert into t values (2)')
    other.close()
    expect(count()).toBe(3)
  })
})
