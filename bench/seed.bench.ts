import { parseArgs } from 'node:util'
import { shanghaiDateOf } from '../shared/dates'
import { openDb } from '../server/src/db/client'
import { databaseFileBytes, removeDatabaseFiles } from '../server/src/seed/db-file'
import { seedDemoCounty } from '../server/src/seed/seed'

/**
 * `npm run bench:seed [-- --residents N] [--db path] [--check]`: seeds the reference county of
 * seed 002 (1,219,300 residents) into a fresh file and reports how long it took and how big the
 * file is. Without --db the database stays at /tmp/kangban-county.db for the API benchmark.
 */
const zhujiResidents = 1_219_300

const { values } = parseArgs({
  options: {
    residents: { type: 'string', default: String(zhujiResidents) },
    seed: { type: 'string', default: '42' },
    db: { type: 'string', default: '/tmp/kangban-county.db' },
    check: { type: 'boolean', default: false },
  },
})
const residents = Number(values.residents)
const seed = Number(values.seed)
const file = values.db
const today = process.env.KANGBAN_TODAY ?? shanghaiDateOf(new Date())

removeDatabaseFiles(file)
console.log(`seeding ${residents.toLocaleString('en')} residents (seed ${seed}, today ${today}) into ${file}`)
const { sqlite } = openDb(file)
const stats = seedDemoCounty(sqlite, { residents, seed, today, log: line => console.log(`  ${line}`) })

let checkLine = ''
if (values.check) {
  const started = performance.now()
  const violations = sqlite.pragma('foreign_key_check') as unknown[]
  checkLine = `foreign_key_check   ${violations.length === 0 ? 'clean' : `${violations.length} violations`} (${((performance.now() - started) / 1000).toFixed(1)} s)`
}
const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
const rows = ['households', 'contracts', 'conditions', 'medications', 'encounters', 'screenings'].map(t => [t, count(t)] as const)
sqlite.close()

const n = (value: number) => value.toLocaleString('en').padStart(14)
console.log([
  '',
  `seed benchmark: ${file}`,
  `residents      ${n(stats.residents)}`,
  `exams          ${n(stats.exams)}`,
  `exam items     ${n(stats.examItems)}`,
  `follow-ups     ${n(stats.followups)}`,
  `immunizations  ${n(stats.immunizations)}`,
  ...rows.map(([table, value]) => `${table.padEnd(15)}${n(value)}`),
  `seconds        ${n(stats.seconds)}`,
  `database MB    ${n(Math.round(databaseFileBytes(file) / 1e6))}  (with -wal)`,
  ...(checkLine === '' ? [] : [checkLine]),
].join('\n'))
