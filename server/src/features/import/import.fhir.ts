import type { ImportProblem } from '../../../../shared/schemas/import'
import { EXAM_ID_SYSTEM, ID_NUMBER_SYSTEM, institutionExamIdSystem, LOINC } from '../../../../shared/fhir/record-bundle'
import type { ExamDraft, ItemDraft, ReadDrafts } from './import.draft'
import { bindingIssues, structureIssues } from './fhir-structure'

/**
 * Reads the exams out of a FHIR R4 Bundle (product.md: a DiagnosticReport with its Observations,
 * the resident named by the identifier of system urn:oid:2.16.156.10011.1.3). Every
 * DiagnosticReport is one exam; other resources (an exported record's conditions, visits...)
 * are passed over, so a resident's own export is taken back as it is.
 *
 * Structure is checked by @medplum/core against the R4 definitions for the bundle itself, its
 * Patients and its DiagnosticReports. Observations, forty to an exam, are checked here for the
 * elements we read (medplum costs about 0.1 ms for each, which alone would hold an import to
 * 250 exams a second); the tests hold both checks to the same verdict on every broken kind.
 */

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const asArray = (v: unknown): unknown[] => Array.isArray(v) ? v : []
const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0

/** Report statuses whose results may be shown: a preliminary report is not a result yet. */
const finalStatuses = new Set(['final', 'amended', 'corrected', 'appended'])

/** v3 ObservationInterpretation codes as our three readings. */
const interpretations: Readonly<Record<string, ItemDraft['interpretation']>> = {
  'N': 'normal', 'NEG': 'normal', 'ND': 'normal',
  'H': 'abnormal', 'L': 'abnormal', 'A': 'abnormal', 'POS': 'abnormal', 'DET': 'abnormal', 'HU': 'abnormal', 'LU': 'abnormal', 'IND': 'abnormal',
  'HH': 'critical', 'LL': 'critical', 'AA': 'critical',
}

/** A FHIR date or dateTime as the day it names in China (UTC+8, no daylight saving). */
export function shanghaiDayOf(value: unknown): string | null {
  if (typeof value !== 'string')
    return null
  if (/^\d{4}-\d{2}-\d{2}$/.test(value))
    return value
  const withZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(value)
  if (withZone === null)
    return null
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : new Date(ms + 8 * 3600_000).toISOString().slice(0, 10)
}

function humanName(patient: Json): string {
  for (const name of asArray(patient.name)) {
    if (!isObject(name))
      continue
    if (isString(name.text))
      return name.text.trim()
    const given = asArray(name.given).filter(isString).join('')
    // a Chinese name is the family name followed by the given name, with no space between
    const family = isString(name.family) ? name.family : ''
    if (family + given !== '')
      return (family + given).trim()
  }
  return ''
}

/**
 * The exam's own id: the identifier in the system our export writes for this institution, else
 * the first the institution gave, else (a bundle we wrote ourselves) our exam id.
 */
function externalIdOf(report: Json, institutionId: string): string | null {
  const identifiers = asArray(report.identifier).filter(isObject).filter(i => isString(i.value))
  const pick = identifiers.find(i => i.system === institutionExamIdSystem(institutionId))
    ?? identifiers.find(i => i.system !== EXAM_ID_SYSTEM)
    ?? identifiers[0]
  return pick === undefined ? null : String(pick.value).trim()
}

function numberOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

/** The elements of an R4 Observation (http://hl7.org/fhir/R4/observation.html), for what medplum calls an additional property. */
const observationElements: ReadonlySet<string> = new Set([
  'resourceType', 'id', 'meta', 'implicitRules', 'language', 'text', 'contained', 'extension', 'modifierExtension',
  'identifier', 'basedOn', 'partOf', 'status', 'category', 'code', 'subject', 'focus', 'encounter',
  'effectiveDateTime', 'effectivePeriod', 'effectiveTiming', 'effectiveInstant', 'issued', 'performer',
  'valueQuantity', 'valueCodeableConcept', 'valueString', 'valueBoolean', 'valueInteger', 'valueRange', 'valueRatio',
  'valueSampledData', 'valueTime', 'valueDateTime', 'valuePeriod', 'dataAbsentReason', 'interpretation', 'note',
  'bodySite', 'method', 'specimen', 'device', 'referenceRange', 'hasMember', 'derivedFrom', 'component',
])
const quantityElements: ReadonlySet<string> = new Set(['id', 'extension', 'value', 'comparator', 'unit', 'system', 'code'])
/** FHIR R4 dateTime: a year, a month or a day, or an instant with its zone. */
const fhirDateTime = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00)))?)?)?$/

