import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ORIGIN, testApp } from '../../test/test-app'
import { ids, phones } from '../../test/world'
import { buildExamWorld } from '../../test/world-exams'
import { buildReminderWorld } from '../../test/world-reminders'
import type { FixtureExam, FixtureItem } from './import.fixture'
import { fhirBundle, postImport, usualItems } from './import.fixture'

type Who = 'mother' | 'son' | 'doctor'
type Notice = { kind: string, residentId: string | null, params: Record<string, string> }

let t: Awaited<ReturnType<typeof testApp>>
let cookies: Record<Who, string>

beforeAll(async () => {
  t = await testApp()
  buildReminderWorld(t.db)
  buildExamWorld(t.db)
  cookies = await t.signInAll({ mother: phones.mother, son: phones.son, doctor: phones.doctor })
})
afterAll(async () => {
  await t.app.close()
})

const idNumberOf = (residentId: string) => (t.sqlite.prepare('select id_number from residents where id = ?').get(residentId) as { id_number: string }).id_number
const motherExam = (externalId: string, items: FixtureItem[]): FixtureExam =>
  ({ externalId, idNumber: idNumberOf(ids.mother), name: '王秀英', birthDate: '1952-04-18', date: '2026-11-20', items })
const get = (url: string, who: Who) => t.app.inject({ url, headers: { cookie: cookies[who] } })
const detail = async (examId: string) => (await get(`/api/residents/${ids.mother}/exams/${examId}`, 'mother')).json()
const notices = async (who: Who, kind: string) => ((await get('/api/notifications?limit=100', who)).json().items as Notice[]).filter(n => n.kind === kind)
const withGlucose = (value: number) => usualItems.map(i => i.code === '14771-0' ? { ...i, value } : i)

async function importOne(exam: FixtureExam) {
  // each import a second later, so notices are ordered as they were made
  t.advance(1000)
  const response = await postImport(t.app, fhirBundle([exam]))
  expect(response.statusCode).toBe(200)
  return response.json().exams[0] as { outcome: string, examId: string, version: number, problems: { field: string, reason: string }[] }
}
async function release(examId: string) {
  const response = await t.app.inject({ method: 'POST', url: `/api/doctor/exams/${examId}/release`, headers: { cookie: cookies.doctor, origin: ORIGIN }, payload: { comment: '空腹血糖偏高，请复查' } })
  expect(response.statusCode).toBe(200)
}

describe('a correction of a released exam', () => {
  let examId: string

  beforeAll(async () => {
    examId = (await importOne(motherExam('C-REL', usualItems))).examId
    await release(examId)
  })

  it('is a new version whose values she sees at once, and she is told what changed', async () => {
    const before = await notices('mother', 'result-corrected')
    const result = await importOne(motherExam('C-REL', withGlucose(7.6)))
    expect(result).toMatchObject({ outcome: 'corrected', examId, version: 2, problems: [] })
    const after = await notices('mother', 'result-corrected')
    expect(after.slice(0, after.length - before.length)).toEqual([expect.objectContaining({ residentId: ids.mother, params: { examDate: '2026-11-20', items: '14771-0' } })])

    const exam = await detail(examId)
    expect(exam).toMatchObject({ status: 'released', version: 2, worst: 'abnormal' })
    expect(exam.items.find((i: { code: string }) => i.code === '14771-0')).toMatchObject({ value: 7.6, unit: 'mmol/L', flag: 'high' })
    expect(exam.corrections).toEqual([{
      version: 2,
      correctedAt: expect.stringMatching(/^2026-11-22T/),
      changes: [{ code: '14771-0', before: { value: 6.9, valueText: null, unit: 'mmol/L', flag: 'high' }, after: { value: 7.6, valueText: null, unit: 'mmol/L', flag: 'high' } }],
    }])
  })

  it('names items added, removed and changed, in catalogue order, one version after another', async () => {
    const items: FixtureItem[] = [
      { code: '11524-6', text: '窦性心律，ST段改变' },
      { code: '14771-0', value: 7.6, unit: 'mmol/L', low: 3.9, high: 6.1 },
      { code: '8480-6', value: 136, unit: 'mmHg' },
      { code: '2823-3', value: 4.1, unit: 'mmol/L' },
    ]
    const result = await importOne(motherExam('C-REL', items))
    expect(result).toMatchObject({ outcome: 'corrected', version: 3 })
    const exam = await detail(examId)
    expect(exam.corrections.map((c: { version: number }) => c.version)).toEqual([2, 3])
    expect(exam.corrections[1].changes).toEqual([
      { code: '2823-3', before: null, after: { value: 4.1, valueText: null, unit: 'mmol/L', flag: 'normal' } },
      { code: '22748-8', before: { value: 3.1, valueText: null, unit: 'mmol/L', flag: 'normal' }, after: null },
      { code: '11524-6', before: { value: null, valueText: '窦性心律，正常心电图', unit: null, flag: 'normal' }, after: { value: null, valueText: '窦性心律，ST段改变', unit: null, flag: 'high' } },
    ])
    const [latest] = await notices('mother', 'result-corrected')
    expect(latest!.params).toEqual({ examDate: '2026-11-20', items: '2823-3,22748-8,11524-6' })
    expect(exam.items.map((i: { code: string }) => i.code)).toEqual(['8480-6', '2823-3', '14771-0', '11524-6'])
  })

  it('that makes it critical tells her doctor at once', async () => {
    const before = (await notices('doctor', 'critical-result')).length
    const result = await importOne(motherExam('C-REL', [{ code: '8480-6', value: 186, unit: 'mmHg' }]))
    expect(result).toMatchObject({ outcome: 'corrected', version: 4 })
    const critical = await notices('doctor', 'critical-result')
    expect(critical).toHaveLength(before + 1)
    expect(critical[0]!.params).toEqual({ residentId: ids.mother, residentName: '王秀英', examId, examDate: '2026-11-20' })
    expect((await detail(examId)).worst).toBe('critical')
    // still critical after a further correction: he was told already
    await importOne(motherExam('C-REL', [{ code: '8480-6', value: 188, unit: 'mmHg' }]))
    expect(await notices('doctor', 'critical-result')).toHaveLength(before + 1)
  })

  it('naming another resident is refused, and the exam stays hers', async () => {
    const son = { ...motherExam('C-REL', usualItems), idNumber: idNumberOf(ids.son), name: '李建国', birthDate: '1978-09-02' }
    const result = await importOne(son)
    expect(result).toMatchObject({ outcome: 'rejected', examId: null })
    expect(result.problems).toEqual([{ row: 5, field: 'subject', reason: expect.stringContaining('filed for another resident') }])
    expect(t.sqlite.prepare('select resident_id, version from exams where id = ?').get(Number(examId))).toEqual({ resident_id: ids.mother, version: 5 })
  })
})

