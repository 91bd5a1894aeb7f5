import { describe, expect, it } from 'vitest'
import { addDays, addMonths, ageOn, shanghaiDateOf } from './dates'

describe('dates', () => {
  it('counts 周岁 as completed years, reached on the birthday', () => {
    expect(ageOn('1956-11-23', '2026-11-22')).toBe(69)
    expect(ageOn('1956-11-23', '2026-11-23')).toBe(70)
  })

  it('puts a 29 February birthday on 1 March in common years', () => {
    expect(ageOn('1952-02-29', '2022-02-28')).toBe(69)
    expect(ageOn('1952-02-29', '2022-03-01')).toBe(70)
    expect(ageOn('1952-02-29', '2024-02-29')).toBe(72)
  })

  it('reads the date in Asia/Shanghai, not UTC', () => {
    expect(shanghaiDateOf(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23')
  })

  it('adds days and clamps months to their last day', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2025-03-01', 3)).toBe('2025-06-01')
  })
})
