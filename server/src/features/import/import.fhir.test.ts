import { describe, expect, it } from 'vitest'
import { idNumberCheckChar } from '../../../../shared/residents/id-number'
import { EXAM_ID_SYSTEM, ID_NUMBER_SYSTEM, institutionExamIdSystem, LOINC } from '../../../../shared/fhir/record-bundle'
import { structureIssues } from './fhir-structure'
import { fhirBundle, usualItems } from './import.fixture'
import { readFhirExams, shanghaiDayOf } from './import.fhir'

type Json = Record<string, unknown>

const institution = 'instfengqiaoaaaa'
const subject = { idNumber: `33068119520418000${idNumberCheckChar('33068119520418000')}`, name: '王秀英', birthDate: '1952-04-18' }
const patient = { resourceType: 'Patient', identifier: [{ system: ID_NUMBER_SYSTEM, value: subject.idNumber }], name: [{ text: subject.name }], birthDate: subject.birthDate }
const glucose = { resourceType: 'Observation', status: 'final', code: { coding: [{ system: LOINC, code: '14771-0' }] }, valueQuantity: { value: 6.9, unit: 'mmol/L' } }
const report = (extra: Json = {}) => ({
  resourceType: 'DiagnosticReport',
  identifier: [{ system: 'https://lis.example.cn/exam-id', value: 'E1' }],
  status: 'final',
  code: { text: '健康体检' },
  subject: { reference: 'urn:uuid:patient' },
  effectiveDateTime: '2026-11-20',
  result: [{ reference: 'urn:uuid:obs' }],
  ...extra,
})
/** A bundle of entry[0] the Patient, entry[1] the Observation, entry[2] the report, as JSON would bring it (no undefined). */
const bundleOf = (observation: Json, reportExtra: Json = {}, patientResource: Json = patient) => JSON.parse(JSON.stringify({
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    { fullUrl: 'urn:uuid:patient', resource: patientResource },
    { fullUrl: 'urn:uuid:obs', resource: observation },
    { fullUrl: 'urn:uuid:report', resource: report(reportExtra) },
  ],
})) as { resourceType: 'Bundle', type: string, entry: { fullUrl: string, resource: Json }[] }
const read = (body: unknown) => readFhirExams(body, institution)
const fieldsOf = (body: unknown) => read(body).drafts[0]!.problems.map(p => p.field)

