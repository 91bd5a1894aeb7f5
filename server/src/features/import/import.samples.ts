import { ID_NUMBER_SYSTEM, LOINC } from '../../../../shared/fhir/record-bundle'

/**
 * Exams as an institution's system would send them, as a FHIR R4 Bundle or the documented CSV:
 * what the import's tests, its benchmark and the e2e specs post. Pure, so each of them can load it.
 */

export interface FixtureItem { code: string, value?: number, text?: string, unit?: string, low?: number, high?: number, interpretation?: string }
export interface FixtureExam { externalId: string, idNumber: string, name: string, birthDate: string, date: string, items: FixtureItem[] }

/** The 王秀英-like exam items most tests send: a high glucose, a normal LDL-C, a normal ECG. */
export const usualItems: FixtureItem[] = [
  { code: '14771-0', value: 6.9, unit: 'mmol/L', low: 3.9, high: 6.1, interpretation: 'H' },
  { code: '22748-8', value: 3.1, unit: 'mmol/L' },
  { code: '8480-6', value: 136, unit: 'mm[Hg]' },
  { code: '11524-6', text: '窦性心律，正常心电图', interpretation: 'N' },
]

/** One FHIR R4 collection Bundle of the exams, each a DiagnosticReport with its Patient and Observations. */
export function fhirBundle(exams: readonly FixtureExam[]) {
  const entry: { fullUrl: string, resource: Record<string, unknown> }[] = []
  exams.forEach((exam, e) => {
    const patient = `urn:uuid:00000000-0000-4000-8000-${String(e).padStart(12, '0')}`
    entry.push({
      fullUrl: patient,
      resource: { resourceType: 'Patient', identifier: [{ system: ID_NUMBER_SYSTEM, value: exam.idNumber }], name: [{ text: exam.name }], birthDate: exam.birthDate },
    })
    const results = exam.items.map((item, i) => {
      const fullUrl = `urn:uuid:00000000-0000-4000-9000-${String(e * 1000 + i).padStart(12, '0')}`
      entry.push({
        fullUrl,
        resource: {
          resourceType: 'Observation',
          status: 'final',
          code: { coding: [{ system: LOINC, code: item.code }] },
          subject: { reference: patient },
          effectiveDateTime: exam.date,
          ...(item.text === undefined ? { valueQuantity: { value: item.value, ...(item.unit === undefined ? {} : { unit: item.unit }) } } : { valueString: item.text }),
          ...(item.low === undefined && item.high === undefined
            ? {}
            : { referenceRange: [{ ...(item.low === undefined ? {} : { low: { value: item.low, unit: item.unit } }), ...(item.high === undefined ? {} : { high: { value: item.high, unit: item.unit } }) }] }),
          ...(item.interpretation === undefined ? {} : { interpretation: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: item.interpretation }] }] }),
        },
      })
      return { reference: fullUrl }
    })
    entry.push({
      fullUrl: `urn:uuid:00000000-0000-4000-a000-${String(e).padStart(12, '0')}`,
      resource: {
        resourceType: 'DiagnosticReport',
        identifier: [{ system: 'https://lis.example.cn/exam-id', value: exam.externalId }],
        status: 'final',
        code: { text: '健康体检' },
        subject: { reference: patient },
        effectiveDateTime: exam.date,
        result: results,
      },
    })
  })
  return { resourceType: 'Bundle', type: 'collection', entry }
}

/** The same exams as the documented CSV (server/src/features/import/import-csv.md). */
export function csvOf(exams: readonly FixtureExam[]): string {
  const rows = ['exam_id,id_number,name,birth_date,exam_date,item_code,value,unit,ref_low,ref_high,flag']
  for (const exam of exams) {
    for (const item of exam.items)
      rows.push([exam.externalId, exam.idNumber, exam.name, exam.birthDate, exam.date, item.code, item.text ?? item.value, item.unit ?? '', item.low ?? '', item.high ?? '', item.interpretation ?? ''].map(v => `"${String(v)}"`).join(','))
  }
  return `${rows.join('\r\n')}\r\n`
}
