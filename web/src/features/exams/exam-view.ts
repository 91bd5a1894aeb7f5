import { type ExamItem, type ExamItemGroup, examItems, examItemsByCode } from '../../../../shared/clinical/exam-items'
import { criticalDirection, type PlainLine, plainLanguageLine } from '../../../../shared/clinical/exam-plain-language'
import type { DoctorExamQueueItem, ExamItemResult, ExamSummary } from '../../../../shared/schemas/exams'

type Flag = ExamItemResult['flag']

/** A catalogue item's name in the chosen language; the bare code for one the catalogue lacks. */
export function examItemName(code: string, locale: string): string {
  const item = examItemsByCode.get(code)
  if (item === undefined)
    return code
  return locale === 'en' ? item.en : item.zh
}

/**
 * The words of a flag, never only its colour (product.md capability 13). A text item (ECG,
 * ultrasound, urine strip) is stored `high` when abnormal, which reads "异常", not "偏高". A
 * critical value says which side it lies on when the value tells.
 */
export function flagWordKey(flag: Flag, code: string, value: number | null = null, refLow: number | null = null, refHigh: number | null = null): string {
  const item = examItemsByCode.get(code)
  if (flag === 'normal')
    return 'exams.flag.normal'
  if (flag === 'critical')
    return value === null || item?.kind === 'text' ? 'exams.flag.critical' : `exams.flag.critical-${criticalDirection(item, value, refLow, refHigh)}`
  if (item?.kind === 'text' || value === null)
    return 'exams.flag.abnormal'
  return `exams.flag.${flag}`
}

/** The one plain-language line of an abnormal item, in the chosen language. */
export function plainLine(result: Pick<ExamItemResult, 'code' | 'flag' | 'value' | 'refLow' | 'refHigh'>, locale: string): string | null {
  const line: PlainLine | null = plainLanguageLine(result)
  return line === null ? null : (locale === 'en' ? line.en : line.zh)
}

/** Value and unit as one string, or the text conclusion of a text item. */
export function formatMeasured(point: { value: number | null, valueText: string | null, unit: string | null }, code: string, locale: string): string {
  if (point.value === null)
    return point.valueText ?? '—'
  return [formatExamValue(point.value, code, locale), point.unit].filter(Boolean).join(' ')
}

/** Decimals a report prints for an item; two for one the catalogue lacks. */
export function decimalsOf(code: string): number {
  return examItemsByCode.get(code)?.decimals ?? 2
}

/** A measured value as the report prints it, through Intl in the chosen language. */
export function formatExamValue(value: number, code: string, locale: string): string {
  const decimals = decimalsOf(code)
  return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false }).format(value)
}

/** "3.9–6.1", "< 3.4", "≥ 1.0", or null when the report has no range. */
export function formatRange(refLow: number | null, refHigh: number | null, code: string, locale: string): string | null {
  const f = (v: number) => formatExamValue(v, code, locale)
  if (refLow !== null && refHigh !== null)
    return `${f(refLow)}–${f(refHigh)}`
  if (refHigh !== null)
    return `≤ ${f(refHigh)}`
  if (refLow !== null)
    return `≥ ${f(refLow)}`
  return null
}

export interface ExamChange {
  direction: 'up' | 'down' | 'same'
  /** the size of the change, rounded as the report prints the item, always ≥ 0 */
  amount: number
}

/**
 * The change since the previous exam, or null when there is nothing to compare: no earlier
 * value, a text item, or a different unit (a change of unit is not a change of the body).
 */
export function examChange(result: Pick<ExamItemResult, 'code' | 'value' | 'unit' | 'previous'>): ExamChange | null {
  const before = result.previous
  if (result.value === null || before === null || before.value === null || before.unit !== result.unit)
    return null
  const factor = 10 ** decimalsOf(result.code)
  const delta = Math.round((result.value - before.value) * factor) / factor
  if (delta === 0)
    return { direction: 'same', amount: 0 }
  return { direction: delta > 0 ? 'up' : 'down', amount: Math.abs(delta) }
}

export const changeArrow: Record<ExamChange['direction'], string> = { up: '↑', down: '↓', same: '→' }

/** Groups in the catalogue's order, then items the catalogue does not know. */
export type ExamGroupKey = ExamItemGroup | 'other'

export interface ExamGroup<T> {
  group: ExamGroupKey
  items: T[]
}

