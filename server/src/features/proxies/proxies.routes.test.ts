import { beforeEach, afterEach, describe, expect, it } from 'vitest'
import { ORIGIN, testApp } from '../../test/test-app'
import { ids, phones } from '../../test/world'
import { askGrantConfirmations } from './proxies.service'

let t: Awaited<ReturnType<typeof testApp>>
let cookies: Record<keyof typeof phones, string>
beforeEach(async () => {
  t = await testApp()
  cookies = await t.signInAll(phones)
})
afterEach(async () => {
  await t.app.close()
})

type Who = keyof typeof phones
const as = (who: Who | string) => (who in cookies ? cookies[who as Who] : who)
const get = (url: string, who: Who | string) => t.app.inject({ url, headers: { cookie: as(who) } })
const send = (method: 'POST' | 'DELETE', url: string, who: Who | string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: as(who), origin: ORIGIN }, ...(payload === undefined ? {} : { payload }) })
const grant = (payload: object, who: Who = 'mother', residentId: string = ids.mother) => send('POST', `/api/residents/${residentId}/proxies`, who, payload)
const noticesOf = (column: 'account_id' | 'resident_id', id: string) =>
  (t.sqlite.prepare(`select kind, params from notifications where ${column} = ? and kind like 'grant-%' order by created_at, rowid`).all(id) as { kind: string, params: string }[])
    .map(n => ({ kind: n.kind, ...JSON.parse(n.params) }))
const setGrant = (id: string, change: string) => t.sqlite.prepare(`update proxy_grants set ${change} where id = ?`).run(id)

describe('giving a grant by phone number', () => {
  it('answers the same whether or not the phone is a Kangban user', async () => {
    // 张伟 has an account; 13700000077 has none
    const user = await grant({ phone: phones.stranger, scopes: ['view', 'book'] })
    const nobody = await grant({ phone: '13700000077', scopes: ['view', 'book'] })
    expect(user.statusCode).toBe(201)
    expect(nobody.statusCode).toBe(201)
    const strip = (body: Record<string, unknown>) => ({ ...body, id: 'x', phoneMasked: 'x', createdAt: 'x' })
    expect(strip(user.json())).toEqual(strip(nobody.json()))
    expect(user.json()).toMatchObject({ phoneMasked: '138****0004', granteeName: null, state: 'pending', scopes: ['view', 'book'], endsOn: null, lapsesOn: '2028-05-22', showSensitive: false })
    // the list stays silent about it too, until she accepts
    const list = (await get(`/api/residents/${ids.mother}/proxies`, 'mother')).json().items
    expect(list.filter((g: { state: string }) => g.state === 'pending').map((g: { granteeName: string | null }) => g.granteeName)).toEqual([null, null])
    // only the grantee's own inbox learns of it
    const strangerAccount = t.sqlite.prepare('select id from accounts where phone = ?').get(phones.stranger) as { id: string }
    expect(noticesOf('account_id', strangerAccount.id)).toEqual([{ kind: 'grant-offered', grantorName: '王秀英', grantId: user.json().id }])
  })

  it.each([
    ['a phone that is not one', { phone: '12345', scopes: ['view'] }, 'phone'],
    ['scopes without view', { phone: '13700000077', scopes: ['book'] }, 'scopes'],
    ['an unknown scope', { phone: '13700000077', scopes: ['view', 'everything'] }, 'scopes.1'],
    ['an end date that has passed', { phone: '13700000077', scopes: ['view'], endsOn: '2026-11-21' }, 'endsOn'],
    ['a day that does not exist', { phone: '13700000077', scopes: ['view'], endsOn: '2026-02-30' }, 'endsOn'],
    ['her own phone', { phone: phones.mother, scopes: ['view'] }, 'phone'],
    ['an unknown field', { phone: '13700000077', scopes: ['view'], admin: true }, 'body'],
  ])('refuses %s with 400 naming the field', async (_, payload, field) => {
    const response = await grant(payload)
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field })
  })

  it('refuses a second open grant to the same phone (409) but allows one after the first ended', async () => {
    expect((await grant({ phone: '13700000077', scopes: ['view'] })).statusCode).toBe(201)
    const again = await grant({ phone: '13700000077', scopes: ['view', 'consult'] })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('ALREADY_GRANTED')
    const first = (await get(`/api/residents/${ids.mother}/proxies`, 'mother')).json().items[0]
    expect((await send('DELETE', `/api/residents/${ids.mother}/proxies/${first.id}`, 'mother')).statusCode).toBe(204)
    expect((await grant({ phone: '13700000077', scopes: ['view', 'consult'] })).statusCode).toBe(201)
  })

  it.each([['her son, a proxy with every scope', 'son', 403], ['her doctor', 'doctor', 403], ['a stranger', 'stranger', 404]] as const)('is not for %s (%s → %i)', async (_, who, status) => {
    expect((await grant({ phone: '13700000077', scopes: ['view'] }, who)).statusCode).toBe(status)
    expect((await get(`/api/residents/${ids.mother}/proxies`, who)).statusCode).toBe(status)
  })
})

