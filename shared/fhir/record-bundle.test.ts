import { describe, expect, it } from 'vitest'
import type { RecordExamItem, RecordInput } from './record-bundle'
import { examObservationId, ID_NUMBER_SYSTEM, interpretationOf, quantity, recordBundle } from './record-bundle'

const patient: RecordInput['patient'] = {
  id: 'mothermothermoth',
  name: '王秀英',
  sex: 'female',
  birthDate: '1952-04-18',
  idNumber: '330681195204180010',
  phone: null,
  township: '枫桥镇',
  address: '枫桥镇某村1号',
  status: 'active',
  statusSince: null,
}
const empty: RecordInput = { generatedAt: '2026-11-22T02:00:00.000Z', patient, institutions: [], conditions: [], allergies: [], encounters: [], immunizations: [], medications: [], followups: [], questionnaires: [], exams: [] }
const item = (extra: Partial<RecordExamItem>): RecordExamItem => ({ code: '14771-0', value: null, valueText: null, unit: null, refLow: null, refHigh: null, flag: 'normal', ...extra })
const exam = (items: RecordExamItem[], status: 'released' | 'pending-review' = 'released') => ({ id: 42, externalId: 'FQ-2026-7', institutionId: 'instfengqiaoaaaa', date: '2026-05-19', status, releasedOn: status === 'released' ? '2026-05-26' : null, releaseComment: null, items })
const resources = (input: RecordInput) => recordBundle(input).entry.map(e => e.resource)
const observation = (input: RecordInput, code: string) => resources(input).find(r => r.id === examObservationId(42, code))!

describe('interpretationOf', () => {
  it.each([
    ['normal', 5, 3.9, 6.1, 'N'],
    ['high', 7.4, 3.9, 6.1, 'H'],
    ['low', 3.2, 3.9, 6.1, 'L'],
    ['critical', 17.2, 3.9, 6.1, 'HH'],
    ['critical', 2.1, 3.9, 6.1, 'LL'],
    // critical by the catalogue's limits while inside a printed range: no direction to tell
    ['critical', 5, 3.9, 6.1, 'AA'],
    ['critical', null, null, null, 'AA'],
    // a text item's abnormal conclusion is stored as high: abnormal, not "high"
    ['high', null, null, null, 'A'],
  ] as const)('%s %s against %s–%s is %s', (flag, value, low, high, expected) => {
    expect(interpretationOf(flag, value, low, high)).toBe(expected)
  })
})

describe('recordBundle', () => {
  it('identifies her by her full ID number, with the WS/T 500 OID', () => {
    const [p] = resources(empty)
    expect(p).toMatchObject({ resourceType: 'Patient', id: patient.id, identifier: [{ system: ID_NUMBER_SYSTEM, value: '330681195204180010' }], gender: 'female', birthDate: '1952-04-18' })
    expect(p).not.toHaveProperty('telecom')
  })

  it('writes a text item as valueString, with no quantity or range', () => {
    const ecg = observation({ ...empty, exams: [exam([item({ code: '11524-6', valueText: 'ST段改变', flag: 'high' })])] }, '11524-6')
    expect(ecg).toMatchObject({ valueString: 'ST段改变', interpretation: [{ coding: [{ code: 'A' }] }], code: { text: '心电图' } })
    expect(ecg).not.toHaveProperty('valueQuantity')
    expect(ecg).not.toHaveProperty('referenceRange')
  })

  it('gives a value stored without unit or range the catalogue\'s, as UCUM', () => {
    const glucose = observation({ ...empty, exams: [exam([item({ value: 7.42, flag: 'high' })])] }, '14771-0')
    expect(glucose).toMatchObject({
      valueQuantity: { value: 7.42, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
      referenceRange: [{ low: { value: 3.9, code: 'mmol/L' }, high: { value: 6.1, code: 'mmol/L' } }],
      interpretation: [{ coding: [{ code: 'H' }] }],
    })
  })

  it('leaves out an exam under review, and its institution with it', () => {
    const types = resources({ ...empty, institutions: [{ id: 'instfengqiaoaaaa', name: '枫桥镇卫生院', phone: null, address: null }], exams: [exam([item({ value: 6.9, flag: 'high' })], 'pending-review')] })
      .map(r => r.resourceType)
    expect(types).toEqual(['Patient'])
  })

  it('keeps the institution\'s own exam id beside ours, for the import to match it again', () => {
    const report = resources({ ...empty, exams: [exam([item({ value: 5 })])] }).find(r => r.resourceType === 'DiagnosticReport')!
    expect(report.identifier).toEqual([
      { system: 'https://kangban.local/fhir/NamingSystem/exam-id', value: '42' },
      { system: 'https://kangban.local/fhir/NamingSystem/institution/instfengqiaoaaaa/exam-id', value: 'FQ-2026-7' },
    ])
    expect(report.result).toEqual([{ reference: 'Observation/exam-42-14771-0' }])
  })

  it('marks a self-reported vaccination as not from a primary source', () => {
    const [, immunization] = resources({ ...empty, immunizations: [{ id: 'immunizationaaaa', date: '2024-10-01', vaccine: 'covid-19', institutionId: null, selfReported: true }] })
    expect(immunization).toMatchObject({ primarySource: false, vaccineCode: { text: '新冠疫苗' }, occurrenceDateTime: '2024-10-01' })
    expect(immunization).not.toHaveProperty('performer')
  })

  it('maps the catalogue\'s units to UCUM and keeps an unknown one as printed', () => {
    expect(quantity(140, 'mmHg')).toEqual({ value: 140, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' })
    expect(quantity(80, 'µmol/L').code).toBe('umol/L')
    expect(quantity(1, '滴度')).toEqual({ value: 1, unit: '滴度' })
    expect(quantity(1, null)).toEqual({ value: 1 })
  })
})
