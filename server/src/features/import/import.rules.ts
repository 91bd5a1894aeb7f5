import { createHash } from 'node:crypto'
import type { ExamFlag, ExamItem, Subject } from '../../../../shared/clinical/exam-items'
import { defaultRange, examItemsByCode, examItemsByKey, flagExamText, flagExamValue, isCritical } from '../../../../shared/clinical/exam-items'
import { implausibleReason } from '../../../../shared/clinical/exam-plausible'
import { convertToCatalogueUnit, normalizeUnit } from '../../../../shared/clinical/exam-units'
import { isIsoDate } from '../../../../shared/iso-date'
import { isValidIdNumber } from '../../../../shared/residents/id-number'
import type { ImportProblem } from '../../../../shared/schemas/import'
import { ExternalExamIdSchema } from '../../../../shared/schemas/import'
import type { ExamDraft, ItemDraft } from './import.draft'

/**
 * Our own rules on an exam read from either format (issue 5 point 2): codes in the catalogue,
 * units convertible to the catalogue's, values that can be measured at all, dates that make
 * sense. What passes is in catalogue units, ready to be flagged for the resident it is matched to.
 */

export type ImportFormat = 'csv' | 'fhir'
const MAX_ITEMS = 200

/** One item in the catalogue's unit; the range as printed (converted), null sides when none. */
export interface CheckedItem {
  code: string
  value: number | null
  valueText: string | null
  refLow: number | null
  refHigh: number | null
  interpretation: ItemDraft['interpretation']
}

export interface CheckedExam {
  row: number
  externalId: string
  subject: { idNumber: string, name: string, birthDate: string }
  date: string
  items: CheckedItem[]
  /** SHA-256 of what makes the exam what it is: the same again is `unchanged` */
  contentHash: string
}

/** Where a problem is named: a CSV column, or the FHIR path the reader recorded. */
function fieldsOf(format: ImportFormat, draft: ExamDraft) {
  const report = `entry[${draft.row}].resource`
  return format === 'csv'
    ? { externalId: 'exam_id', idNumber: 'id_number', name: 'name', birthDate: 'birth_date', date: 'exam_date', code: () => 'item_code', value: () => 'value', unit: () => 'unit', range: () => 'ref_low' }
    : {
        externalId: `${report}.identifier`,
        idNumber: `${report}.subject`,
        name: `${report}.subject`,
        birthDate: `${report}.subject`,
        date: `${report}.effectiveDateTime`,
        code: (item: ItemDraft) => `${item.at}.code`,
        value: (item: ItemDraft) => `${item.at}.value[x]`,
        unit: (item: ItemDraft) => `${item.at}.valueQuantity.unit`,
        range: (item: ItemDraft) => `${item.at}.referenceRange`,
      }
}

const round = (value: number) => Math.round(value * 1e6) / 1e6

function contentHashOf(exam: Omit<CheckedExam, 'contentHash' | 'row'>): string {
  const items = [...exam.items].sort((a, b) => a.code < b.code ? -1 : 1).map(i => [i.code, i.value, i.valueText, i.refLow, i.refHigh, i.interpretation])
  return createHash('sha256').update(JSON.stringify([exam.externalId, exam.subject.idNumber, exam.date, items])).digest('base64url')
}

/**
 * Checks one exam. Problems already found while reading stay; any problem rejects the exam whole.
 * @param today the import's day in Asia/Shanghai: an exam cannot be later
 */
export function checkExam(draft: ExamDraft, format: ImportFormat, today: string): { exam: CheckedExam | null, problems: ImportProblem[] } {
  const fields = fieldsOf(format, draft)
  const problems: ImportProblem[] = [...draft.problems]
  // a field the reader named already (a subject it could not find, a date it could not read) is
  // not named again with a reason that only follows from the first
  const named = new Set(draft.problems.map(p => `${p.row} ${p.field}`))
  const wrong = (row: number, field: string, reason: string) => {
    if (!named.has(`${row} ${field}`))
      problems.push({ row, field, reason })
  }

  const externalId = ExternalExamIdSchema.safeParse(draft.externalId ?? '')
  if (draft.externalId !== null && !externalId.success)
    wrong(draft.row, fields.externalId, externalId.error.issues[0]!.message)
  const { subject } = draft
  if (!isValidIdNumber(subject.idNumber))
    wrong(draft.row, fields.idNumber, `${subject.idNumber === '' ? 'the ID number is missing' : 'not a valid 18-character ID number'} (居民身份证号, with its check character)`)
  if (subject.name.trim() === '')
    wrong(draft.row, fields.name, 'the resident\'s name is needed to match her safely')
  if (!isIsoDate(subject.birthDate))
    wrong(draft.row, fields.birthDate, 'the birth date (YYYY-MM-DD) is needed to match the resident safely')
  // a date that is not one is compared with nothing
  if (!isIsoDate(draft.date))
    wrong(draft.row, fields.date, draft.date === '' ? 'the exam date is required' : 'expected a date YYYY-MM-DD that exists')
  else if (draft.date > today)
    wrong(draft.row, fields.date, `${draft.date} is after today (${today})`)
  else if (isIsoDate(subject.birthDate) && draft.date < subject.birthDate)
    wrong(draft.row, fields.date, `${draft.date} is before the resident's birth (${subject.birthDate})`)
  if (draft.items.length > MAX_ITEMS)
    wrong(draft.row, fields.code(draft.items[MAX_ITEMS]!), `more than ${MAX_ITEMS} items in one exam`)

  const items: CheckedItem[] = []
  const seen = new Map<string, number>()
  for (const item of draft.items) {
    const catalogued = examItemsByCode.get(item.code) ?? examItemsByKey.get(item.code)
    if (catalogued === undefined) {
      wrong(item.row, fields.code(item), `${item.code} is not an item of the exam catalogue (shared/clinical/exam-items.ts)`)
      continue
    }
    const earlier = seen.get(catalogued.code)
    if (earlier !== undefined) {
      wrong(item.row, fields.code(item), `${catalogued.code} ${catalogued.zh} appears twice in one exam (also at ${earlier})`)
      continue
    }
    seen.set(catalogued.code, item.row)
    const checked = checkItem(catalogued, item, (field, reason) => wrong(item.row, field === 'unit' ? fields.unit(item) : field === 'range' ? fields.range(item) : fields.value(item), reason))
    if (checked !== null)
      items.push(checked)
  }
  if (problems.length > 0 || draft.externalId === null)
    return { exam: null, problems }
  const exam = { externalId: draft.externalId, subject, date: draft.date, items }
  return { exam: { ...exam, row: draft.row, contentHash: contentHashOf(exam) }, problems }
}

