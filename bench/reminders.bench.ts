import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { shanghaiDayAt } from '../server/src/clock'
import { openDb } from '../server/src/db/client'
import { runRemindersJob } from '../server/src/jobs/reminders.job'

/**
 * `npm run bench:reminders [-- --db path] [--on YYYY-MM-DD]`: the daily reminder job over the
 * county of `npm run bench:seed` (1,219,300 residents), forced to recompute every resident:
 * total time, residents/s, and the memory as it goes (the JS heap, and the resident set size,
 * which also counts SQLite's page cache), to show it stays flat in the
 * number of residents. Goal (issue 4): ≤ 60 s (≥ 20,000 residents/s) on this 2-core machine.
 */
const { values } = parseArgs({
  options: {
    db: { type: 'string', default: '/tmp/kangban-county.db' },
    on: { type: 'string' },
  },
})
if (!existsSync(values.db))
  throw new Error(`${values.db} does not exist: run \`npm run bench:seed\` first (or pass --db)`)
const on = values.on ?? process.env.KANGBAN_TODAY ?? shanghaiDayAt(Date.now())
const { db, sqlite } = openDb(values.db)
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`
const samples: string[] = []
let nextSample = 0
console.log(`reminder job over ${values.db}, on ${on}`)
const started = performance.now()
const result = await runRemindersJob(db, {
  on,
  force: true,
  afterBatch: ({ residents }) => {
    if (residents >= nextSample) {
      samples.push(`${residents.toLocaleString('en').padStart(10)} residents  ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  rss ${mb(process.memoryUsage().rss)}  heap ${mb(process.memoryUsage().heapUsed)}`)
      nextSample += 200_000
    }
  },
})
const seconds = (performance.now() - started) / 1000
sqlite.close()
console.log(samples.join('\n'))
console.log([
  `residents        ${result.residents.toLocaleString('en')}`,
  `reminders        ${result.reminders.toLocaleString('en')}`,
  `total            ${seconds.toFixed(1)} s (goal ≤ 60 s)`,
  `residents/s      ${Math.round(result.residents / seconds).toLocaleString('en')} (goal ≥ 20,000)`,
  `peak rss         ${mb(process.resourceUsage().maxRSS * 1024)}`,
  `write lock       p99 ${result.writeMs.p99.toFixed(1)} ms, max ${result.writeMs.max.toFixed(1)} ms (what an API write may wait for)`,
].join('\n'))
