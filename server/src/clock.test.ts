import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { shanghaiDateOf } from '../../shared/dates'
import { shanghaiDayAt, systemClock } from './clock'

describe('clock', () => {
  it('the fixed-offset Shanghai day agrees with the time-zone database from 1992 to 2100', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
      expect(shanghaiDayAt(ms)).toBe(shanghaiDateOf(new Date(ms)))
    }), { numRuns: 5000 })
  })

  it('turns the day at midnight in Shanghai, which is 16:00 UTC', () => {
    expect(shanghaiDayAt(Date.UTC(2026, 10, 21, 15, 59, 59, 999))).toBe('2026-11-21')
    expect(shanghaiDayAt(Date.UTC(2026, 10, 21, 16, 0, 0, 0))).toBe('2026-11-22')
  })

  it('a pinned day wins over the system time', () => {
    expect(systemClock('2026-11-22').today()).toBe('2026-11-22')
    expect(systemClock(null).today()).toBe(shanghaiDayAt(Date.now()))
  })
})
