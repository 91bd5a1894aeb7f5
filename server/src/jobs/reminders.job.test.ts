import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { loadConfig } from '../config'
import type { Db, Sqlite } from '../db/client'
import { openDb } from '../db/client'
import { remindersOf } from '../features/reminders/reminders.service'
import { createSnapshotLoader } from '../features/reminders/reminders.snapshot'
import { seedDemoCounty } from '../seed/seed'
import { runRemindersJob } from './reminders.job'
import { msUntilNextRun, runRemindersJobInWorker, scheduleRemindersJob } from './reminders.schedule'

const on = '2026-11-22'
// a birth date no real record has: the engine, wrapped, fails on it as it would on a broken record
const brokenBirthDate = '1900-01-01'
vi.mock('../../../shared/policy', async (importOriginal) => {
  const policy = await importOriginal<typeof import('../../../shared/policy')>()
  return {
    ...policy,
    evaluateReminders: (...args: Parameters<typeof policy.evaluateReminders>) => {
      if (args[0].birthDate === brokenBirthDate)
        throw new RangeError('a broken record')
      return policy.evaluateReminders(...args)
    },
  }
})

interface Row { resident_id: string, id: string, status: string, due_from: string, due_by: string | null, reason: string, computed_on: string }

function tableRows(sqlite: Sqlite): Row[] {
  return sqlite.prepare('select resident_id, id, status, due_from, due_by, reason, computed_on from resident_reminders order by resident_id, id').all() as Row[]
}

/** What the API would answer for every resident, in the table's shape. */
function expectedRows(db: Db, sqlite: Sqlite): Row[] {
  const loader = createSnapshotLoader(db)
  const residents = sqlite.prepare('select id, residence_region as residenceRegion from residents order by id').all() as { id: string, residenceRegion: string }[]
  return residents.flatMap(r => remindersOf(loader, r, on).items.map(item => ({
    resident_id: r.id,
    id: item.id,
    status: item.status,
    due_from: item.dueFrom,
    due_by: item.dueBy,
    reason: JSON.stringify(item.reason),
    computed_on: on,
  }))).sort((a, b) => (a.resident_id + a.id < b.resident_id + b.id ? -1 : 1))
}

describe('the daily reminder job', () => {
  let db: Db
  let sqlite: Sqlite
  beforeEach(() => {
    ({ db, sqlite } = openDb(':memory:'))
    seedDemoCounty(sqlite, { residents: 400, seed: 11, today: on })
  })

  it('writes for every active resident exactly the reminders the API computes', async () => {
    const result = await runRemindersJob(db, { on, batchSize: 64, writeChunk: 16 })
    const expected = expectedRows(db, sqlite)
    expect(expected.length).toBeGreaterThan(400)
    expect(tableRows(sqlite)).toEqual(expected)
    expect(result).toMatchObject({ skipped: false, resumed: false, reminders: expected.length })
    expect(result.residents).toBe((sqlite.prepare('select count(*) as n from residents').get() as { n: number }).n)
  })

  it('gives inactive residents no rows, and removes the rows of one who died since the last run', async () => {
    await runRemindersJob(db, { on })
    const { id } = sqlite.prepare('select resident_id as id from resident_reminders limit 1').get() as { id: string }
    sqlite.prepare('update residents set status = \'deceased\', status_since = ? where id = ?').run(on, id)
    await runRemindersJob(db, { on, force: true })
    expect(sqlite.prepare('select count(*) as n from resident_reminders where resident_id = ?').get(id)).toEqual({ n: 0 })
    const inactive = sqlite.prepare('select count(*) as n from resident_reminders r join residents p on p.id = r.resident_id where p.status != \'active\'').get()
    expect(inactive).toEqual({ n: 0 })
  })

  it('skips a day that finished, and a forced second run leaves the same rows', async () => {
    await runRemindersJob(db, { on })
    const first = tableRows(sqlite)
    expect(await runRemindersJob(db, { on })).toMatchObject({ skipped: true, reminders: first.length })
    const forced = await runRemindersJob(db, { on, force: true })
    expect(forced).toMatchObject({ skipped: false, reminders: first.length })
    expect(tableRows(sqlite)).toEqual(first)
  })

  it('goes on past a resident whose record the engine cannot evaluate, and names her', async () => {
    await runRemindersJob(db, { on })
    const expected = expectedRows(db, sqlite)
    const { id } = sqlite.prepare('select resident_id as id from resident_reminders limit 1').get() as { id: string }
    sqlite.prepare('update residents set birth_date = ? where id = ?').run(brokenBirthDate, id)
    const told: string[] = []
    const result = await runRemindersJob(db, { on, force: true, onResidentError: residentId => told.push(residentId) })
    expect(result.failed).toEqual([id])
    expect(told).toEqual([id])
    expect(tableRows(sqlite)).toEqual(expected.filter(row => row.resident_id !== id))
  })

  it('resumes a run killed part-way at the next resident, with nothing half-written', async () => {
    let batches = 0
    const killed = runRemindersJob(db, {
      on,
      batchSize: 100,
      writeChunk: 25,
      afterBatch: () => {
        if (++batches === 2)
          throw new Error('killed')
      },
    })
    await expect(killed).rejects.toThrow('killed')
    const run = sqlite.prepare('select cursor, residents, finished_at as finishedAt from job_runs').get() as { cursor: string, residents: number, finishedAt: number | null }
    expect(run).toMatchObject({ residents: 200, finishedAt: null })
    // every row written so far belongs to a resident at or before the cursor
    expect(sqlite.prepare('select count(*) as n from resident_reminders where resident_id > ?').get(run.cursor)).toEqual({ n: 0 })

    const resumed = await runRemindersJob(db, { on, batchSize: 100 })
    expect(resumed.resumed).toBe(true)
    expect(tableRows(sqlite)).toEqual(expectedRows(db, sqlite))
  })
})

