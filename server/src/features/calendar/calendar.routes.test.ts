import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { calendarFeeds } from '../../db/schema'
import { ORIGIN, testApp } from '../../test/test-app'
import { ids, phones } from '../../test/world'
import { buildReminderWorld } from '../../test/world-reminders'
import { sha256 } from '../auth/secrets'

type Who = keyof typeof phones
let t: Awaited<ReturnType<typeof testApp>>
let cookies: Record<Who, string>
beforeAll(async () => {
  t = await testApp()
  buildReminderWorld(t.db)
  cookies = await t.signInAll(phones)
})
afterAll(async () => {
  await t.app.close()
})

const feedUrl = (id: string = ids.mother) => `/api/residents/${id}/calendar-feed`
const send = (method: 'GET' | 'POST' | 'DELETE', url: string, who?: Who) =>
  t.app.inject({ method, url, headers: who ? { cookie: cookies[who]!, ...(method === 'GET' ? {} : { origin: ORIGIN }) } : {} })
const create = async (id: string = ids.mother, who: Who = 'mother') => {
  const response = await send('POST', feedUrl(id), who)
  expect(response.statusCode).toBe(201)
  return new URL(response.json().url as string)
}
const events = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent')

describe('the calendar feed of 王秀英\'s reminders', () => {
  it('POST gives an absolute URL once, from the app\'s own origin; GET says it is live', async () => {
    const response = await send('POST', feedUrl(), 'mother')
    expect(response.statusCode).toBe(201)
    const { url, createdAt } = response.json()
    expect(url).toMatch(/^http:\/\/localhost:80\/api\/calendar\/[\w-]{43}\.ics$/)
    expect(createdAt).toMatch(/^2026-11-22T/)
    expect((await send('GET', feedUrl(), 'mother')).json()).toEqual({ active: true, createdAt })
    // only the hash is kept
    const token = url.split('/').at(-1)!.replace('.ics', '')
    expect(t.sqlite.prepare('select count(*) as n from calendar_feeds where token_hash = ?').get(sha256(token))).toEqual({ n: 1 })
    expect(JSON.stringify(t.sqlite.prepare('select * from calendar_feeds').all())).not.toContain(token)
  })

  it('is a valid iCalendar with one all-day event per open reminder, stable UIDs and Chinese text', async () => {
    const url = await create()
    const first = await t.app.inject({ url: url.pathname })
    expect(first.statusCode).toBe(200)
    expect(first.headers['content-type']).toBe('text/calendar; charset=utf-8')
    const calendar = new ICAL.Component(ICAL.parse(first.body))
    expect(calendar.name).toBe('vcalendar')
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN')
    expect(calendar.getFirstPropertyValue('prodid')).toContain('Kangban')
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('康伴提醒')

    // open: flu shot (overdue), follow-up (overdue), COPD questionnaire, colorectal screening; done ones are left out
    const vevents = calendar.getAllSubcomponents('vevent')
    const uids = vevents.map(e => e.getFirstPropertyValue('uid'))
    expect([...uids].sort()).toEqual([
      `chronic-followup-2026-10-15.${ids.mother}@kangban`,
      `copd-questionnaire-2017-04-18.${ids.mother}@kangban`,
      `crc-screening-2026-06-10.${ids.mother}@kangban`,
      `flu-shot-2026-09-01.${ids.mother}@kangban`,
    ])
    const flu = new ICAL.Event(vevents.find(e => String(e.getFirstPropertyValue('uid')).startsWith('flu-shot'))!)
    expect(flu.summary).toBe('已过期：免费接种流感疫苗')
    expect(flu.description).toContain('您已满70周岁，本季可免费接种流感疫苗')
    expect(flu.description).toContain('请在2026年10月31日前完成。')
    // overdue: shown today, as an all-day event
    expect(flu.startDate.isDate).toBe(true)
    expect(flu.startDate.toString()).toBe('2026-11-22')
    expect(flu.endDate.toString()).toBe('2026-11-23')
    for (const event of vevents) {
      expect(event.getFirstPropertyValue('dtstamp')).not.toBeNull()
      expect(String(event.getFirstPropertyValue('summary'))).toMatch(/[\u4E00-\u9FFF]/)
    }
    // every line within 75 octets (plus the space of a folded line) and CRLF-terminated
    for (const line of first.body.split('\r\n'))
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(76)

    // a later fetch (a calendar app polls): new DTSTAMP, same events
    t.advance(60_000)
    const second = await t.app.inject({ url: url.pathname })
    expect(events(second.body).map(e => e.getFirstPropertyValue('uid'))).toEqual(uids)
  })

  it('follows the reminders: a flu shot told to us leaves the feed', async () => {
    const url = await create()
    const shot = await t.app.inject({ method: 'POST', url: `/api/residents/${ids.mother}/immunizations/self-reported`, payload: { vaccine: 'influenza', date: '2026-11-01' }, headers: { cookie: cookies.mother!, origin: ORIGIN } })
    expect(shot.statusCode).toBe(201)
    const uids = events((await t.app.inject({ url: url.pathname })).body).map(e => String(e.getFirstPropertyValue('uid')))
    expect(uids.some(uid => uid.startsWith('flu-shot'))).toBe(false)
    expect(uids).toHaveLength(3)
  })

  it('a new feed revokes the old one, DELETE revokes it, and a revoked or unknown token gets 404 JSON', async () => {
    const old = await create()
    const current = await create()
    expect((await t.app.inject({ url: old.pathname })).statusCode).toBe(404)
    expect((await t.app.inject({ url: current.pathname })).statusCode).toBe(200)
    expect((await send('DELETE', feedUrl(), 'mother')).statusCode).toBe(204)
    const revoked = await t.app.inject({ url: current.pathname })
    expect(revoked.statusCode).toBe(404)
    expect(revoked.json().error.code).toBe('NOT_FOUND')
    expect((await t.app.inject({ url: `/api/calendar/${'A'.repeat(43)}.ics` })).statusCode).toBe(404)
    expect((await send('GET', feedUrl(), 'mother')).json()).toEqual({ active: false, createdAt: null })
  })

  it('a token of the wrong shape → 400 naming token', async () => {
    const response = await t.app.inject({ url: '/api/calendar/short.ics' })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.field).toBe('token')
  })

  it('reading the feed writes no access-log row', async () => {
    const url = await create(ids.child, 'son')
    t.sqlite.prepare('delete from access_log').run()
    expect((await t.app.inject({ url: url.pathname })).statusCode).toBe(200)
    expect(t.sqlite.prepare('select count(*) as n from access_log').get()).toEqual({ n: 0 })
  })

  it('a feed a parent made stops when the child turns 14', async () => {
    const token = 'T'.repeat(43)
    t.db.insert(calendarFeeds).values({ id: 'feedteenaaaaaaaa', residentId: ids.teen, tokenHash: sha256(token), createdByAccountId: 'acctsonaaaaaaaaa', createdAt: Date.parse('2026-06-01T00:00:00Z') }).run()
    expect((await t.app.inject({ url: `/api/calendar/${token}.ics` })).statusCode).toBe(404)
  })
})

