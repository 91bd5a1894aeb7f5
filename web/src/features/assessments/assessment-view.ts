import { examItemsByCode } from '../../../../shared/clinical/exam-items'
import type { AssessmentMeasure } from '../../../../shared/schemas/assessments'

/** Decimals a measure is printed with: the exam catalogue's for its item. */
export function measureDecimals(measure: Pick<AssessmentMeasure, 'code'>): number {
  return examItemsByCode.get(measure.code)?.decimals ?? 1
}

function number(value: number, decimals: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value)
}

/** The value as printed: "132/78" for BP, "7.42" for glucose, "—" when the year has none. */
export function measureValue(measure: Pick<AssessmentMeasure, 'code' | 'value' | 'value2'>, locale: string): string {
  if (measure.value === null)
    return '—'
  const decimals = measureDecimals(measure)
  const first = number(measure.value, decimals, locale)
  return measure.value2 === null ? first : `${first}/${number(measure.value2, decimals, locale)}`
}

/** The target as printed: "< 140/90", "< 7.0". */
export function measureTarget(measure: Pick<AssessmentMeasure, 'code' | 'targetBelow' | 'targetBelow2'>, locale: string): string | null {
  if (measure.targetBelow === null)
    return null
  const decimals = Math.min(measureDecimals(measure), 1)
  const first = number(measure.targetBelow, decimals, locale)
  return measure.targetBelow2 === null ? `< ${first}` : `< ${first}/${number(measure.targetBelow2, decimals, locale)}`
}

export interface ChangeWords {
  /** i18n key: assessments.change.down / up / same */
  key: 'assessments.change.down' | 'assessments.change.up' | 'assessments.change.same'
  amount: string
}

/**
 * The change from last year in words ("比去年下降0.4"), the size without its sign; for BP the
 * systolic and diastolic together ("6/4"). Null without last year's value.
 */
export function changeWords(measure: Pick<AssessmentMeasure, 'code' | 'change' | 'change2'>, locale: string): ChangeWords | null {
  if (measure.change === null)
    return null
  const decimals = measureDecimals(measure)
  const sign = Math.sign(measure.change) || Math.sign(measure.change2 ?? 0)
  const amount = measure.change2 === null
    ? number(Math.abs(measure.change), decimals, locale)
    : `${number(Math.abs(measure.change), decimals, locale)}/${number(Math.abs(measure.change2), decimals, locale)}`
  return { key: sign < 0 ? 'assessments.change.down' : sign > 0 ? 'assessments.change.up' : 'assessments.change.same', amount }
}

/** A category that needs attention is drawn in the warning colour (and named in words, never colour alone). */
export function isConcerning(category: string | null): boolean {
  return category !== null && !['normal', 'desirable', 'high-normal'].includes(category)
}

/** The CSS string of a name for the print's page margins: quotes and backslashes escaped, line breaks dropped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, c => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`
}
