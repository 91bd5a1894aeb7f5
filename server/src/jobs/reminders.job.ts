import { and, asc, eq, gt, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { residents } from '../db/schema'
import { jobRuns } from '../db/schema/jobs'
import { sendDayBeforeReminders } from '../features/bookings/bookings.day-before'
import { askGrantConfirmations } from '../features/proxies/proxies.service'
import { createReminderStore } from '../features/reminders/reminders.store'
import { createSnapshotLoader } from '../features/reminders/reminders.snapshot'

export const REMINDERS_JOB = 'reminders'

export interface RemindersJobOptions {
  /** the evaluation date, YYYY-MM-DD */
  on: string
  /** residents read and evaluated together: one query per table per batch */
  batchSize?: number
  /**
   * residents written in one transaction: small, so that the write lock the API's own writes
   * wait for is never held for more than a few milliseconds
   */
  writeChunk?: number
  /** recompute a day that already finished */
  force?: boolean
  /** told of each resident whose record the engine could not evaluate; the run goes on without her */
  onResidentError?: (residentId: string, error: unknown) => void
  /** called between batches; the server's scheduler yields to the event loop here */
  afterBatch?: (progress: RemindersJobProgress) => void | Promise<void>
}

export interface RemindersJobProgress {
  residents: number
  reminders: number
  cursor: string
}

export interface RemindersJobResult extends RemindersJobProgress {
  on: string
  /**
   * how long its write transactions took, in milliseconds (a WAL checkpoint at a commit counts
   * too): an API write waits at most that long for the lock
   */
  writeMs: { p99: number, max: number }
  /** residents whose record the engine could not evaluate */
  failed: string[]
  /** the run had already finished for this date and was not forced */
  skipped: boolean
  /** it carried on from a run that was stopped part-way */
  resumed: boolean
  /** bookings of the next day whose day-before reminder went out in this run */
  bookingsReminded: number
}

/**
 * The daily reminder job (issue 4): every resident's reminders on `on`, recomputed into
 * `resident_reminders` in batches of residents taken in id order. Each written chunk replaces
 * the rows of exactly its id range and moves the run's cursor in the same transaction, so a run
 * killed at any point resumes at the next resident, and running it twice gives the same rows.
 * Residents who are not active (moved away, deceased) lose their rows. It also sends the
 * day-before reminders of the next day's booked exams.
 */
export async function runRemindersJob(db: Db, options: RemindersJobOptions): Promise<RemindersJobResult> {
  const { on, batchSize = 2000, writeChunk = 100, force = false } = options
  const loader = createSnapshotLoader(db)
  const nextIds = db.select({ id: residents.id }).from(residents)
    .where(gt(residents.id, sql.placeholder('after'))).orderBy(asc(residents.id)).limit(sql.placeholder('limit')).prepare()
  const store = createReminderStore(db)
  const findRun = db.select().from(jobRuns).where(and(eq(jobRuns.job, REMINDERS_JOB), eq(jobRuns.on, on))).prepare()
  const moveCursor = db.update(jobRuns)
    .set({
      cursor: sql`${sql.placeholder('cursor')}`,
      residents: sql`${jobRuns.residents} + ${sql.placeholder('residents')}`,
      reminders: sql`${jobRuns.reminders} + ${sql.placeholder('reminders')}`,
    })
    .where(and(eq(jobRuns.job, REMINDERS_JOB), eq(jobRuns.on, on))).prepare()

  // before the day's skip: a booking made after the day's run is reminded at the next start
  const bookingsReminded = sendDayBeforeReminders(db, on, Date.now())
  // issue 7: grantors of open-ended grants in their last 30 days are asked to re-confirm
  askGrantConfirmations(db, on, Date.now())
  const existing = findRun.get()
  if (existing?.finishedAt != null && !force)
    return { on, skipped: true, resumed: false, cursor: existing.cursor, residents: existing.residents, reminders: existing.reminders, writeMs: { p99: 0, max: 0 }, failed: [], bookingsReminded }
  const resumed = existing !== undefined && existing.finishedAt === null && existing.cursor !== ''
  if (existing === undefined || existing.finishedAt !== null) {
    db.insert(jobRuns).values({ job: REMINDERS_JOB, on, startedAt: Date.now() })
      .onConflictDoUpdate({ target: [jobRuns.job, jobRuns.on], set: { cursor: '', residents: 0, reminders: 0, startedAt: Date.now(), finishedAt: null } })
      .run()
  }

  let cursor = resumed ? existing.cursor : ''
  const writeDurations: number[] = []
  const failed: string[] = []
  for (;;) {
    const ids = nextIds.all({ after: cursor, limit: batchSize }).map(row => row.id)
    if (ids.length === 0)
      break
    const snapshots = loader.loadSnapshotRange(ids[0]!, ids.at(-1)!, on)
    for (let start = 0; start < ids.length; start += writeChunk) {
      const chunk = ids.slice(start, start + writeChunk)
      const last = chunk.at(-1)!
      // evaluated before the transaction: the write lock is held only for the writes
      const rows: unknown[][] = []
      for (const residentId of chunk) {
        const snapshot = snapshots.get(residentId)
        if (snapshot === undefined)
          continue
        try {
          rows.push(...store.rowsOf(residentId, snapshot, on))
        }
        catch (error) {
          // one resident's bad record (a malformed date) must not stop the county's run: she
          // gets no rows tonight, and the run says who she is
          failed.push(residentId)
          options.onResidentError?.(residentId, error)
        }
      }
      const writeStarted = performance.now()
      db.transaction(() => {
        store.replaceRange(cursor, last, rows)
        moveCursor.run({ cursor: last, residents: chunk.length, reminders: rows.length })
      })
      writeDurations.push(performance.now() - writeStarted)
      cursor = last
    }
    const run = findRun.get()!
    await options.afterBatch?.({ residents: run.residents, reminders: run.reminders, cursor })
  }
  db.update(jobRuns).set({ finishedAt: Date.now() }).where(and(eq(jobRuns.job, REMINDERS_JOB), eq(jobRuns.on, on))).run()
  const run = findRun.get()!
  writeDurations.sort((a, b) => a - b)
  const writeMs = { p99: writeDurations[Math.floor(writeDurations.length * 0.99)] ?? 0, max: writeDurations.at(-1) ?? 0 }
  return { on, skipped: false, resumed, cursor: run.cursor, residents: run.residents, reminders: run.reminders, writeMs, failed, bookingsReminded }
}