describe('a grant\'s life: accept, use, end', () => {
  it('waits for the grantee, who accepts in her own Kangban after her first sign-in; then counts at once', async () => {
    const given = (await grant({ phone: '13700000088', scopes: ['view', 'book'], relationship: 'child' })).json()
    const lei = await t.signIn('13700000088')
    // pending: offered in her inbox, nothing shared yet
    expect((await get(`/api/residents/${ids.mother}`, lei)).statusCode).toBe(404)
    expect((await get('/api/proxies', lei)).json().items).toEqual([expect.objectContaining({ id: given.id, residentId: ids.mother, grantorName: '王秀英', kinship: 'mother', state: 'pending', scopes: ['view', 'book'] })])
    const leiAccount = (t.sqlite.prepare('select id from accounts where phone = ?').get('13700000088') as { id: string }).id
    expect(noticesOf('account_id', leiAccount)).toEqual([{ kind: 'grant-offered', grantorName: '王秀英', grantId: given.id }])

    const accepted = await send('POST', `/api/proxies/${given.id}/accept`, lei)
    expect(accepted.statusCode).toBe(200)
    expect(accepted.json()).toMatchObject({ state: 'active' })
    expect((await get(`/api/residents/${ids.mother}`, lei)).json()).toMatchObject({ name: '王秀英', viewerRelation: 'proxy' })
    expect((await get('/api/me', lei)).json().actingFor).toEqual([expect.objectContaining({ residentId: ids.mother, relation: 'proxy', kinship: 'mother', scopes: ['view', 'book'] })])
    expect(noticesOf('resident_id', ids.mother)).toEqual([{ kind: 'grant-accepted', name: '137****0088' }])
    // the grantor now sees who holds it
    const mine = (await get(`/api/residents/${ids.mother}/proxies`, 'mother')).json().items.find((g: { id: string }) => g.id === given.id)
    expect(mine).toMatchObject({ state: 'active', granteeName: null, phoneMasked: '137****0088' })

    // the grantor ends it: the very next request, within the same second, is refused
    expect((await send('DELETE', `/api/residents/${ids.mother}/proxies/${given.id}`, 'mother')).statusCode).toBe(204)
    expect((await get(`/api/residents/${ids.mother}`, lei)).statusCode).toBe(404)
    expect((await get('/api/proxies', lei)).json().items).toEqual([])
    expect(noticesOf('account_id', leiAccount).at(-1)).toEqual({ kind: 'grant-ended', name: '王秀英', by: 'grantor' })
    // an ended grant cannot be accepted again
    expect((await send('POST', `/api/proxies/${given.id}/accept`, lei)).statusCode).toBe(404)
  })

  it('shows the grantee\'s name to the grantor once she accepted', async () => {
    const given = (await grant({ phone: phones.stranger, scopes: ['view'] })).json()
    await send('POST', `/api/proxies/${given.id}/accept`, 'stranger')
    const mine = (await get(`/api/residents/${ids.mother}/proxies`, 'mother')).json().items.find((g: { id: string }) => g.id === given.id)
    expect(mine).toMatchObject({ state: 'active', granteeName: '张伟' })
  })

  it('lets the grantee end it with one tap, and tells the grantor', async () => {
    expect((await get(`/api/residents/${ids.mother}`, 'viewer')).statusCode).toBe(200)
    expect((await send('DELETE', '/api/proxies/grantvieweraaaaa', 'viewer')).statusCode).toBe(204)
    expect((await get(`/api/residents/${ids.mother}`, 'viewer')).statusCode).toBe(404)
    expect(noticesOf('resident_id', ids.mother)).toEqual([{ kind: 'grant-ended', name: '赵丽', by: 'grantee' }])
    const ended = (await get(`/api/residents/${ids.mother}/proxies`, 'mother')).json().items.find((g: { id: string }) => g.id === 'grantvieweraaaaa')
    expect(ended).toMatchObject({ state: 'revoked', endedBy: 'grantee' })
  })

  it('lets the grantee decline an offer; someone else cannot accept or end it', async () => {
    const given = (await grant({ phone: phones.stranger, scopes: ['view'] })).json()
    expect((await send('POST', `/api/proxies/${given.id}/accept`, 'viewer')).statusCode).toBe(404)
    expect((await send('DELETE', `/api/proxies/${given.id}`, 'viewer')).statusCode).toBe(404)
    expect((await send('DELETE', `/api/proxies/${given.id}`, 'stranger')).statusCode).toBe(204)
    expect((await send('POST', `/api/proxies/${given.id}/accept`, 'stranger')).statusCode).toBe(404)
    expect((await get(`/api/residents/${ids.mother}/proxies`, 'mother')).json().items[0]).toMatchObject({ id: given.id, state: 'declined', endedBy: 'grantee' })
  })

  it('ends on its end date: the day after, the grantee gets 404', async () => {
    const given = (await grant({ phone: phones.stranger, scopes: ['view'], endsOn: '2026-11-22' })).json()
    expect(given).toMatchObject({ endsOn: '2026-11-22', lapsesOn: null })
    await send('POST', `/api/proxies/${given.id}/accept`, 'stranger')
    expect((await get(`/api/residents/${ids.mother}`, 'stranger')).statusCode).toBe(200)
    t.advance(24 * 3600_000)
    expect((await get(`/api/residents/${ids.mother}`, await t.signIn(phones.stranger))).statusCode).toBe(404)
    const ended = (await get(`/api/residents/${ids.mother}/proxies`, await t.signIn(phones.mother))).json().items[0]
    expect(ended).toMatchObject({ id: given.id, state: 'expired' })
  })
})

