import { addDays } from '../../dates'
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

export const bookedExamRule: Rule = ctx => currentState(ctx.history('booking'))
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
