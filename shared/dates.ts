/** Calendar dates as `YYYY-MM-DD` strings, the way policy and records speak of them. */

const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })

/** The calendar date in Asia/Shanghai at the instant `at` (policy-rules.md: the evaluation date). */
export function shanghaiDateOf(at: Date): string {
  return shanghaiDate.format(at)
}

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number)
  return [y!, m!, d!]
}

/**
 * 周岁 on `on`: completed years. A 29 February birthday falls on 1 March in common years
 * (policy-rules.md, Definitions), which is what comparing (month, day) pairs gives.
 */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = parts(birthDate)
  const [y, m, d] = parts(on)
  const hadBirthday = m > bm || (m === bm && d >= bd)
  return y - by - (hadBirthday ? 0 : 1)
}

/** Adds whole days to a date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** Adds calendar months, clamping to the month's last day (2026-01-31 + 1 month = 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date)
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate()
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10)
}

export const isoDatePattern = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/

/**
 * The day someone born on `birthDate` reaches `age` 周岁: that year's birthday, with a 29 February
 * birthday on 1 March in common years (policy-rules.md, Definitions), so that
 * `ageOn(birthDate, dateOfAge(birthDate, age)) === age` and the day before is still `age - 1`.
 */
export function dateOfAge(birthDate: string, age: number): string {
  const [by, bm, bd] = parts(birthDate)
  const year = by + age
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  if (bm === 2 && bd === 29 && !leap)
    return `${String(year).padStart(4, '0')}-03-01`
  return `${String(year).padStart(4, '0')}-${String(bm).padStart(2, '0')}-${String(bd).padStart(2, '0')}`
}