const valueElements = ['valueQuantity', 'valueString', 'valueCodeableConcept', 'valueBoolean', 'valueInteger', 'valueRange', 'valueRatio', 'valueSampledData', 'valueTime', 'valueDateTime', 'valuePeriod']

/** A problem at `field` under `path`; a plain function, not a closure per Observation (tsx names every closure it makes). */
function problemAt(row: number, path: string, field: string, reason: string): ImportProblem {
  return { row, field: `${path}.${field}`, reason }
}

/**
 * The elements of an Observation we read, checked as FHIR types them, and every element named
 * as R4 names them: medplum refuses an unknown element, and so must this check (the tests hold
 * both to one verdict).
 */
function observationProblems(obs: Json, path: string, row: number): ImportProblem[] {
  const problems: ImportProblem[] = []
  for (const key of Object.keys(obs)) {
    // `_status` and the like carry a primitive's id and extensions
    if (!observationElements.has(key.startsWith('_') ? key.slice(1) : key))
      problems.push(problemAt(row, path, key, `Observation has no element "${key}" in FHIR R4`))
  }
  if (obs.effectiveDateTime !== undefined && (typeof obs.effectiveDateTime !== 'string' || !fhirDateTime.test(obs.effectiveDateTime)))
    problems.push(problemAt(row, path, 'effectiveDateTime', 'expected a FHIR dateTime: YYYY-MM-DD, or a date and time with its zone'))
  if (!isString(obs.status))
    problems.push(problemAt(row, path, 'status', 'Observation.status is required'))
  if (!isObject(obs.code))
    problems.push(problemAt(row, path, 'code', 'Observation.code is required'))
  else if (obs.code.coding !== undefined && !Array.isArray(obs.code.coding))
    problems.push(problemAt(row, path, 'code.coding', 'expected an array of Coding'))
  const quantity = obs.valueQuantity
  if (quantity !== undefined) {
    if (!isObject(quantity))
      problems.push(problemAt(row, path, 'valueQuantity', 'expected a Quantity'))
    else {
      for (const key of Object.keys(quantity)) {
        if (!quantityElements.has(key.startsWith('_') ? key.slice(1) : key))
          problems.push(problemAt(row, path, `valueQuantity.${key}`, `Quantity has no element "${key}" in FHIR R4`))
      }
      if (quantity.value !== undefined && numberOrNull(quantity.value) === null)
        problems.push(problemAt(row, path, 'valueQuantity.value', 'expected a number'))
      for (const key of ['unit', 'code', 'system'] as const) {
        if (quantity[key] !== undefined && typeof quantity[key] !== 'string')
          problems.push(problemAt(row, path, `valueQuantity.${key}`, 'expected a string'))
      }
    }
  }
  if (obs.valueString !== undefined && typeof obs.valueString !== 'string')
    problems.push(problemAt(row, path, 'valueString', 'expected a string'))
  const values = valueElements.filter(k => obs[k] !== undefined)
  if (values.length > 1)
    problems.push(problemAt(row, path, values[1]!, 'an Observation has one value[x] at most'))
  if (values.length > 0 && obs.dataAbsentReason !== undefined)
    problems.push(problemAt(row, path, 'dataAbsentReason', 'dataAbsentReason only when there is no value (obs-6)'))
  for (const [i, range] of asArray(obs.referenceRange).entries()) {
    if (!isObject(range)) {
      problems.push(problemAt(row, path, `referenceRange[${i}]`, 'expected a reference range'))
      continue
    }
    for (const side of ['low', 'high'] as const) {
      const limit = range[side]
      if (limit !== undefined && (!isObject(limit) || (limit.value !== undefined && numberOrNull(limit.value) === null)))
        problems.push(problemAt(row, path, `referenceRange[${i}].${side}.value`, 'expected a number'))
    }
  }
  if (obs.referenceRange !== undefined && !Array.isArray(obs.referenceRange))
    problems.push(problemAt(row, path, 'referenceRange', 'expected an array'))
  if (obs.interpretation !== undefined && !Array.isArray(obs.interpretation))
    problems.push(problemAt(row, path, 'interpretation', 'expected an array of CodeableConcept'))
  return problems
}

function rangeLimit(range: Json | undefined, side: 'low' | 'high'): number | null {
  const limit = range?.[side]
  return isObject(limit) ? numberOrNull(limit.value) : null
}