describe('a correction of an exam under review', () => {
  it('is a new version, and she is told nothing: she has seen no values', async () => {
    const { examId } = await importOne(motherExam('C-PEND', usualItems))
    const before = await notices('mother', 'result-corrected')
    const result = await importOne(motherExam('C-PEND', withGlucose(8.1)))
    expect(result).toMatchObject({ outcome: 'corrected', examId, version: 2 })
    expect(await notices('mother', 'result-corrected')).toEqual(before)
    expect(t.sqlite.prepare('select count(*) n from exam_corrections where exam_id = ?').get(Number(examId))).toEqual({ n: 0 })
    const exam = await detail(examId)
    expect(exam).toMatchObject({ status: 'pending-review', version: 2, worst: null, items: [], corrections: [] })
    expect(JSON.stringify(exam)).not.toContain('8.1')

    // released afterwards, she sees the corrected values and no list of changes she never saw
    await release(examId)
    const released = await detail(examId)
    expect(released.items.find((i: { code: string }) => i.code === '14771-0')).toMatchObject({ value: 8.1, flag: 'high' })
  })
})

describe('an exam sent again, written another way', () => {
  type Entry = { resource: { resourceType: string, id: string } }

  it('as her own export writes it back (the catalogue\'s ranges printed, every item read), is unchanged', async () => {
    const { examId } = await importOne(motherExam('C-EXPORT', [
      { code: '14771-0', value: 6.9, unit: 'mmol/L' },
      { code: '22748-8', value: 3.1, unit: 'mmol/L', low: 0, high: 3.4 },
      { code: '11524-6', text: '窦性心律，正常心电图' },
    ]))
    await release(examId)
    const exported = (await get(`/api/residents/${ids.mother}/export`, 'mother')).json() as { entry: Entry[] }
    // this exam alone: the test world's own exams carry no institution's exam id
    const bundle = { ...exported, entry: exported.entry.filter(e => e.resource.resourceType !== 'DiagnosticReport' || e.resource.id === `exam-${examId}`) }
    const glucose = bundle.entry.find(e => e.resource.id === `exam-${examId}-14771-0`)!.resource
    expect(glucose).toMatchObject({ referenceRange: [{ low: { value: 3.9 }, high: { value: 6.1 } }], interpretation: [{ coding: [{ code: 'H' }] }] })
    const before = await notices('mother', 'result-corrected')

    t.advance(1000)
    const response = await postImport(t.app, bundle)
    expect(response.json().exams).toEqual([{ externalId: 'C-EXPORT', outcome: 'unchanged', examId, quarantineId: null, version: 1, problems: [] }])
    expect(t.sqlite.prepare('select version from exams where id = ?').get(Number(examId))).toEqual({ version: 1 })
    expect(t.sqlite.prepare('select count(*) n from exam_corrections where exam_id = ?').get(Number(examId))).toEqual({ n: 0 })
    expect(await notices('mother', 'result-corrected')).toEqual(before)
  })

  it('with a reading of a normal value the report did not give before, is unchanged', async () => {
    const { examId } = await importOne(motherExam('C-READING', [{ code: '22748-8', value: 3.1, unit: 'mmol/L' }]))
    expect(await importOne(motherExam('C-READING', [{ code: '22748-8', value: 3.1, unit: 'mmol/L', interpretation: 'N' }]))).toMatchObject({ outcome: 'unchanged', examId, version: 1 })
  })

  it('with another printed range is a correction, though the value is the same', async () => {
    const { examId } = await importOne(motherExam('C-RANGE', [{ code: '14771-0', value: 6.0, unit: 'mmol/L' }]))
    await release(examId)
    const result = await importOne(motherExam('C-RANGE', [{ code: '14771-0', value: 6.0, unit: 'mmol/L', low: 3.9, high: 5.6 }]))
    expect(result).toMatchObject({ outcome: 'corrected', version: 2 })
    const exam = await detail(examId)
    expect(exam.items[0]).toMatchObject({ value: 6, refLow: 3.9, refHigh: 5.6, flag: 'high' })
    expect(exam.corrections[0].changes).toEqual([{ code: '14771-0', before: { value: 6, valueText: null, unit: 'mmol/L', flag: 'normal' }, after: { value: 6, valueText: null, unit: 'mmol/L', flag: 'high' } }])
    // a range that changes no flag is kept all the same
    expect(await importOne(motherExam('C-RANGE', [{ code: '14771-0', value: 6.0, unit: 'mmol/L', low: 3.9, high: 5.9 }]))).toMatchObject({ outcome: 'corrected', version: 3 })
    expect((await detail(examId)).items[0]).toMatchObject({ refHigh: 5.9, flag: 'high' })
  })
})
