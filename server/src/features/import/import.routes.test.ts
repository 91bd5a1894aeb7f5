import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { convertToCatalogueUnit } from '../../../../shared/clinical/exam-units'
import { ID_NUMBER_SYSTEM } from '../../../../shared/fhir/record-bundle'
import { idNumberCheckChar } from '../../../../shared/residents/id-number'
import { ORIGIN, testApp } from '../../test/test-app'
import { apiKeyOf, ids, phones } from '../../test/world'
import { buildExamWorld } from '../../test/world-exams'
import { buildReminderWorld } from '../../test/world-reminders'
import { createApiKey } from './api-keys'
import type { FixtureExam, FixtureItem } from './import.fixture'
import { csvOf, fhirBundle, postImport, usualItems } from './import.fixture'

type Json = Record<string, unknown>
type Bundle = ReturnType<typeof fhirBundle>
type Result = { externalId: string | null, outcome: string, examId: string | null, quarantineId: string | null, version: number | null, problems: { row: number | null, field: string, reason: string }[] }

let t: Awaited<ReturnType<typeof testApp>>
let cookies: Record<'mother' | 'son' | 'viewer' | 'doctor' | 'otherDoctor', string>

beforeAll(async () => {
  t = await testApp()
  buildReminderWorld(t.db)
  buildExamWorld(t.db)
  cookies = await t.signInAll({ mother: phones.mother, son: phones.son, viewer: phones.viewer, doctor: phones.doctor, otherDoctor: phones.otherDoctor })
})
afterAll(async () => {
  await t.app.close()
})

