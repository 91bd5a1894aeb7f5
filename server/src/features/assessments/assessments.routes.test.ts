import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ORIGIN, testApp } from '../../test/test-app'
import { ids, phones } from '../../test/world'
import { buildExamWorld, examIds } from '../../test/world-exams'
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

const get = (path: string, who?: Who) => t.app.inject({ url: path, headers: who ? { cookie: cookies[who]! } : {} })
const send = (method: 'POST' | 'PUT', path: string, payload: unknown, who?: Who) => t.app.inject({ method, url: path, payload: payload as object, headers: who ? { cookie: cookies[who]!, origin: ORIGIN } : {} })
const reportUrl = (year = 2026, id: string = ids.mother) => `/api/residents/${id}/assessments/${year}`
const stored = () => t.sqlite.prepare('select id, version, status from annual_assessments where resident_id = ? and year = 2026').get(ids.mother) as { id: string, version: number, status: string } | undefined

/** The world's exams are written released, so no report exists until one is released through the API. */
function resetReport() {
  t.sqlite.prepare('delete from annual_assessments').run()
  t.sqlite.prepare('delete from home_measurements').run()
  t.sqlite.prepare('update exams set status = \'pending-review\', released_on = null, released_by = null where id = ?').run(examIds.motherPending)
}

describe('a report is made when the year\'s exam is released', () => {
  beforeAll(resetReport)

  it('none before: 404 with what to expect', async () => {
    const response = await get(reportUrl(), 'mother')
    expect(response.statusCode).toBe(404)
    expect(response.json().error.message).toContain('1 December')
    expect((await get(`/api/residents/${ids.mother}/assessments`, 'mother')).json()).toEqual({ items: [] })
  })

  it('陈明 releases her exam of 2026-10-28: her 2026 report is made from it, a draft', async () => {
    expect((await send('POST', `/api/doctor/exams/${examIds.motherPending}/release`, {}, 'doctor')).statusCode).toBe(200)
    expect(stored()).toMatchObject({ version: 1, status: 'draft' })
    const report = (await get(reportUrl(), 'mother')).json()
    expect(report).toMatchObject({ year: 2026, version: 1, status: 'draft', comment: null, signed: null, content: { examDate: '2026-10-28', previousExamDate: '2025-05-22' } })
    // the newest released exam of the year: 136 now, 138 in 2025
    expect(report.content.measures.find((m: { key: string }) => m.key === 'bp')).toMatchObject({ value: 136, previous: 138, change: -2 })
    expect((await get(`/api/residents/${ids.mother}/assessments`, 'mother')).json().items).toMatchObject([{ year: 2026, version: 1, status: 'draft', signed: null }])
  })

  it('a home reading of the year makes a new version of the draft; its average joins the BP measure', async () => {
    await send('POST', `/api/residents/${ids.mother}/measurements`, { kind: 'bp', sbp: 150, dbp: 88 }, 'mother')
    expect(stored()!.version).toBe(2)
    const bp = (await get(reportUrl(), 'mother')).json().content.measures.find((m: { key: string }) => m.key === 'bp')
    expect(bp).toMatchObject({ value: 136, source: 'exam', home: { average: 150, average2: 88, count: 1 } })
  })

  it('a year\'s bad number → 400 naming it', async () => {
    expect((await get(reportUrl(1999), 'mother')).json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'year' })
  })
})

describe('who reads her report', () => {
  it.each([
    ['the resident', 'mother', 200],
    ['her son (view)', 'son', 200],
    ['赵丽 (view)', 'viewer', 200],
    ['her doctor', 'doctor', 200],
    ['a nurse of his team', 'nurse', 200],
    ['刘芳, another doctor', 'otherDoctor', 404],
    ['a stranger', 'stranger', 404],
  ] as const)('%s (%s) → %i', async (_, who, status) => {
    expect((await get(reportUrl(), who)).statusCode).toBe(status)
  })
})

