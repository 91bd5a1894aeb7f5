import type { ExamCorrection, ExamItemChange } from '../../../../shared/schemas/exams'
import { examItemName, formatMeasured, groupExamItems } from './exam-view'

type ShownItem = NonNullable<ExamItemChange['before']>

/** One side of a change as the resident reads it: the value with its unit, and its flag. */
export interface ChangedValue {
  /** "7.80 mmol/L", or the text conclusion of a text item */
  text: string
  flag: ShownItem['flag']
  /** the number, for the words of a critical flag (which side it lies on) */
  value: number | null
}

/** `changed`: a new value; `added`: an item the first report lacked; `removed`: one taken out. */
export type ItemChangeKind = 'changed' | 'added' | 'removed'

export interface ItemChangeView {
  code: string
  /** the catalogue's name in the chosen language */
  name: string
  kind: ItemChangeKind
  before: ChangedValue | null
  after: ChangedValue | null
}

export interface CorrectionView {
  version: number
  correctedAt: string
  changes: ItemChangeView[]
}

function shown(item: ShownItem | null, code: string, locale: string): ChangedValue | null {
  return item === null ? null : { text: formatMeasured(item, code, locale), flag: item.flag, value: item.value }
}

/** One changed item of a correction: its name, and what it was and is, as text (never HTML). */
export function itemChangeView(change: ExamItemChange, locale: string): ItemChangeView {
  const kind: ItemChangeKind = change.before === null ? 'added' : change.after === null ? 'removed' : 'changed'
  return {
    code: change.code,
    name: examItemName(change.code, locale),
    kind,
    before: shown(change.before, change.code, locale),
    after: shown(change.after, change.code, locale),
  }
}

/**
 * The institution's corrections of an exam, the latest first (what she is most likely told
 * about), each one's items in the order the report lists them.
 */
export function correctionViews(corrections: readonly ExamCorrection[], locale: string): CorrectionView[] {
  return [...corrections]
    .sort((a, b) => b.version - a.version)
    .map(c => ({
      version: c.version,
      correctedAt: c.correctedAt,
      changes: groupExamItems(c.changes).flatMap(group => group.items).map(change => itemChangeView(change, locale)),
    }))
}
