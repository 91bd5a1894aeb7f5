import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import * as schema from '../server/src/db/schema'
import { generateYearAssessments } from '../server/src/features/assessments/assessments.generate'

/**
 * `npm run bench:reports [-- --db path] [--on YYYY-MM-DD]`: the 1 December run of issue 9 over
 * the county of `npm run bench:seed` (1,219,300 residents), after the day's reminder job: the year's annual report of every
 * eligible resident (signed and 65+, or hypertension / diabetes / dyslipidaemia; about a third
 * of a million): total time and reports/s. Goal: ≤ 5 minutes.
 *
 * The county file is shared with the other benchmarks, so it is opened read-only and never
 * migrated: the reports go to TEMP tables of the same shape (from this feature's migration),
 * which shadow the main tables by name for this connection and vanish with it.
 */
const { values } = parseArgs({
  options: {
    db: { type: 'string', default: '/tmp/kangban-county.db' },
    on: { type: 'string' },
  },
})
if (!existsSync(values.db))
  throw new Error(`${values.db} does not exist: run \`npm run bench:seed\` first (or pass --db)`)

const sqlite = new Database(values.db, { readonly: true })
// The run follows the day's reminder job, whose stored reminders the reports read: by default
// the day the county's reminders were last computed for (most of them), as that day's run.
const on = values.on ?? (sqlite.prepare('select computed_on as day from resident_reminders group by computed_on order by count(*) desc limit 1').get() as { day: string } | undefined)?.day ?? '2026-12-01'
sqlite.pragma('cache_size = -262144')
// the reports (about a gigabyte of JSON) go to a temporary file, not to memory
sqlite.pragma('temp_store = FILE')
const migration = readFileSync(resolve(import.meta.dirname, '../server/src/db/migrations/0010_assessments.sql'), 'utf8')
const scratchTables = ['annual_assessments', 'home_measurements']
for (const statement of migration.split('--> statement-breakpoint')) {
  const temp = statement
    .replace(/CREATE TABLE `(\w+)`/, 'CREATE TEMP TABLE `$1`')
    .replace(/CREATE (UNIQUE )?INDEX `(\w+)`/, 'CREATE $1INDEX temp.`$2`')
    // a TEMP table's foreign keys could only name other TEMP tables
    .replace(/\n\s*FOREIGN KEY[^\n]*/g, '')
    .replace(/,\s*\)/, '\n)')
  sqlite.exec(temp)
}
const db = drizzle({ client: sqlite, schema, casing: 'snake_case' })

const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`
console.log(`annual reports of ${on.slice(0, 4)} for every eligible resident without one, over ${values.db}, as the run after the reminder job of ${on}`)
const started = performance.now()
let nextSample = 0
const counts = await generateYearAssessments(db, {
  on,
  which: 'missing',
  afterBatch: ({ created }) => {
    if (created >= nextSample) {
      console.log(`${created.toLocaleString('en').padStart(10)} reports  ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  rss ${mb(process.memoryUsage().rss)}`)
      nextSample += 50_000
    }
  },
})
const seconds = (performance.now() - started) / 1000
const stored = sqlite.prepare('select count(*) as n, sum(length(content)) as bytes from temp.annual_assessments').get() as { n: number, bytes: number }
const withRisk = sqlite.prepare('select count(*) as n from temp.annual_assessments where json_extract(content, \'$.risk.risk\') is not null').get() as { n: number }
for (const table of scratchTables)
  sqlite.exec(`DROP TABLE temp.${table}`)
sqlite.close()
console.log([
  `reports          ${counts.created.toLocaleString('en')} (stored ${stored.n.toLocaleString('en')}, ${mb(stored.bytes)} of JSON; ${withRisk.n.toLocaleString('en')} with a China-PAR risk)`,
  `total            ${seconds.toFixed(1)} s (goal ≤ 300 s)`,
  `reports/s        ${Math.round(counts.created / seconds).toLocaleString('en')}`,
  `peak rss         ${mb(process.resourceUsage().maxRSS * 1024)}`,
].join('\n'))
