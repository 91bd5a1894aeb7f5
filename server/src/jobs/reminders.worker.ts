import { parentPort, workerData } from 'node:worker_threads'
import { shanghaiDayAt } from '../clock'
import { openDb } from '../db/client'
import { runAssessmentsStep } from '../features/assessments/assessments.generate'
import { runRemindersJob } from './reminders.job'

/** The reminder job in a worker thread of the server (reminders.schedule.ts). */
const { dbFile, today } = workerData as { dbFile: string, today: string | null }
const { db, sqlite } = openDb(dbFile)
try {
  const on = today ?? shanghaiDayAt(Date.now())
  // issue 9: after the reminders, the annual reports of exams released without one, and from 1 December every eligible resident's.
  // A worker's port has no target origin: the rule is about window.postMessage
  // oxlint-disable-next-line unicorn/require-post-message-target-origin
  parentPort!.postMessage({ ...await runRemindersJob(db, { on }), assessments: await runAssessmentsStep(db, on) })
}
finally {
  sqlite.close()
}