const catalogueOrder = new Map<string, number>(examItems.map((item, index) => [item.code, index]))
const groupOrder: ExamGroupKey[] = [...new Set<ExamGroupKey>(examItems.map(i => i.group)), 'other']

/** An exam's items by the catalogue's `group`, each group and each item in catalogue order. */
export function groupExamItems<T extends { code: string }>(items: readonly T[]): ExamGroup<T>[] {
  const byGroup = new Map<ExamGroupKey, T[]>()
  for (const result of items) {
    const item: ExamItem | undefined = examItemsByCode.get(result.code)
    const group: ExamGroupKey = item?.group ?? 'other'
    byGroup.set(group, [...(byGroup.get(group) ?? []), result])
  }
  const order = (code: string) => catalogueOrder.get(code) ?? Number.MAX_SAFE_INTEGER
  return groupOrder
    .filter(group => byGroup.has(group))
    .map(group => ({ group, items: [...byGroup.get(group)!].sort((a, b) => order(a.code) - order(b.code) || a.code.localeCompare(b.code)) }))
}

/** Whether an item has a trend to draw: a numeric catalogue item, or any item with a value. */
export function hasTrend(result: Pick<ExamItemResult, 'code' | 'value'>): boolean {
  const item = examItemsByCode.get(result.code)
  return item === undefined ? result.value !== null : item.kind === 'numeric'
}

/** The words of an exam's status, for all three (product.md capability 13: never colour alone). */
export function examStatusKey(status: ExamSummary['status']): string {
  return `exams.status.${status}`
}

export interface ExamSummaryWords {
  key: string
  params: Record<string, number>
  /** the colour class; the words carry the meaning on their own */
  tone: 'pending' | 'normal' | 'abnormal' | 'critical' | 'retracted'
  /** a mark beside the words for the eye that does not tell colours apart; null for none */
  mark: string | null
}

/**
 * What an exam in the list says of itself: withdrawn, under review, all normal, N items to
 * watch, or critical. A withdrawn exam says nothing of its values, whatever they were.
 */
export function examSummaryWords(exam: Pick<ExamSummary, 'status' | 'worst' | 'abnormalItems'>): ExamSummaryWords {
  if (exam.status === 'retracted')
    return { key: examStatusKey('retracted'), params: {}, tone: 'retracted', mark: '⊘' }
  if (exam.status === 'pending-review' || exam.worst === null)
    return { key: examStatusKey('pending-review'), params: {}, tone: 'pending', mark: null }
  const n = exam.abnormalItems ?? 0
  if (exam.worst === 'critical')
    return { key: 'exams.summary.critical', params: { n }, tone: 'critical', mark: '!' }
  if (exam.worst === 'abnormal')
    return { key: 'exams.summary.abnormal', params: { n }, tone: 'abnormal', mark: '!' }
  return { key: 'exams.summary.normal', params: {}, tone: 'normal', mark: '✓' }
}

/** Whether the institution corrected the values the resident was shown (version 2 onwards). */
export function isCorrected(exam: Pick<ExamSummary, 'status' | 'version'>): boolean {
  return exam.status === 'released' && exam.version > 1
}

const flagRank: Record<Flag, number> = { critical: 0, high: 1, low: 1, normal: 2 }

/** The doctor's queue shows critical items before high and low ones, each in catalogue order. */
export function sortFlagged<T extends { code: string, flag: Flag }>(items: readonly T[]): T[] {
  const order = (code: string) => catalogueOrder.get(code) ?? Number.MAX_SAFE_INTEGER
  return [...items].sort((a, b) => flagRank[a.flag] - flagRank[b.flag] || order(a.code) - order(b.code))
}

/**
 * Where an exam in the doctor's queue stands with its critical value (policy-rules.md "Abnormal
 * exam results"): none to acknowledge, one waiting for a doctor, or acknowledged on a day.
 */
export type CriticalAcknowledgementState =
  | { state: 'none' }
  | { state: 'to-acknowledge' }
  | { state: 'acknowledged', on: string }

export function criticalAcknowledgementState(exam: Pick<DoctorExamQueueItem, 'worst' | 'criticalAcknowledgedOn'>): CriticalAcknowledgementState {
  if (exam.criticalAcknowledgedOn !== null)
    return { state: 'acknowledged', on: exam.criticalAcknowledgedOn }
  return exam.worst === 'critical' ? { state: 'to-acknowledge' } : { state: 'none' }
}