const count = (table: string) => (t.sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n
const counts = () => ({ exams: count('exams'), items: count('exam_items'), quarantine: count('import_quarantine'), notifications: count('notifications'), corrections: count('exam_corrections') })
const idNumberOf = (residentId: string) => (t.sqlite.prepare('select id_number from residents where id = ?').get(residentId) as { id_number: string }).id_number
const get = (url: string, who: keyof typeof cookies) => t.app.inject({ url, headers: { cookie: cookies[who] } })
const examRow = (externalId: string, institutionId = 'instfengqiaoaaaa') =>
  t.sqlite.prepare('select id, resident_id, status, worst, version, content_hash from exams where institution_id = ? and external_id = ?').get(institutionId, externalId) as
  { id: number, resident_id: string, status: string, worst: string, version: number, content_hash: string } | undefined
const itemRows = (examId: number) =>
  t.sqlite.prepare('select code, value, value_text, unit, ref_low, ref_high, flag from exam_items where exam_id = ? order by code').all(examId)

/** An exam of 王秀英 (born 1952-04-18) done at 枫桥 on 2026-11-20. */
const motherExam = (externalId: string, items: FixtureItem[] = usualItems): FixtureExam =>
  ({ externalId, idNumber: idNumberOf(ids.mother), name: '王秀英', birthDate: '1952-04-18', date: '2026-11-20', items })
const sonExam = (externalId: string, items: FixtureItem[] = usualItems): FixtureExam =>
  ({ externalId, idNumber: idNumberOf(ids.son), name: '李建国', birthDate: '1978-09-02', date: '2026-11-18', items })

async function imported(body: unknown, options: Parameters<typeof postImport>[2] = {}): Promise<Result[]> {
  const response = await postImport(t.app, body, options)
  expect(response.statusCode).toBe(200)
  return response.json().exams
}

/** Sets (or, given undefined, removes) a field of one entry's resource, by a dotted path. */
function edit(bundle: Bundle, index: number, path: string, value: unknown) {
  const keys = path.split('.')
  let node = bundle.entry[index]!.resource as Json
  for (const key of keys.slice(0, -1))
    node = node[key] as Json
  if (value === undefined)
    delete node[keys.at(-1)!]
  else
    node[keys.at(-1)!] = value
}

describe('a FHIR bundle', () => {
  it('creates the exam pending review, its items flagged against the printed range', async () => {
    const [result] = await imported(fhirBundle([motherExam('FQ-2026-0001')]))
    expect(result).toEqual({ externalId: 'FQ-2026-0001', outcome: 'created', examId: expect.stringMatching(/^\d+$/), quarantineId: null, version: 1, problems: [] })
    const exam = examRow('FQ-2026-0001')!
    expect(exam).toMatchObject({ id: Number(result!.examId), resident_id: ids.mother, status: 'pending-review', worst: 'abnormal', version: 1 })
    expect(exam.content_hash).toMatch(/^[\w-]{43}$/)
    // the printed 3.9–6.1 is the catalogue's own range: kept as the default, with its open end
    expect(itemRows(exam.id)).toEqual([
      { code: '11524-6', value: null, value_text: '窦性心律，正常心电图', unit: null, ref_low: null, ref_high: null, flag: 'normal' },
      { code: '14771-0', value: 6.9, value_text: null, unit: null, ref_low: null, ref_high: null, flag: 'high' },
      { code: '22748-8', value: 3.1, value_text: null, unit: null, ref_low: null, ref_high: null, flag: 'normal' },
      { code: '8480-6', value: 136, value_text: null, unit: null, ref_low: null, ref_high: null, flag: 'normal' },
    ])
  })

  it('stores values and printed ranges in the catalogue\'s unit, and flags a critical value', async () => {
    const [result] = await imported(fhirBundle([sonExam('FQ-2026-0002', [
      { code: '14771-0', value: 124, unit: 'mg/dL', low: 70, high: 110 },
      { code: '14647-2', value: 200, unit: 'mg/dL' },
      { code: '8480-6', value: 190, unit: 'mm[Hg]' },
      { code: '718-7', value: 14.2, unit: 'g/dL' },
    ])]))
    expect(result).toMatchObject({ outcome: 'created', problems: [] })
    const exam = examRow('FQ-2026-0002')!
    expect(exam.worst).toBe('critical')
    // 124 ÷ 18.016 = 6.8828…, kept to one decimal beyond the catalogue's two
    expect(convertToCatalogueUnit('14771-0', 124, 'mg/dL')).toEqual({ value: 6.883, unit: 'mmol/L' })
    expect(itemRows(exam.id)).toEqual([
      { code: '14647-2', value: 5.172, value_text: null, unit: null, ref_low: null, ref_high: null, flag: 'normal' },
      { code: '14771-0', value: 6.883, value_text: null, unit: null, ref_low: 3.885, ref_high: 6.106, flag: 'high' },
      { code: '718-7', value: 142, value_text: null, unit: null, ref_low: null, ref_high: null, flag: 'normal' },
      { code: '8480-6', value: 190, value_text: null, unit: null, ref_low: null, ref_high: null, flag: 'critical' },
    ])
  })

  it('changes nothing when the same bundle comes again', async () => {
    const bundle = fhirBundle([motherExam('FQ-2026-0003')])
    const [first] = await imported(bundle)
    const before = counts()
    const [again] = await imported(bundle)
    expect(again).toEqual({ externalId: 'FQ-2026-0003', outcome: 'unchanged', examId: first!.examId, quarantineId: null, version: 1, problems: [] })
    expect(counts()).toEqual(before)
  })

  it('keeps a changed value as a correction: version 2, with what changed', async () => {
    const [first] = await imported(fhirBundle([motherExam('FQ-2026-0004')]))
    const changed = usualItems.map(i => i.code === '14771-0' ? { ...i, value: 7.3 } : i)
    const [corrected] = await imported(fhirBundle([motherExam('FQ-2026-0004', changed)]))
    expect(corrected).toEqual({ externalId: 'FQ-2026-0004', outcome: 'corrected', examId: first!.examId, quarantineId: null, version: 2, problems: [] })
    const exam = examRow('FQ-2026-0004')!
    expect(exam.version).toBe(2)
    expect(itemRows(exam.id)).toContainEqual({ code: '14771-0', value: 7.3, value_text: null, unit: null, ref_low: null, ref_high: null, flag: 'high' })
    // under review: the values replaced were never shown, so no correction is kept to show her
    expect(t.sqlite.prepare('select count(*) n from exam_corrections where exam_id = ?').get(exam.id)).toEqual({ n: 0 })
    // the same correction again is nothing new
    expect((await imported(fhirBundle([motherExam('FQ-2026-0004', changed)])))[0]).toMatchObject({ outcome: 'unchanged', version: 2 })
  })

  it.each([
    ['not a Bundle', { resourceType: 'Patient' }, 'resourceType'],
    ['a Bundle whose entry is not an array', { resourceType: 'Bundle', type: 'collection', entry: { resource: {} } }, 'Bundle.entry'],
    ['an entry without a resource', { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:1' }] }, 'entry[0].resource'],
    ['a Bundle without a DiagnosticReport', { resourceType: 'Bundle', type: 'collection', entry: [] }, 'entry'],
  ])('refuses %s with 400 naming the field', async (_, body, field) => {
    const before = counts()
    const response = await postImport(t.app, body)
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field })
    expect(counts()).toEqual(before)
  })

  it('refuses a body that is not JSON with 400', async () => {
    const response = await postImport(t.app, '{"resourceType": "Bundle",', { type: 'application/fhir+json' })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body' })
  })

  // one exam of four items: entry[0] the Patient, entry[1..4] glucose, LDL-C, SBP, ECG, entry[5] the report
  const broken: [string, (b: Bundle) => void, string[], RegExp][] = [
    ['a DiagnosticReport without identifier', b => edit(b, 5, 'identifier', undefined), ['entry[5].resource.identifier'], /own id/],
    ['a preliminary report', b => edit(b, 5, 'status', 'preliminary'), ['entry[5].resource.status'], /preliminary/],
    ['a report without effectiveDateTime', b => edit(b, 5, 'effectiveDateTime', undefined), ['entry[5].resource.effectiveDateTime'], /date is required/],
    ['a subject that resolves to no Patient of the bundle', b => edit(b, 5, 'subject', { reference: 'urn:uuid:00000000-0000-4000-8000-999999999999' }), ['entry[5].resource.subject'], /reference a Patient/],
    ['a Patient without an ID-number identifier', b => edit(b, 0, 'identifier', [{ system: 'urn:oid:2.16.156.10011.1.4', value: '12345' }]), ['entry[0].resource.identifier', 'entry[5].resource.subject'], new RegExp(ID_NUMBER_SYSTEM)],
    ['an ID number whose check character is wrong', (b) => {
      const id = idNumberOf(ids.mother)
      edit(b, 0, 'identifier.0.value', id.slice(0, 17) + (id[17] === '0' ? '1' : '0'))
    }, ['entry[5].resource.subject'], /check character/],
    ['a LOINC code the catalogue lacks', b => edit(b, 1, 'code.coding.0.code', '99999-9'), ['entry[1].resource.code'], /99999-9 is not an item/],
    ['a numeric item sent as text', (b) => {
      edit(b, 1, 'valueQuantity', undefined)
      edit(b, 1, 'valueString', '偏高')
    }, ['entry[1].resource.value[x]'], /expects a number/],
    ['a unit that is not the catalogue\'s nor convertible (mg for glucose)', b => edit(b, 1, 'valueQuantity.unit', 'mg'), ['entry[1].resource.valueQuantity.unit'], /mg cannot be read as mmol\/L/],
    ['an implausible value (glucose 612 mmol/L)', b => edit(b, 1, 'valueQuantity.value', 612), ['entry[1].resource.value[x]'], /outside what can be measured/],
    ['the same item twice', b => edit(b, 2, 'code.coding.0.code', '14771-0'), ['entry[2].resource.code'], /appears twice/],
    ['an exam date in the future', b => edit(b, 5, 'effectiveDateTime', '2026-11-23'), ['entry[5].resource.effectiveDateTime'], /2026-11-23 is after today \(2026-11-22\)/],
    ['an Observation whose valueQuantity.value is a string', b => edit(b, 1, 'valueQuantity.value', '6.9'), ['entry[1].resource.valueQuantity.value'], /number/],
    ['an Observation with two value[x]', b => edit(b, 1, 'valueString', '6.9'), ['entry[1].resource.valueString'], /one value\[x\]/],
    ['an element FHIR does not define on the DiagnosticReport', b => edit(b, 5, 'colour', 'blue'), ['entry[5].resource.colour'], /colour/],
  ]
  it.each(broken)('rejects %s, naming the field, and writes nothing', async (name, breakIt, fields, reason) => {
    const externalId = `BROKEN-${broken.findIndex(b => b[0] === name)}`
    const bundle = fhirBundle([motherExam(externalId)])
    breakIt(bundle)
    const before = counts()
    const [result] = await imported(bundle)
    expect(result).toMatchObject({ outcome: 'rejected', examId: null, quarantineId: null, version: null })
    expect(result!.problems.map(p => p.field)).toEqual(fields)
    expect(result!.problems[0]!.reason).toMatch(reason)
    expect(counts()).toEqual(before)
  })

  it('rejects one bad exam of three whole, and creates the other two', async () => {
    const bad = sonExam('BATCH-2', [{ code: '14771-0', value: 5.2, unit: 'mmol/L' }, { code: '8480-6', value: 1300, unit: 'mmHg' }])
    const before = counts()
    const results = await imported(fhirBundle([motherExam('BATCH-1'), bad, { ...sonExam('BATCH-3'), idNumber: idNumberOf(ids.viewer), name: '赵丽', birthDate: '1985-07-07' }]))
    expect(results.map(r => [r.externalId, r.outcome])).toEqual([['BATCH-1', 'created'], ['BATCH-2', 'rejected'], ['BATCH-3', 'created']])
    // the first exam takes entries 0 to 5; the bad one's Patient is entry 6, its Observations 7 and 8
    expect(results[1]!.problems).toEqual([{ row: 8, field: 'entry[8].resource.value[x]', reason: expect.stringContaining('1300 mmHg is outside') }])
    expect(examRow('BATCH-2')).toBeUndefined()
    expect(counts()).toEqual({ ...before, exams: before.exams + 2, items: before.items + 2 * usualItems.length })
    expect(examRow('BATCH-3')!.resident_id).toBe(ids.viewer)
  })
})

describe('a CSV file', () => {
  const chineseHeader = '体检编号,身份证号,姓名,出生日期,体检日期,项目代码,结果,单位,参考下限,参考上限,标志'

  it('with Chinese column names and a byte order mark creates the exam', async () => {
    const csv = csvOf([sonExam('CSV-UTF8')]).replace(/^[^\r\n]*/, chineseHeader)
    const [result] = await imported(Buffer.concat([Buffer.from([0xEF, 0xBB, 0xBF]), Buffer.from(csv)]))
    expect(result).toMatchObject({ externalId: 'CSV-UTF8', outcome: 'created', problems: [] })
    const exam = examRow('CSV-UTF8')!
    expect(exam.resident_id).toBe(ids.son)
    expect(itemRows(exam.id)).toContainEqual({ code: '11524-6', value: null, value_text: '窦性心律，正常心电图', unit: null, ref_low: null, ref_high: null, flag: 'normal' })
  })

  it('in GB18030, as Excel saves it on a Chinese Windows, is read as the same text', async () => {
    const csv = csvOf([motherExam('CSV-GB')]).replace(/^[^\r\n]*/, chineseHeader)
    const body = gb18030(csv)
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(body)).toThrow(/not valid/)
    expect(new TextDecoder('gb18030').decode(body)).toBe(csv)
    const [result] = await imported(body)
    expect(result).toMatchObject({ externalId: 'CSV-GB', outcome: 'created', problems: [] })
    const exam = examRow('CSV-GB')!
    expect(exam.resident_id).toBe(ids.mother)
    expect(itemRows(exam.id)).toContainEqual(expect.objectContaining({ code: '11524-6', value_text: '窦性心律，正常心电图', flag: 'normal' }))
    // the same exam in UTF-8 is the same content
    expect((await imported(csvOf([motherExam('CSV-GB')])))[0]).toMatchObject({ outcome: 'unchanged', examId: result!.examId })
  })

  it('names a bad row by its line and column, and writes nothing of its exam', async () => {
    const items: FixtureItem[] = [
      { code: '14771-0', value: 5.2, unit: 'mmol/L' },
      { code: '22748-8', value: 3.1, unit: 'mg' },
      { code: '8480-6', text: '一百三十' },
    ]
    const before = counts()
    const [result] = await imported(csvOf([motherExam('CSV-BAD', items)]))
    expect(result).toMatchObject({ externalId: 'CSV-BAD', outcome: 'rejected' })
    expect(result!.problems).toEqual([
      { row: 3, field: 'unit', reason: 'mg cannot be read as mmol/L for 22748-8 低密度脂蛋白胆固醇' },
      { row: 4, field: 'value', reason: '8480-6 收缩压 expects a number, not "一百三十"' },
    ])
    expect(counts()).toEqual(before)
  })

  it('refuses a file without a required column, naming it', async () => {
    const response = await postImport(t.app, 'exam_id,id_number,name,birth_date,exam_date,value,unit,ref_low,ref_high\r\nE1,1,a,1952-04-18,2026-11-20,5,,,\r\n')
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'item_code' })
  })

  it('gives the same exam the same content in both formats: unchanged whichever came first', async () => {
    const items: FixtureItem[] = [...usualItems, { code: '20454-5', text: '-', interpretation: 'N' }, { code: '14682-9', value: 68, unit: 'umol/L', low: 41, high: 81 }]
    const [byFhir] = await imported(fhirBundle([motherExam('BOTH-1', items)]))
    expect(byFhir!.outcome).toBe('created')
    expect((await imported(csvOf([motherExam('BOTH-1', items)])))[0]).toEqual({ ...byFhir, outcome: 'unchanged' })
    const [byCsv] = await imported(csvOf([sonExam('BOTH-2', items)]))
    expect(byCsv!.outcome).toBe('created')
    expect((await imported(fhirBundle([sonExam('BOTH-2', items)])))[0]).toEqual({ ...byCsv, outcome: 'unchanged' })
  })
})

