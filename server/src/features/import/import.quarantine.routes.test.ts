import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idNumberCheckChar } from '../../../../shared/residents/id-number'
import { ORIGIN, testApp } from '../../test/test-app'
import { apiKeyOf, ids, phones } from '../../test/world'
import { buildExamWorld } from '../../test/world-exams'
import { buildReminderWorld } from '../../test/world-reminders'
import type { FixtureExam } from './import.fixture'
import { csvOf, fhirBundle, institutionRequest, postImport, usualItems } from './import.fixture'

type Entry = { id: string, externalId: string, reason: string, subject: { idNumber: string, name: string, birthDate: string }, examDate: string, items: number, status: string, resolvedAt: string | null, resolutionNote: string | null, examId: string | null }
type Who = 'mother' | 'son' | 'doctor' | 'nurse' | 'otherDoctor' | 'institutionStaff'

let t: Awaited<ReturnType<typeof testApp>>
let cookies: Record<Who, string>

beforeAll(async () => {
  t = await testApp()
  buildReminderWorld(t.db)
  buildExamWorld(t.db)
  cookies = await t.signInAll({ mother: phones.mother, son: phones.son, doctor: phones.doctor, nurse: phones.nurse, otherDoctor: phones.otherDoctor, institutionStaff: phones.institutionStaff })
})
afterAll(async () => {
  await t.app.close()
})

const idNumberOf = (residentId: string) => (t.sqlite.prepare('select id_number from residents where id = ?').get(residentId) as { id_number: string }).id_number
/** An ID number that is valid and no resident's. */
const nobodysIdNumber = (() => {
  const first17 = '33068119700101123'
  return first17 + idNumberCheckChar(first17)
})()
const mother = () => ({ idNumber: idNumberOf(ids.mother), name: '王秀英', birthDate: '1952-04-18' })
const exam = (externalId: string, subject: Pick<FixtureExam, 'idNumber' | 'name' | 'birthDate'>): FixtureExam => ({ externalId, ...subject, date: '2026-11-20', items: usualItems })
const examRow = (externalId: string, institutionId = 'instfengqiaoaaaa') =>
  t.sqlite.prepare('select id, resident_id, status, version from exams where institution_id = ? and external_id = ?').get(institutionId, externalId) as { id: number, resident_id: string, status: string, version: number } | undefined
/** Who calls: an institution's API key, or someone signed in. */
type Caller = Who | 'fengqiao' | 'jiyang'
const by = (caller: Caller) => caller === 'fengqiao' || caller === 'jiyang' ? { key: apiKeyOf[caller] } : { cookie: cookies[caller] }

async function importOne(body: FixtureExam, key: string = apiKeyOf.fengqiao) {
  const response = await postImport(t.app, fhirBundle([body]), { key })
  expect(response.statusCode).toBe(200)
  return response.json().exams[0] as { outcome: string, examId: string | null, quarantineId: string | null, problems: { field: string, reason: string }[] }
}
async function quarantined(body: FixtureExam): Promise<string> {
  const result = await importOne(body)
  expect(result).toMatchObject({ outcome: 'quarantined', examId: null, problems: [] })
  return result.quarantineId!
}
const list = async (who: Caller, query = '') => {
  const response = await institutionRequest(t.app, 'GET', `/api/import/quarantine${query}`, by(who))
  return { status: response.statusCode, items: response.statusCode === 200 ? response.json().items as Entry[] : [] }
}
const match = (id: string, who: Caller, body: unknown) => institutionRequest(t.app, 'POST', `/api/import/quarantine/${id}/match`, by(who), body)
const reject = (id: string, who: Caller, reason: string) => institutionRequest(t.app, 'POST', `/api/import/quarantine/${id}/reject`, by(who), { reason })
const retract = (externalId: string, who: Caller, reason = '误录入他人名下') => institutionRequest(t.app, 'POST', `/api/import/exams/${externalId}/retract`, by(who), { reason })

