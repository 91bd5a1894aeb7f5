import { afterEach, describe, expect, it } from 'vitest'
import { ORIGIN, testApp } from '../../test/test-app'
import { ids, phones } from '../../test/world'
import { createNotificationsRepo, prepareNotify } from './notifications.repo'

let t: Awaited<ReturnType<typeof testApp>>
afterEach(async () => {
  await t.app.close()
})

describe('the notification inbox', () => {
  it('lists the resident\'s notices newest first with the unread count', async () => {
    t = await testApp()
    const notify = prepareNotify(t.db)
    notify(ids.mother, 'acted-for-you', { actorName: '李建国', what: 'booking' }, Date.parse('2026-11-20T01:00:00Z'))
    notify(ids.mother, 'result-released', { examDate: '2026-05-19' }, Date.parse('2026-11-21T01:00:00Z'))
    notify(ids.son, 'result-released', { examDate: '2026-05-01' }, Date.parse('2026-11-21T01:00:00Z'))
    const cookie = await t.signIn(phones.mother)
    const inbox = (await t.app.inject({ url: '/api/notifications', headers: { cookie } })).json()
    expect(inbox.unread).toBe(2)
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toEqual(['result-released', 'acted-for-you'])
    expect(inbox.items[1]).toMatchObject({ params: { actorName: '李建国', what: 'booking' }, readAt: null, residentId: ids.mother })
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).json().unreadNotifications).toBe(2)
  })

  it('pages newest first, a notice at the same moment once, across those to the account and to its record', async () => {
    t = await testApp()
    const notify = prepareNotify(t.db)
    const at = Date.parse('2026-11-20T01:00:00Z')
    for (const kind of ['acted-for-you', 'result-released', 'booking-tomorrow'])
      notify(ids.mother, kind, { n: kind }, at)
    createNotificationsRepo(t.db).createForAccount('acctmotheraaaaaa', 'welcome', { n: 'to the account' }, at)
    notify(ids.mother, 'result-released', { n: 'latest' }, at + 1)
    const cookie = await t.signIn(phones.mother)
    const paged: { id: string, kind: string, params: { n?: string } }[] = []
    let cursor: string | null = null
    do {
      const page: { items: typeof paged, nextCursor: string | null } = (await t.app.inject({ url: `/api/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`, headers: { cookie } })).json()
      paged.push(...page.items)
      cursor = page.nextCursor
    } while (cursor !== null)
    expect(paged).toHaveLength(5)
    expect(paged[0]!.params).toEqual({ n: 'latest' })
    const sameMoment = paged.slice(1)
    expect(sameMoment.map(n => n.params.n).sort()).toEqual(['acted-for-you', 'booking-tomorrow', 'result-released', 'to the account'])
    expect(sameMoment.map(n => n.id)).toEqual(sameMoment.map(n => n.id).toSorted().toReversed())
  })

  it('marks a notice read when it is opened, and only one\'s own', async () => {
    t = await testApp()
    prepareNotify(t.db)(ids.mother, 'result-released', { examDate: '2026-05-19' }, Date.parse('2026-11-21T01:00:00Z'))
    const mother = await t.signIn(phones.mother)
    const son = await t.signIn(phones.son)
    const [notice] = (await t.app.inject({ url: '/api/notifications', headers: { cookie: mother } })).json().items
    const byOther = await t.app.inject({ method: 'POST', url: `/api/notifications/${notice.id}/read`, headers: { cookie: son, origin: ORIGIN } })
    expect(byOther.statusCode).toBe(404)
    const read = await t.app.inject({ method: 'POST', url: `/api/notifications/${notice.id}/read`, headers: { cookie: mother, origin: ORIGIN } })
    expect(read.statusCode).toBe(200)
    expect(read.json().readAt).toBe('2026-11-22T02:02:02.000Z')
    expect((await t.app.inject({ url: '/api/notifications', headers: { cookie: mother } })).json().unread).toBe(0)
  })

  it('welcomes a new account', async () => {
    t = await testApp()
    const cookie = await t.signIn('13312345678')
    const inbox = (await t.app.inject({ url: '/api/notifications', headers: { cookie } })).json()
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toEqual(['welcome'])
  })

  it('needs a session', async () => {
    t = await testApp()
    expect((await t.app.inject({ url: '/api/notifications' })).statusCode).toBe(401)
  })
})
