import type { GlucoseTiming, MeasurementKind } from '../../../../shared/clinical/home-readings'
import { homeReadingExamCode, homeReadingLimits } from '../../../../shared/clinical/home-readings'
import type { CreateMeasurementBody, Measurement } from '../../../../shared/schemas/measurements'

/** The fields a kind of reading asks for, in the order the form shows them. */
export const fieldsOf: Record<MeasurementKind, readonly ReadingField[]> = {
  bp: ['sbp', 'dbp', 'pulse'],
  glucose: ['glucose'],
  weight: ['weightKg'],
  waist: ['waistCm'],
}
export type ReadingField = 'sbp' | 'dbp' | 'pulse' | 'glucose' | 'weightKg' | 'waistCm'

const decimalsOf: Record<ReadingField, number> = { sbp: 0, dbp: 0, pulse: 0, glucose: 1, weightKg: 1, waistCm: 1 }
const optional: ReadonlySet<ReadingField> = new Set(['pulse'])

/** What the keypad may add to a typed number: digits, and one decimal point where the field takes one. */
export function typeKey(current: string, key: string, field: ReadingField): string {
  if (key === 'delete')
    return current.slice(0, -1)
  if (key === '.') {
    if (decimalsOf[field] === 0 || current.includes('.'))
      return current
    return current === '' ? '0.' : `${current}.`
  }
  if (!/^\d$/.test(key))
    return current
  const [whole = '', fraction] = current.split('.')
  if (fraction !== undefined && fraction.length >= decimalsOf[field])
    return current
  if (fraction === undefined && whole.length >= 3)
    return current
  return current === '0' ? key : current + key
}

export type FieldProblem = { field: ReadingField, problem: 'required' | 'range' | 'order', min?: number, max?: number }

/**
 * The same checks the server makes (shared/schemas/measurements.ts), before sending, so a
 * mistyped 400 is caught on the phone with the limits named; the server's answer still rules.
 */
export function checkReading(kind: MeasurementKind, typed: Partial<Record<ReadingField, string>>): FieldProblem | null {
  for (const field of fieldsOf[kind]) {
    const text = typed[field] ?? ''
    if (text === '') {
      if (optional.has(field))
        continue
      return { field, problem: 'required' }
    }
    const value = Number(text)
    const { min, max } = homeReadingLimits[field === 'glucose' ? 'glucose' : field]
    if (!Number.isFinite(value) || value < min || value > max)
      return { field, problem: 'range', min, max }
  }
  if (kind === 'bp' && Number(typed.sbp) <= Number(typed.dbp))
    return { field: 'dbp', problem: 'order' }
  return null
}

/** The request body of a checked reading. */
export function bodyOf(kind: MeasurementKind, typed: Partial<Record<ReadingField, string>>, timing: GlucoseTiming): CreateMeasurementBody {
  const n = (field: ReadingField) => Number(typed[field])
  switch (kind) {
    case 'bp':
      return { kind, sbp: n('sbp'), dbp: n('dbp'), ...(typed.pulse ? { pulse: n('pulse') } : {}) }
    case 'glucose':
      return { kind, glucose: n('glucose'), timing }
    case 'weight':
      return { kind, weightKg: n('weightKg') }
    case 'waist':
      return { kind, waistCm: n('waistCm') }
  }
}

/** A home reading as one line: "136/82 mmHg", "6.8 mmol/L", "56.2 kg". */
export function readingText(m: Pick<Measurement, 'kind' | 'sbp' | 'dbp' | 'glucose' | 'weightKg' | 'waistCm'>, locale: string): string {
  const number = (value: number | null, decimals: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value ?? 0)
  switch (m.kind) {
    case 'bp':
      return `${m.sbp}/${m.dbp} mmHg`
    case 'glucose':
      return `${number(m.glucose, 1)} mmol/L`
    case 'weight':
      return `${number(m.weightKg, 1)} kg`
    case 'waist':
      return `${number(m.waistCm, 1)} cm`
  }
}

/** One home reading as a point beside an exam item's trend. */
export interface HomeTrendPoint {
  date: string
  value: number
}

/** The home readings that sit beside exam item `code` in its trend: BP, fasting glucose, weight and waist. */
export function homeTrendPoints(measurements: readonly Measurement[], code: string): HomeTrendPoint[] {
  const value = (m: Measurement): number | null => {
    switch (code) {
      case homeReadingExamCode.sbp: return m.sbp
      case homeReadingExamCode.dbp: return m.dbp
      // an after-meal glucose is not the exam's fasting glucose
      case homeReadingExamCode.fastingGlucose: return m.timing === 'fasting' ? m.glucose : null
      case homeReadingExamCode.weightKg: return m.weightKg
      case homeReadingExamCode.waistCm: return m.waistCm
      default: return null
    }
  }
  return measurements
    .flatMap(m => (value(m) === null ? [] : [{ date: m.takenOn, value: value(m)! }]))
    .sort((a, b) => a.date.localeCompare(b.date))
}

/** The kind of home reading that feeds exam item `code`'s trend, or null. */
export function homeKindOf(code: string): MeasurementKind | null {
  switch (code) {
    case homeReadingExamCode.sbp:
    case homeReadingExamCode.dbp: return 'bp'
    case homeReadingExamCode.fastingGlucose: return 'glucose'
    case homeReadingExamCode.weightKg: return 'weight'
    case homeReadingExamCode.waistCm: return 'waist'
    default: return null
  }
}
