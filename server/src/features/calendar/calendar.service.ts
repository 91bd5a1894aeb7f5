import { decideResidentAccess, ResidentAction } from '../../../../shared/access'
import type { CalendarFeed, CreatedCalendarFeed } from '../../../../shared/schemas/reminders'
import type { AppContext } from '../../context'
import { notFound } from '../../errors'
import { newId } from '../../ids'
import type { ResidentAccess } from '../../plugins/access'
import type { Actor } from '../../plugins/session'
import { newToken, sha256 } from '../auth/secrets'
import { remindersOf } from '../reminders/reminders.service'
import { createSnapshotLoader } from '../reminders/reminders.snapshot'
import { remindersCalendar } from './calendar.ics'
import { createCalendarRepo } from './calendar.repo'

export function createCalendarService(ctx: AppContext, access: ResidentAccess) {
  const repo = createCalendarRepo(ctx.db)
  const loader = createSnapshotLoader(ctx.db)

  return {
    /** Whether the resident has a live feed; the URL itself was shown once and is not kept. */
    status(actor: Actor, residentId: string): CalendarFeed {
      access.authorize(actor, residentId, ResidentAction.MANAGE, 'read', 'calendar-feed')
      const live = repo.findLive(residentId)
      return { active: live !== null, createdAt: live === null ? null : new Date(live.createdAt).toISOString() }
    },

    /**
     * A new secret feed URL; any earlier one stops working. The token is 32 random bytes and only
     * its SHA-256 is stored, so the URL is shown this once.
     *
     * @param origin the app's own origin (`PUBLIC_ORIGIN`, else the request's), the URL's base
     */
    create(actor: Actor, residentId: string, origin: string): CreatedCalendarFeed {
      return ctx.db.transaction(() => {
        access.authorize(actor, residentId, ResidentAction.MANAGE, 'change', 'calendar-feed')
        const at = ctx.clock.now()
        repo.revoke(residentId, at)
        const token = newToken()
        repo.create({ id: newId(), residentId, tokenHash: sha256(token), createdByAccountId: actor.accountId, createdAt: at })
        return { url: `${origin}/api/calendar/${token}.ics`, createdAt: new Date(at).toISOString() }
      })
    },

    /** Stops the feed at once; calendar apps get 404 from then on. */
    revoke(actor: Actor, residentId: string): void {
      ctx.db.transaction(() => {
        access.authorize(actor, residentId, ResidentAction.MANAGE, 'change', 'calendar-feed')
        repo.revoke(residentId, ctx.clock.now())
      })
    },

    /**
     * The `.ics` of the feed whose token this is. The token is the credential, so no access-log
     * row: the feed is the resident's own and a calendar app polls it many times a day; what the
     * log shows is who made the feed (a change). It answers only while its maker could still
     * make it — a parent whose child turned 14 or a closed account gets 404, as does an unknown
     * or revoked token. Sensitive reminders never leave for a calendar (they sync to servers
     * outside the county's care).
     */
    feed(token: string): string {
      const feed = repo.findByTokenHash(sha256(token))
      if (feed === null || feed.creatorAccountStatus !== 'active')
        throw notFound()
      const today = ctx.clock.today()
      if (feed.creatorResidentId !== feed.resident.id) {
        const decision = decideResidentAccess({
          on: today,
          actor: { residentId: feed.creatorResidentId, householdId: feed.creatorHouseholdId, relationToHead: feed.creatorRelationToHead, staff: null },
          resident: feed.resident,
          grants: [],
          contracts: [],
        }, ResidentAction.MANAGE)
        if (decision.outcome !== 'allow')
          throw notFound()
      }
      const { items } = remindersOf(loader, feed.resident, today)
      return remindersCalendar(items.filter(r => !r.sensitive), { today, now: ctx.clock.now(), uidSuffix: `${feed.resident.id}@kangban` })
    },
  }
}
