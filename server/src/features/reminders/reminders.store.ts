import { and, eq, gt, lte, sql } from 'drizzle-orm'
import { evaluateReminders, ruleSetForRegion } from '../../../../shared/policy'
import type { Snapshot } from '../../../../shared/policy'
import type { Db } from '../../db/client'
import { residentReminders } from '../../db/schema'
import { withIds } from './reminders.ids'
import type { SnapshotLoader } from './reminders.snapshot'

/**
 * The stored reminders (`resident_reminders`): what the engine said for each resident on a day,
 * for notifications and the dashboard to read without running it. The nightly job fills it for
 * everyone; a change a resident makes (a questionnaire, a flu shot she tells us of) refreshes
 * her own rows at once, so nothing reads yesterday's answer about what she just did.
 */
export function createReminderStore(db: Db) {
  // the nightly job's one hot write, 2 million rows: on the driver directly, since drizzle's
  // placeholder filling cost as much as SQLite's insert itself
  const insert = db.$client.prepare(`insert into resident_reminders
    (resident_id, id, kind, rule_id, status, priority, due_from, due_by, free, action, reason, subject_id, sensitive, computed_on)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const clearRange = db.delete(residentReminders)
    .where(and(gt(residentReminders.residentId, sql.placeholder('after')), lte(residentReminders.residentId, sql.placeholder('last')))).prepare()
  const clearResident = db.delete(residentReminders).where(eq(residentReminders.residentId, sql.placeholder('residentId'))).prepare()

  /** The rows of one resident's reminders on `on`; none for a region no rule set serves. Throws what the engine throws. */
  function rowsOf(residentId: string, snapshot: Snapshot, on: string): unknown[][] {
    const ruleSet = ruleSetForRegion(snapshot.residenceRegion)
    if (ruleSet === null)
      return []
    return withIds(evaluateReminders(snapshot, on, ruleSet)).map(r => [
      residentId,
      r.id,
      r.kind,
      r.ruleId,
      r.status,
      r.priority,
      r.dueFrom,
      r.dueBy,
      r.free ? 1 : 0,
      r.action,
      JSON.stringify(r.reason),
      r.subjectId,
      r.sensitive ? 1 : 0,
      on,
    ])
  }

  return {
    rowsOf,
    /** Replaces the rows of the residents after `after` up to `last` (both ids) with `rows`; call it in a transaction. */
    replaceRange(after: string, last: string, rows: readonly unknown[][]) {
      clearRange.run({ after, last })
      for (const row of rows)
        insert.run(row)
    },
    /** Recomputes one resident's rows on `on`, in the caller's transaction so they stand or fall with her change. */
    refresh(loader: SnapshotLoader, residentId: string, on: string) {
      this.refreshMany(loader, [residentId], on)
    },
    /** Recomputes the rows of several residents on `on`, their snapshots read together (one query per table). */
    refreshMany(loader: SnapshotLoader, residentIds: readonly string[], on: string) {
      const snapshots = loader.loadSnapshots(residentIds, on)
      for (const residentId of residentIds) {
        clearResident.run({ residentId })
        const snapshot = snapshots.get(residentId)
        if (snapshot !== undefined) {
          for (const row of rowsOf(residentId, snapshot, on))
            insert.run(row)
        }
      }
    },
  }
}

export type ReminderStore = ReturnType<typeof createReminderStore>