describe('the quarantine', () => {
  let unknownId: string
  let wrongName: string
  let wrongBirth: string

  beforeAll(async () => {
    unknownId = await quarantined(exam('Q-UNKNOWN', { idNumber: nobodysIdNumber, name: '王秀英', birthDate: '1970-01-01' }))
    wrongName = await quarantined(exam('Q-NAME', { ...mother(), name: '王秀瑛' }))
    t.advance(1000)
    wrongBirth = await quarantined(exam('Q-BIRTH', { ...mother(), birthDate: '1952-04-19' }))
  })

  it('takes an exam whose ID number no resident has, and one whose name or birth date disagrees, and files neither', async () => {
    const { items } = await list('fengqiao')
    const byId = new Map(items.map(e => [e.id, e]))
    expect(byId.get(unknownId)).toEqual({
      id: unknownId,
      externalId: 'Q-UNKNOWN',
      receivedAt: expect.stringMatching(/^2026-11-22T/),
      reason: 'unknown-id-number',
      subject: { idNumber: nobodysIdNumber, name: '王秀英', birthDate: '1970-01-01' },
      examDate: '2026-11-20',
      items: usualItems.length,
      status: 'open',
      resolvedAt: null,
      resolutionNote: null,
      examId: null,
    })
    expect(byId.get(wrongName)).toMatchObject({ reason: 'identity-mismatch', subject: { name: '王秀瑛' } })
    expect(byId.get(wrongBirth)).toMatchObject({ reason: 'identity-mismatch', subject: { birthDate: '1952-04-19' } })
    for (const externalId of ['Q-UNKNOWN', 'Q-NAME', 'Q-BIRTH'])
      expect(examRow(externalId)).toBeUndefined()
    // newest first
    expect(items[0]!.id).toBe(wrongBirth)
  })

  it('quarantines a CSV exam as a FHIR one', async () => {
    const response = await postImport(t.app, csvOf([exam('Q-CSV', { ...mother(), name: '王 秀 芳' })]))
    expect(response.json().exams[0]).toMatchObject({ outcome: 'quarantined', quarantineId: expect.stringMatching(/^[a-z2-7]{16}$/) })
  })

  it('reads a name with spaces as the same name', async () => {
    expect(await importOne(exam('Q-SPACED', { ...mother(), name: '王 秀英' }))).toMatchObject({ outcome: 'created' })
  })

  it.each([
    ['its API key', 'fengqiao'],
    ['周敏, its staff', 'institutionStaff'],
    ['陈明, its doctor', 'doctor'],
  ] as const)('is shown to %s', async (_, who) => {
    const { status, items } = await list(who)
    expect(status).toBe(200)
    expect(items.map(e => e.id)).toEqual(expect.arrayContaining([unknownId, wrongName, wrongBirth]))
  })

  it.each([
    ['暨阳\'s key', 'jiyang'],
    ['刘芳, a doctor of 暨阳', 'otherDoctor'],
  ] as const)('is not shown to %s, who sees 暨阳\'s', async (_, who) => {
    const { status, items } = await list(who)
    expect(status).toBe(200)
    expect(items.map(e => e.id)).not.toContain(unknownId)
    expect(items.every(e => e.externalId.startsWith('Q-') === false)).toBe(true)
  })

  it.each([
    ['the nurse 孙婷', 'nurse'],
    ['the resident 王秀英', 'mother'],
  ] as const)('gets %s 403', async (_, who) => {
    expect((await list(who)).status).toBe(403)
  })

  it('without a key or a session → 401', async () => {
    expect((await t.app.inject({ url: '/api/import/quarantine' })).statusCode).toBe(401)
  })

  it('refuses a match whose name, ID number or birth date disagrees with the register, naming the field', async () => {
    const cases = [
      [{ ...mother(), name: '王秀瑛' }, 'name'],
      [{ ...mother(), birthDate: '1952-04-19' }, 'name'],
      [{ ...mother(), idNumber: nobodysIdNumber }, 'idNumber'],
      [{ ...mother(), idNumber: 'not-an-id' }, 'idNumber'],
    ] as const
    for (const [body, field] of cases) {
      const response = await match(wrongName, 'institutionStaff', body)
      expect(response.statusCode).toBe(400)
      expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field })
    }
    expect((await list('fengqiao')).items.find(e => e.id === wrongName)!.status).toBe('open')
  })

  it('matched rightly, files the exam for that resident; a second match → 409', async () => {
    const response = await match(wrongName, 'institutionStaff', mother())
    expect(response.statusCode).toBe(200)
    const entry = response.json() as Entry
    expect(entry).toMatchObject({ id: wrongName, status: 'matched', resolvedAt: expect.stringMatching(/^2026-11-22T/), examId: expect.stringMatching(/^\d+$/) })
    expect(examRow('Q-NAME')).toMatchObject({ id: Number(entry.examId), resident_id: ids.mother, status: 'pending-review', version: 1 })
    expect(t.sqlite.prepare('select count(*) n from exam_items where exam_id = ?').get(Number(entry.examId))).toEqual({ n: usualItems.length })
    expect(t.sqlite.prepare('select resolved_by from import_quarantine where id = ?').get(wrongName)).toEqual({ resolved_by: 'staffzhouaaaaaaa' })
    expect((await get(`/api/residents/${ids.mother}/exams/${entry.examId}`, 'mother')).json()).toMatchObject({ status: 'pending-review', items: [] })

    const again = await match(wrongName, 'fengqiao', mother())
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('ALREADY_RESOLVED')
    expect((await list('fengqiao', '?status=matched')).items.map(e => e.id)).toContain(wrongName)
    expect((await list('fengqiao')).items.map(e => e.id)).not.toContain(wrongName)
  })

  it('rejected with a reason, waits no more; rejecting again → 409', async () => {
    const response = await reject(unknownId, 'fengqiao', '非本院体检者')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ id: unknownId, status: 'rejected', resolutionNote: '非本院体检者', examId: null })
    expect(t.sqlite.prepare('select resolved_by from import_quarantine where id = ?').get(unknownId)).toEqual({ resolved_by: null })
    const again = await reject(unknownId, 'doctor', '再次')
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('ALREADY_RESOLVED')
    expect((await match(unknownId, 'fengqiao', mother())).statusCode).toBe(409)
    expect((await list('fengqiao', '?status=rejected')).items.map(e => e.id)).toEqual([unknownId])
  })

  it.each([
    ['暨阳\'s key', 'jiyang'],
    ['刘芳, a doctor of 暨阳', 'otherDoctor'],
    ['the nurse 孙婷', 'nurse'],
  ] as const)('is not found by %s, whether matching or rejecting', async (_, who) => {
    expect((await match(wrongBirth, who, mother())).statusCode).toBe(404)
    expect((await reject(wrongBirth, who, 'x')).statusCode).toBe(404)
    expect((await list('fengqiao')).items.find(e => e.id === wrongBirth)!.status).toBe('open')
  })

  it('answers an unknown entry 404 and a malformed id 400', async () => {
    expect((await reject('aaaaaaaaaaaaaaaa', 'fengqiao', 'x')).statusCode).toBe(404)
    const malformed = await reject('NOPE', 'fengqiao', 'x')
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().error.field).toBe('quarantineId')
  })

  it('an empty reason → 400 naming reason', async () => {
    const response = await reject(wrongBirth, 'fengqiao', '  ')
    expect(response.statusCode).toBe(400)
    expect(response.json().error.field).toBe('reason')
  })

  it('settles when the institution sends the exam again with the resident named rightly', async () => {
    const result = await importOne(exam('Q-BIRTH', mother()))
    expect(result).toMatchObject({ outcome: 'created', examId: expect.stringMatching(/^\d+$/) })
    const entry = (await list('fengqiao', '?status=matched')).items.find(e => e.id === wrongBirth)
    expect(entry).toMatchObject({ status: 'matched', examId: result.examId, resolutionNote: expect.stringContaining('sent again') })
    expect(examRow('Q-BIRTH')!.resident_id).toBe(ids.mother)
  })

  it('keeps one entry per exam when it is sent again still unmatched, and reopens a rejected one', async () => {
    const first = await quarantined(exam('Q-AGAIN', { ...mother(), name: '王秀' }))
    expect(await quarantined(exam('Q-AGAIN', { ...mother(), name: '王秀秀' }))).toBe(first)
    expect((await list('fengqiao')).items.filter(e => e.externalId === 'Q-AGAIN')).toEqual([expect.objectContaining({ id: first, subject: expect.objectContaining({ name: '王秀秀' }) })])
    await reject(first, 'fengqiao', '待核实')
    expect(await quarantined(exam('Q-AGAIN', { ...mother(), name: '王秀' }))).toBe(first)
    expect((await list('fengqiao')).items.find(e => e.id === first)).toMatchObject({ status: 'open', resolutionNote: null })
  })
})

