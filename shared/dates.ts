/**
 * Calendar dates as `YYYY-MM-DD` strings, the way policy and records speak of them. The arithmetic
 * is on integers (days since 1970-01-01, proleptic Gregorian) rather than `Date` objects: the
 * reminder engine calls these helpers millions of times a day, and a `Date` plus `toISOString`
 * per call was most of its cost. Every function expects a well-formed date (`isoDatePattern`).
 */

const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })

/** The calendar date in Asia/Shanghai at the instant `at` (policy-rules.md: the evaluation date). */
export function shanghaiDateOf(at: Date): string {
  return shanghaiDate.format(at)
}

// Reading the digits by char code allocates nothing, unlike split('-').map(Number).
function yearPart(date: string): number {
  return (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + date.charCodeAt(3) - 48
}

function monthPart(date: string): number {
  return (date.charCodeAt(5) - 48) * 10 + date.charCodeAt(6) - 48
}

function dayPart(date: string): number {
  return (date.charCodeAt(8) - 48) * 10 + date.charCodeAt(9) - 48
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

const twoDigits = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'))

function format(year: number, month: number, day: number): string {
  const y = year >= 1000 ? String(year) : String(year).padStart(4, '0')
  return `${y}-${twoDigits[month]}-${twoDigits[day]}`
}

/**
 * Days since 1970-01-01 (negative before it), by H. Hinnant's days-from-civil algorithm: counting
 * years from 1 March puts the leap day last, so a year's days follow one formula. A day past the
 * month's end rolls into the next month, as `Date.UTC` does.
 */
export function epochDayOf(date: string): number {
  const month = monthPart(date)
  const year = yearPart(date) - (month <= 2 ? 1 : 0)
  const era = Math.floor(year / 400)
  const yearOfEra = year - era * 400
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + dayPart(date) - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

/** The date `YYYY-MM-DD` of a day since 1970-01-01 (H. Hinnant's civil-from-days); the inverse of `epochDayOf`. */
export function dateOfEpochDay(epochDay: number): string {
  const z = epochDay + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365)
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
  return format(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
}

/**
 * 周岁 on `on`: completed years. A 29 February birthday falls on 1 March in common years
 * (policy-rules.md, Definitions), which is what comparing (month, day) pairs gives.
 */
export function ageOn(birthDate: string, on: string): number {
  const birthMonthDay = monthPart(birthDate) * 100 + dayPart(birthDate)
  const monthDay = monthPart(on) * 100 + dayPart(on)
  return yearPart(on) - yearPart(birthDate) - (monthDay >= birthMonthDay ? 0 : 1)
}

/** Adds whole days to a date. */
export function addDays(date: string, days: number): string {
  const year = yearPart(date)
  const month = monthPart(date)
  const day = dayPart(date) + days
  // most steps stay inside the month; only the others need the day count
  if (day >= 1 && day <= daysInMonth(year, month))
    return format(year, month, day)
  return dateOfEpochDay(epochDayOf(date) + days)
}

/** Adds calendar months, clamping to the month's last day (2026-01-31 + 1 month = 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const monthIndex = yearPart(date) * 12 + monthPart(date) - 1 + months
  const year = Math.floor(monthIndex / 12)
  const month = monthIndex - year * 12 + 1
  return format(year, month, Math.min(dayPart(date), daysInMonth(year, month)))
}

export { isoDatePattern } from './iso-date'

/**
 * The day someone born on `birthDate` reaches `age` 周岁: that year's birthday, with a 29 February
 * birthday on 1 March in common years (policy-rules.md, Definitions), so that
 * `ageOn(birthDate, dateOfAge(birthDate, age)) === age` and the day before is still `age - 1`.
 */
export function dateOfAge(birthDate: string, age: number): string {
  const year = yearPart(birthDate) + age
  const month = monthPart(birthDate)
  const day = dayPart(birthDate)
  if (month === 2 && day === 29 && !isLeapYear(year))
    return format(year, 3, 1)
  return format(year, month, day)
}