function itemOf(obs: Json, path: string, row: number, problems: ImportProblem[]): ItemDraft | null {
  const codings = isObject(obs.code) ? asArray(obs.code.coding).filter(isObject) : []
  const coding = codings.find(c => c.system === LOINC && isString(c.code)) ?? codings.find(c => isString(c.code))
  if (coding === undefined) {
    problems.push({ row, field: `${path}.code.coding`, reason: 'no LOINC code (http://loinc.org) for this item' })
    return null
  }
  if (!finalStatuses.has(String(obs.status))) {
    problems.push({ row, field: `${path}.status`, reason: `status ${String(obs.status)}: only final results are imported` })
    return null
  }
  let value: number | null = null
  let valueText: string | null = null
  let unit: string | null = null
  if (isObject(obs.valueQuantity)) {
    value = numberOrNull(obs.valueQuantity.value)
    const printed = obs.valueQuantity.unit ?? obs.valueQuantity.code
    unit = isString(printed) ? printed : null
  }
  else if (typeof obs.valueString === 'string') {
    valueText = obs.valueString
  }
  else if (isObject(obs.valueCodeableConcept)) {
    const concept = obs.valueCodeableConcept
    const text = isString(concept.text) ? concept.text : asArray(concept.coding).filter(isObject).map(c => c.display).find(isString)
    valueText = text ?? null
  }
  if (value === null && (valueText === null || valueText.trim() === '')) {
    problems.push({ row, field: `${path}.value[x]`, reason: 'no value: a quantity or a text conclusion is needed' })
    return null
  }
  const range = asArray(obs.referenceRange).find(isObject)
  const interpretationCode = asArray(obs.interpretation).filter(isObject)
    .flatMap(c => asArray(c.coding)).filter(isObject).map(c => c.code).find(isString)
  return {
    row,
    at: path,
    code: String(coding.code).trim(),
    value,
    valueText: valueText?.trim() ?? null,
    unit,
    refLow: rangeLimit(range, 'low'),
    refHigh: rangeLimit(range, 'high'),
    interpretation: interpretationCode === undefined ? null : interpretations[interpretationCode] ?? null,
  }
}

/**
 * The structure issues of one resource (medplum), and for a Patient its required value-set
 * bindings too (the `fhir` package), as problems of the exam it belongs to. A report's one
 * required binding, its status, is held to the final ones by the reader itself.
 */
function structureProblems(resource: Json, path: string, row: number): ImportProblem[] {
  const issues = structureIssues(resource)
  if (issues.length === 0 && resource.resourceType === 'Patient')
    issues.push(...bindingIssues(resource))
  return issues.map(issue => ({
    row,
    field: issue.path === '' ? path : `${path}.${issue.path.split('.').slice(1).join('.')}`.replace(/\.$/, ''),
    reason: issue.reason,
  }))
}

/**
 * @param body the parsed JSON of the request
 * @param institutionId the institution whose key posted it (whose exam ids these are)
 */
