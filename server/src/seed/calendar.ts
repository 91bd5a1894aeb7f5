/**
 * Dates as day numbers (days since 1970-01-01): the generator does date arithmetic tens of
 * millions of times, and formatting through `Date` each time would dominate the run.
 */

const msPerDay = 86_400_000
const firstDay = Date.UTC(1900, 0, 1) / msPerDay
const lastDay = Date.UTC(2200, 0, 1) / msPerDay

let texts: string[] | null = null
let years: Int16Array | null = null
let monthDays: Int16Array | null = null

function tables() {
  if (texts === null || years === null || monthDays === null) {
    const count = lastDay - firstDay
    texts = new Array<string>(count)
    years = new Int16Array(count)
    monthDays = new Int16Array(count)
    for (let i = 0; i < count; i++) {
      const d = new Date((firstDay + i) * msPerDay)
      texts[i] = d.toISOString().slice(0, 10)
      years[i] = d.getUTCFullYear()
      monthDays[i] = (d.getUTCMonth() + 1) * 100 + d.getUTCDate()
    }
  }
  return { texts, years, monthDays }
}

/** `YYYY-MM-DD` → day number. */
export function dayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  return Date.UTC(y!, m! - 1, d!) / msPerDay
}

/** Year, month (1–12) and day → day number. */
export function dayOfYmd(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / msPerDay
}

/** Day number → `YYYY-MM-DD`. */
export function dateOf(day: number): string {
  return tables().texts[day - firstDay]!
}

export function yearOf(day: number): number {
  return tables().years[day - firstDay]!
}

/** 周岁 on `day` of someone born on `birthDay` (a 29 February birthday counts from 1 March). */
export function ageAt(birthDay: number, day: number): number {
  const { years: y, monthDays: md } = tables()
  const b = birthDay - firstDay
  const o = day - firstDay
  return y[o]! - y[b]! - (md[o]! < md[b]! ? 1 : 0)
}

/** The day someone born on `birthDay` turns `age` (1 March for a 29 February birthday in a common year). */
export function birthdayAt(birthDay: number, age: number): number {
  const { years: y, monthDays: md } = tables()
  const b = birthDay - firstDay
  const month = Math.floor(md[b]! / 100)
  const date = md[b]! % 100
  const day = dayOfYmd(y[b]! + age, month, date)
  return month === 2 && date === 29 && yearOf(day) % 4 !== 0 ? dayOfYmd(y[b]! + age, 3, 1) : day
}

/** Epoch milliseconds of a wall-clock time in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiInstant(day: number, hour: number, minute = 0): number {
  return day * msPerDay + ((hour - 8) * 60 + minute) * 60_000
}
