import { and, eq, isNull } from 'drizzle-orm'
import { addDays, ageOn } from '../../../../shared/dates'
import { NotificationKind } from '../../../../shared/schemas/notifications'
import type { Db } from '../../db/client'
import { equalsConstant } from '../../db/constant'
import { accounts, bookings, examSlots, institutions, notifications, residents } from '../../db/schema'
import { newId } from '../../ids'

/** Adults read their own notices; a child's go to whoever booked for her (issue 6). */
const ADULT_AGE = 18

/**
 * The day-before reminder of a booked exam (issue 6): on `on`, every open booking of the next day
 * tells whoever booked it, and the resident herself when she is an adult someone else booked for,
 * where and when to go and what to bring (ID card, an empty stomach). Each booking is reminded
 * once, however often the daily job runs: the notices and the booking's `remindedAt` are written
 * in one transaction.
 * @returns how many bookings were reminded
 */
export function sendDayBeforeReminders(db: Db, on: string, now: number): number {
  const tomorrow = addDays(on, 1)
  return db.transaction(() => {
    const due = db.select({
      id: bookings.id, residentId: bookings.residentId, bookedBy: bookings.bookedBy,
      bookerResidentId: accounts.residentId, name: residents.name, birthDate: residents.birthDate,
      halfDay: examSlots.halfDay, institution: institutions.name, address: institutions.address,
    }).from(bookings)
      .innerJoin(examSlots, eq(examSlots.id, bookings.slotId))
      .innerJoin(institutions, eq(institutions.id, examSlots.institutionId))
      .innerJoin(residents, eq(residents.id, bookings.residentId))
      .innerJoin(accounts, eq(accounts.id, bookings.bookedBy))
      .where(and(eq(examSlots.date, tomorrow), equalsConstant(bookings.status, 'open'), isNull(bookings.remindedAt)))
      .all()
    for (const booking of due) {
      const params = JSON.stringify({ residentId: booking.residentId, bookingId: booking.id, date: tomorrow, halfDay: booking.halfDay, institution: booking.institution, address: booking.address, name: booking.name })
      const bookedForHer = booking.bookerResidentId !== booking.residentId
      if (bookedForHer)
        db.insert(notifications).values({ id: newId(), accountId: booking.bookedBy, kind: NotificationKind.BOOKING_TOMORROW, params, createdAt: now }).run()
      if (!bookedForHer || ageOn(booking.birthDate, on) >= ADULT_AGE)
        db.insert(notifications).values({ id: newId(), residentId: booking.residentId, kind: NotificationKind.BOOKING_TOMORROW, params, createdAt: now }).run()
      db.update(bookings).set({ remindedAt: now }).where(eq(bookings.id, booking.id)).run()
    }
    return due.length
  }, { behavior: 'immediate' })
}
