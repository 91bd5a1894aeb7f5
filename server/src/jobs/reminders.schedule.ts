import { SHANGHAI_OFFSET_MS } from '../clock'
import type { Config } from '../config'
import { startTsWorker } from '../ts-worker'

/** The daily job runs at 02:00 Asia/Shanghai (issue 4), when almost nobody is using the app. */
export const REMINDERS_JOB_HOUR = 2
const DAY_MS = 24 * 3600_000

/** Milliseconds from `nowMs` until the next `hour`:00 in Asia/Shanghai. */
export function msUntilNextRun(nowMs: number, hour = REMINDERS_JOB_HOUR): number {
  const shanghaiMs = nowMs + SHANGHAI_OFFSET_MS
  const todayRun = Math.floor(shanghaiMs / DAY_MS) * DAY_MS + hour * 3600_000
  return (todayRun > shanghaiMs ? todayRun : todayRun + DAY_MS) - shanghaiMs
}

export interface JobLog {
  info: (message: string) => void
  error: (message: string) => void
}

/** Runs the reminder job once in a worker thread with its own connection, so API requests never wait on its reads or its engine. */
export function runRemindersJobInWorker(config: Config): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = startTsWorker(new URL('./reminders.worker.ts', import.meta.url), { workerData: { dbFile: config.dbFile, today: config.today } })
    let result: unknown = null
    worker.once('message', (message) => {
      result = message
    })
    worker.once('error', reject)
    worker.once('exit', code => (code === 0 ? resolve(result) : reject(new Error(`the reminder job's worker exited with ${code}`))))
  })
}

/**
 * Runs the reminder job now and then every day at 02:00 Shanghai; returns a function that stops
 * the schedule. The run at start catches up a day whose 02:00 run was missed (the server was
 * down) or stopped part-way (it restarted): the job resumes it, and skips a day that finished.
 */
export function scheduleRemindersJob(config: Config, log: JobLog): () => void {
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  const run = () => {
    runRemindersJobInWorker(config)
      .then(result => log.info(`reminder job: ${JSON.stringify(result)}`))
      .catch((error: unknown) => log.error(`reminder job failed; it resumes at its next run: ${String(error)}`))
      .finally(arm)
  }
  const arm = () => {
    if (stopped)
      return
    timer = setTimeout(run, msUntilNextRun(Date.now()))
    // a pending nightly run must not keep a stopping server alive
    timer.unref()
  }
  run()
  return () => {
    stopped = true
    clearTimeout(timer)
  }
}
