/**
 * Dates and numbers through Intl in the chosen language. Record dates are calendar dates
 * (YYYY-MM-DD) and are formatted in UTC so no time zone can move them a day; instants
 * (syncedAt, createdAt) are shown in the county's time zone.
 */

const dateFormats = new Map<string, Intl.DateTimeFormat>()
const instantFormats = new Map<string, Intl.DateTimeFormat>()
const numberFormats = new Map<string, Intl.NumberFormat>()

function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key)
  if (value === undefined) {
    value = make()
    map.set(key, value)
  }
  return value
}

/** `2026-08-15` → `2026年8月15日` or `15 Aug 2026`. */
export function formatDate(date: string, locale: string): string {
  const format = cached(dateFormats, locale, () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }))
  return format.format(new Date(`${date}T00:00:00Z`))
}

/** An ISO instant → date and time in Asia/Shanghai. */
export function formatInstant(at: string, locale: string): string {
  const format = cached(instantFormats, locale, () => new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Shanghai',
  }))
  return format.format(new Date(at))
}

/** A measurement with at most one decimal: `7.25` → `7.3`. */
export function formatDecimal(value: number, locale: string): string {
  const format = cached(numberFormats, locale, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }))
  return format.format(value)
}
