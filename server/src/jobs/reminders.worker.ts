import { parentPort, workerData } from 'node:worker_threads'
import { shanghaiDayAt } from '../clock'
import { openDb } from '../db/client'
import { runRemindersJob } from './reminders.job'

/** The reminder job in a worker thread of the server (reminders.schedule.ts). */
const { dbFile, today } = workerData as { dbFile: string, today: string | null }
const { db, sqlite } = openDb(dbFile)
try {
  // a worker's port has no target origin: the rule is about window.postMessage
  // oxlint-disable-next-line unicorn/require-post-message-target-origin
  parentPort!.postMessage(await runRemindersJob(db, { on: today ?? shanghaiDayAt(Date.now()) }))
}
finally {
  sqlite.close()
}