describe('re-confirming a grant with no end date every 18 months', () => {
  it('asks the grantor once in the last 30 days; unanswered, the grant lapses', async () => {
    // 赵丽's grant was last confirmed 2025-06-01: it lapses on 2026-12-01
    setGrant('grantvieweraaaaa', 'confirmed_on = \'2025-06-01\'')
    expect(askGrantConfirmations(t.db, '2026-10-31', 1)).toBe(0)
    expect(askGrantConfirmations(t.db, '2026-11-22', 1)).toBe(1)
    expect(askGrantConfirmations(t.db, '2026-11-23', 2)).toBe(0)
    expect(noticesOf('resident_id', ids.mother)).toEqual([{ kind: 'grant-confirm-due', name: '赵丽', lapsesOn: '2026-12-01', grantId: 'grantvieweraaaaa' }])
    const listed = (await get(`/api/residents/${ids.mother}/proxies`, 'mother')).json().items.find((g: { id: string }) => g.id === 'grantvieweraaaaa')
    expect(listed).toMatchObject({ state: 'active', lapsesOn: '2026-12-01', confirmDue: true })
    t.advance(9 * 24 * 3600_000)
    expect((await get(`/api/residents/${ids.mother}`, await t.signIn(phones.viewer))).statusCode).toBe(404)
    const lapsed = await send('POST', `/api/residents/${ids.mother}/proxies/grantvieweraaaaa/confirm`, await t.signIn(phones.mother))
    expect(lapsed.statusCode).toBe(409)
    expect(lapsed.json().error.code).toBe('GRANT_ENDED')
  })

  it('a re-confirmed grant runs 18 more months, and is asked again next cycle', async () => {
    setGrant('grantvieweraaaaa', 'confirmed_on = \'2025-06-01\'')
    askGrantConfirmations(t.db, '2026-11-22', 1)
    const confirmed = await send('POST', `/api/residents/${ids.mother}/proxies/grantvieweraaaaa/confirm`, 'mother')
    expect(confirmed.statusCode).toBe(200)
    expect(confirmed.json()).toMatchObject({ state: 'active', lapsesOn: '2028-05-22', confirmDue: false })
    expect(askGrantConfirmations(t.db, '2028-04-22', 3)).toBe(1)
  })
})

describe('sensitive items', () => {
  it('are shown to a proxy only when the resident chose to share them', async () => {
    const codes = async () => (await get(`/api/residents/${ids.mother}`, 'viewer')).json().conditions.map((c: { code: string }) => c.code)
    expect(await codes()).toEqual(['hypertension', 'diabetes'])
    setGrant('grantvieweraaaaa', 'show_sensitive = 1')
    expect(await codes()).toEqual(['tuberculosis', 'hypertension', 'diabetes'])
  })
})

