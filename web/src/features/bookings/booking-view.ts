import type { ActingFor } from '../../../../shared/schemas/me'
import { examItemsByKey } from '../../../../shared/clinical/exam-items'
import type { BookableSlot, Booking, ExamPackage, Slot } from '../../../../shared/schemas/bookings'

/**
 * How a booking reads and adds up on the phone. Pure, so each sum and grouping is tested; the
 * server's `residentPaysFen` stays the authority once a booking is made.
 */

const yuanFormats = new Map<string, Intl.NumberFormat>()

/** Fen as yuan in the chosen language: `9000` → `¥90.00`. */
export function formatYuan(fen: number, locale: string): string {
  let format = yuanFormats.get(locale)
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2 })
    yuanFormats.set(locale, format)
  }
  return format.format(fen / 100)
}

/** What the resident pays of one item: its price less the government's share. */
export function residentShareFen(item: Pick<ExamPackage, 'priceFen' | 'subsidyFen'>): number {
  return Math.max(0, item.priceFen - item.subsidyFen)
}

/**
 * What the person pays for the base package and the chosen optional items, as the server counts
 * it: the base package is free when she is due a free exam, else its full price (self-paid).
 */
export function bookingTotalFen(packages: readonly ExamPackage[], chosen: ReadonlySet<string>, selfPaid: boolean): number {
  let total = 0
  for (const item of packages) {
    if (item.kind === 'base')
      total += selfPaid ? item.priceFen : 0
    else if (chosen.has(item.id))
      total += residentShareFen(item)
  }
  return total
}

/** The base package's full price, offered when she is not due a free exam. */
export function basePriceFen(packages: readonly ExamPackage[]): number {
  return packages.find(k => k.kind === 'base')?.priceFen ?? 0
}

/** The optional items the locality adds to everyone's exam, ticked at the start. */
export function recommendedIds(packages: readonly ExamPackage[]): Set<string> {
  return new Set(packages.filter(k => k.kind === 'optional' && k.recommended).map(k => k.id))
}

export interface SlotDay { date: string, slots: Slot[] }

/** Slots grouped by date, dates in order and the morning before the afternoon. */
export function groupSlotsByDate(slots: readonly Slot[]): SlotDay[] {
  const days = new Map<string, Slot[]>()
  for (const slot of [...slots].sort((a, b) => a.date.localeCompare(b.date) || a.halfDay.localeCompare(b.halfDay)))
    days.set(slot.date, [...(days.get(slot.date) ?? []), slot])
  return [...days].map(([date, daySlots]) => ({ date, slots: daySlots }))
}

/** Booking and cancelling: the resident, a household parent, or a proxy with `book` (product.md). */
export function canBookFor(person: Pick<ActingFor, 'relation' | 'scopes'> | null): boolean {
  if (person === null)
    return false
  return person.relation === 'self' || person.relation === 'household-parent' || person.scopes.includes('book')
}

/** An open booking may be cancelled until the day before its date. */
export function isCancellable(booking: Pick<Booking, 'status' | 'cancellableUntil'>, today: string): boolean {
  return booking.status === 'open' && today <= booking.cancellableUntil
}

/** The calendar day in the county (Asia/Shanghai), as the server counts days. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/**
 * An item of her planned exam by name: the catalogue's, or for the two sex-specific ultrasounds
 * Changji adds (not yet in the catalogue) the booking pages' own words.
 */
export function planItemName(key: string, locale: string, t: (key: string) => string): string {
  const item = examItemsByKey.get(key)
  if (item !== undefined)
    return locale === 'en' ? item.en : item.zh
  return key.endsWith('-ultrasound') ? t(`bookings.sexUltrasound.${key}`) : key
}

/** The optional items a half-day offers, in the institution's order: all of them when it names none. */
export function offeredOptional(packages: readonly ExamPackage[], slot: Pick<BookableSlot, 'optionalPackageIds'>): ExamPackage[] {
  const offered = slot.optionalPackageIds
  return packages.filter(k => k.kind === 'optional' && (offered === null || offered.includes(k.id)))
}
