import { describe, expect, it } from 'vitest'
import { examItems, examItemsByCode, examItemsByKey } from './exam-items'
import { convertFromCatalogueUnit, convertToCatalogueUnit, examUnitConversions, normalizeUnit } from './exam-units'

function code(key: string): string {
  const item = examItemsByKey.get(key)
  if (item === undefined)
    throw new Error(`no item ${key}`)
  return item.code
}

describe('normalizeUnit', () => {
  const spellings: [printed: string, catalogue: string][] = [
    ['mmol/L', 'mmol/L'],
    ['mmol/l', 'mmol/L'],
    ['MMOL/L', 'mmol/L'],
    [' mmol / L ', 'mmol/L'],
    ['mmol／L', 'mmol/L'],
    ['umol/L', 'µmol/L'],
    ['μmol/L', 'µmol/L'], // Greek mu U+03BC
    ['µmol/L', 'µmol/L'], // micro sign U+00B5, the catalogue's
    ['UMOL/L', 'µmol/L'],
    ['10^9/L', '10⁹/L'],
    ['10E9/L', '10⁹/L'],
    ['×10⁹/L', '10⁹/L'],
    ['x10^9/L', '10⁹/L'],
    ['10*9/L', '10⁹/L'],
    ['× 10^9 / L', '10⁹/L'],
    ['10^12/L', '10¹²/L'],
    ['10E12/L', '10¹²/L'],
    ['×10¹²/L', '10¹²/L'],
    ['10*12/L', '10¹²/L'],
    ['kg/m2', 'kg/m²'],
    ['kg/m^2', 'kg/m²'],
    ['°C', '℃'],
    ['C', '℃'],
    ['Cel', '℃'],
    ['mm[Hg]', 'mmHg'],
    ['mmhg', 'mmHg'],
    ['/min', '次/分'],
    ['bpm', '次/分'],
    ['次/min', '次/分'],
    ['次/分钟', '次/分'],
    ['g/dl', 'g/dL'],
    ['G/L', 'g/L'],
    ['mg/dl', 'mg/dL'],
    ['MG/DL', 'mg/dL'],
    ['%', '%'],
    ['％', '%'],
    ['U/L', 'U/L'],
    ['u/l', 'U/L'],
    ['[IU]/L', 'U/L'],
    ['IU/L', 'U/L'],
    ['ng/ml', 'ng/mL'],
    ['mEq/L', 'mEq/L'],
  ]

  it.each(spellings)('reads %j as %j', (printed, catalogue) => {
    expect(normalizeUnit(printed)).toBe(catalogue)
  })

  it('returns a unit it does not know trimmed, as it was', () => {
    expect(normalizeUnit('  S/CO ')).toBe('S/CO')
    expect(normalizeUnit('mmol/mol')).toBe('mmol/mol')
    expect(normalizeUnit('')).toBe('')
  })

  it('keeps every catalogue unit as the catalogue spells it', () => {
    for (const item of examItems.filter(i => i.unit !== null))
      expect(normalizeUnit(item.unit ?? '')).toBe(item.unit)
  })
})

describe('the conversion table', () => {
  it('names catalogue items, converts from a unit other than theirs, and gives each factor a source', () => {
    for (const conversion of examUnitConversions) {
      expect(normalizeUnit(conversion.unit)).toBe(conversion.unit)
      expect(conversion.factor).toBeGreaterThan(0)
      expect(conversion.source.length).toBeGreaterThan(10)
      for (const c of conversion.codes) {
        expect(examItemsByCode.get(c)?.kind).toBe('numeric')
        expect(examItemsByCode.get(c)?.unit).not.toBe(conversion.unit)
      }
    }
  })

  it('holds at most one factor per item and unit', () => {
    const pairs = examUnitConversions.flatMap(conversion => conversion.codes.map(c => `${c} ${conversion.unit}`))
    expect(new Set(pairs).size).toBe(pairs.length)
  })
})