describe('the access log stays whole', () => {
  it('keeps the history of a revoked and of an expired grant visible to the resident', async () => {
    await get(`/api/residents/${ids.mother}/medications`, 'son')
    await get(`/api/residents/${ids.mother}`, 'viewer')
    await send('DELETE', `/api/residents/${ids.mother}/proxies/grantsonaaaaaaaa`, 'mother')
    setGrant('grantvieweraaaaa', 'ends_on = \'2026-11-21\'')
    expect((await get(`/api/residents/${ids.mother}`, 'son')).statusCode).toBe(404)
    expect((await get(`/api/residents/${ids.mother}`, 'viewer')).statusCode).toBe(404)
    const log = (await get(`/api/residents/${ids.mother}/access-log`, 'mother')).json().items
    expect(log.map((e: { actorName: string, what: string }) => `${e.actorName}:${e.what}`)).toEqual(['赵丽:record', '李建国:medications'])
  })

  it('is refused an update by the database itself', () => {
    t.sqlite.prepare('insert into access_log (resident_id, actor_account_id, actor_name, actor_role, on_behalf_of, action, what, at) values (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(ids.mother, 'acctsonaaaaaaaaa', '李建国', 'proxy', ids.mother, 'read', 'record', 1)
    expect(() => t.sqlite.prepare('update access_log set actor_name = \'someone else\'').run()).toThrow('append-only')
  })
})

describe('这不是我认识的人 — reporting an entry', () => {
  it('records a report her family doctor\'s institution sees, once', async () => {
    await get(`/api/residents/${ids.mother}/medications`, 'son')
    const entry = (await get(`/api/residents/${ids.mother}/access-log`, 'mother')).json().items[0]
    expect(entry.reportedAt).toBeNull()
    const reported = await send('POST', `/api/residents/${ids.mother}/access-log/${entry.id}/report`, 'mother')
    expect(reported.statusCode).toBe(201)
    const reportedAt = reported.json().reportedAt
    expect(reported.json()).toEqual({ entryId: entry.id, reportedAt: expect.stringMatching(/^2026-11-22T02:\d\d:\d\d\.000Z$/) })
    // again: the same report
    expect((await send('POST', `/api/residents/${ids.mother}/access-log/${entry.id}/report`, 'mother')).json()).toEqual(reported.json())
    expect((await get(`/api/residents/${ids.mother}/access-log`, 'mother')).json().items.find((e: { id: number }) => e.id === entry.id).reportedAt).toBe(reportedAt)

    // 王秀英 is signed with Dr 陈明 of 枫桥镇卫生院: its staff and doctors see it, 暨阳's do not
    const fengqiao = await get('/api/institutions/instfengqiaoaaaa/access-reports', 'institutionStaff')
    expect(fengqiao.statusCode).toBe(200)
    expect(fengqiao.json().items).toEqual([{ id: expect.any(String), residentId: ids.mother, residentName: '王秀英', reportedAt, entry: { id: entry.id, actorName: '李建国', actorRole: 'proxy', action: 'read', what: 'medications', at: entry.at } }])
    expect((await get('/api/institutions/instfengqiaoaaaa/access-reports', 'doctor')).json().items).toHaveLength(1)
    expect((await get('/api/institutions/instfengqiaoaaaa/access-reports', 'otherDoctor')).statusCode).toBe(404)
    expect((await get('/api/institutions/instfengqiaoaaaa/access-reports', 'son')).statusCode).toBe(404)
    expect((await get('/api/institutions/instjiyangaaaaaa/access-reports', 'otherDoctor')).json().items).toEqual([])
  })

  it('is hers alone: a proxy gets 403, an entry of another record 404, a bad id 400', async () => {
    await get(`/api/residents/${ids.mother}/medications`, 'son')
    const entry = (await get(`/api/residents/${ids.mother}/access-log`, 'mother')).json().items[0]
    expect((await send('POST', `/api/residents/${ids.mother}/access-log/${entry.id}/report`, 'son')).statusCode).toBe(403)
    expect((await send('POST', `/api/residents/${ids.stranger}/access-log/${entry.id}/report`, 'stranger')).statusCode).toBe(404)
    const bad = await send('POST', `/api/residents/${ids.mother}/access-log/abc/report`, 'mother')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.field).toBe('entryId')
  })
})