describe('retraction', () => {
  let examId: string

  beforeAll(async () => {
    examId = (await importOne(exam('R-1', mother())))!.examId!
    const released = await t.app.inject({ method: 'POST', url: `/api/doctor/exams/${examId}/release`, headers: { cookie: cookies.doctor, origin: ORIGIN }, payload: {} })
    if (released.statusCode !== 200)
      throw new Error(`release: ${released.statusCode} ${released.body}`)
  })

  it('is 404 for another institution\'s exam, and changes nothing', async () => {
    const response = await retract('R-1', 'jiyang')
    expect(response.statusCode).toBe(404)
    expect(examRow('R-1')!.status).toBe('released')
  })

  it('is 404 for an exam id the institution never sent', async () => {
    expect((await retract('R-NEVER', 'fengqiao')).statusCode).toBe(404)
  })

  it.each([
    ['the nurse 孙婷', 'nurse'],
    ['the resident', 'mother'],
  ] as const)('is 403 for %s', async (_, who) => {
    expect((await retract('R-1', who)).statusCode).toBe(403)
    expect(examRow('R-1')!.status).toBe('released')
  })

  it('withdraws the exam with its reason, and tells her', async () => {
    const response = await retract('R-1', 'fengqiao', '误录入他人名下')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ examId, externalId: 'R-1', residentId: ids.mother, retractedOn: '2026-11-22', reason: '误录入他人名下' })
    expect(examRow('R-1')!.status).toBe('retracted')
    const notice = t.sqlite.prepare('select resident_id, params from notifications where kind = \'result-retracted\'').all() as { resident_id: string, params: string }[]
    expect(notice.map(n => ({ ...n, params: JSON.parse(n.params) }))).toEqual([{ resident_id: ids.mother, params: { examDate: '2026-11-20', reason: '误录入他人名下' } }])
    const notices = (await get('/api/notifications', 'mother')).json().items as { kind: string, params: object }[]
    expect(notices.filter(n => n.kind === 'result-retracted')).toEqual([expect.objectContaining({ params: { examDate: '2026-11-20', reason: '误录入他人名下' } })])
  })

  it('shows her only that it was withdrawn and why: no values, no longer in her series', async () => {
    const summary = (await get(`/api/residents/${ids.mother}/exams?limit=100`, 'mother')).json().items.find((e: { id: string }) => e.id === examId)
    expect(summary).toMatchObject({ status: 'retracted', retractedOn: '2026-11-22', retractionReason: '误录入他人名下', worst: null, abnormalItems: null })
    const detail = await get(`/api/residents/${ids.mother}/exams/${examId}`, 'mother')
    expect(detail.json()).toMatchObject({ status: 'retracted', retractionReason: '误录入他人名下', items: [], corrections: [] })
    const series = (await get(`/api/residents/${ids.mother}/observations?code=14771-0`, 'mother')).json()
    expect(series.points.map((p: { examId: string }) => p.examId)).not.toContain(examId)
    // her doctor sees no values either
    expect((await get(`/api/residents/${ids.mother}/exams/${examId}`, 'doctor')).json().items).toEqual([])
  })

  it('a second retraction → 409 ALREADY_RETRACTED', async () => {
    const response = await retract('R-1', 'fengqiao')
    expect(response.statusCode).toBe(409)
    expect(response.json().error.code).toBe('ALREADY_RETRACTED')
  })

  it('refuses the same exam id again, naming externalId', async () => {
    const result = await importOne(exam('R-1', mother()))
    expect(result).toMatchObject({ outcome: 'rejected', examId: null })
    expect(result.problems).toEqual([{ row: 5, field: 'externalId', reason: expect.stringContaining('retracted') }])
    expect(examRow('R-1')!.status).toBe('retracted')
  })

  it('may be done by a signed-in doctor or staff member of the institution', async () => {
    const other = (await importOne(exam('R-2', mother())))!.examId
    const response = await retract('R-2', 'institutionStaff', '重复录入')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ examId: other, reason: '重复录入' })
  })
})

function get(url: string, who: Who) {
  return t.app.inject({ url, headers: { cookie: cookies[who] } })
}
