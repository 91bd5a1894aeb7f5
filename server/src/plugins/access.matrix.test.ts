import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { proxyGrants } from '../db/schema'
import { buildBookingWorld, slotIds } from '../features/bookings/bookings.fixture'
import { ORIGIN, testApp } from '../test/test-app'
import { ids, phones } from '../test/world'
import { buildExamWorld, examIds } from '../test/world-exams'
import { buildReminderWorld } from '../test/world-reminders'

/**
 * Issue 7 point 5: every route under /api/residents/:id, as Fastify registered it, × every kind
 * of actor, with the status each must get and the access-log rows and notices each must leave.
 * A route without a case here fails the first test: add one line to `routes`.
 */

type Target = 'mother' | 'child' | 'teen'
type ActionClass = 'read' | 'book' | 'self-care' | 'manage'
type Outcome = 'ok' | 403 | 404 | 401

const actors: Record<string, { phone: string | null, target: Target, role: string | null, name: string }> = {
  'the resident herself': { phone: phones.mother, target: 'mother', role: null, name: '王秀英' },
  'proxy view+book+consult': { phone: phones.son, target: 'mother', role: 'proxy', name: '李建国' },
  'proxy view': { phone: phones.viewer, target: 'mother', role: 'proxy', name: '赵丽' },
  'proxy view+consult (family account)': { phone: phones.family, target: 'mother', role: 'proxy', name: '136****0001' },
  'proxy with a pending grant': { phone: '13800000008', target: 'mother', role: null, name: '' },
  'proxy with an expired grant': { phone: phones.expired, target: 'mother', role: null, name: '' },
  'proxy with a revoked grant': { phone: phones.revoked, target: 'mother', role: null, name: '' },
  'proxy with a lapsed grant (18 months unconfirmed)': { phone: '13800000009', target: 'mother', role: null, name: '' },
  'household parent of a child under 14': { phone: phones.son, target: 'child', role: 'household-parent', name: '李建国' },
  'parent of a child who turned 14': { phone: phones.son, target: 'teen', role: null, name: '' },
  'signed family doctor': { phone: phones.doctor, target: 'mother', role: 'doctor', name: '陈明' },
  'nurse of the team': { phone: phones.nurse, target: 'mother', role: 'nurse', name: '孙婷' },
  'doctor of another team': { phone: phones.otherDoctor, target: 'mother', role: null, name: '' },
  'institution staff': { phone: phones.institutionStaff, target: 'mother', role: null, name: '' },
  'a stranger': { phone: phones.stranger, target: 'mother', role: null, name: '' },
  'no session': { phone: null, target: 'mother', role: null, name: '' },
}
type Actor = keyof typeof actors

// product.md "API shape", by the kind of thing a route does
const expected: Record<Actor, Record<ActionClass, Outcome>> = {
  'the resident herself': { 'read': 'ok', 'book': 'ok', 'self-care': 'ok', 'manage': 'ok' },
  'proxy view+book+consult': { 'read': 'ok', 'book': 'ok', 'self-care': 'ok', 'manage': 403 },
  'proxy view': { 'read': 'ok', 'book': 403, 'self-care': 403, 'manage': 403 },
  'proxy view+consult (family account)': { 'read': 'ok', 'book': 403, 'self-care': 'ok', 'manage': 403 },
  'proxy with a pending grant': { 'read': 404, 'book': 404, 'self-care': 404, 'manage': 404 },
  'proxy with an expired grant': { 'read': 404, 'book': 404, 'self-care': 404, 'manage': 404 },
  'proxy with a revoked grant': { 'read': 404, 'book': 404, 'self-care': 404, 'manage': 404 },
  'proxy with a lapsed grant (18 months unconfirmed)': { 'read': 404, 'book': 404, 'self-care': 404, 'manage': 404 },
  'household parent of a child under 14': { 'read': 'ok', 'book': 'ok', 'self-care': 'ok', 'manage': 'ok' },
  'parent of a child who turned 14': { 'read': 404, 'book': 404, 'self-care': 404, 'manage': 404 },
  'signed family doctor': { 'read': 'ok', 'book': 403, 'self-care': 403, 'manage': 403 },
  'nurse of the team': { 'read': 'ok', 'book': 403, 'self-care': 403, 'manage': 403 },
  'doctor of another team': { 'read': 404, 'book': 404, 'self-care': 404, 'manage': 404 },
  'institution staff': { 'read': 404, 'book': 404, 'self-care': 404, 'manage': 404 },
  'a stranger': { 'read': 404, 'book': 404, 'self-care': 404, 'manage': 404 },
  'no session': { 'read': 401, 'book': 401, 'self-care': 401, 'manage': 401 },
}

