import { describe, expect, it } from 'vitest'
import { examItems, examItemsByCode, examItemsByKey } from './exam-items'
import { implausibleReason, plausibleLimits } from './exam-plausible'

function code(key: string): string {
  const item = examItemsByKey.get(key)
  if (item === undefined)
    throw new Error(`no item ${key}`)
  return item.code
}

function limitsOf(c: string) {
  const limits = plausibleLimits.get(c)
  if (limits === undefined)
    throw new Error(`no limits for ${c}`)
  return limits
}

describe('plausibleLimits', () => {
  it('covers every numeric item of the catalogue and nothing else, each with a source', () => {
    const numeric = examItems.filter(item => item.kind === 'numeric')
    expect(numeric.filter(item => !plausibleLimits.has(item.code)).map(item => item.key)).toEqual([])
    expect([...plausibleLimits.keys()].filter(c => examItemsByCode.get(c)?.kind !== 'numeric')).toEqual([])
    const malformed = [...plausibleLimits].filter(([, limits]) => !(limits.min >= 0 && limits.min < limits.max && limits.source.length > 10))
    expect(malformed).toEqual([])
  })

  it('hold every reference range and critical limit of the catalogue', () => {
    const outside: string[] = []
    for (const item of examItems.filter(i => i.kind === 'numeric')) {
      const limits = limitsOf(item.code)
      const values = [
        ...item.ranges.flatMap(range => [range.low, range.high]),
        item.critical?.below,
        item.critical?.atOrAbove,
        item.critical?.above,
      ]
      for (const value of values) {
        if (value !== null && value !== undefined && (value < limits.min || value > limits.max))
          outside.push(`${item.key} ${value}`)
      }
    }
    expect(outside).toEqual([])
  })
})

describe('implausibleReason', () => {
  it('explains a value out of reach in words that name the item, the limits and what to check', () => {
    expect(implausibleReason(code('fasting-glucose'), 6120)).toBe(
      '6120 mmol/L is outside what can be measured for 空腹血糖 Fasting glucose (0.5–60 mmol/L): check the unit or the decimal point',
    )
  })

  const refused: [key: string, value: number, mistake: string][] = [
    ['fasting-glucose', 612, 'decimal point lost from 6.12'],
    ['fasting-glucose', 110, 'mg/dL'],
    ['fasting-glucose', 0.3, 'decimal point shifted from 3.0'],
    ['hba1c', 48, 'IFCC mmol/mol'],
    ['hba1c', 65, 'decimal point lost from 6.5'],
    ['total-cholesterol', 200, 'mg/dL'],
    ['hdl-c', 50, 'mg/dL'],
    ['ldl-c', 130, 'mg/dL'],
    ['triglycerides', 612, 'decimal point lost from 6.12'],
    ['creatinine', 0.9, 'mg/dL'],
    ['uric-acid', 4200, 'decimal point lost from 420'],
    ['albumin', 4.2, 'g/dL'],
    ['haemoglobin', 1350, 'decimal point shifted'],
    ['haemoglobin', 9.5, 'g/dL'],
    ['red-cells', 45, 'decimal point lost from 4.5'],
    ['white-cells', 6500, 'a count per µL'],
    ['potassium', 41, 'decimal point lost from 4.1'],
    ['sodium', 14.0, 'decimal point shifted from 140'],
    ['sbp', 1350, 'extra digit'],
    ['dbp', 8, 'digit lost'],
    ['temperature', 98.6, '°F'],
    ['temperature', 366, 'decimal point lost from 36.6'],
    ['height', 1.7, 'metres'],
    ['height', 1700, 'millimetres'],
    ['weight', 650, 'decimal point lost from 65.0'],
    ['bmi', 0.0023, 'height in cm'],
    ['pulse', 720, 'extra digit'],
    ['alt', -3, 'a negative value'],
  ]

  it.each(refused)('refuses %s %d (%s)', (key, value) => {
    expect(implausibleReason(code(key), value)).toMatch(/is outside what can be measured for .*: check the unit or the decimal point$/)
  })

  const accepted: [key: string, value: number][] = [
    ['fasting-glucose', 6.12],
    ['fasting-glucose', 35.2],
    ['fasting-glucose', 1.4],
    ['hba1c', 14.8],
    ['triglycerides', 45],
    ['creatinine', 1250],
    ['alt', 8500],
    ['afp', 250_000],
    ['haemoglobin', 45],
    ['platelets', 0],
    ['potassium', 7.9],
    ['sbp', 230],
    ['temperature', 41.2],
    ['height', 152.5],
    ['bmi', 42.3],
  ]

  it.each(accepted)('accepts %s %d, rare but real', (key, value) => {
    expect(implausibleReason(code(key), value)).toBeNull()
  })

  it('accepts both limits themselves', () => {
    for (const [c, limits] of plausibleLimits) {
      expect(implausibleReason(c, limits.min)).toBeNull()
      expect(implausibleReason(c, limits.max)).toBeNull()
    }
  })

  it('has nothing to say of a text item or an item not in the catalogue', () => {
    expect(implausibleReason(code('ecg'), 99_999)).toBeNull()
    expect(implausibleReason('0000-0', -1)).toBeNull()
  })
})
