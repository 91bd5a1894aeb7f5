import { describe, expect, it } from 'vitest'
import type { AssessmentMeasure } from '../../../../shared/schemas/assessments'
import { changeWords, cssString, isConcerning, measureTarget, measureValue } from './assessment-view'

const measure = (extra: Partial<AssessmentMeasure>): AssessmentMeasure => ({
  key: 'fastingGlucose', code: '14771-0', unit: 'mmol/L', value: null, value2: null, source: null, previous: null, previous2: null, change: null, change2: null, category: null, targetBelow: null, targetBelow2: null, metTarget: null, home: null, ...extra,
})

describe('the report\'s numbers in words', () => {
  it('values with the item\'s decimals; BP as systolic/diastolic; none as a dash', () => {
    expect(measureValue(measure({ value: 7.42 }), 'zh-CN')).toBe('7.42')
    expect(measureValue(measure({ key: 'bp', code: '8480-6', value: 132, value2: 78 }), 'zh-CN')).toBe('132/78')
    expect(measureValue(measure({}), 'zh-CN')).toBe('—')
  })

  it('targets: < 140/90, < 7.0', () => {
    expect(measureTarget(measure({ key: 'bp', code: '8480-6', targetBelow: 140, targetBelow2: 90 }), 'zh-CN')).toBe('< 140/90')
    expect(measureTarget(measure({ targetBelow: 7 }), 'zh-CN')).toBe('< 7.0')
    expect(measureTarget(measure({}), 'zh-CN')).toBeNull()
  })

  it('the change from last year: 比去年下降0.40 for glucose, 6/4 for BP, no words without last year', () => {
    expect(changeWords(measure({ change: -0.4 }), 'zh-CN')).toEqual({ key: 'assessments.change.down', amount: '0.40' })
    expect(changeWords(measure({ key: 'bp', code: '8480-6', change: -6, change2: -4 }), 'zh-CN')).toEqual({ key: 'assessments.change.down', amount: '6/4' })
    expect(changeWords(measure({ change: 0.32 }), 'en')).toEqual({ key: 'assessments.change.up', amount: '0.32' })
    expect(changeWords(measure({ change: 0 }), 'en')?.key).toBe('assessments.change.same')
    expect(changeWords(measure({}), 'zh-CN')).toBeNull()
  })

  it('which categories need attention', () => {
    expect(['normal', 'desirable', 'high-normal', 'grade-1', 'diabetes-range', null].map(isConcerning)).toEqual([false, false, false, true, true, false])
  })

  it('a name as a CSS string for the page margins', () => {
    expect(cssString('王秀英')).toBe('"王秀英"')
    expect(cssString('a"b\\c\nd')).toBe('"a\\"b\\\\c d"')
  })
})