describe('the nightly schedule', () => {
  it('runs next at 02:00 Asia/Shanghai, which is 18:00 UTC the day before', () => {
    // 2026-11-22 01:00 Shanghai → one hour to go
    expect(msUntilNextRun(Date.UTC(2026, 10, 21, 17, 0))).toBe(3600_000)
    // 02:00 exactly has just run: the next is a day later
    expect(msUntilNextRun(Date.UTC(2026, 10, 21, 18, 0))).toBe(24 * 3600_000)
    // 2026-11-22 15:30 Shanghai → 10 h 30 min to go
    expect(msUntilNextRun(Date.UTC(2026, 10, 22, 7, 30))).toBe(10.5 * 3600_000)
  })
})

describe('the job in a worker thread', () => {
  it('runs on the server\'s database file with its own connection', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kangban-job-'))
    const file = join(dir, 'county.db')
    try {
      const { sqlite } = openDb(file)
      seedDemoCounty(sqlite, { residents: 50, seed: 3, today: on })
      sqlite.close()
      const config = loadConfig({ KANGBAN_MODE: 'demo', KANGBAN_DB: file, KANGBAN_TODAY: on })
      const result = await runRemindersJobInWorker(config)
      const check = openDb(file).sqlite
      const { n } = check.prepare('select count(*) as n from resident_reminders where computed_on = ?').get(on) as { n: number }
      check.close()
      expect(n).toBeGreaterThan(50)
      expect(result).toMatchObject({ on, skipped: false, reminders: n })
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('the schedule at server start', () => {
  it('catches up today\'s run at once, in the worker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kangban-schedule-'))
    const file = join(dir, 'county.db')
    try {
      const { sqlite } = openDb(file)
      seedDemoCounty(sqlite, { residents: 30, seed: 5, today: on })
      sqlite.close()
      const config = loadConfig({ KANGBAN_MODE: 'demo', KANGBAN_DB: file, KANGBAN_TODAY: on })
      const logged = await new Promise<string>((resolve, reject) => {
        const stop = scheduleRemindersJob(config, {
          info: (message) => {
            stop()
            resolve(message)
          },
          error: (message) => {
            stop()
            reject(new Error(message))
          },
        })
      })
      expect(logged).toMatch(/^reminder job: .*"on":"2026-11-22","skipped":false/)
      const check = openDb(file).sqlite
      expect(check.prepare('select finished_at is not null as finished from job_runs where "on" = ?').get(on)).toEqual({ finished: 1 })
      check.close()
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