export function readFhirExams(body: unknown, institutionId: string): ReadDrafts {
  if (!isObject(body) || body.resourceType !== 'Bundle')
    return { drafts: [], problems: [{ row: null, field: 'resourceType', reason: 'expected a FHIR R4 Bundle' }] }
  const entries = asArray(body.entry)
  // the envelope alone: each resource is checked on its own below, where a problem belongs to one exam
  const envelopeProblems: ImportProblem[] = structureProblems({ ...body, entry: undefined }, 'Bundle', 0).map(p => ({ ...p, row: null }))
  if (body.entry !== undefined && !Array.isArray(body.entry))
    envelopeProblems.push({ row: null, field: 'Bundle.entry', reason: 'expected an array of entries' })
  const bad = entries.findIndex(e => !isObject(e) || !isObject(e.resource))
  if (bad >= 0)
    envelopeProblems.push({ row: bad, field: `entry[${bad}].resource`, reason: 'each entry carries a resource' })
  if (envelopeProblems.length > 0)
    return { drafts: [], problems: envelopeProblems }

  const byReference = new Map<string, { resource: Json, index: number }>()
  for (const [index, entry] of entries.entries()) {
    const resource = isObject(entry) && isObject(entry.resource) ? entry.resource : null
    if (resource === null)
      continue
    const found = { resource, index }
    if (isString((entry as Json).fullUrl))
      byReference.set((entry as Json).fullUrl as string, found)
    if (isString(resource.resourceType) && isString(resource.id)) {
      byReference.set(`${resource.resourceType}/${resource.id}`, found)
      if (isString((entry as Json).fullUrl) && ((entry as Json).fullUrl as string).endsWith(`${resource.resourceType}/${resource.id}`))
        byReference.set(((entry as Json).fullUrl as string), found)
    }
  }
  const resolve = (reference: unknown) => isObject(reference) && isString(reference.reference) ? byReference.get(reference.reference) ?? null : null

  const drafts: ExamDraft[] = []
  for (const [index, entry] of entries.entries()) {
    const report = isObject(entry) && isObject(entry.resource) && entry.resource.resourceType === 'DiagnosticReport' ? entry.resource : null
    if (report === null)
      continue
    const path = `entry[${index}].resource`
    // its results are each checked below (an Observation of this bundle): medplum would only see
    // forty references, at a third of its cost for the report
    const { result: _results, ...reportItself } = report
    const problems = structureProblems(reportItself, path, index)
    if (report.result !== undefined && !Array.isArray(report.result))
      problems.push({ row: index, field: `${path}.result`, reason: 'expected an array of references' })
    const externalId = externalIdOf(report, institutionId)
    if (externalId === null)
      problems.push({ row: index, field: `${path}.identifier`, reason: 'the exam needs the institution\'s own id as an identifier' })
    if (!finalStatuses.has(String(report.status)))
      problems.push({ row: index, field: `${path}.status`, reason: `status ${String(report.status)}: only a final report is imported` })
    const date = shanghaiDayOf(report.effectiveDateTime) ?? (isObject(report.effectivePeriod) ? shanghaiDayOf(report.effectivePeriod.start) : null)
    if (date === null)
      problems.push({ row: index, field: `${path}.effectiveDateTime`, reason: 'the exam date is required (a date, or a dateTime with its time zone)' })

    const subject = { idNumber: '', name: '', birthDate: '' }
    const patient = resolve(report.subject)
    const logicalId = isObject(report.subject) && isObject(report.subject.identifier) ? report.subject.identifier : null
    if (patient !== null && patient.resource.resourceType === 'Patient') {
      const patientPath = `entry[${patient.index}].resource`
      problems.push(...structureProblems(patient.resource, patientPath, patient.index))
      const id = asArray(patient.resource.identifier).filter(isObject).find(i => i.system === ID_NUMBER_SYSTEM && isString(i.value))
      if (id === undefined)
        problems.push({ row: patient.index, field: `${patientPath}.identifier`, reason: `the resident's ID number is needed, as an identifier of system ${ID_NUMBER_SYSTEM}` })
      subject.idNumber = id === undefined ? '' : String(id.value).trim().toUpperCase()
      subject.name = humanName(patient.resource)
      subject.birthDate = typeof patient.resource.birthDate === 'string' ? patient.resource.birthDate : ''
    }
    else if (logicalId !== null && logicalId.system === ID_NUMBER_SYSTEM && isString(logicalId.value)) {
      subject.idNumber = logicalId.value.trim().toUpperCase()
      subject.name = isObject(report.subject) && isString(report.subject.display) ? report.subject.display.trim() : ''
      problems.push({ row: index, field: `${path}.subject`, reason: 'a Patient resource with name and birth date is needed: the ID number alone cannot match a resident safely' })
    }
    else {
      problems.push({ row: index, field: `${path}.subject`, reason: 'the subject must reference a Patient in this bundle' })
    }

    const items: ItemDraft[] = []
    for (const [i, reference] of asArray(report.result).entries()) {
      const found = resolve(reference)
      if (found === null || found.resource.resourceType !== 'Observation') {
        problems.push({ row: index, field: `${path}.result[${i}]`, reason: 'references no Observation in this bundle' })
        continue
      }
      const obsPath = `entry[${found.index}].resource`
      const obsProblems = observationProblems(found.resource, obsPath, found.index)
      problems.push(...obsProblems)
      if (obsProblems.length === 0) {
        const item = itemOf(found.resource, obsPath, found.index, problems)
        if (item !== null)
          items.push(item)
      }
    }
    if (asArray(report.result).length === 0)
      problems.push({ row: index, field: `${path}.result`, reason: 'an exam with no results' })
    drafts.push({ row: index, externalId, subject, date: date ?? '', items, problems })
  }
  if (drafts.length === 0)
    return { drafts, problems: [{ row: null, field: 'entry', reason: 'no DiagnosticReport in the bundle: each exam is one DiagnosticReport with its Observations' }] }
  return { drafts, problems: [] }
}
