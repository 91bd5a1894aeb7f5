import { parseArgs } from 'node:util'
import { isIsoDate } from '../../../shared/iso-date'
import { shanghaiDayAt } from '../clock'
import { loadConfig } from '../config'
import { openDb } from '../db/client'
import { runRemindersJob } from './reminders.job'

/**
 * `npm run job:reminders [-- --on YYYY-MM-DD] [--force]`: the daily reminder job, now, on the
 * configured database (KANGBAN_DB). A run that was stopped resumes; a finished day is skipped
 * unless forced.
 */
const { values } = parseArgs({ options: { on: { type: 'string' }, force: { type: 'boolean', default: false } } })
const config = loadConfig()
const on = values.on ?? config.today ?? shanghaiDayAt(Date.now())
if (!isIsoDate(on)) {
  console.error(`--on must be a day that exists, as YYYY-MM-DD; got "${on}"`)
  process.exit(2)
}
const { db, sqlite } = openDb(config.dbFile)
const started = performance.now()
const result = await runRemindersJob(db, {
  on,
  force: values.force,
  onResidentError: (residentId, error) => console.error(`  resident ${residentId}: ${String(error)}; skipped`),
  afterBatch: ({ residents }) => {
    if (residents % 100_000 < 2000)
      console.log(`  ${residents.toLocaleString('en')} residents`)
  },
})
sqlite.close()
const seconds = (performance.now() - started) / 1000
console.log(result.skipped
  ? `reminders for ${on} were already computed (${result.residents.toLocaleString('en')} residents); --force recomputes them`
  : `reminders for ${on}: ${result.residents.toLocaleString('en')} residents, ${result.reminders.toLocaleString('en')} reminders in ${seconds.toFixed(1)} s${result.resumed ? ' (resumed)' : ''}`)
if (result.bookingsReminded > 0)
  console.log(`day-before reminders sent for ${result.bookingsReminded.toLocaleString('en')} bookings of ${on}'s next day`)
