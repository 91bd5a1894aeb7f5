import type { ExamFlag } from '../clinical/exam-items'
import { examItemsByCode, valueReference } from '../clinical/exam-items'
import { ageOn } from '../dates'

/**
 * A resident's whole record as an HL7 FHIR R4 `Bundle` (product.md capability 10, PIPL art. 45):
 * plain rows in, a `collection` Bundle out. Pure, so the exam import can read the same shapes
 * back. Only the few FHIR shapes we write are declared here; the `fhir` typings are not a
 * dependency.
 */

/** Where our resources live: `fullUrl` is `<base><Type>/<id>`, and references are `<Type>/<id>`. */
export const FHIR_BASE = 'https://kangban.local/fhir/'
/** 居民身份证号, the OID WS/T 500 uses for it (product.md, import API). */
export const ID_NUMBER_SYSTEM = 'urn:oid:2.16.156.10011.1.3'
/** Our exam id, the DiagnosticReport's identifier. */
export const EXAM_ID_SYSTEM = `${FHIR_BASE}NamingSystem/exam-id`
/** The institution's own exam id, as it was imported (keyed by institution). */
export const institutionExamIdSystem = (institutionId: string) => `${FHIR_BASE}NamingSystem/institution/${institutionId}/exam-id`
export const CONDITION_CODE_SYSTEM = `${FHIR_BASE}CodeSystem/condition`
export const QUESTIONNAIRE_CODE_SYSTEM = `${FHIR_BASE}CodeSystem/questionnaire`
export const LOINC = 'http://loinc.org'
export const UCUM = 'http://unitsofmeasure.org'
export const INTERPRETATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation'
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category'
const CVX = 'http://hl7.org/fhir/sid/cvx'

export interface FhirCoding { system?: string, code?: string, display?: string }
export interface FhirCodeableConcept { coding?: FhirCoding[], text?: string }
export interface FhirReference { reference: string, display?: string }
export interface FhirIdentifier { system: string, value: string }
export interface FhirQuantity { value: number, unit?: string, system?: string, code?: string }
export interface FhirResource { resourceType: string, id: string, [field: string]: unknown }
export interface FhirBundleEntry { fullUrl: string, resource: FhirResource, [field: string]: unknown }
export interface FhirBundle {
  resourceType: 'Bundle'
  type: 'collection'
  timestamp: string
  entry: FhirBundleEntry[]
  [field: string]: unknown
}

export type ExamItemFlag = ExamFlag
export type Interpretation = 'N' | 'H' | 'L' | 'HH' | 'LL' | 'AA' | 'A'

export interface RecordInstitution { id: string, name: string, phone: string | null, address: string | null }
export interface RecordExamItem { code: string, value: number | null, valueText: string | null, unit: string | null, refLow: number | null, refHigh: number | null, flag: ExamItemFlag }

/** The rows of one record, as the database keeps them. */
export interface RecordInput {
  /** when the export was made, an instant */
  generatedAt: string
  patient: {
    id: string
    name: string
    sex: 'male' | 'female'
    birthDate: string
    idNumber: string
    phone: string | null
    township: string
    address: string
    status: 'active' | 'moved-away' | 'deceased'
    statusSince: string | null
  }
  institutions: readonly RecordInstitution[]
  conditions: readonly { id: string, code: string, name: string, diagnosedOn: string | null }[]
  allergies: readonly { id: string, substance: string, reaction: string | null, recordedOn: string | null }[]
  encounters: readonly { id: string, date: string, kind: 'outpatient' | 'inpatient' | 'emergency', institutionId: string, department: string, diagnosis: string }[]
  immunizations: readonly { id: string, date: string, vaccine: string, institutionId: string | null, selfReported: boolean }[]
  medications: readonly { id: string, name: string, dose: string, frequency: string, startedOn: string, stoppedOn: string | null }[]
  followups: readonly { id: string, date: string, programme: string, sbp: number | null, dbp: number | null, fastingGlucose: number | null }[]
  questionnaires: readonly { id: string, questionnaire: 'copd-sq' | 'crc-high-risk', takenOn: string, score: number | null, result: 'positive' | 'negative' }[]
  /** exams with their items; one under review is left out whatever it carries (seed 001: results open after review) */
  exams: readonly {
    id: number
    externalId: string | null
    institutionId: string
    date: string
    status: 'pending-review' | 'released' | 'retracted'
    releasedOn: string | null
    releaseComment: string | null
    items: readonly RecordExamItem[]
  }[]
}

