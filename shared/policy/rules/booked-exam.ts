import { addDays } from '../../dates'
import type { Locale } from '../messages'
import type { Rule } from '../rule-set'
import { makeReminder, statusOn } from '../rule-set'
import type { PolicyEvent } from '../snapshot'

/**
 * A booked exam (policy-rules.md "Booked exam"): due the day before its slot, done when checked in
 * or cancelled. Only bookings for today or later are shown: once the slot has passed, the
 * programme's own exam reminder says whether an exam is still due. Every rule set uses this.
 */

type Booking = Extract<PolicyEvent, { kind: 'booking' }>

// Of two states recorded the same day, the one that happened last in a booking's life wins.
const lifecycle = { 'open': 0, 'cancelled': 1, 'checked-in': 2 } as const

function currentState(bookings: readonly Booking[]): Booking[] {
  const byId = new Map<string, Booking>()
  for (const booking of bookings) {
    const seen = byId.get(booking.bookingId)
    if (seen === undefined || seen.date < booking.date || (seen.date === booking.date && lifecycle[seen.status] <= lifecycle[booking.status]))
      byId.set(booking.bookingId, booking)
  }
  return [...byId.values()]
}

/** What `bookedExamRule` says, for each rule set's `ruleSources`. */
export const bookedExamSummary: Record<Locale, string> = {
  'zh-CN': '预约了免费体检，请在预约当天到场签到体检',
  'en': 'A booked free health exam is attended and checked in on its booked day.',
}

export const bookedExamRule: Rule = (ctx) => {
  const bookings = ctx.history('booking')
  // a booking shows only while its slot is today or later, so with no such slot there is nothing to show
  if (!bookings.some(booking => booking.slotDate >= ctx.on))
    return []
  return currentState(bookings)
    .filter(booking => booking.slotDate >= ctx.on)
    .map((booking) => {
      const dueFrom = addDays(booking.slotDate, -1)
      const open = booking.status === 'open'
      const key = open ? 'booked-exam.open' : booking.status === 'checked-in' ? 'booked-exam.checked-in' : 'booked-exam.cancelled'
      return makeReminder(ctx, {
        kind: 'booked-exam',
        rule: 'booked-exam',
        status: open ? statusOn(ctx.on, dueFrom, booking.slotDate) : 'done',
        dueFrom,
        dueBy: booking.slotDate,
        // the booked exam is the programme's free exam (seed 000 §二(一), seed 003 §三)
        free: true,
        reason: { key, params: { date: booking.slotDate } },
        action: 'attend-exam',
        subjectId: booking.bookingId,
      })
    })
}