/** The records' own things a route names: one set per person acted on. */
interface Fixture { id: string, examId: number, bookingId: string, grantId: string, entryId: number }
const fx = {} as Record<Target, Fixture>

interface RouteCase {
  action: ActionClass
  /** the access-log row it writes for anyone but the resident */
  log: { action: 'read' | 'change', what: string }
  ok: number
  path?: (f: Fixture) => string
  payload?: object
  /** run inside the case's transaction, before the request */
  before?: (f: Fixture) => void
}

// the CRC questionnaire asks no age, so one answer fits every record
const crc = { questionnaire: 'crc-high-risk', answers: Object.fromEntries(['firstDegreeRelativeCrc', 'ownAdenomaOrPolyp', 'ownCancer', 'chronicDiarrhoea', 'chronicConstipation', 'mucusOrBloodyStool', 'chronicAppendicitisOrAppendectomy', 'chronicCholecystitisOrCholecystectomy', 'majorLifeEventOrDepression'].map(q => [q, false])) }
const read = (what: string, path?: RouteCase['path']): RouteCase => ({ action: 'read', log: { action: 'read', what }, ok: 200, ...(path ? { path } : {}) })

const routes: Record<string, RouteCase> = {
  'GET /api/residents/{id}': read('record'),
  'GET /api/residents/{id}/encounters': read('encounters'),
  'GET /api/residents/{id}/followups': read('followups'),
  'GET /api/residents/{id}/immunizations': read('immunizations'),
  'GET /api/residents/{id}/medications': read('medications'),
  'GET /api/residents/{id}/reminders': read('reminders'),
  'GET /api/residents/{id}/exams': read('exams'),
  'GET /api/residents/{id}/exams/{examId}': read('exams', f => `/api/residents/${f.id}/exams/${f.examId}`),
  'GET /api/residents/{id}/observations': read('exams', f => `/api/residents/${f.id}/observations?code=14771-0`),
  'GET /api/residents/{id}/questionnaires': read('questionnaires'),
  'GET /api/residents/{id}/bookings': read('bookings'),
  'GET /api/residents/{id}/exam-plan': read('bookings', f => `/api/residents/${f.id}/exam-plan?date=2026-11-23`),
  'POST /api/residents/{id}/bookings': { action: 'book', log: { action: 'change', what: 'booking' }, ok: 201, payload: { slotId: slotIds.nextYear, selfPaid: true }, before: f => sql(`update bookings set status = 'cancelled' where resident_id = '${f.id}'`) },
  'DELETE /api/residents/{id}/bookings/{bookingId}': { action: 'book', log: { action: 'change', what: 'booking' }, ok: 200, path: f => `/api/residents/${f.id}/bookings/${f.bookingId}` },
  'POST /api/residents/{id}/questionnaires': { action: 'self-care', log: { action: 'change', what: 'questionnaires' }, ok: 201, payload: crc },
  'POST /api/residents/{id}/immunizations/self-reported': { action: 'self-care', log: { action: 'change', what: 'immunizations' }, ok: 201, payload: { vaccine: 'influenza', date: '2026-10-20' } },
  'GET /api/residents/{id}/measurements': read('measurements'),
  'POST /api/residents/{id}/measurements': { action: 'self-care', log: { action: 'change', what: 'measurements' }, ok: 201, payload: { kind: 'bp', sbp: 132, dbp: 84, takenAt: '2026-11-22T08:00:00+08:00' } },
  'GET /api/residents/{id}/assessments': read('assessments'),
  // no report of 2020 exists: whoever may look gets 404 after the gate logged the look, which tells the cases apart
  'GET /api/residents/{id}/assessments/{year}': { ...read('assessments', f => `/api/residents/${f.id}/assessments/2020`), ok: 404 },
  'GET /api/residents/{id}/export': { action: 'manage', log: { action: 'read', what: 'export' }, ok: 200 },
  'GET /api/residents/{id}/calendar-feed': { action: 'manage', log: { action: 'read', what: 'calendar-feed' }, ok: 200 },
  'POST /api/residents/{id}/calendar-feed': { action: 'manage', log: { action: 'change', what: 'calendar-feed' }, ok: 201 },
  'DELETE /api/residents/{id}/calendar-feed': { action: 'manage', log: { action: 'change', what: 'calendar-feed' }, ok: 204 },
  'GET /api/residents/{id}/access-log': { action: 'manage', log: { action: 'read', what: 'access-log' }, ok: 200 },
  'POST /api/residents/{id}/access-log/{entryId}/report': { action: 'manage', log: { action: 'change', what: 'access-report' }, ok: 201, path: f => `/api/residents/${f.id}/access-log/${f.entryId}/report` },
  'GET /api/residents/{id}/proxies': { action: 'manage', log: { action: 'read', what: 'proxies' }, ok: 200 },
  'POST /api/residents/{id}/proxies': { action: 'manage', log: { action: 'change', what: 'proxies' }, ok: 201, payload: { phone: '13700000099', scopes: ['view'] } },
  'DELETE /api/residents/{id}/proxies/{grantId}': { action: 'manage', log: { action: 'change', what: 'proxies' }, ok: 204, path: f => `/api/residents/${f.id}/proxies/${f.grantId}` },
  'GET /api/residents/{id}/consultations': read('consultations'),
  'POST /api/residents/{id}/consultations': { action: 'self-care', log: { action: 'change', what: 'consultations' }, ok: 201, payload: { topic: 'other', body: '最近头晕，要紧吗？' } },
  'POST /api/residents/{id}/proxies/{grantId}/confirm': { action: 'manage', log: { action: 'change', what: 'proxies' }, ok: 200, path: f => `/api/residents/${f.id}/proxies/${f.grantId}/confirm` },
}