const reference = (type: string, id: string): FhirReference => ({ reference: `${type}/${id}` })
const concept = (text: string, ...coding: FhirCoding[]): FhirCodeableConcept => coding.length > 0 ? { coding, text } : { text }
const category = (code: string): FhirCodeableConcept[] => [{ coding: [{ system: OBSERVATION_CATEGORY, code }] }]

/** The catalogue's units as UCUM codes; a unit not listed keeps its printed form only. */
const ucumCodes: Readonly<Record<string, string>> = {
  '%': '%',
  '10¹²/L': '10*12/L',
  '10⁹/L': '10*9/L',
  'U/L': 'U/L',
  'cm': 'cm',
  'g/L': 'g/L',
  'kg': 'kg',
  'kg/m²': 'kg/m2',
  'mmHg': 'mm[Hg]',
  'mmol/L': 'mmol/L',
  'ng/mL': 'ng/mL',
  'µmol/L': 'umol/L',
  '℃': 'Cel',
  '次/分': '/min',
}

/** A value with its printed unit and, when we know it, the UCUM code. */
export function quantity(value: number, unit: string | null): FhirQuantity {
  if (unit === null)
    return { value }
  const code = ucumCodes[unit]
  return code === undefined ? { value, unit } : { value, unit, system: UCUM, code }
}

/**
 * The v3 interpretation of a stored flag. `critical` says no direction, so it is read from the
 * value against the range (HH above, LL below), else AA. A text item's abnormal conclusion is
 * stored as `high` (shared/clinical/exam-items.ts flagExamText) and is `A`, not "high".
 */
export function interpretationOf(flag: ExamItemFlag, value: number | null, refLow: number | null, refHigh: number | null): Interpretation {
  if (flag === 'normal')
    return 'N'
  if (value === null)
    return flag === 'critical' ? 'AA' : 'A'
  if (flag === 'high')
    return 'H'
  if (flag === 'low')
    return 'L'
  if (refHigh !== null && value > refHigh)
    return 'HH'
  if (refLow !== null && value < refLow)
    return 'LL'
  return 'AA'
}

const interpretationDisplay: Record<Interpretation, string> = { N: 'Normal', H: 'High', L: 'Low', HH: 'Critical high', LL: 'Critical low', AA: 'Critical abnormal', A: 'Abnormal' }

const vaccines: Readonly<Record<string, { zh: string, cvx?: string }>> = {
  'influenza': { zh: '流感疫苗', cvx: '88' },
  'pneumococcal': { zh: '肺炎球菌疫苗', cvx: '109' },
  'covid-19': { zh: '新冠疫苗', cvx: '213' },
  'hepatitis-b': { zh: '乙肝疫苗', cvx: '45' },
  'mmr': { zh: '麻腮风疫苗', cvx: '03' },
  'dtap': { zh: '百白破疫苗', cvx: '107' },
  'other': { zh: '其他疫苗' },
}

const encounterClass = {
  outpatient: { code: 'AMB', display: 'ambulatory' },
  inpatient: { code: 'IMP', display: 'inpatient encounter' },
  emergency: { code: 'EMER', display: 'emergency' },
} as const

const questionnaireNames = { 'copd-sq': '慢阻肺筛查问卷（COPD-SQ）', 'crc-high-risk': '结直肠癌高危因素问卷' } as const

/** The `fullUrl` of a resource of ours. */
export const fullUrlOf = (type: string, id: string) => `${FHIR_BASE}${type}/${id}`

/** The id of an exam item's Observation: stable across exports, unique in the bundle. */
export const examObservationId = (examId: number, code: string) => `exam-${examId}-${code}`

/** A FHIR `instant` for a day in Asia/Shanghai: its start. */
const instantOfDay = (date: string) => `${date}T00:00:00+08:00`

function patientOf(p: RecordInput['patient']): FhirResource {
  return {
    resourceType: 'Patient',
    id: p.id,
    // her own data in full (PIPL art. 45): the mask is for others' screens
    identifier: [{ system: ID_NUMBER_SYSTEM, value: p.idNumber }],
    name: [{ text: p.name }],
    gender: p.sex,
    birthDate: p.birthDate,
    ...(p.phone === null ? {} : { telecom: [{ system: 'phone', value: p.phone, use: 'mobile' }] }),
    address: [{ text: p.address, line: [p.address], city: p.township, country: 'CN' }],
    ...(p.status === 'deceased' ? (p.statusSince === null ? { deceasedBoolean: true } : { deceasedDateTime: p.statusSince }) : {}),
  }
}

