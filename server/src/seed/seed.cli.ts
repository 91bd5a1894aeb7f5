import { parseArgs } from 'node:util'
import { shanghaiDateOf } from '../../../shared/dates'
import { openDb } from '../db/client'
import { databaseFileBytes, removeDatabaseFiles } from './db-file'
import { seedDemoCounty } from './seed'

/**
 * `npm run seed -- --residents N --seed S [--db path] [--force]`: seeds the demo county into a
 * database file (default KANGBAN_DB, else data/kangban.db) anchored at KANGBAN_TODAY, else
 * today in Asia/Shanghai.
 */
function main(): void {
  const { values } = parseArgs({
    options: {
      residents: { type: 'string', default: '5000' },
      seed: { type: 'string', default: '42' },
      db: { type: 'string', default: process.env.KANGBAN_DB ?? 'data/kangban.db' },
      force: { type: 'boolean', default: false },
    },
  })
  const residents = Number(values.residents)
  const seed = Number(values.seed)
  if (!Number.isInteger(residents) || residents < 0 || !Number.isInteger(seed)) {
    console.error(`--residents and --seed take whole numbers (got ${values.residents} and ${values.seed})`)
    process.exit(2)
  }
  const today = process.env.KANGBAN_TODAY ?? shanghaiDateOf(new Date())
  const file = values.db

  if (values.force) {
    removeDatabaseFiles(file)
  }
  else if (databaseFileBytes(file) > 0) {
    const { sqlite } = openDb(file)
    const { n } = sqlite.prepare('SELECT count(*) AS n FROM residents').get() as { n: number }
    sqlite.close()
    if (n > 0) {
      console.error(`${file} already holds ${n} residents. Pass --force to delete it and seed afresh.`)
      process.exit(1)
    }
  }

  console.log(`seeding ${residents.toLocaleString('en')} residents (seed ${seed}, today ${today}) into ${file}`)
  const { sqlite } = openDb(file)
  const stats = seedDemoCounty(sqlite, { residents, seed, today, log: line => console.log(line) })
  sqlite.close()
  console.log(`residents ${stats.residents}, exams ${stats.exams}, exam items ${stats.examItems}, follow-ups ${stats.followups}, `
    + `immunizations ${stats.immunizations}; ${stats.seconds} s; ${(databaseFileBytes(file) / 1e6).toFixed(0)} MB`)
}

main()
