import { describe, expect, it } from 'vitest'
import { defaultRange, type ExamFlag, examItems, examItemsByCode, examItemsByKey, flagExamText, flagExamValue, type Subject, valueReference, worstOf } from './exam-items'

const man: Subject = { sex: 'male', age: 45 }
const woman: Subject = { sex: 'female', age: 45 }
const olderWoman: Subject = { sex: 'female', age: 70 }
const child: Subject = { sex: 'female', age: 10 }

function item(key: string) {
  const found = examItemsByKey.get(key)
  if (found === undefined)
    throw new Error(`no item ${key}`)
  return found
}

describe('the exam-item catalogue', () => {
  it('holds each LOINC code once, with a source beside every item', () => {
    expect(new Set(examItems.map(i => i.code)).size).toBe(examItems.length)
    expect(new Set(examItems.map(i => i.key)).size).toBe(examItems.length)
    for (const i of examItems) {
      expect(i.code).toMatch(/^\d{3,6}-\d$/)
      expect(i.source.length).toBeGreaterThan(5)
      expect(i.kind === 'numeric' ? i.unit : i.normalTexts).not.toBeNull()
    }
  })

  it('covers the national elderly exam and the Zhejiang additions of clinical.md', () => {
    const codes = ['8302-2', '29463-7', '39156-5', '8280-0', '8480-6', '8462-4', '718-7', '6690-2', '789-8', '777-3', '1742-6', '1920-8', '14631-6',
      '14682-9', '22664-7', '14771-0', '14647-2', '14927-8', '14646-4', '22748-8', '4548-4', '14933-6', '1834-1', '11524-6', '24558-9', '36554-4']
    expect(codes.filter(code => !examItemsByCode.has(code))).toEqual([])
    expect(examItemsByCode.get('14771-0')).toMatchObject({ zh: '空腹血糖', en: 'Fasting glucose', unit: 'mmol/L' })
  })
})

describe('flagExamValue', () => {
  const cases: [key: string, value: number, subject: Subject, expected: ExamFlag][] = [
    // fasting glucose: normal < 6.1, critical < 2.8 or ≥ 16.7
    ['fasting-glucose', 6.0, man, 'normal'],
    ['fasting-glucose', 6.1, man, 'high'],
    ['fasting-glucose', 3.8, man, 'low'],
    ['fasting-glucose', 2.8, man, 'low'],
    ['fasting-glucose', 2.7, man, 'critical'],
    ['fasting-glucose', 16.6, man, 'high'],
    ['fasting-glucose', 16.7, man, 'critical'],
    // blood pressure: hypertension ≥ 140/90, critical SBP ≥ 180 or DBP ≥ 110
    ['sbp', 139, man, 'normal'],
    ['sbp', 140, man, 'high'],
    ['sbp', 179, man, 'high'],
    ['sbp', 180, man, 'critical'],
    ['dbp', 89, man, 'normal'],
    ['dbp', 109, man, 'high'],
    ['dbp', 110, man, 'critical'],
    // haemoglobin by sex, critical < 60
    ['haemoglobin', 129, man, 'low'],
    ['haemoglobin', 129, woman, 'normal'],
    ['haemoglobin', 114, woman, 'low'],
    ['haemoglobin', 151, woman, 'high'],
    ['haemoglobin', 60, woman, 'low'],
    ['haemoglobin', 59, woman, 'critical'],
    ['platelets', 30, man, 'low'],
    ['platelets', 29, man, 'critical'],
    // potassium: critical < 2.8 or strictly > 6.2
    ['potassium', 6.2, man, 'high'],
    ['potassium', 6.21, man, 'critical'],
    ['potassium', 2.79, man, 'critical'],
    ['potassium', 3.4, man, 'low'],
    // creatinine by sex and age band
    ['creatinine', 75, woman, 'high'],
    ['creatinine', 75, olderWoman, 'normal'],
    ['creatinine', 98, man, 'high'],
    // lipids: "< 3.4" puts 3.4 itself in high; HDL low under 1.0
    ['ldl-c', 3.39, man, 'normal'],
    ['ldl-c', 3.4, man, 'high'],
    ['total-cholesterol', 5.2, man, 'high'],
    ['hdl-c', 0.99, man, 'low'],
    ['hdl-c', 1.0, man, 'normal'],
    ['waist', 89.9, man, 'normal'],
    ['waist', 85, woman, 'high'],
    ['bmi', 24.0, man, 'high'],
    ['bmi', 18.4, man, 'low'],
    ['uric-acid', 430, man, 'high'],
    ['uric-acid', 360, woman, 'high'],
    ['afp', 7.5, man, 'high'],
    // adult ranges do not apply to children; critical limits do
    ['bmi', 30, child, 'normal'],
    ['haemoglobin', 100, child, 'normal'],
    ['haemoglobin', 55, child, 'critical'],
  ]
  it.each(cases)('%s %d for a %o is %s', (key, value, subject, expected) => {
    expect(flagExamValue(item(key), value, subject)).toBe(expected)
  })

  it('lets the range printed on the report win over the default', () => {
    expect(flagExamValue(item('afp'), 15, man)).toBe('high')
    expect(flagExamValue(item('afp'), 15, man, { low: 0, high: 20 })).toBe('normal')
    expect(flagExamValue(item('haemoglobin'), 112, child, { low: 115, high: 160 })).toBe('low')
    expect(flagExamValue(item('alt'), 40, child, { low: null, high: 40 })).toBe('normal')
  })

  it('keeps critical limits above a printed range', () => {
    expect(flagExamValue(item('fasting-glucose'), 17, man, { low: 3.9, high: 30 })).toBe('critical')
  })

  it('picks the first range matching sex and age', () => {
    expect(defaultRange(item('creatinine'), olderWoman)).toMatchObject({ low: 41, high: 81 })
    expect(defaultRange(item('creatinine'), { sex: 'male', age: 30 })).toMatchObject({ low: 57, high: 97 })
    expect(defaultRange(item('creatinine'), child)).toBeNull()
  })
})

