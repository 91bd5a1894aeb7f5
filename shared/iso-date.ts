/**
 * A calendar date `YYYY-MM-DD`. Its own module so that validating a date (every API schema does)
 * does not pull the date arithmetic of shared/dates.ts into the phone's first screen.
 */
export const isoDatePattern = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/

/** A date of the form `YYYY-MM-DD` that exists: not 2026-02-30, and 29 February only in leap years. */
export function isIsoDate(value: string): boolean {
  if (!isoDatePattern.test(value))
    return false
  const year = Number(value.slice(0, 4))
  const month = Number(value.slice(5, 7))
  const day = Number(value.slice(8, 10))
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31
  return day <= daysInMonth
}
