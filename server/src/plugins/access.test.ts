import { afterEach, describe, expect, it } from 'vitest'
import { ResidentAction } from '../../../shared/access'
import { loadConfig } from '../config'
import type { AppContext } from '../context'
import { createDevOutboxSender } from '../features/auth/sms'
import { CARE_TEAM_CACHE_MS } from '../features/residents/residents.service'
import { testApp } from '../test/test-app'
import { ids } from '../test/world'
import { createShortCache } from '../short-cache'
import { createResidentAccess, RESIDENT_FACTS_CACHE_MS } from './access'
import { createSessionCache } from './session'
import type { Actor } from './session'

let t: Awaited<ReturnType<typeof testApp>>
afterEach(async () => {
  await t.app.close()
})

const son: Actor = { accountId: 'acctsonaaaaaaaaa', phone: '13800000002', name: '李建国', residentId: ids.son, householdId: 'householdliaaaaa', relationToHead: 'head', consented: true, staff: null }
const mother: Actor = { ...son, accountId: 'acctmotheraaaaaa', name: '王秀英', residentId: ids.mother, householdId: null, relationToHead: null }

async function setup() {
  t = await testApp()
  const clock = { now: () => Date.parse('2026-11-22T02:00:00Z'), today: () => '2026-11-22' }
  const ctx: AppContext = { config: loadConfig({}), clock, db: t.db, sqlite: t.sqlite, sms: createDevOutboxSender(t.db, clock.now), sessionCache: createSessionCache(), residentFactsCache: createShortCache(RESIDENT_FACTS_CACHE_MS, 100), careTeamCache: createShortCache(CARE_TEAM_CACHE_MS, 100) }
  return createResidentAccess(ctx)
}

const count = (table: string) => (t.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n

describe('a change by someone other than the resident', () => {
  it('writes one access-log row and leaves her a notice', async () => {
    const access = await setup()
    access.authorize(son, ids.mother, ResidentAction.BOOK, 'change', 'booking')
    expect(t.sqlite.prepare('select actor_name, actor_role, action, what, on_behalf_of from access_log').all())
      .toEqual([{ actor_name: '李建国', actor_role: 'proxy', action: 'change', what: 'booking', on_behalf_of: ids.mother }])
    const notice = t.sqlite.prepare('select resident_id, kind, params from notifications').get()
    expect(notice).toEqual({ resident_id: ids.mother, kind: 'acted-for-you', params: JSON.stringify({ actorName: '李建国', what: 'booking' }) })
  })

  it('leaves neither when the change fails inside the same transaction', async () => {
    const access = await setup()
    expect(() => t.db.transaction(() => {
      access.authorize(son, ids.mother, ResidentAction.BOOK, 'change', 'booking')
      throw new Error('the slot was taken')
    })).toThrow('the slot was taken')
    expect(count('access_log')).toBe(0)
    expect(count('notifications')).toBe(0)
  })

  it('is neither logged nor noticed when the resident acts herself', async () => {
    const access = await setup()
    access.authorize(mother, ids.mother, ResidentAction.BOOK, 'change', 'booking')
    expect(count('access_log')).toBe(0)
    expect(count('notifications')).toBe(0)
  })
})