describe('readFhirExams', () => {
  it('reads each DiagnosticReport into a draft: who, when, and every item as printed', () => {
    const { drafts, problems } = read(fhirBundle([{ externalId: 'FQ-1', ...subject, date: '2026-11-20', items: usualItems }]))
    expect(problems).toEqual([])
    expect(drafts).toEqual([{
      row: 5,
      externalId: 'FQ-1',
      subject,
      date: '2026-11-20',
      items: [
        { row: 1, at: 'entry[1].resource', code: '14771-0', value: 6.9, valueText: null, unit: 'mmol/L', refLow: 3.9, refHigh: 6.1, interpretation: 'abnormal' },
        { row: 2, at: 'entry[2].resource', code: '22748-8', value: 3.1, valueText: null, unit: 'mmol/L', refLow: null, refHigh: null, interpretation: null },
        { row: 3, at: 'entry[3].resource', code: '8480-6', value: 136, valueText: null, unit: 'mm[Hg]', refLow: null, refHigh: null, interpretation: null },
        { row: 4, at: 'entry[4].resource', code: '11524-6', value: null, valueText: '窦性心律，正常心电图', unit: null, refLow: null, refHigh: null, interpretation: 'normal' },
      ],
      problems: [],
    }])
  })

  it('passes over what is not an exam, as in a resident\'s own export', () => {
    const body = bundleOf(glucose)
    body.entry.push({ fullUrl: 'urn:uuid:condition', resource: { resourceType: 'Condition', subject: { reference: 'urn:uuid:patient' }, code: { text: '高血压' } } })
    const { drafts, problems } = read(body)
    expect(problems).toEqual([])
    expect(drafts.map(d => [d.externalId, d.items.length, d.problems])).toEqual([['E1', 1, []]])
  })

  it('resolves references by fullUrl and by Type/id', () => {
    const body = bundleOf(glucose, { subject: { reference: 'Patient/p1' }, result: [{ reference: 'Observation/o1' }] })
    Object.assign(body.entry[0]!.resource, { id: 'p1' })
    Object.assign(body.entry[1]!.resource, { id: 'o1' })
    expect(read(body).drafts[0]).toMatchObject({ subject, problems: [], items: [{ code: '14771-0', value: 6.9 }] })
  })

  it.each([
    ['the institution\'s own id as our export writes it, first', [{ system: EXAM_ID_SYSTEM, value: '900000001' }, { system: 'https://lis.example.cn/exam-id', value: 'LIS-9' }, { system: institutionExamIdSystem(institution), value: 'FQ-1' }], 'FQ-1'],
    ['else the first the institution gave', [{ system: EXAM_ID_SYSTEM, value: '900000001' }, { system: 'https://lis.example.cn/exam-id', value: ' LIS-9 ' }], 'LIS-9'],
    ['else our own exam id', [{ system: EXAM_ID_SYSTEM, value: '900000001' }], '900000001'],
  ])('takes as the exam\'s id %s', (_, identifier, externalId) => {
    expect(read(bundleOf(glucose, { identifier })).drafts[0]!.externalId).toBe(externalId)
  })

  it('reads a name given as family and given, the Chinese way round', () => {
    const { drafts } = read(bundleOf(glucose, {}, { ...patient, name: [{ family: '王', given: ['秀英'] }] }))
    expect(drafts[0]!.subject.name).toBe('王秀英')
  })

  it('reads the ID number upper-cased, as the register keeps it', () => {
    const { drafts } = read(bundleOf(glucose, {}, { ...patient, identifier: [{ system: ID_NUMBER_SYSTEM, value: ' 11010119520315002x ' }] }))
    expect(drafts[0]!.subject.idNumber).toBe('11010119520315002X')
  })

  it('refuses a subject named only by its ID number: name and birth date are needed to match her safely', () => {
    const { drafts } = read(bundleOf(glucose, { subject: { identifier: { system: ID_NUMBER_SYSTEM, value: subject.idNumber }, display: '王秀英' } }))
    expect(drafts[0]!.subject).toEqual({ idNumber: subject.idNumber, name: '王秀英', birthDate: '' })
    expect(drafts[0]!.problems).toEqual([{ row: 2, field: 'entry[2].resource.subject', reason: expect.stringContaining('Patient resource') }])
  })

  it('names a result that references no Observation, and an exam with no results', () => {
    expect(read(bundleOf(glucose, { result: [{ reference: 'urn:uuid:obs' }, { reference: 'urn:uuid:nothing' }] })).drafts[0]!.problems)
      .toEqual([{ row: 2, field: 'entry[2].resource.result[1]', reason: 'references no Observation in this bundle' }])
    expect(fieldsOf(bundleOf(glucose, { result: [] }))).toEqual(['entry[2].resource.result'])
  })

  it('reads a coded conclusion as text', () => {
    const ecg = { resourceType: 'Observation', status: 'final', code: { coding: [{ system: LOINC, code: '11524-6' }] }, valueCodeableConcept: { coding: [{ display: '窦性心律' }] } }
    expect(read(bundleOf(ecg)).drafts[0]!.items[0]).toMatchObject({ code: '11524-6', value: null, valueText: '窦性心律' })
  })

  it.each([
    ['N', 'normal'],
    ['NEG', 'normal'],
    ['H', 'abnormal'],
    ['POS', 'abnormal'],
    ['HH', 'critical'],
    ['LL', 'critical'],
    ['ZZ', null],
  ] as const)('reads the interpretation %s as %s', (code, interpretation) => {
    const observation = { ...glucose, interpretation: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code }] }] }
    expect(read(bundleOf(observation)).drafts[0]!.items[0]!.interpretation).toBe(interpretation)
  })

  it.each([
    ['an Observation not final', { ...glucose, status: 'preliminary' }, 'entry[1].resource.status'],
    ['an Observation without any code', { ...glucose, code: { text: '血糖' } }, 'entry[1].resource.code.coding'],
    ['an Observation without a value', { ...glucose, valueQuantity: undefined, dataAbsentReason: { text: '标本溶血' } }, 'entry[1].resource.value[x]'],
  ])('names %s', (_, observation, field) => {
    expect(fieldsOf(bundleOf(observation))).toEqual([field])
  })

  it('names what medplum finds wrong with the report and the Patient, at their entries', () => {
    expect(fieldsOf(bundleOf(glucose, { conclusion: 42 }))).toEqual(['entry[2].resource.conclusion'])
    expect(fieldsOf(bundleOf(glucose, {}, { ...patient, birthDate: '1952/04/18' }))).toContain('entry[0].resource.birthDate')
  })

  it('names a code outside its required value set, which medplum 4.x lets through (the fhir package, and the reader for a report\'s status)', () => {
    expect(fieldsOf(bundleOf(glucose, {}, { ...patient, gender: 'woman' }))).toEqual(['entry[0].resource.gender'])
    // a report's status is held to the final ones by the reader
    expect(read(bundleOf(glucose, { status: 'done' })).drafts[0]!.problems).toContainEqual({ row: 2, field: 'entry[2].resource.status', reason: 'status done: only a final report is imported' })
  })

  it('refuses a bundle without a DiagnosticReport, or with an entry that carries nothing', () => {
    expect(read({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: patient }] }).problems).toEqual([{ row: null, field: 'entry', reason: expect.stringContaining('no DiagnosticReport') }])
    expect(read({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: patient }, 'x'] }).problems).toEqual([{ row: 1, field: 'entry[1].resource', reason: 'each entry carries a resource' }])
    expect(read({ resourceType: 'Bundle', entry: [{ resource: report() }] }).problems.map(p => p.field)).toContain('Bundle.type')
    expect(read([{ resourceType: 'Bundle' }]).problems).toEqual([{ row: null, field: 'resourceType', reason: 'expected a FHIR R4 Bundle' }])
  })

  it('does not count medplum\'s warnings as problems (it calls a urn:uuid reference "invalid")', () => {
    // an error elsewhere in the report makes medplum throw its warnings with it
    expect(fieldsOf(bundleOf(glucose, { colour: 'blue' }))).toEqual(['entry[2].resource.colour'])
  })

  it('reports one problem for a report without a date, not also that it comes before her birth', () => {
    const { drafts } = read(bundleOf(glucose, { effectiveDateTime: undefined }))
    expect(drafts[0]!.problems).toEqual([{ row: 2, field: 'entry[2].resource.effectiveDateTime', reason: expect.stringContaining('exam date is required') }])
  })

  it('takes the start of an effectivePeriod as the exam date', () => {
    expect(read(bundleOf(glucose, { effectiveDateTime: undefined, effectivePeriod: { start: '2026-11-19T23:30:00Z' } })).drafts[0]!.date).toBe('2026-11-20')
  })
})

