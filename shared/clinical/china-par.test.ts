import { describe, expect, it } from 'vitest'
import type { ChinaParInput } from './china-par'
import { chinaPar10y, chinaParCategory, chinaParIdeal, chinaParRiskUnrounded, isNorthRegion, MMOL_PER_MG_DL_CHOLESTEROL } from './china-par'

/** The paper's worked profile (clinical.md), cholesterol given in mg/dL there. */
function profile(sex: 'male' | 'female', age: number): ChinaParInput {
  return {
    sex,
    age,
    sbp: 130,
    treated: false,
    tcMmol: 210 * MMOL_PER_MG_DL_CHOLESTEROL,
    hdlMmol: 55 * MMOL_PER_MG_DL_CHOLESTEROL,
    waistCm: 80,
    smoker: false,
    diabetes: true,
    north: true,
    urban: true,
    familyHistory: false,
  }
}

describe('chinaPar10y — the paper\'s worked values (unrounded within 0.1 percentage point)', () => {
  it.each([
    ['male', 40, 2.2],
    ['male', 50, 5.4],
    ['male', 60, 11.0],
    ['male', 70, 19.6],
    ['female', 40, 2.4],
    ['female', 50, 5.4],
    ['female', 60, 10.1],
    ['female', 70, 17.1],
  ] as const)('%s at %i → %f %%', (sex, age, expected) => {
    expect(Math.abs(chinaParRiskUnrounded(profile(sex, age)) - expected)).toBeLessThanOrEqual(0.1)
  })

  it('rounds to one decimal: men at 70 give 19.7 and women at 50 give 5.3 (clinical.md notes both)', () => {
    expect(chinaPar10y(profile('male', 70))).toEqual({ risk: 19.7, category: 'high', missing: [], ageOutOfRange: false })
    expect(chinaPar10y(profile('female', 50))).toEqual({ risk: 5.3, category: 'medium', missing: [], ageOutOfRange: false })
    expect(chinaPar10y(profile('male', 40))).toMatchObject({ risk: 2.2, category: 'low' })
  })
})

describe('chinaPar10y — when it gives no number', () => {
  it.each([34, 75, 80])('age %i is outside 35–74', (age) => {
    expect(chinaPar10y(profile('female', age))).toEqual({ risk: null, category: null, missing: [], ageOutOfRange: true })
  })

  it('gives 35 and 74 a number', () => {
    expect(chinaPar10y(profile('female', 35)).risk).toBeTypeOf('number')
    expect(chinaPar10y(profile('female', 74)).risk).toBeTypeOf('number')
  })

  it('names each missing input (absent, null or not a number), in the contract\'s order', () => {
    const { tcMmol: _tc, ...noTc } = profile('male', 60)
    expect(chinaPar10y({ ...noTc, waistCm: null, smoker: undefined, sbp: Number.NaN })).toEqual({
      risk: null,
      category: null,
      missing: ['sbp', 'tcMmol', 'waistCm', 'smoker'],
      ageOutOfRange: false,
    })
  })
})

describe('the model\'s terms', () => {
  it('uses the treated SBP terms when treated: a treated man at 130 has a higher risk', () => {
    const untreated = chinaParRiskUnrounded(profile('male', 60))
    const treated = chinaParRiskUnrounded({ ...profile('male', 60), treated: true })
    expect(treated).toBeGreaterThan(untreated)
  })

  it('urban and family history do not move a woman\'s risk (the paper has no such terms for women)', () => {
    const base = chinaParRiskUnrounded(profile('female', 60))
    expect(chinaParRiskUnrounded({ ...profile('female', 60), urban: false, familyHistory: true })).toBeCloseTo(base, 10)
  })

  it('categories: < 5 low, 5–< 10 medium, ≥ 10 high', () => {
    expect([4.9, 5, 9.9, 10].map(chinaParCategory)).toEqual(['low', 'medium', 'medium', 'high'])
  })
})

describe('chinaParIdeal', () => {
  it('keeps age, sex, region and urban; sets the ideal values: lower than the worked profile, and a number', () => {
    const ideal = chinaParIdeal({ sex: 'female', age: 70, north: true, urban: true })
    expect(ideal.risk).toBeTypeOf('number')
    expect(ideal.risk!).toBeLessThan(17.1)
    const expected = chinaParRiskUnrounded({ sex: 'female', age: 70, north: true, urban: true, sbp: 120, treated: false, tcMmol: 200 * MMOL_PER_MG_DL_CHOLESTEROL, hdlMmol: 40 * MMOL_PER_MG_DL_CHOLESTEROL, waistCm: 85, smoker: false, diabetes: false, familyHistory: false })
    expect(ideal.risk).toBe(Math.round(expected * 10) / 10)
  })

  it('outside 35–74 it gives no number either', () => {
    expect(chinaParIdeal({ sex: 'male', age: 80, north: false, urban: false })).toMatchObject({ risk: null, ageOutOfRange: true })
  })
})

describe('isNorthRegion', () => {
  it('Zhejiang (诸暨 330681) is south; Xinjiang (昌吉 652301) and Beijing are north', () => {
    expect(isNorthRegion('330681')).toBe(false)
    expect(isNorthRegion('652301')).toBe(true)
    expect(isNorthRegion('110105')).toBe(true)
  })
})
