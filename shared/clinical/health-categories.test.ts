import { describe, expect, it } from 'vitest'
import { bmiCategory, bpCategory, controlTargets, fastingGlucoseCategory, lipidCategory, waistCategory } from './health-categories'

describe('adult categories (clinical.md), at their borders', () => {
  it('BMI: < 18.5 underweight, < 24 normal, < 28 overweight, else obese', () => {
    expect([18.4, 18.5, 23.9, 24.0, 27.9, 28.0].map(bmiCategory)).toEqual(['underweight', 'normal', 'normal', 'overweight', 'overweight', 'obese'])
  })

  it('waist: women pre-central from 80, central obesity from 85; men from 85 and 90', () => {
    expect([79.9, 80, 84.9, 85].map(w => waistCategory('female', w))).toEqual(['normal', 'pre-central', 'pre-central', 'central-obesity'])
    expect([84.9, 85, 89.9, 90].map(w => waistCategory('male', w))).toEqual(['normal', 'pre-central', 'pre-central', 'central-obesity'])
  })

  it('BP: the higher of the SBP and DBP grades counts', () => {
    expect(bpCategory(119, 79)).toBe('normal')
    expect(bpCategory(120, 70)).toBe('high-normal')
    expect(bpCategory(118, 90)).toBe('grade-1')
    expect(bpCategory(165, 85)).toBe('grade-2')
    expect(bpCategory(130, 110)).toBe('grade-3')
    expect(bpCategory(180, 60)).toBe('grade-3')
  })

  it('fasting glucose: < 6.1 normal, < 7.0 impaired, else diabetes range', () => {
    expect([6.0, 6.1, 6.9, 7.0].map(fastingGlucoseCategory)).toEqual(['normal', 'impaired-fasting', 'impaired-fasting', 'diabetes-range'])
  })

  it('lipids: TC, LDL-C, TG bands; HDL-C low below 1.0', () => {
    expect([5.1, 5.2, 6.2].map(v => lipidCategory('tc', v))).toEqual(['desirable', 'borderline', 'high'])
    expect([3.3, 3.4, 4.1].map(v => lipidCategory('ldl', v))).toEqual(['desirable', 'borderline', 'high'])
    expect([1.6, 1.7, 2.3].map(v => lipidCategory('tg', v))).toEqual(['desirable', 'borderline', 'high'])
    expect([0.9, 1.0].map(v => lipidCategory('hdl', v))).toEqual(['low', 'desirable'])
  })
})

describe('controlTargets', () => {
  it('a diabetic woman of 74: < 140/90, glucose < 7.0, LDL-C < 2.6, waist < 85', () => {
    expect(controlTargets({ sex: 'female', age: 74, diabetes: true })).toEqual({ sbpBelow: 140, dbpBelow: 90, fastingGlucoseBelow: 7.0, ldlBelow: 2.6, bmiBelow: 24, waistBelow: 85 })
  })

  it('at 80 the elderly BP target < 150/90 applies; without diabetes LDL-C < 3.4; men waist < 90', () => {
    expect(controlTargets({ sex: 'male', age: 80, diabetes: false })).toMatchObject({ sbpBelow: 150, ldlBelow: 3.4, waistBelow: 90 })
    expect(controlTargets({ sex: 'male', age: 79, diabetes: false }).sbpBelow).toBe(140)
  })
})
