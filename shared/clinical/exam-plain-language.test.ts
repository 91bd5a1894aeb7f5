import { describe, expect, it } from 'vitest'
import { type ExamFlag, examItems, examItemsByKey } from './exam-items'
import { criticalDirection, examPlainLanguage, plainLanguageFallbackItems, plainLanguageLine } from './exam-plain-language'

function code(key: string): string {
  const item = examItemsByKey.get(key)
  if (item === undefined)
    throw new Error(`no item ${key}`)
  return item.code
}

const line = (key: string, flag: ExamFlag, value: number | null = null, refLow: number | null = null, refHigh: number | null = null) =>
  plainLanguageLine({ code: code(key), flag, value, refLow, refHigh })

describe('the plain-language lines', () => {
  it('give every numeric item a line for each side its ranges have, or list it as an explicit fallback', () => {
    const missing: string[] = []
    for (const item of examItems.filter(i => i.kind === 'numeric')) {
      if (plainLanguageFallbackItems.has(item.key))
        continue
      const lines = examPlainLanguage[item.key]
      if (lines === undefined) {
        missing.push(item.key)
        continue
      }
      if (item.ranges.some(r => r.high !== null) && lines.high === undefined)
        missing.push(`${item.key} high`)
      if (item.ranges.some(r => r.low !== null) && lines.low === undefined)
        missing.push(`${item.key} low`)
    }
    expect(missing).toEqual([])
  })

  it('name only items of the catalogue, and the fallback only items with no range to leave', () => {
    expect(Object.keys(examPlainLanguage).filter(key => !examItemsByKey.has(key))).toEqual([])
    for (const key of plainLanguageFallbackItems)
      expect(examItemsByKey.get(key)?.ranges).toEqual([])
  })

  it('are written in both languages, kindly and without a placeholder left over', () => {
    for (const lines of Object.values(examPlainLanguage)) {
      for (const l of [lines.high, lines.low, lines.critical?.high, lines.critical?.low]) {
        if (l === undefined)
          continue
        expect(l.zh).toMatch(/[：。]/)
        expect(l.zh).not.toContain('{')
        expect(l.en).toMatch(/^[A-Z].+\.$/)
      }
    }
  })

  it('cover the common items of clinical.md by direction', () => {
    expect(line('fasting-glucose', 'high')?.zh).toBe('空腹血糖偏高：少吃甜食和精米白面，按时吃药，一个月后复查。')
    expect(line('ldl-c', 'high')?.en).toContain('LDL')
    expect(line('hdl-c', 'low')?.zh).toContain('好胆固醇')
    expect(line('haemoglobin', 'low')?.zh).toContain('贫血')
  })

  it('say nothing for a normal item', () => {
    expect(line('fasting-glucose', 'normal')).toBeNull()
  })

  it('pick the critical line by the side the value lies on', () => {
    expect(line('fasting-glucose', 'critical', 2.1, 3.9, 6.1)?.zh).toContain('马上吃几块糖')
    expect(line('fasting-glucose', 'critical', 18.2, 3.9, 6.1)?.zh).toContain('太高')
    // no range printed: the critical limits tell the side
    expect(line('fasting-glucose', 'critical', 2.1)?.zh).toContain('马上吃几块糖')
    expect(criticalDirection(examItemsByKey.get('potassium'), 6.5, null, null)).toBe('high')
  })

  it('fall back by name for an item or a critical value without a line of its own', () => {
    expect(line('potassium', 'critical', 6.8, 3.5, 5.3)).toEqual({ zh: '血钾到了危急值：请今天就联系家庭医生，或马上去医院。', en: 'Potassium is at a dangerous level: contact your family doctor today, or go to hospital now.' })
    expect(line('weight', 'high')?.zh).toBe('体重偏高：请带上报告给家庭医生看看，问问要不要复查。')
    expect(line('ecg', 'high')?.zh).toBe('心电图结果有异常：请带上报告给家庭医生看看。')
    expect(plainLanguageLine({ code: '99999-9', flag: 'low', value: 1, refLow: 2, refHigh: 3 })?.zh).toBe('99999-9偏低：请带上报告给家庭医生看看，问问要不要复查。')
  })
})