describe('convertToCatalogueUnit', () => {
  const cases: [key: string, value: number, unit: string, expected: number, catalogueUnit: string][] = [
    ['fasting-glucose', 100, 'mg/dL', 5.551, 'mmol/L'],
    ['fasting-glucose', 126, 'mg/dl', 6.994, 'mmol/L'],
    ['total-cholesterol', 200, 'mg/dL', 5.172, 'mmol/L'],
    ['ldl-c', 130, 'mg/dL', 3.362, 'mmol/L'],
    ['hdl-c', 40, 'mg/dL', 1.034, 'mmol/L'],
    ['triglycerides', 150, 'mg/dL', 1.694, 'mmol/L'],
    ['creatinine', 1.2, 'mg/dL', 106.1, 'µmol/L'],
    ['uric-acid', 7, 'mg/dL', 416.4, 'µmol/L'],
    ['urea', 14, 'mg/dL', 5, 'mmol/L'],
    ['total-bilirubin', 1.2, 'mg/dL', 20.52, 'µmol/L'],
    ['haemoglobin', 13.5, 'g/dL', 135, 'g/L'],
    ['albumin', 4.2, 'g/dl', 42, 'g/L'],
    ['potassium', 4.1, 'mEq/L', 4.1, 'mmol/L'],
  ]

  it.each(cases)('reads %s %d %s as %d %s', (key, value, unit, expected, catalogueUnit) => {
    expect(convertToCatalogueUnit(code(key), value, unit)).toEqual({ value: expected, unit: catalogueUnit })
  })

  it('returns a value already in the catalogue unit unchanged, however the unit is spelled', () => {
    expect(convertToCatalogueUnit(code('fasting-glucose'), 6.123456, ' MMOL/L ')).toEqual({ value: 6.123456, unit: 'mmol/L' })
    expect(convertToCatalogueUnit(code('creatinine'), 88, 'umol/L')).toEqual({ value: 88, unit: 'µmol/L' })
    expect(convertToCatalogueUnit(code('white-cells'), 6.2, '10^9/L')).toEqual({ value: 6.2, unit: '10⁹/L' })
    expect(convertToCatalogueUnit(code('sbp'), 135, 'mm[Hg]')).toEqual({ value: 135, unit: 'mmHg' })
    expect(convertToCatalogueUnit(code('temperature'), 36.6, '°C')).toEqual({ value: 36.6, unit: '℃' })
    expect(convertToCatalogueUnit(code('alt'), 32, '[IU]/L')).toEqual({ value: 32, unit: 'U/L' })
  })

  it('leaves no float noise in a converted value', () => {
    for (const value of [70, 99, 110.5, 126, 180, 250])
      expect(String(convertToCatalogueUnit(code('fasting-glucose'), value, 'mg/dL')?.value)).toMatch(/^\d+(?:\.\d{1,3})?$/)
  })

  it('returns null for a pair with no factor, an item without a unit, or an unknown item', () => {
    expect(convertToCatalogueUnit(code('fasting-glucose'), 5.6, 'µmol/L')).toBeNull()
    expect(convertToCatalogueUnit(code('alt'), 32, 'mg/dL')).toBeNull()
    expect(convertToCatalogueUnit(code('hba1c'), 48, 'mmol/mol')).toBeNull()
    expect(convertToCatalogueUnit(code('haemoglobin'), 135, 'mmol/L')).toBeNull()
    expect(convertToCatalogueUnit(code('ecg'), 1, 'mg/dL')).toBeNull()
    expect(convertToCatalogueUnit('0000-0', 1, 'mg/dL')).toBeNull()
  })
})

describe('convertFromCatalogueUnit', () => {
  const cases: [key: string, value: number, unit: string, expected: number][] = [
    ['fasting-glucose', 5.55, 'mg/dL', 99.99],
    ['total-cholesterol', 5.2, 'mg/dL', 201.1],
    ['ldl-c', 3.4, 'mg/dL', 131.5],
    ['hdl-c', 1.0, 'mg/dL', 38.7],
    ['triglycerides', 1.7, 'mg/dL', 150.6],
    ['creatinine', 100, 'mg/dL', 1.131],
    ['uric-acid', 420, 'mg/dL', 7.061],
    ['urea', 5.0, 'mg/dL', 14.01],
    ['direct-bilirubin', 8.0, 'mg/dL', 0.468],
    ['haemoglobin', 135, 'g/dL', 13.5],
    ['sodium', 140, 'mEq/L', 140],
  ]

  it.each(cases)('gives %s %d in the catalogue unit as %d %s', (key, value, unit, expected) => {
    expect(convertFromCatalogueUnit(code(key), value, unit)).toEqual({ value: expected, unit })
  })

  it('returns null where convertToCatalogueUnit does', () => {
    expect(convertFromCatalogueUnit(code('alt'), 32, 'mg/dL')).toBeNull()
    expect(convertFromCatalogueUnit(code('ecg'), 1, 'mg/dL')).toBeNull()
    expect(convertFromCatalogueUnit('0000-0', 1, 'mg/dL')).toBeNull()
  })

  it('comes back from mass units within half the last digit a report prints', () => {
    const drifted: string[] = []
    for (const conversion of examUnitConversions) {
      for (const c of conversion.codes) {
        const item = examItemsByCode.get(c)
        if (item === undefined)
          throw new Error(`no item ${c}`)
        const printed = 10 ** -item.decimals
        for (const ordinal of [1, 7, 37, 123, 517, 1999]) {
          const value = ordinal * printed
          const there = convertFromCatalogueUnit(c, value, conversion.unit)
          if (there === null)
            throw new Error(`no way from ${item.unit} to ${conversion.unit} for ${c}`)
          const back = convertToCatalogueUnit(c, there.value, there.unit)
          if (back === null || Math.abs(back.value - value) >= printed / 2)
            drifted.push(`${c} ${value} → ${there.value} ${there.unit} → ${back?.value}`)
        }
      }
    }
    expect(drifted).toEqual([])
  })
})
