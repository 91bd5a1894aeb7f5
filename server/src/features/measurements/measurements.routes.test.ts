import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ORIGIN, testApp } from '../../test/test-app'
import { ids, phones } from '../../test/world'
import { buildExamWorld } from '../../test/world-exams'
import { buildReminderWorld } from '../../test/world-reminders'

type Who = keyof typeof phones
let t: Awaited<ReturnType<typeof testApp>>
let cookies: Record<Who, string>
beforeAll(async () => {
  t = await testApp()
  buildReminderWorld(t.db)
  buildExamWorld(t.db)
  cookies = await t.signInAll(phones)
})
afterAll(async () => {
  await t.app.close()
})
beforeEach(() => {
  t.sqlite.prepare('delete from home_measurements').run()
  t.sqlite.prepare('delete from notifications').run()
  t.sqlite.prepare('delete from access_log').run()
})

const url = (id: string = ids.mother) => `/api/residents/${id}/measurements`
const get = (path: string, who?: Who) => t.app.inject({ url: path, headers: who ? { cookie: cookies[who]! } : {} })
const post = (path: string, payload: unknown, who?: Who) => t.app.inject({ method: 'POST', url: path, payload: payload as object, headers: who ? { cookie: cookies[who]!, origin: ORIGIN } : {} })
const bp = (sbp: number, dbp: number, extra: Record<string, unknown> = {}) => ({ kind: 'bp', sbp, dbp, ...extra })
const doctorNotices = () => t.sqlite.prepare('select n.kind, n.params from notifications n join staff s on s.account_id = n.account_id').all() as { kind: string, params: string }[]

describe('POST /api/residents/:id/measurements', () => {
  it('records a BP with its pulse, as taken now, by her', async () => {
    const response = await post(url(), bp(136, 82, { pulse: 70 }), 'mother')
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ kind: 'bp', sbp: 136, dbp: 82, pulse: 70, glucose: null, takenOn: '2026-11-22', recordedBy: '王秀英', danger: null, doctorNotified: false })
    expect(response.json().takenAt).toBe(new Date(t.clock.now()).toISOString())
    expect(doctorNotices()).toEqual([])
  })

  it('records a fasting glucose, a weight and a waist', async () => {
    expect((await post(url(), { kind: 'glucose', glucose: 6.8, timing: 'fasting' }, 'mother')).json()).toMatchObject({ kind: 'glucose', glucose: 6.8, timing: 'fasting' })
    expect((await post(url(), { kind: 'weight', weightKg: 55.4 }, 'mother')).json()).toMatchObject({ kind: 'weight', weightKg: 55.4 })
    expect((await post(url(), { kind: 'waist', waistCm: 81.5 }, 'mother')).json()).toMatchObject({ kind: 'waist', waistCm: 81.5 })
  })

  it('a BP of 186/112 is a danger reading: she is told, and her family doctor 陈明 gets a notice naming the reading', async () => {
    const response = await post(url(), bp(186, 112), 'mother')
    expect(response.json()).toMatchObject({ danger: 'bp-crisis', doctorNotified: true })
    const notices = doctorNotices()
    expect(notices).toHaveLength(1)
    expect(notices[0]!.kind).toBe('home-reading-danger')
    expect(JSON.parse(notices[0]!.params)).toEqual({ residentId: ids.mother, residentName: '王秀英', reason: 'bp-crisis', reading: '186/112 mmHg', takenOn: '2026-11-22' })
  })

  it.each([
    [{ kind: 'glucose', glucose: 3.2, timing: 'fasting' }, 'hypoglycaemia', '3.2 mmol/L'],
    [{ kind: 'glucose', glucose: 18.4, timing: 'after-meal' }, 'hyperglycaemia', '18.4 mmol/L'],
  ])('glucose %o → %s, the doctor told', async (payload, reason, reading) => {
    expect((await post(url(), payload, 'mother')).json()).toMatchObject({ danger: reason, doctorNotified: true })
    expect(doctorNotices().map(n => JSON.parse(n.params).reading)).toEqual([reading])
  })

  it('a danger reading of someone with no running contract (吴过) is recorded but tells no doctor', async () => {
    t.sqlite.prepare('insert or ignore into accounts (id, phone, resident_id, created_at) values (\'acctlapsedaaaaaa\', \'13700000099\', ?, 0)').run(ids.lapsed)
    const cookie = await t.signIn('13700000099')
    const response = await t.app.inject({ method: 'POST', url: url(ids.lapsed), payload: bp(190, 100), headers: { cookie, origin: ORIGIN } })
    expect(response.json()).toMatchObject({ danger: 'bp-crisis', doctorNotified: false })
    expect(doctorNotices()).toEqual([])
  })
})