function organizationOf(i: RecordInstitution): FhirResource {
  return {
    resourceType: 'Organization',
    id: i.id,
    name: i.name,
    ...(i.phone === null ? {} : { telecom: [{ system: 'phone', value: i.phone }] }),
    ...(i.address === null ? {} : { address: [{ text: i.address }] }),
  }
}

/** Builds the Bundle. Resources appear Patient first, then by kind, each kind in input order. */
export function recordBundle(input: RecordInput): FhirBundle {
  const patient = reference('Patient', input.patient.id)
  const resources: FhirResource[] = [patientOf(input.patient)]
  const organizations = new Map(input.institutions.map(i => [i.id, i]))
  const usedOrganizations = new Set<string>()
  const organization = (id: string): FhirReference => {
    usedOrganizations.add(id)
    const found = organizations.get(id)
    return found === undefined ? reference('Organization', id) : { ...reference('Organization', id), display: found.name }
  }

  for (const c of input.conditions) {
    resources.push({
      resourceType: 'Condition',
      id: c.id,
      // the record keeps no resolution date, so every recorded condition is active
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] }],
      code: concept(c.name, { system: CONDITION_CODE_SYSTEM, code: c.code, display: c.name }),
      subject: patient,
      ...(c.diagnosedOn === null ? {} : { onsetDateTime: c.diagnosedOn }),
    })
  }

  for (const a of input.allergies) {
    resources.push({
      resourceType: 'AllergyIntolerance',
      id: a.id,
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
      code: concept(a.substance),
      patient,
      ...(a.recordedOn === null ? {} : { recordedDate: a.recordedOn }),
      ...(a.reaction === null ? {} : { reaction: [{ manifestation: [concept(a.reaction)] }] }),
    })
  }

  for (const e of input.encounters) {
    resources.push({
      resourceType: 'Encounter',
      id: e.id,
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', ...encounterClass[e.kind] },
      serviceType: concept(e.department),
      subject: patient,
      period: { start: e.date },
      reasonCode: [concept(e.diagnosis)],
      serviceProvider: organization(e.institutionId),
    })
  }

  for (const i of input.immunizations) {
    const vaccine = vaccines[i.vaccine] ?? { zh: i.vaccine }
    resources.push({
      resourceType: 'Immunization',
      id: i.id,
      status: 'completed',
      vaccineCode: vaccine.cvx === undefined ? concept(vaccine.zh) : concept(vaccine.zh, { system: CVX, code: vaccine.cvx }),
      patient,
      occurrenceDateTime: i.date,
      // told by the resident, not recorded by whoever gave it
      primarySource: !i.selfReported,
      ...(i.institutionId === null ? {} : { performer: [{ actor: organization(i.institutionId) }] }),
    })
  }

  for (const m of input.medications) {
    resources.push({
      resourceType: 'MedicationStatement',
      id: m.id,
      status: m.stoppedOn === null ? 'active' : 'completed',
      medicationCodeableConcept: concept(m.name),
      subject: patient,
      effectivePeriod: m.stoppedOn === null ? { start: m.startedOn } : { start: m.startedOn, end: m.stoppedOn },
      dosage: [{ text: `${m.dose}，${m.frequency}` }],
    })
  }

  for (const f of input.followups) {
    if (f.sbp !== null || f.dbp !== null) {
      const component = [
        ...(f.sbp === null ? [] : [{ code: concept('收缩压', { system: LOINC, code: '8480-6', display: 'Systolic blood pressure' }), valueQuantity: quantity(f.sbp, 'mmHg') }]),
        ...(f.dbp === null ? [] : [{ code: concept('舒张压', { system: LOINC, code: '8462-4', display: 'Diastolic blood pressure' }), valueQuantity: quantity(f.dbp, 'mmHg') }]),
      ]
      resources.push({
        resourceType: 'Observation',
        id: `followup-${f.id}-bp`,
        status: 'final',
        category: category('vital-signs'),
        code: concept('血压（慢病随访）', { system: LOINC, code: '85354-9', display: 'Blood pressure panel with all children optional' }),
        subject: patient,
        effectiveDateTime: f.date,
        component,
      })
    }
    if (f.fastingGlucose !== null) {
      resources.push({
        resourceType: 'Observation',
        id: `followup-${f.id}-glucose`,
        status: 'final',
        category: category('laboratory'),
        code: concept('空腹血糖（慢病随访）', { system: LOINC, code: '14771-0', display: 'Fasting glucose [Moles/volume] in Serum or Plasma' }),
        subject: patient,
        effectiveDateTime: f.date,
        valueQuantity: quantity(f.fastingGlucose, 'mmol/L'),
      })
    }
  }

  // A questionnaire is exported as an Observation of its score and result: that is what the
  // record and the reminder engine use, and a QuestionnaireResponse would need a published
  // Questionnaire whose linkIds no other system knows.
  for (const q of input.questionnaires) {
    const positive = q.result === 'positive'
    resources.push({
      resourceType: 'Observation',
      id: `questionnaire-${q.id}`,
      status: 'final',
      category: category('survey'),
      code: concept(questionnaireNames[q.questionnaire], { system: QUESTIONNAIRE_CODE_SYSTEM, code: q.questionnaire }),
      subject: patient,
      effectiveDateTime: q.takenOn,
      ...(q.score === null ? {} : { valueInteger: q.score }),
      interpretation: [concept(positive ? '阳性' : '阴性', { system: INTERPRETATION_SYSTEM, code: positive ? 'POS' : 'NEG', display: positive ? 'Positive' : 'Negative' })],
    })
  }

  for (const exam of input.exams) {
    if (exam.status !== 'released' || exam.releasedOn === null)
      continue
    const issued = instantOfDay(exam.releasedOn)
    const performer = [organization(exam.institutionId)]
    const subject = { sex: input.patient.sex, age: ageOn(input.patient.birthDate, exam.date) }
    const seen = new Set<string>()
    const results: FhirReference[] = []
    for (const item of exam.items) {
      const id = examObservationId(exam.id, item.code)
      if (seen.has(id))
        continue
      seen.add(id)
      const catalogued = examItemsByCode.get(item.code)
      const { unit, refLow, refHigh } = valueReference(item.code, item, subject)
      const interpretation = interpretationOf(item.flag, item.value, refLow, refHigh)
      const range = refLow === null && refHigh === null
        ? {}
        : { referenceRange: [{ ...(refLow === null ? {} : { low: quantity(refLow, unit) }), ...(refHigh === null ? {} : { high: quantity(refHigh, unit) }) }] }
      const value = item.value !== null
        ? { valueQuantity: quantity(item.value, unit) }
        : item.valueText !== null
          ? { valueString: item.valueText }
          : { dataAbsentReason: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'unknown' }] } }
      resources.push({
        resourceType: 'Observation',
        id,
        status: 'final',
        category: category(catalogued?.group === 'physical' ? 'vital-signs' : catalogued?.group === 'imaging' ? 'imaging' : 'laboratory'),
        code: catalogued === undefined
          ? { coding: [{ system: LOINC, code: item.code }] }
          : concept(catalogued.zh, { system: LOINC, code: item.code, display: catalogued.en }),
        subject: patient,
        effectiveDateTime: exam.date,
        issued,
        performer,
        ...value,
        interpretation: [{ coding: [{ system: INTERPRETATION_SYSTEM, code: interpretation, display: interpretationDisplay[interpretation] }] }],
        ...(item.value === null ? {} : range),
      })
      results.push(reference('Observation', id))
    }
    resources.push({
      resourceType: 'DiagnosticReport',
      id: `exam-${exam.id}`,
      identifier: [
        { system: EXAM_ID_SYSTEM, value: String(exam.id) },
        ...(exam.externalId === null ? [] : [{ system: institutionExamIdSystem(exam.institutionId), value: exam.externalId }]),
      ],
      status: 'final',
      code: concept('健康体检'),
      subject: patient,
      effectiveDateTime: exam.date,
      issued,
      performer,
      result: results,
      ...(exam.releaseComment === null ? {} : { conclusion: exam.releaseComment }),
    })
  }

  for (const id of usedOrganizations) {
    const found = organizations.get(id)
    resources.push(organizationOf(found ?? { id, name: id, phone: null, address: null }))
  }

  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: input.generatedAt,
    entry: resources.map(resource => ({ fullUrl: fullUrlOf(resource.resourceType, resource.id), resource })),
  }
}
