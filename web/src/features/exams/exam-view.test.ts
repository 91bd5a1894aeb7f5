import { describe, expect, it } from 'vitest'
import type { ExamItemResult } from '../../../../shared/schemas/exams'
import { criticalAcknowledgementState, examChange, examItemName, examStatusKey, examSummaryWords, flagWordKey, formatExamValue, formatRange, groupExamItems, hasTrend, isCorrected, plainLine, sortFlagged } from './exam-view'

function result(overrides: Partial<ExamItemResult> = {}): ExamItemResult {
  return { code: '14771-0', value: 7.85, valueText: null, unit: 'mmol/L', refLow: 3.9, refHigh: 6.1, flag: 'high', previous: null, ...overrides }
}
const previous = (value: number | null, unit: string | null = 'mmol/L') => ({ examId: '1', date: '2025-05-22', value, valueText: null, unit, flag: 'normal' as const })

describe('the change since the previous exam', () => {
  it('points up with the rise, rounded as the report prints the item', () => {
    expect(examChange(result({ value: 7.85, previous: previous(6.9) }))).toEqual({ direction: 'up', amount: 0.95 })
  })

  it('points down with the fall', () => {
    expect(examChange(result({ code: '8480-6', value: 138, unit: 'mmHg', previous: previous(152, 'mmHg') }))).toEqual({ direction: 'down', amount: 14 })
  })

  it('says "the same" when the printed values are equal', () => {
    expect(examChange(result({ value: 6.001, previous: previous(6.0) }))).toEqual({ direction: 'same', amount: 0 })
  })

  it('compares nothing without an earlier value, for a text item, or across a change of unit', () => {
    expect(examChange(result())).toBeNull()
    expect(examChange(result({ previous: previous(null) }))).toBeNull()
    expect(examChange(result({ value: null, valueText: '窦性心律，正常心电图', previous: previous(null) }))).toBeNull()
    expect(examChange(result({ value: 141, unit: 'mg/dL', previous: previous(6.9) }))).toBeNull()
  })
})

describe('flag words', () => {
  it('word each flag, never leaving it to colour', () => {
    expect(flagWordKey('normal', '14771-0')).toBe('exams.flag.normal')
    expect(flagWordKey('high', '14771-0', 7.85)).toBe('exams.flag.high')
    expect(flagWordKey('low', '14646-4', 0.8)).toBe('exams.flag.low')
  })

  it('say "abnormal", not "high", for a text item', () => {
    expect(flagWordKey('high', '11524-6')).toBe('exams.flag.abnormal')
  })

  it('say which side a critical value lies on', () => {
    expect(flagWordKey('critical', '14771-0', 2.1, 3.9, 6.1)).toBe('exams.flag.critical-low')
    expect(flagWordKey('critical', '8480-6', 186, 90, 139)).toBe('exams.flag.critical-high')
    expect(flagWordKey('critical', '11524-6')).toBe('exams.flag.critical')
  })
})

describe('grouping an exam by the catalogue', () => {
  it('orders groups and items as the catalogue does, unknown codes last', () => {
    const groups = groupExamItems([{ code: '22748-8' }, { code: '99999-9' }, { code: '8480-6' }, { code: '14647-2' }, { code: '39156-5' }, { code: '14771-0' }])
    expect(groups.map(g => g.group)).toEqual(['physical', 'glucose', 'lipids', 'other'])
    expect(groups[0]!.items.map(i => i.code)).toEqual(['39156-5', '8480-6'])
    expect(groups[2]!.items.map(i => i.code)).toEqual(['14647-2', '22748-8'])
  })

  it('returns no group for an exam with no items (under review)', () => {
    expect(groupExamItems([])).toEqual([])
  })
})