function inCatalogueUnit(item: ExamItem, value: number, unit: string | null) {
  return unit === item.unit || unit === null ? { value, unit: item.unit } : convertToCatalogueUnit(item.code, value, unit)
}

function checkItem(item: ExamItem, draft: ItemDraft, wrong: (field: 'value' | 'unit' | 'range', reason: string) => void): CheckedItem | null {
  const name = `${item.code} ${item.zh}`
  if (item.kind === 'text') {
    const text = draft.valueText ?? (draft.value === null ? null : String(draft.value))
    if (text === null || text === '') {
      wrong('value', `${name} needs its conclusion as text`)
      return null
    }
    return { code: item.code, value: null, valueText: text, refLow: null, refHigh: null, interpretation: draft.interpretation }
  }
  if (draft.value === null) {
    wrong('value', `${name} expects a number, not "${draft.valueText ?? ''}"`)
    return null
  }
  const unit = draft.unit === null ? item.unit : normalizeUnit(draft.unit)
  const converted = inCatalogueUnit(item, draft.value, unit)
  if (converted === null) {
    wrong('unit', `${draft.unit} cannot be read as ${item.unit ?? 'a unit'} for ${name}`)
    return null
  }
  const implausible = implausibleReason(item.code, converted.value)
  if (implausible !== null) {
    wrong('value', implausible)
    return null
  }
  const low = draft.refLow === null ? null : inCatalogueUnit(item, draft.refLow, unit)?.value ?? null
  const high = draft.refHigh === null ? null : inCatalogueUnit(item, draft.refHigh, unit)?.value ?? null
  if (low !== null && high !== null && low > high) {
    wrong('range', `the reference range ${draft.refLow}–${draft.refHigh} runs backwards`)
    return null
  }
  return { code: item.code, value: round(converted.value), valueText: null, refLow: low === null ? null : round(low), refHigh: high === null ? null : round(high), interpretation: draft.interpretation }
}

/** An item as the database keeps it: flagged for its resident, printed range only where it differs from the catalogue's. */
export interface StoredItem {
  code: string
  value: number | null
  valueText: string | null
  flag: ExamFlag
  unit: string | null
  refLow: number | null
  refHigh: number | null
}

/**
 * Flags the items for the resident they were matched to. A printed range wins (clinical.md);
 * a range equal to the catalogue's default for her is stored as the default, so that the
 * catalogue's "< 6.1" keeps its open end. A critical reading by the report or by our limits is
 * critical; a text conclusion is read as the report reads it, else by the catalogue.
 */
export function flagItems(items: readonly CheckedItem[], subject: Subject): StoredItem[] {
  return items.map((item) => {
    const catalogued = examItemsByCode.get(item.code)!
    if (item.value === null) {
      const flag: ExamFlag = item.interpretation === 'critical'
        ? 'critical'
        : item.interpretation === null ? flagExamText(catalogued, item.valueText ?? '') : item.interpretation === 'normal' ? 'normal' : 'high'
      return { code: item.code, value: null, valueText: item.valueText, flag, unit: null, refLow: null, refHigh: null }
    }
    const fallback = defaultRange(catalogued, subject)
    const printed = item.refLow === null && item.refHigh === null ? null : { low: item.refLow, high: item.refHigh }
    const isDefault = printed === null || (fallback !== null && fallback.low === printed.low && fallback.high === printed.high)
    const flag: ExamFlag = item.interpretation === 'critical' || isCritical(catalogued.critical, item.value)
      ? 'critical'
      : flagExamValue(catalogued, item.value, subject, isDefault ? undefined : printed)
    return { code: item.code, value: item.value, valueText: null, flag, unit: null, refLow: isDefault ? null : printed.low, refHigh: isDefault ? null : printed.high }
  })
}