describe('a dry run', () => {
  it('reports what the real run does, and writes nothing', async () => {
    await imported(fhirBundle([motherExam('DRY-C'), motherExam('DRY-U')]))
    const stranger = `33068119700101123${idNumberCheckChar('33068119700101123')}`
    const batch = fhirBundle([
      sonExam('DRY-N'),
      motherExam('DRY-C', usualItems.map(i => i.code === '22748-8' ? { ...i, value: 3.6 } : i)),
      motherExam('DRY-U'),
      { ...motherExam('DRY-Q'), idNumber: stranger, name: '陌生人', birthDate: '1970-01-01' },
      motherExam('DRY-R', [{ code: '14771-0', value: 612, unit: 'mmol/L' }]),
      motherExam('DRY-K', [{ code: '8480-6', value: 185, unit: 'mmHg' }]),
    ])
    const before = counts()
    const dry = await postImport(t.app, batch, { dryRun: true })
    expect(dry.statusCode).toBe(200)
    const report = dry.json()
    expect(report.dryRun).toBe(true)
    expect(report.exams.map((r: Result) => [r.externalId, r.outcome])).toEqual([
      ['DRY-N', 'created'],
      ['DRY-C', 'corrected'],
      ['DRY-U', 'unchanged'],
      ['DRY-Q', 'quarantined'],
      ['DRY-R', 'rejected'],
      ['DRY-K', 'created'],
    ])
    expect(report.totals).toEqual({ created: 2, unchanged: 1, corrected: 1, quarantined: 1, rejected: 1 })
    expect(counts()).toEqual(before)
    expect(examRow('DRY-C')!.version).toBe(1)
    expect(itemRows(examRow('DRY-C')!.id)).toContainEqual(expect.objectContaining({ code: '22748-8', value: 3.1 }))

    const real = await postImport(t.app, batch)
    const strip = (r: Result) => ({ externalId: r.externalId, outcome: r.outcome, version: r.version, problems: r.problems })
    expect(real.json().dryRun).toBe(false)
    expect(real.json().exams.map(strip)).toEqual(report.exams.map(strip))
    // two exams, one quarantined, and the critical value told to 陈明; the corrected exam is
    // under review, so no correction is kept to show the resident
    expect(counts()).toEqual({
      exams: before.exams + 2,
      items: before.items + usualItems.length + 1,
      quarantine: before.quarantine + 1,
      notifications: before.notifications + 1,
      corrections: before.corrections,
    })
  })
})