let t: Awaited<ReturnType<typeof testApp>>
const cookies = new Map<string, string>()
const sql = (statement: string) => t.sqlite.exec(statement)
const rowsAfter = <T>(query: string, after: number) => t.sqlite.prepare(query).all(after) as T[]

beforeAll(async () => {
  t = await testApp()
  buildReminderWorld(t.db)
  buildExamWorld(t.db)
  buildBookingWorld(t.db)
  const day = Date.parse('2026-01-01T00:00:00Z')
  sql(`insert into accounts (id, phone, created_at) values ('acctpendingaaaaa', '13800000008', ${day}), ('acctlapsedaaaaaa', '13800000009', ${day})`)
  t.db.insert(proxyGrants).values([
    { id: 'grantpendingaaaa', residentId: ids.mother, granteePhone: '13800000008', granteeAccountId: 'acctpendingaaaaa', scopes: 'view,book,consult', status: 'pending', createdAt: day },
    { id: 'grantlapsedaaaaa', residentId: ids.mother, granteePhone: '13800000009', granteeAccountId: 'acctlapsedaaaaaa', scopes: 'view,book,consult', status: 'accepted', createdAt: day, acceptedAt: day, confirmedOn: '2025-05-22' },
    { id: 'grantchildaaaaaa', residentId: ids.child, granteePhone: phones.viewer, granteeAccountId: 'acctvieweraaaaaa', scopes: 'view', status: 'accepted', createdAt: day, acceptedAt: day },
  ]).run()
  for (const phone of new Set(Object.values(actors).map(a => a.phone))) {
    if (phone !== null)
      cookies.set(phone, await t.signIn(phone))
  }
  // a booking of each, by the resident and by the father
  const book = async (residentId: string, phone: string) => {
    const response = await t.app.inject({ method: 'POST', url: `/api/residents/${residentId}/bookings`, headers: { cookie: cookies.get(phone)!, origin: ORIGIN }, payload: { slotId: slotIds.tomorrow, selfPaid: true } })
    if (response.statusCode !== 201)
      throw new Error(`booking for ${residentId}: ${response.body}`)
    return response.json().id as string
  }
  const logEntry = (residentId: string) => Number(t.sqlite.prepare('insert into access_log (resident_id, actor_account_id, actor_name, actor_role, on_behalf_of, action, what, at) values (?, \'acctnurseaaaaaaa\', \'孙婷\', \'nurse\', ?, \'read\', \'record\', 1)').run(residentId, residentId).lastInsertRowid)
  fx.mother = { id: ids.mother, examId: examIds.mother2026, bookingId: await book(ids.mother, phones.mother), grantId: 'grantvieweraaaaa', entryId: logEntry(ids.mother) }
  fx.child = { id: ids.child, examId: examIds.childPending, bookingId: await book(ids.child, phones.son), grantId: 'grantchildaaaaaa', entryId: logEntry(ids.child) }
  fx.teen = { ...fx.child, id: ids.teen }
})
afterAll(async () => {
  await t.app.close()
})