describe('who may manage the calendar feed (resident and household parent only)', () => {
  it.each([
    ['the resident herself', 'mother', 201],
    ['her son (view, book, consult)', 'son', 403],
    ['赵丽 (view only)', 'viewer', 403],
    ['her family doctor 陈明', 'doctor', 403],
    ['a nurse of his team', 'nurse', 403],
    ['刘芳, not her doctor', 'otherDoctor', 404],
    ['a stranger (张伟)', 'stranger', 404],
  ] as const)('POST: %s (%s) → %i', async (_, who, status) => {
    expect((await send('POST', feedUrl(), who)).statusCode).toBe(status)
  })

  it.each([
    ['the resident herself', 'mother', 200],
    ['her son (view, book, consult)', 'son', 403],
    ['赵丽 (view only)', 'viewer', 403],
    ['her family doctor', 'doctor', 403],
    ['a nurse of his team', 'nurse', 403],
    ['刘芳, not her doctor', 'otherDoctor', 404],
    ['a stranger', 'stranger', 404],
  ] as const)('GET: %s (%s) → %i', async (_, who, status) => {
    expect((await send('GET', feedUrl(), who)).statusCode).toBe(status)
  })

  it.each([
    ['her son (view, book, consult)', 'son', 403],
    ['赵丽 (view only)', 'viewer', 403],
    ['her family doctor', 'doctor', 403],
    ['a nurse of his team', 'nurse', 403],
    ['刘芳, not her doctor', 'otherDoctor', 404],
    ['a stranger', 'stranger', 404],
    ['the resident herself', 'mother', 204],
  ] as const)('DELETE: %s (%s) → %i', async (_, who, status) => {
    expect((await send('DELETE', feedUrl(), who)).statusCode).toBe(status)
  })

  it('the household parent manages his child\'s feed, and it is logged as a change', async () => {
    t.sqlite.prepare('delete from access_log').run()
    expect((await send('POST', feedUrl(ids.child), 'son')).statusCode).toBe(201)
    expect((await send('GET', feedUrl(ids.child), 'son')).json()).toMatchObject({ active: true })
    expect((await send('DELETE', feedUrl(ids.child), 'son')).statusCode).toBe(204)
    expect(t.sqlite.prepare('select actor_role, action, what from access_log').all()).toEqual([
      { actor_role: 'household-parent', action: 'change', what: 'calendar-feed' },
      { actor_role: 'household-parent', action: 'read', what: 'calendar-feed' },
      { actor_role: 'household-parent', action: 'change', what: 'calendar-feed' },
    ])
  })

  it.each(['GET', 'POST', 'DELETE'] as const)('%s without a session → 401', async (method) => {
    expect((await send(method, feedUrl())).statusCode).toBe(401)
  })

  it('uses PUBLIC_ORIGIN for the URL when it is set', async () => {
    const pinned = await testApp({ env: { PUBLIC_ORIGIN: 'https://kangban.example.cn' } })
    const cookie = await pinned.signIn(phones.mother, { consent: false })
    const headers = { cookie, origin: 'https://kangban.example.cn' }
    expect((await pinned.app.inject({ method: 'POST', url: '/api/me/consent', headers, payload: { noticeVersion: '2026-11' } })).statusCode).toBe(200)
    const response = await pinned.app.inject({ method: 'POST', url: feedUrl(), headers })
    expect(response.json().url).toMatch(/^https:\/\/kangban\.example\.cn\/api\/calendar\/[\w-]{43}\.ics$/)
    await pinned.app.close()
  })
})

describe('the server log', () => {
  it('never holds a feed\'s secret address', async () => {
    const lines: string[] = []
    const logged = await testApp({ logger: { stream: { write: line => lines.push(line) } } })
    const cookie = await logged.signIn(phones.mother)
    const created = await logged.app.inject({ method: 'POST', url: feedUrl(), headers: { cookie, origin: ORIGIN } })
    const { pathname } = new URL(created.json().url as string)
    const token = pathname.split('/').at(-1)!.replace('.ics', '')
    expect((await logged.app.inject({ method: 'GET', url: pathname })).statusCode).toBe(200)
    await logged.app.close()
    expect(lines.some(line => line.includes('/api/calendar/[redacted].ics'))).toBe(true)
    expect(lines.filter(line => line.includes(token))).toEqual([])
  })
})
