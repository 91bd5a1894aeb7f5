import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dateOfEpochDay } from './dates'
import { isIsoDate } from './iso-date'

describe('isIsoDate', () => {
  it('takes every day that exists, from year 0 to 9999', () => {
    fc.assert(fc.property(fc.integer({ min: -719528, max: 2932896 }), (day) => {
      expect(isIsoDate(dateOfEpochDay(day))).toBe(true)
    }), { numRuns: 5000 })
  })

  it.each(['2026-02-30', '2026-11-31', '2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-1-01', '26-01-01', '2026-01-01T00:00', ''])('refuses %j', (value) => {
    expect(isIsoDate(value)).toBe(false)
  })

  it('takes 29 February in leap years only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2000-02-29')).toBe(true)
    expect(isIsoDate('2100-02-29')).toBe(false)
  })
})
