import type Database from 'better-sqlite3'
import { BulkLoad } from './bulk-load'
import { dayOf } from './calendar'
import { writeBookingOffers } from './bookings'
import { writeCareNetwork } from './care'
import { ExamWriter } from './exam-writer'
import { IdNumbers } from './id-numbers'
import { writePersonas } from './personas'
import { writePopulation } from './population'
import { ExamIds } from './random'
import { openTables } from './tables'

export interface SeedOptions {
  /** generated residents, besides the fixed personas */
  residents: number
  seed: number
  /** YYYY-MM-DD: generated histories end here (demo.md: KANGBAN_TODAY, else today) */
  today: string
  log?: (line: string) => void
}

/** Rows written; `residents` counts the five resident personas too. */
export interface SeedStats {
  residents: number
  exams: number
  examItems: number
  followups: number
  immunizations: number
  seconds: number
}

const progressEvery = 100_000

/**
 * Seeds the demo county (demo.md) into a migrated, empty database: the fixed personas plus
 * `residents` generated ones with their histories. Deterministic: the same residents, seed and
 * today give the same rows, ids included.
 */
export function seedDemoCounty(sqlite: Database.Database, options: SeedOptions): SeedStats {
  const { residents, seed, today } = options
  const log = options.log ?? (() => {})
  if (!Number.isInteger(residents) || residents < 0)
    throw new Error(`residents must be a whole number ≥ 0, got ${residents}`)
  if (!Number.isInteger(seed))
    throw new Error(`seed must be an integer, got ${seed}`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today))
    throw new Error(`today must be YYYY-MM-DD, got "${today}"`)
  const existing = sqlite.prepare('SELECT count(*) AS n FROM residents').get() as { n: number }
  if (existing.n > 0)
    throw new Error(`the database already holds ${existing.n} residents: seed a fresh database`)

  const started = performance.now()
  const elapsed = () => ((performance.now() - started) / 1000).toFixed(1)
  const anchorDay = dayOf(today)
  // the text primary keys are inserted in random order: their B-trees must stay in the cache
  const load = new BulkLoad(sqlite, Math.min(2048, 64 + Math.ceil(residents / 500)))
  const tables = openTables(load)
  const exams = new ExamWriter(tables, new ExamIds(seed))
  const idNumbers = new IdNumbers()

  const care = writeCareNetwork(tables, seed, residents)
  writePersonas(tables, exams, care, seed, idNumbers)
  writeBookingOffers(tables, seed, care, anchorDay)
  let nextReport = progressEvery
  writePopulation(tables, exams, {
    seed,
    residents,
    anchorDay,
    care,
    idNumbers,
    progress: (written) => {
      if (written >= nextReport) {
        log(`${written.toLocaleString('en')} residents, ${exams.exams.toLocaleString('en')} exams, ${tables.examItems.rows.toLocaleString('en')} exam items, ${elapsed()} s`)
        nextReport += progressEvery
      }
    },
  })
  log(`generated in ${elapsed()} s; rebuilding ${load.droppedIndexes.length} indexes`)
  load.finish(log)

  const stats: SeedStats = {
    residents: tables.residents.rows,
    exams: tables.exams.rows,
    examItems: tables.examItems.rows,
    followups: tables.followups.rows,
    immunizations: tables.immunizations.rows,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  }
  log(`seeded ${stats.residents.toLocaleString('en')} residents, ${stats.exams.toLocaleString('en')} exams, ${stats.examItems.toLocaleString('en')} exam items, `
    + `${stats.followups.toLocaleString('en')} follow-ups, ${stats.immunizations.toLocaleString('en')} immunizations in ${stats.seconds} s`)
  return stats
}