describe('names, values and ranges', () => {
  it('name items from the catalogue in either language', () => {
    expect(examItemName('22748-8', 'zh-CN')).toBe('低密度脂蛋白胆固醇')
    expect(examItemName('22748-8', 'en')).toBe('LDL cholesterol')
    expect(examItemName('99999-9', 'en')).toBe('99999-9')
  })

  it('print values with the catalogue\'s decimals', () => {
    expect(formatExamValue(7.8, '14771-0', 'zh-CN')).toBe('7.80')
    expect(formatExamValue(138, '8480-6', 'en')).toBe('138')
  })

  it('print a range with one or two sides', () => {
    expect(formatRange(3.9, 6.1, '14771-0', 'zh-CN')).toBe('3.90–6.10')
    expect(formatRange(null, 3.4, '22748-8', 'zh-CN')).toBe('≤ 3.40')
    expect(formatRange(1, null, '14646-4', 'zh-CN')).toBe('≥ 1.00')
    expect(formatRange(null, null, '8302-2', 'zh-CN')).toBeNull()
  })

  it('give an abnormal item its plain-language line in the chosen language', () => {
    expect(plainLine(result(), 'zh-CN')).toBe('空腹血糖偏高：少吃甜食和精米白面，按时吃药，一个月后复查。')
    expect(plainLine(result(), 'en')).toMatch(/^Fasting glucose is high/)
    expect(plainLine(result({ flag: 'normal' }), 'zh-CN')).toBeNull()
  })

  it('offer a trend for numeric items only', () => {
    expect(hasTrend(result())).toBe(true)
    expect(hasTrend(result({ code: '11524-6', value: null }))).toBe(false)
  })
})

describe('an exam in the list', () => {
  it('is "under review" with no result while pending', () => {
    expect(examSummaryWords({ status: 'pending-review', worst: null, abnormalItems: null })).toEqual({ key: 'exams.status.pending-review', params: {}, tone: 'pending', mark: null })
  })

  it('counts the items to watch, and says critical above all', () => {
    expect(examSummaryWords({ status: 'released', worst: 'abnormal', abnormalItems: 2 })).toEqual({ key: 'exams.summary.abnormal', params: { n: 2 }, tone: 'abnormal', mark: '!' })
    expect(examSummaryWords({ status: 'released', worst: 'critical', abnormalItems: 3 }).tone).toBe('critical')
    expect(examSummaryWords({ status: 'released', worst: 'normal', abnormalItems: 0 }).key).toBe('exams.summary.normal')
  })

  it('says "withdrawn", in words and with a mark, and nothing of what the values were', () => {
    expect(examSummaryWords({ status: 'retracted', worst: 'critical', abnormalItems: 3 })).toEqual({ key: 'exams.status.retracted', params: {}, tone: 'retracted', mark: '⊘' })
  })

  it('has words for each of the three statuses', () => {
    expect(['pending-review', 'released', 'retracted'].map(s => examStatusKey(s as 'released'))).toEqual(['exams.status.pending-review', 'exams.status.released', 'exams.status.retracted'])
  })

  it('is "corrected" only when released values were changed by the institution', () => {
    expect(isCorrected({ status: 'released', version: 2 })).toBe(true)
    expect(isCorrected({ status: 'released', version: 1 })).toBe(false)
    expect(isCorrected({ status: 'retracted', version: 3 })).toBe(false)
  })
})

describe('the doctor\'s flagged items', () => {
  it('put critical items first, then high and low in catalogue order', () => {
    const sorted = sortFlagged([{ code: '22748-8', flag: 'high' }, { code: '14771-0', flag: 'high' }, { code: '8480-6', flag: 'critical' }] as const)
    expect(sorted.map(i => i.code)).toEqual(['8480-6', '14771-0', '22748-8'])
  })
})

describe('the critical value on a queue card', () => {
  it('asks a doctor to acknowledge a critical exam nobody has acknowledged yet', () => {
    expect(criticalAcknowledgementState({ worst: 'critical', criticalAcknowledgedOn: null })).toEqual({ state: 'to-acknowledge' })
  })

  it('says on which day it was acknowledged', () => {
    expect(criticalAcknowledgementState({ worst: 'critical', criticalAcknowledgedOn: '2026-11-22' })).toEqual({ state: 'acknowledged', on: '2026-11-22' })
  })

  it('offers nothing for an exam without a critical value', () => {
    expect(criticalAcknowledgementState({ worst: 'abnormal', criticalAcknowledgedOn: null })).toEqual({ state: 'none' })
    expect(criticalAcknowledgementState({ worst: 'normal', criticalAcknowledgedOn: null })).toEqual({ state: 'none' })
  })
})