describe('who may import', () => {
  const bundle = () => fhirBundle([motherExam('AUTH-1')])

  it('without Authorization → 401, and nothing is read', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/import/exams', headers: { 'content-type': 'application/fhir+json' }, payload: JSON.stringify(bundle()) })
    expect(response.statusCode).toBe(401)
    expect(response.json().error.code).toBe('UNAUTHENTICATED')
    expect(examRow('AUTH-1')).toBeUndefined()
  })

  it.each([
    ['a revoked key', `Bearer ${apiKeyOf.revoked}`],
    ['a key nobody issued', 'Bearer kb_made_up_key'],
    ['a key not sent as Bearer', `Basic ${apiKeyOf.fengqiao}`],
  ])('with %s → 401', async (_, authorization) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/import/exams', headers: { authorization, 'content-type': 'application/fhir+json' }, payload: JSON.stringify(bundle()) })
    expect(response.statusCode).toBe(401)
    expect(response.json().error.code).toBe('UNAUTHENTICATED')
    expect(examRow('AUTH-1')).toBeUndefined()
  })

  it('a session cookie is no API key: even 陈明 gets 401', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/import/exams', headers: { 'cookie': cookies.doctor, 'origin': ORIGIN, 'content-type': 'application/fhir+json' }, payload: JSON.stringify(bundle()) })
    expect(response.statusCode).toBe(401)
  })

  it.each(['text/plain', 'application/xml'])('a body sent as %s → 415 naming content-type', async (type) => {
    const response = await postImport(t.app, JSON.stringify(bundle()), { type })
    expect(response.statusCode).toBe(415)
    expect(response.json().error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', field: 'content-type' })
  })

  it('a plain application/json body is taken as FHIR', async () => {
    const [result] = await imported(bundle(), { type: 'application/json' })
    expect(result!.outcome).toBe('created')
  })

  it('a body over 32 MB → 413', async () => {
    const response = await postImport(t.app, Buffer.alloc(32 * 1024 * 1024 + 1, 0x20), { type: 'application/fhir+json' })
    expect(response.statusCode).toBe(413)
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('in production, refuses the demo keys and takes an issued one', async () => {
    const production = await testApp({ env: { KANGBAN_MODE: 'production', KANGBAN_SECRET: 's'.repeat(32), KANGBAN_SMS_GATEWAY_URL: 'https://sms.example.cn/send', KANGBAN_SMS_GATEWAY_TOKEN: 'token' } })
    try {
      const demo = await postImport(production.app, bundle(), { key: apiKeyOf.fengqiao })
      expect(demo.statusCode).toBe(401)
      const { key } = createApiKey(production.db, 'instfengqiaoaaaa', 'LIS', Date.now())
      const issued = await postImport(production.app, bundle(), { key })
      expect(issued.statusCode).toBe(200)
      expect(issued.json().exams[0].outcome).toBe('created')
    }
    finally {
      await production.app.close()
    }
  })
})

describe('what the resident sees of an imported exam', () => {
  it('only its date and status until a doctor releases it: to her and to her proxies', async () => {
    const [result] = await imported(fhirBundle([motherExam('SEEN-1', [{ code: '14771-0', value: 6.87, unit: 'mmol/L' }, { code: '8480-6', value: 151, unit: 'mmHg' }])]))
    for (const who of ['mother', 'son', 'viewer'] as const) {
      const list = await get(`/api/residents/${ids.mother}/exams?limit=100`, who)
      expect(list.statusCode).toBe(200)
      const summary = list.json().items.find((e: { id: string }) => e.id === result!.examId)
      expect(summary).toMatchObject({ date: '2026-11-20', status: 'pending-review', worst: null, abnormalItems: null })
      const detail = await get(`/api/residents/${ids.mother}/exams/${result!.examId}`, who)
      expect(detail.statusCode).toBe(200)
      expect(detail.json()).toMatchObject({ status: 'pending-review', worst: null, abnormalItems: null, items: [], corrections: [] })
      expect(detail.body).not.toMatch(/6\.87|151/)
      const series = await get(`/api/residents/${ids.mother}/observations?code=14771-0`, who)
      expect(series.json().points.map((p: { examId: string }) => p.examId)).not.toContain(result!.examId)
    }
  })
})

describe('a critical value at import', () => {
  const criticalNotices = () => t.sqlite.prepare('select account_id, resident_id, params from notifications where kind = \'critical-result\' order by rowid').all() as { account_id: string | null, resident_id: string | null, params: string }[]
  const critical: FixtureItem[] = [{ code: '8480-6', value: 192, unit: 'mmHg' }, { code: '14771-0', value: 5.1, unit: 'mmol/L' }]

  it('tells her family doctor 陈明 at once, not her, whoever did the exam', async () => {
    const seen = criticalNotices().length
    const [fengqiao] = await imported(fhirBundle([motherExam('CRIT-1', critical)]))
    t.advance(1000)
    const [jiyang] = await imported(fhirBundle([motherExam('CRIT-2', critical)]), { key: apiKeyOf.jiyang })
    expect(criticalNotices().slice(seen).map(n => ({ ...n, params: JSON.parse(n.params) }))).toEqual([
      { account_id: 'acctdoctoraaaaaa', resident_id: null, params: { residentId: ids.mother, residentName: '王秀英', examId: fengqiao!.examId, examDate: '2026-11-20' } },
      { account_id: 'acctdoctoraaaaaa', resident_id: null, params: { residentId: ids.mother, residentName: '王秀英', examId: jiyang!.examId, examDate: '2026-11-20' } },
    ])
    const notices = (await get('/api/notifications', 'doctor')).json().items
    expect(notices[0]).toMatchObject({ kind: 'critical-result', params: { examId: jiyang!.examId, residentName: '王秀英' } })
    expect((await get('/api/notifications', 'mother')).json().items.map((n: { kind: string }) => n.kind)).not.toContain('critical-result')
    expect((await get('/api/notifications', 'otherDoctor')).json().items.map((n: { kind: string }) => n.kind)).not.toContain('critical-result')
  })

  it('tells the doctors of the institution that did it when she has no running contract', async () => {
    const lapsed = { idNumber: idNumberOf(ids.lapsed), name: '吴过', birthDate: '1960-01-01', date: '2026-11-19', items: critical }
    const seen = criticalNotices().length
    const [jiyang] = await imported(fhirBundle([{ ...lapsed, externalId: 'CRIT-3' }]), { key: apiKeyOf.jiyang })
    const [fengqiao] = await imported(fhirBundle([{ ...lapsed, externalId: 'CRIT-4' }]))
    expect(criticalNotices().slice(seen).map(n => [n.account_id, JSON.parse(n.params).examId])).toEqual([
      ['acctotherdocaaaa', jiyang!.examId],
      ['acctdoctoraaaaaa', fengqiao!.examId],
    ])
    expect((await get('/api/notifications', 'otherDoctor')).json().items[0]).toMatchObject({ kind: 'critical-result', params: { residentId: ids.lapsed, residentName: '吴过', examDate: '2026-11-19' } })
  })

  it('tells no one of an exam that is not critical', async () => {
    const seen = criticalNotices().length
    await imported(fhirBundle([motherExam('CRIT-5')]))
    expect(criticalNotices()).toHaveLength(seen)
  })
})

describe('her export, imported again', () => {
  type Entry = { resource: Json }
  /** What an exported bundle says of each exam, by date: what the import must not lose. */
  function examData(bundle: { entry: Entry[] }) {
    const byReference = new Map(bundle.entry.map(e => [`${e.resource.resourceType}/${e.resource.id}`, e.resource]))
    const quantity = (q: unknown) => q === undefined ? null : (q as { value: number }).value
    return bundle.entry.filter(e => e.resource.resourceType === 'DiagnosticReport').map(({ resource: report }) => ({
      date: report.effectiveDateTime,
      items: (report.result as { reference: string }[]).map((r) => {
        const obs = byReference.get(r.reference)!
        const range = (obs.referenceRange as { low?: unknown, high?: unknown }[] | undefined)?.[0]
        return {
          code: (obs.code as { coding: { code: string }[] }).coding[0]!.code,
          value: quantity(obs.valueQuantity),
          valueText: obs.valueString ?? null,
          unit: (obs.valueQuantity as { unit?: string } | undefined)?.unit ?? null,
          refLow: quantity(range?.low),
          refHigh: quantity(range?.high),
          interpretation: (obs.interpretation as { coding: { code: string }[] }[])[0]!.coding[0]!.code,
        }
      }).sort((a, b) => a.code < b.code ? -1 : 1),
    })).sort((a, b) => String(a.date) < String(b.date) ? -1 : 1)
  }

  it('into another Kangban, released there and exported again, carries the same exam data', async () => {
    const exported = await get(`/api/residents/${ids.mother}/export`, 'mother')
    expect(exported.statusCode).toBe(200)
    const original = examData(exported.json())
    expect(original.map(e => e.date)).toEqual(['2024-05-20', '2025-05-22', '2026-05-19'])

    const fresh = await testApp()
    try {
      const response = await postImport(fresh.app, exported.json())
      expect(response.statusCode).toBe(200)
      const results = response.json().exams as Result[]
      expect(results.map(r => [r.outcome, r.problems])).toEqual([['created', []], ['created', []], ['created', []]])
      const doctor = await fresh.signIn(phones.doctor)
      for (const { examId } of results) {
        const released = await fresh.app.inject({ method: 'POST', url: `/api/doctor/exams/${examId}/release`, headers: { cookie: doctor, origin: ORIGIN }, payload: {} })
        expect(released.statusCode).toBe(200)
      }
      const mother = await fresh.signIn(phones.mother)
      const again = await fresh.app.inject({ url: `/api/residents/${ids.mother}/export`, headers: { cookie: mother } })
      expect(examData(again.json())).toEqual(original)

      // and the flags as the app shows them, item by item
      const shown = async (app: typeof t.app, cookie: string, examId: string | number) =>
        ((await app.inject({ url: `/api/residents/${ids.mother}/exams/${examId}`, headers: { cookie } })).json().items as Json[])
          .map(item => Object.fromEntries(Object.entries(item).filter(([key]) => key !== 'previous')))
      const originalIds = [900_000_001, 900_000_002, 900_000_003]
      for (const [i, { examId }] of results.entries())
        expect(await shown(fresh.app, mother, examId!)).toEqual(await shown(t.app, cookies.mother, originalIds[i]!))
      // sent again, the export is the same content
      expect((await postImport(fresh.app, exported.json())).json().totals).toMatchObject({ unchanged: 3 })
    }
    finally {
      await fresh.app.close()
    }
  })
})

/** GB18030 bytes of a text, from the decoder's own table (Node encodes only UTF-8 and UTF-16). */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030')
  const table = new Map<string, number[]>()
  for (let lead = 0x81; lead <= 0xFE; lead++) {
    for (let trail = 0x40; trail <= 0xFE; trail++) {
      if (trail === 0x7F)
        continue
      const char = decoder.decode(Uint8Array.of(lead, trail))
      if (char.length === 1 && !table.has(char))
        table.set(char, [lead, trail])
    }
  }
  return Buffer.from([...text].flatMap((char) => {
    if (char.charCodeAt(0) < 0x80)
      return [char.charCodeAt(0)]
    const bytes = table.get(char)
    if (bytes === undefined)
      throw new Error(`no two-byte GB18030 code for ${char}`)
    return bytes
  }))
}