describe('PUT /api/doctor/assessments/:assessmentId — comment and sign', () => {
  const put = (payload: unknown, who: Who, id = stored()!.id) => send('PUT', `/api/doctor/assessments/${id}`, payload, who)

  it.each([
    ['the resident herself', 'mother', 403],
    ['her son', 'son', 403],
    ['a nurse of his team (nurses do not sign)', 'nurse', 403],
    ['刘芳, not her doctor', 'otherDoctor', 404],
    ['a stranger', 'stranger', 404],
  ] as const)('%s (%s) → %i, nothing changes', async (_, who, status) => {
    expect((await put({ comment: '很好', sign: true, version: stored()!.version }, who)).statusCode).toBe(status)
    expect(stored()!.status).toBe('draft')
  })

  it('bad bodies → 400 naming the field', async () => {
    expect((await put({ comment: '', version: 2 }, 'doctor')).json().error.field).toBe('comment')
    expect((await put({ comment: '好', version: 0 }, 'doctor')).json().error.field).toBe('version')
    expect((await put({ comment: '好', version: 2, signed: true }, 'doctor')).json().error.field).toBe('body')
    expect((await send('PUT', '/api/doctor/assessments/NOT-AN-ID', { comment: '好', version: 1 }, 'doctor')).json().error.field).toBe('assessmentId')
  })

  it('a comment saved unsigned: the doctor sees it, the resident not yet', async () => {
    const response = await put({ comment: '血糖偏高，请控制饮食。', version: 2 }, 'doctor')
    expect(response.json()).toMatchObject({ status: 'draft', comment: '血糖偏高，请控制饮食。' })
    expect((await get(reportUrl(), 'doctor')).json().comment).toBe('血糖偏高，请控制饮食。')
    expect((await get(reportUrl(), 'mother')).json().comment).toBeNull()
  })

  it('the doctor\'s list: his draft waiting, with her name and age', async () => {
    const list = (await get('/api/doctor/assessments', 'doctor')).json()
    expect(list.items).toMatchObject([{ year: 2026, status: 'draft', hasComment: true, resident: { id: ids.mother, name: '王秀英', sex: 'female', age: 74 } }])
    expect((await get('/api/doctor/assessments', 'otherDoctor')).json().items).toEqual([])
    expect((await get('/api/doctor/assessments', 'mother')).statusCode).toBe(403)
  })

  it('an older version than the report\'s → 409 ASSESSMENT_CHANGED', async () => {
    expect((await put({ comment: '好', sign: true, version: 1 }, 'doctor')).json().error).toMatchObject({ code: 'ASSESSMENT_CHANGED', field: 'version' })
  })

  it('陈明 signs: the report shows his comment and signature with the date, she is notified', async () => {
    t.sqlite.prepare('delete from notifications').run()
    const response = await put({ comment: '血压控制良好；血糖和低密度脂蛋白偏高，请按时服药、少吃甜食。', sign: true, version: 2 }, 'doctor')
    expect(response.statusCode).toBe(200)
    const report = (await get(reportUrl(), 'mother')).json()
    expect(report).toMatchObject({ status: 'signed', version: 2, comment: '血压控制良好；血糖和低密度脂蛋白偏高，请按时服药、少吃甜食。', signed: { on: '2026-11-22', by: '陈明' } })
    const notices = t.sqlite.prepare('select kind, params from notifications where resident_id = ? order by kind').all(ids.mother) as { kind: string, params: string }[]
    expect(notices.map(n => n.kind)).toEqual(['acted-for-you', 'assessment-signed'])
    expect(JSON.parse(notices[1]!.params)).toEqual({ year: 2026, doctorName: '陈明' })
    expect(t.sqlite.prepare('select actor_name, action, what from access_log where action = \'change\' and what = \'assessments\' order by at desc limit 1').get()).toEqual({ actor_name: '陈明', action: 'change', what: 'assessments' })
  })

  it('signed, it is frozen: a second sign → 409, a new home reading makes no new version', async () => {
    expect((await put({ comment: '改一下', sign: true, version: 2 }, 'doctor')).json().error.code).toBe('ALREADY_SIGNED')
    await send('POST', `/api/residents/${ids.mother}/measurements`, { kind: 'bp', sbp: 120, dbp: 70 }, 'mother')
    expect(stored()).toMatchObject({ version: 2, status: 'signed' })
    expect((await get('/api/doctor/assessments?status=signed', 'doctor')).json().items).toMatchObject([{ status: 'signed' }])
  })

  it('an unknown report → 404', async () => {
    expect((await put({ comment: '好', version: 1 }, 'doctor', 'aaaaaaaaaaaaaaaa')).statusCode).toBe(404)
  })
})