describe('bad readings → 400 naming the field, nothing written', () => {
  it('a BP of 400: refused with the range a home cuff reads', async () => {
    const response = await post(url(), bp(400, 90), 'mother')
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toEqual({ code: 'VALIDATION_FAILED', field: 'sbp', message: 'sbp: a home systolic (upper) blood pressure reads 40–300 mmHg; check the number on the device and enter it again' })
    expect(t.sqlite.prepare('select count(*) as n from home_measurements').get()).toEqual({ n: 0 })
  })

  it.each([
    ['diastolic above systolic', bp(80, 120), 'dbp'],
    ['a fraction of a mmHg', bp(120.5, 80), 'sbp'],
    ['glucose in mg/dL', { kind: 'glucose', glucose: 110, timing: 'fasting' }, 'glucose'],
    ['glucose without its timing', { kind: 'glucose', glucose: 6.1 }, 'timing'],
    ['a weight of 0', { kind: 'weight', weightKg: 0 }, 'weightKg'],
    ['a waist in metres', { kind: 'waist', waistCm: 0.8 }, 'waistCm'],
    ['an unknown kind', { kind: 'temperature', value: 37 }, 'kind'],
    ['a value of another kind', { kind: 'weight', weightKg: 60, sbp: 120 }, 'body'],
    ['a reading from tomorrow', bp(120, 80, { takenAt: '2026-11-23T08:00:00+08:00' }), 'takenAt'],
    ['a reading of two months ago', bp(120, 80, { takenAt: '2026-09-01T08:00:00+08:00' }), 'takenAt'],
    ['a time that is no time', bp(120, 80, { takenAt: 'yesterday' }), 'takenAt'],
  ])('%s', async (_, payload, field) => {
    const response = await post(url(), payload, 'mother')
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field })
  })
})

describe('who may record a reading for 王秀英 (SELF_CARE)', () => {
  it.each([
    ['the resident herself', 'mother', 201],
    ['her son (consult)', 'son', 201],
    ['王磊 (view, consult)', 'family', 201],
    ['赵丽 (view only)', 'viewer', 403],
    ['her family doctor 陈明', 'doctor', 403],
    ['a nurse of his team', 'nurse', 403],
    ['刘芳, not her doctor', 'otherDoctor', 404],
    ['a stranger (张伟)', 'stranger', 404],
  ] as const)('%s (%s) → %i', async (_, who, status) => {
    expect((await post(url(), bp(130, 80), who)).statusCode).toBe(status)
  })

  it('without a session → 401', async () => {
    expect((await post(url(), bp(130, 80))).statusCode).toBe(401)
  })

  it('李建国 records one for his daughter 李小雨 (household parent)', async () => {
    expect((await post(url(ids.child), { kind: 'weight', weightKg: 31.5 }, 'son')).statusCode).toBe(201)
  })

  it('a proxy\'s reading says who took it, is logged as a change, and she is told', async () => {
    expect((await post(url(), bp(130, 80), 'son')).json().recordedBy).toBe('李建国')
    expect(t.sqlite.prepare('select actor_name, action, what from access_log').all()).toEqual([{ actor_name: '李建国', action: 'change', what: 'measurements' }])
    expect(t.sqlite.prepare('select kind from notifications where resident_id = ?').all(ids.mother)).toEqual([{ kind: 'acted-for-you' }])
  })

  it('a deceased resident\'s record takes no new readings', async () => {
    expect((await post(url(ids.deceased), bp(130, 80), 'son')).statusCode).toBe(403)
  })
})

describe('GET /api/residents/:id/measurements', () => {
  it('lists them newest first, pages by cursor, filters by kind', async () => {
    await post(url(), bp(130, 80), 'mother')
    t.advance(60_000)
    await post(url(), { kind: 'weight', weightKg: 56 }, 'mother')
    t.advance(60_000)
    await post(url(), bp(128, 78), 'son')
    const first = (await get(`${url()}?limit=2`, 'mother')).json()
    expect(first.items.map((m: { kind: string, sbp: number | null }) => [m.kind, m.sbp])).toEqual([['bp', 128], ['weight', null]])
    const second = (await get(`${url()}?limit=2&cursor=${first.nextCursor}`, 'mother')).json()
    expect(second).toMatchObject({ items: [{ kind: 'bp', sbp: 130 }], nextCursor: null })
    expect((await get(`${url()}?kind=bp`, 'mother')).json().items.map((m: { sbp: number }) => m.sbp)).toEqual([128, 130])
  })

  it.each([
    ['the resident', 'mother', 200],
    ['赵丽 (view)', 'viewer', 200],
    ['her doctor', 'doctor', 200],
    ['a nurse of his team', 'nurse', 200],
    ['刘芳', 'otherDoctor', 404],
    ['a stranger', 'stranger', 404],
  ] as const)('%s (%s) → %i', async (_, who, status) => {
    expect((await get(url(), who)).statusCode).toBe(status)
  })

  it('a bad kind or cursor → 400 naming it', async () => {
    expect((await get(`${url()}?kind=temperature`, 'mother')).json().error.field).toBe('kind')
    expect((await get(`${url()}?cursor=abc`, 'mother')).json().error.field).toBe('cursor')
  })
})
