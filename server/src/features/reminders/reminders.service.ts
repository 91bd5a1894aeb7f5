import { ResidentAction } from '../../../../shared/access'
import { ErrorCode } from '../../../../shared/errors'
import { evaluateReminders, fluSeasonStart, ruleSetForRegion } from '../../../../shared/policy'
import type { ReminderItem, ReminderList, ReportFluShotBody } from '../../../../shared/schemas/reminders'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import type { ResidentAccess } from '../../plugins/access'
import type { Actor } from '../../plugins/session'
import { withIds } from './reminders.ids'
import { createRemindersRepo } from './reminders.repo'
import type { SnapshotLoader, SnapshotViewer } from './reminders.snapshot'
import { createSnapshotLoader } from './reminders.snapshot'
import { createReminderStore } from './reminders.store'

export function remindersOf(loader: SnapshotLoader, resident: { id: string, residenceRegion: string }, on: string, viewer: SnapshotViewer = 'full'): { ruleSetId: string | null, items: ReminderItem[] } {
  const ruleSet = ruleSetForRegion(resident.residenceRegion)
  const snapshot = loader.loadSnapshots([resident.id], on, viewer).get(resident.id)
  if (ruleSet === null || snapshot === undefined)
    return { ruleSetId: ruleSet?.id ?? null, items: [] }
  return { ruleSetId: ruleSet.id, items: withIds(evaluateReminders(snapshot, on, ruleSet)) }
}

export function createRemindersService(ctx: AppContext, access: ResidentAccess) {
  const loader = createSnapshotLoader(ctx.db)
  const repo = createRemindersRepo(ctx.db)
  const store = createReminderStore(ctx.db)

  return {
    /** What is due for the resident, most urgent first; sensitive items hidden from proxies. */
    list(actor: Actor, residentId: string): ReminderList {
      const allowed = access.authorize(actor, residentId, ResidentAction.READ, 'read', 'reminders')
      const on = ctx.clock.today()
      const { ruleSetId, items } = remindersOf(loader, allowed.resident, on, allowed.hideSensitive ? 'proxy' : 'full')
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
     * this season, not after today; the same day told twice is one shot.
     */
    reportFluShot(actor: Actor, residentId: string, body: ReportFluShotBody): { created: boolean, id: string, date: string } {
      return ctx.db.transaction(() => {
        access.authorize(actor, residentId, ResidentAction.SELF_CARE, 'change', 'immunizations')
        const today = ctx.clock.today()
        if (body.date > today)
          throw new AppError(ErrorCode.VALIDATION_FAILED, `date: a shot cannot be reported for a day after today (${today})`, { field: 'date' })
        // only this season's shot counts for this season's reminder; the form offers no other
        const earliest = fluSeasonStart(today)
        if (body.date < earliest)
          throw new AppError(ErrorCode.VALIDATION_FAILED, `date: only a shot of this flu season can be reported, on or after ${earliest}`, { field: 'date' })
        const existing = repo.findFluShot(residentId, body.date)
        if (existing !== null)
          return { created: false, id: existing.id, date: body.date }
        const id = repo.createSelfReportedFluShot(residentId, body.date)
        store.refresh(loader, residentId, today)
        return { created: true, id, date: body.date }
      })
    },
  }
}
