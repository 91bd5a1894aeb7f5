import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, addMonths, ageOn, dateOfAge, dateOfEpochDay, epochDayOf, shanghaiDateOf } from './dates'

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

describe('integer day arithmetic', () => {
  it('counts days from 1970-01-01 and back', () => {
    expect(epochDayOf('1970-01-01')).toBe(0)
    expect(epochDayOf('1969-12-31')).toBe(-1)
    expect(epochDayOf('2000-03-01')).toBe(11017)
    expect(dateOfEpochDay(11016)).toBe('2000-02-29')
    expect(dateOfEpochDay(-719528)).toBe('0000-01-01')
    expect(dateOfEpochDay(2932896)).toBe('9999-12-31')
  })

  it('knows the leap years: every 4th, not every 100th, but every 400th', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01')
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29')
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01')
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
  })

  it('adds days across month and year boundaries, both ways', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01')
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31')
    expect(addDays('2026-11-22', 30)).toBe('2026-12-22')
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14')
    expect(addDays('2026-11-22', 0)).toBe('2026-11-22')
    expect(addDays('1956-03-10', 36525)).toBe('2056-03-10')
  })

  it('clamps months to their last day, 29 February included', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30')
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29')
    expect(addMonths('2024-02-29', 60)).toBe('2029-02-28')
  })

  it('carries months across year boundaries, both ways', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15')
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15')
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01')
  })

  it('writes years before 1000 with four digits', () => {
    expect(addDays('0999-12-31', 1)).toBe('1000-01-01')
    expect(addMonths('0050-01-31', 1)).toBe('0050-02-28')
    expect(dateOfAge('0950-02-29', 50)).toBe('1000-03-01')
  })
})

/** References built on `Date` (UTC), the arithmetic the integer helpers replace. */
const dayMs = 86_400_000
const dateOfDay = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10)
function referenceAddMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999
  const at = (month: number, day: number) => new Date(new Date(0).setUTCFullYear(y, month, day))
  const lastDay = at(m - 1 + months + 1, 0).getUTCDate()
  return at(m - 1 + months, Math.min(d, lastDay)).toISOString().slice(0, 10)
}

describe('integer day arithmetic agrees with Date, years 0000-9999', () => {
  const anyDay = fc.integer({ min: epochDayOf('0000-01-01'), max: epochDayOf('9999-12-31') })
  // keep the results inside 0000-9999, where toISOString writes four-digit years
  const inRange = (day: number) => day >= -719528 && day <= 2932896

  it('epochDayOf and dateOfEpochDay match Date and invert each other', () => {
    fc.assert(fc.property(anyDay, (day) => {
      const date = dateOfDay(day)
      expect(dateOfEpochDay(day)).toBe(date)
      expect(epochDayOf(date)).toBe(day)
    }), { numRuns: 10_000 })
  })

  it('addDays matches Date', () => {
    fc.assert(fc.property(anyDay, fc.integer({ min: -40_000, max: 40_000 }), (day, days) => {
      fc.pre(inRange(day + days))
      expect(addDays(dateOfDay(day), days)).toBe(dateOfDay(day + days))
    }), { numRuns: 10_000 })
  })

  it('addMonths matches Date with the month-end clamp', () => {
    fc.assert(fc.property(anyDay, fc.integer({ min: -1200, max: 1200 }), (day, months) => {
      const date = dateOfDay(day)
      const expected = referenceAddMonths(date, months)
      fc.pre(/^\d{4}-/.test(expected))
      expect(addMonths(date, months)).toBe(expected)
    }), { numRuns: 10_000 })
  })

  it('ageOn and dateOfAge agree with counting birthdays on Date', () => {
    fc.assert(fc.property(anyDay, fc.integer({ min: 1, max: 120 }), (day, age) => {
      const birthDate = dateOfDay(day)
      fc.pre(Number(birthDate.slice(0, 4)) + age <= 9999)
      const birthday = dateOfAge(birthDate, age)
      // the reference birthday: the same month and day `age` years on, 29 February rolling to 1 March
      const reference = new Date(new Date(0).setUTCFullYear(Number(birthDate.slice(0, 4)) + age, Number(birthDate.slice(5, 7)) - 1, Number(birthDate.slice(8, 10))))
      expect(birthday).toBe(reference.toISOString().slice(0, 10))
      expect(ageOn(birthDate, birthday)).toBe(age)
      expect(ageOn(birthDate, addDays(birthday, -1))).toBe(age - 1)
    }), { numRuns: 10_000 })
  })
})