describe('the authorization matrix', () => {
  it('has a case for every route Fastify registered under /api/residents/:id', async () => {
    await t.app.ready()
    const paths = (t.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths
    const registered = Object.entries(paths)
      .filter(([path]) => path === '/api/residents/{id}' || path.startsWith('/api/residents/{id}/'))
      .flatMap(([path, operations]) => Object.keys(operations).map(method => `${method.toUpperCase()} ${path}`))
    expect(registered.filter(route => !(route in routes))).toEqual([])
    expect(Object.keys(routes).filter(route => !registered.includes(route))).toEqual([])
  })

  for (const [route, c] of Object.entries(routes)) {
    describe(`${route}`, () => {
      for (const [who, actor] of Object.entries(actors)) {
        const outcome = expected[who]![c.action]
        const status = outcome === 'ok' ? c.ok : outcome
        it(`${who} → ${status}`, async () => {
          const [method, template] = route.split(' ') as ['GET' | 'POST' | 'DELETE', string]
          const f = fx[actor.target]
          const url = c.path ? c.path(f) : template.replace('{id}', f.id)
          const lastLog = (t.sqlite.prepare('select coalesce(max(id), 0) as n from access_log').get() as { n: number }).n
          const lastNotice = (t.sqlite.prepare('select count(*) as n from notifications').get() as { n: number }).n
          sql('begin')
          try {
            c.before?.(f)
            const headers: Record<string, string> = method === 'GET' ? {} : { origin: ORIGIN }
            if (actor.phone !== null)
              headers.cookie = cookies.get(actor.phone)!
            const response = await t.app.inject({ method, url, headers, ...(c.payload ? { payload: c.payload } : {}) })
            expect(response.statusCode).toBe(status)
            const logged = rowsAfter<object>('select resident_id as residentId, actor_name as actorName, actor_role as actorRole, action, what from access_log where id > ? order by id', lastLog)
            const noticed = rowsAfter<{ residentId: string, kind: string, params: string }>('select resident_id as residentId, kind, params from notifications where rowid > ? order by rowid', lastNotice)
              .filter(n => n.kind === 'acted-for-you')
            const acted = outcome === 'ok' && actor.role !== null
            // anyone but the resident leaves one row; the resident, and anyone refused, none
            expect(logged).toEqual(acted ? [{ residentId: f.id, actorName: actor.name, actorRole: actor.role, ...c.log }] : [])
            // and a change by anyone but her sends her a notice naming who and what
            expect(noticed).toEqual(acted && c.log.action === 'change' ? [{ residentId: f.id, kind: 'acted-for-you', params: JSON.stringify({ actorName: actor.name, what: c.log.what }) }] : [])
          }
          finally {
            sql('rollback')
          }
        })
      }
    })
  }
})