describe('shanghaiDayOf', () => {
  it.each([
    ['2026-11-20', '2026-11-20'],
    ['2026-11-20T08:00:00+08:00', '2026-11-20'],
    ['2026-11-20T15:59:59Z', '2026-11-20'],
    ['2026-11-20T16:00:00Z', '2026-11-21'],
    ['2026-11-20T16:00:00.5-05:00', '2026-11-21'],
    ['2026-11-20T08:00:00', null],
    ['2026-11', null],
    ['20261120', null],
    [20261120, null],
  ] as const)('%s is the day %s in China', (value, day) => {
    expect(shanghaiDayOf(value)).toBe(day)
  })
})

/**
 * Observations are checked by our own code, not medplum (0.1 ms each would cap an import at 250
 * exams a second). Whatever medplum refuses in an Observation, the reader must refuse too.
 */
describe('the reader\'s Observation check and medplum agree', () => {
  const broken: [string, Json][] = [
    ['no status', { ...glucose, status: undefined }],
    ['no code', { ...glucose, code: undefined }],
    ['code.coding not an array', { ...glucose, code: { coding: { system: LOINC, code: '14771-0' } } }],
    ['valueQuantity a string', { ...glucose, valueQuantity: '6.9 mmol/L' }],
    ['valueQuantity.value a string', { ...glucose, valueQuantity: { value: '6.9', unit: 'mmol/L' } }],
    ['valueQuantity.value null', { ...glucose, valueQuantity: { value: null, unit: 'mmol/L' } }],
    ['valueQuantity.unit a number', { ...glucose, valueQuantity: { value: 6.9, unit: 5 } }],
    ['an unknown element in valueQuantity', { ...glucose, valueQuantity: { value: 6.9, units: 'mmol/L' } }],
    ['valueString a number', { ...glucose, valueQuantity: undefined, valueString: 6.9 }],
    ['dataAbsentReason beside a value (obs-6)', { ...glucose, dataAbsentReason: { text: '标本溶血' } }],
    ['referenceRange not an array', { ...glucose, referenceRange: { low: { value: 3.9 } } }],
    ['a reference limit that is a string', { ...glucose, referenceRange: [{ low: { value: '3.9' }, high: { value: 6.1 } }] }],
    ['a reference range that is a string', { ...glucose, referenceRange: ['3.9-6.1'] }],
    ['interpretation not an array', { ...glucose, interpretation: { coding: [{ code: 'H' }] } }],
    ['an element R4 does not define', { ...glucose, colour: 'blue' }],
    ['a misspelt value[x]', { ...glucose, valueQuantity: undefined, valueQuantiy: { value: 6.9 } }],
    ['an effectiveDateTime that is no dateTime', { ...glucose, effectiveDateTime: '2026-11-20 08:00' }],
  ]

  it.each(broken)('%s: medplum flags it, and so does the reader', (_, observation) => {
    const bundle = bundleOf(observation)
    expect(structureIssues(bundle.entry[1]!.resource)).not.toEqual([])
    const fields = fieldsOf(bundle)
    expect(fields.length).toBeGreaterThan(0)
    expect(fields.every(f => f.startsWith('entry[1].resource'))).toBe(true)
  })

  // what medplum 4.x lets through and the reader must not: it would read a value it cannot be sure of
  it.each([
    ['two value[x]', { ...glucose, valueString: '6.9' }, 'entry[1].resource.valueString'],
    ['a status that is not a code of ObservationStatus', { ...glucose, status: 'done' }, 'entry[1].resource.status'],
  ])('%s: medplum 4.x says nothing, the reader refuses it', (_, observation, field) => {
    expect(structureIssues(observation)).toEqual([])
    expect(fieldsOf(bundleOf(observation))).toEqual([field])
  })

  it('a sound Observation passes both, with every element an exam uses', () => {
    const full = {
      ...glucose,
      id: 'o1',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
      subject: { reference: 'Patient/p1' },
      effectiveDateTime: '2026-11-20T08:00:00+08:00',
      issued: '2026-11-21T00:00:00+08:00',
      valueQuantity: { value: 6.9, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
      _status: { extension: [{ url: 'https://lis.example.cn/note', valueString: 'x' }] },
      referenceRange: [{ low: { value: 3.9, unit: 'mmol/L' }, high: { value: 6.1, unit: 'mmol/L' } }],
      interpretation: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'H' }] }],
      note: [{ text: '空腹' }],
    }
    expect(structureIssues(full)).toEqual([])
    expect(fieldsOf(bundleOf(full))).toEqual([])
  })

  it('the fixture\'s Observations pass both', () => {
    const bundle = fhirBundle([{ externalId: 'FQ-1', ...subject, date: '2026-11-20', items: usualItems }])
    for (const { resource } of bundle.entry.filter(e => e.resource.resourceType === 'Observation'))
      expect(structureIssues(resource)).toEqual([])
    expect(read(bundle).drafts[0]!.problems).toEqual([])
  })
})
