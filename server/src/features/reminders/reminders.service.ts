import { ResidentAction } from '../../../../shared/access'
import { ErrorCode } from '../../../../shared/errors'
import type { Reminder } from '../../../../shared/policy'
import { evaluateReminders, ruleSetForRegion } from '../../../../shared/policy'
import type { ReminderItem, ReminderList, ReportFluShotBody } from '../../../../shared/schemas/reminders'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import type { ResidentAccess } from '../../plugins/access'
import type { Actor } from '../../plugins/session'
import { createRemindersRepo } from './reminders.repo'
import type { SnapshotLoader } from './reminders.snapshot'
import { createSnapshotLoader } from './reminders.snapshot'

/**
 * Gives each reminder its stable id, `<kind>-<subjectId or dueFrom>` (the calendar event's UID).
 * Two rules may share a kind (chronic follow-up and the severe-mental-disorder care visit): when
 * their ids would clash, each is qualified by its rule, `<kind>-<rule>-<subjectId or dueFrom>`.
 */
export function withIds(reminders: readonly Reminder[]): ReminderItem[] {
  const plain = reminders.map(r => `${r.kind}-${r.subjectId ?? r.dueFrom}`)
  const seen = new Map<string, number>()
  for (const id of plain)
    seen.set(id, (seen.get(id) ?? 0) + 1)
  return reminders.map((r, i) => ({
    ...r,
    id: seen.get(plain[i]!)! > 1 ? `${r.kind}-${r.ruleId.split('/').at(-1)}-${r.subjectId ?? r.dueFrom}` : plain[i]!,
  }))
}

/** Season of the free flu shot: 1 September to 31 August (seed 000 §二(二)); its first day. */
function fluSeasonStart(on: string): string {
  const year = Number(on.slice(0, 4))
  const seasonYear = Number(on.slice(5, 7)) >= 9 ? year : year - 1
  return `${seasonYear}-09-01`
}

/**
 * One resident's reminders on `on`: the engine over her snapshot with the rule set of the region
 * she lives in. A resident who is not active has no snapshot and gets none; a region no rule set
 * serves has no programme here (ruleSetId null).
 */
export function remindersOf(loader: SnapshotLoader, resident: { id: string, residenceRegion: string }, on: string): { ruleSetId: string | null, items: ReminderItem[] } {
  const ruleSet = ruleSetForRegion(resident.residenceRegion)
  const snapshot = loader.loadSnapshots([resident.id], on).get(resident.id)
  if (ruleSet === null || snapshot === undefined)
    return { ruleSetId: ruleSet?.id ?? null, items: [] }
  return { ruleSetId: ruleSet.id, items: withIds(evaluateReminders(snapshot, on, ruleSet)) }
}

export function createRemindersService(ctx: AppContext, access: ResidentAccess) {
  const loader = createSnapshotLoader(ctx.db)
  const repo = createRemindersRepo(ctx.db)

  return {
    /** What is due for the resident, most urgent first; sensitive items hidden from proxies. */
    list(actor: Actor, residentId: string): ReminderList {
      const allowed = access.authorize(actor, residentId, ResidentAction.READ, 'read', 'reminders')
      const on = ctx.clock.today()
      const { ruleSetId, items } = remindersOf(loader, allowed.resident, on)
      return {
        on,
        ruleSetId,
        // product.md capability 7 and policy-rules.md: the care visit of a severe mental disorder is for the resident, a parent and the doctor
        items: allowed.hideSensitive ? items.filter(r => !r.sensitive) : items,
        computedAt: new Date(ctx.clock.now()).toISOString(),
      }
    },

    /**
     * "I had my flu shot elsewhere" (seed 000 §二(二): it counts, shown as reported). A shot of
     * this season or the last one, not after today; the same day told twice is one shot.
     */
    reportFluShot(actor: Actor, residentId: string, body: ReportFluShotBody): { created: boolean, id: string, date: string } {
      return ctx.db.transaction(() => {
        access.authorize(actor, residentId, ResidentAction.SELF_CARE, 'change', 'immunizations')
        const today = ctx.clock.today()
        if (body.date > today)
          throw new AppError(ErrorCode.VALIDATION_FAILED, `date: a shot cannot be reported for a day after today (${today})`, { field: 'date' })
        const earliest = `${Number(fluSeasonStart(today).slice(0, 4)) - 1}-09-01`
        if (body.date < earliest)
          throw new AppError(ErrorCode.VALIDATION_FAILED, `date: only a shot of this flu season or the last one can be reported, on or after ${earliest}`, { field: 'date' })
        const existing = repo.findFluShot(residentId, body.date)
        if (existing !== null)
          return { created: false, id: existing.id, date: body.date }
        return { created: true, id: repo.createSelfReportedFluShot(residentId, body.date), date: body.date }
      })
    },
  }
}