describe('flagExamText and worstOf', () => {
  it('flags only the normal conclusions as normal', () => {
    expect(flagExamText(item('ecg'), '窦性心律，正常心电图')).toBe('normal')
    expect(flagExamText(item('ecg'), '心房颤动')).toBe('high')
    expect(flagExamText(item('urine-protein'), '-')).toBe('normal')
    expect(flagExamText(item('urine-protein'), '+')).toBe('high')
    expect(flagExamText(item('abdominal-ultrasound'), ' 肝胆胰脾未见明显异常 ')).toBe('normal')
  })

  it('takes critical over abnormal over normal', () => {
    expect(worstOf([])).toBe('normal')
    expect(worstOf(['normal', 'normal'])).toBe('normal')
    expect(worstOf(['normal', 'low', 'high'])).toBe('abnormal')
    expect(worstOf(['high', 'critical', 'normal'])).toBe('critical')
  })
})

describe('valueReference', () => {
  const woman70 = { sex: 'female', age: 70 } as const
  it('gives a value stored without unit and range the catalogue\'s, for the person', () => {
    expect(valueReference('8280-0', { unit: null, refLow: null, refHigh: null }, woman70)).toEqual({ unit: 'cm', refLow: null, refHigh: 85 })
    expect(valueReference('8280-0', { unit: null, refLow: null, refHigh: null }, { sex: 'male', age: 70 })).toEqual({ unit: 'cm', refLow: null, refHigh: 90 })
  })

  it('keeps what the report printed', () => {
    expect(valueReference('8280-0', { unit: 'cm', refLow: 60, refHigh: 80 }, woman70)).toEqual({ unit: 'cm', refLow: 60, refHigh: 80 })
  })

  it('leaves an item the catalogue lacks as it is', () => {
    expect(valueReference('99999-9', { unit: null, refLow: null, refHigh: null }, woman70)).toEqual({ unit: null, refLow: null, refHigh: null })
  })
})
