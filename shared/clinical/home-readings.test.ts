import { describe, expect, it } from 'vitest'
import { dangerOf, homeReadingLimits } from './home-readings'

describe('dangerOf (clinical.md "Home readings that need action now")', () => {
  it.each([
    [{ sbp: 179, dbp: 109 }, null],
    [{ sbp: 180, dbp: 90 }, 'bp-crisis'],
    [{ sbp: 150, dbp: 110 }, 'bp-crisis'],
    [{ glucose: 3.9 }, null],
    [{ glucose: 3.8 }, 'hypoglycaemia'],
    [{ glucose: 16.6 }, null],
    [{ glucose: 16.7 }, 'hyperglycaemia'],
    [{}, null],
  ])('%o → %s', (reading, expected) => {
    expect(dangerOf(reading)).toBe(expected)
  })
})

describe('homeReadingLimits', () => {
  it('takes the exam catalogue\'s limits for BP (so 400 is refused) and a meter\'s range for glucose', () => {
    expect(homeReadingLimits.sbp).toEqual({ min: 40, max: 300, unit: 'mmHg' })
    expect(homeReadingLimits.dbp).toEqual({ min: 20, max: 200, unit: 'mmHg' })
    expect(homeReadingLimits.glucose).toEqual({ min: 1.1, max: 33.3, unit: 'mmol/L' })
  })
})
