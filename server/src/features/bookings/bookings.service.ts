import { ResidentAction } from '../../../../shared/access'
import { addDays } from '../../../../shared/dates'
import { ErrorCode } from '../../../../shared/errors'
import type { Booking, BookingList, CreateBookingBody, ExamPackage, ExamPlan, Institution, InstitutionList, InstitutionSlots } from '../../../../shared/schemas/bookings'
import type { AppContext } from '../../context'
import { AppError, notFound } from '../../errors'
import type { ResidentAccess } from '../../plugins/access'
import type { Actor } from '../../plugins/session'
import { createBookingPlacer, offeredIds, packageOf } from './bookings.place'
import type { BookingRow } from './bookings.repo'
import { createBookingsRepo } from './bookings.repo'

/** How far ahead slots are offered (demo.md: the institutions publish the next 60 days). */
export const BOOKING_WINDOW_DAYS = 60

/**
 * Booking exams (issue 6). The place is taken by one conditional update inside the booking's
 * transaction, so a slot is never overbooked however many ask for its last place at once; one
 * open booking per resident is a unique index; an Idempotency-Key returns a retried request's
 * first booking.
 */
export function createBookingsService(ctx: AppContext, access: ResidentAccess) {
  const repo = createBookingsRepo(ctx.db)
  const placer = createBookingPlacer(ctx)

  function bookingOf(row: BookingRow, packages: readonly ExamPackage[]): Booking {
    return {
      id: row.id,
      residentId: row.residentId,
      status: row.status,
      institution: { id: row.institutionId, name: row.institutionName, address: row.address, phone: row.phone },
      slot: { id: row.slotId, date: row.date, halfDay: row.halfDay },
      free: row.free,
      packages: [...packages],
      residentPaysFen: row.residentPaysFen,
      checkInCode: row.checkInCode,
      createdAt: new Date(row.createdAt).toISOString(),
      cancelledAt: row.cancelledAt === null ? null : new Date(row.cancelledAt).toISOString(),
      checkedInAt: row.checkedInAt === null ? null : new Date(row.checkedInAt).toISOString(),
      cancellableUntil: addDays(row.date, -1),
    }
  }

  /** A booking with its packages: the institution's base package and the optional ones chosen. */
  function withPackages(row: BookingRow): Booking {
    const chosen = new Set(JSON.parse(row.optionalPackages) as string[])
    const packages = repo.packagesOf(row.institutionId).filter(k => k.kind === 'base' || chosen.has(k.id)).map(packageOf)
    return bookingOf(row, packages)
  }

  return {
    /**
     * Where exams can be booked, each with its next half-day that has a place left. Asked for a
     * resident, the ones near her come first: the centre of her township (its address names it),
     * then her family doctor's.
     */
    institutions(actor: Actor, residentId: string | undefined): InstitutionList {
      const today = ctx.clock.today()
      let near: (institution: { id: string, address: string }) => Institution['near'] = () => null
      if (residentId !== undefined) {
        const { resident } = access.authorize(actor, residentId, ResidentAction.READ, 'read', 'bookings')
        const doctorAt = repo.familyDoctorInstitution(residentId, today)
        near = i => i.address.includes(resident.township) ? 'her-township' : i.id === doctorAt ? 'her-doctor' : null
      }
      const rank = { 'her-township': 0, 'her-doctor': 1 } as const
      const items = repo.institutions(today, addDays(today, BOOKING_WINDOW_DAYS)).map(({ nextFree, ...institution }) => ({
        ...institution,
        nextFreeSlot: nextFree === null ? null : { date: nextFree.slice(0, 10), halfDay: nextFree.slice(11) as 'am' | 'pm' },
        near: near(institution),
      }))
      // a stable sort: by name within each rank, as the repo ordered them
      return { items: items.sort((a, b) => (a.near === null ? 2 : rank[a.near]) - (b.near === null ? 2 : rank[b.near])) }
    },

    slots(institutionId: string, from: string | undefined, days: number): InstitutionSlots {
      const institution = repo.institution(institutionId)
      if (institution === null)
        throw notFound()
      // bookable from tomorrow: today's half-days are the desk's, for walk-ins
      const today = ctx.clock.today()
      const after = from === undefined || from <= today ? today : addDays(from, -1)
      return {
        institution,
        packages: repo.packagesOf(institutionId).map(packageOf),
        slots: repo.slotsOf(institutionId, after, addDays(after, Math.min(days, BOOKING_WINDOW_DAYS))).map(s => ({ id: s.id, date: s.date, halfDay: s.halfDay, capacity: s.capacity, placesLeft: Math.max(0, s.capacity - s.booked), optionalPackageIds: offeredIds(s.optionalPackageIds) })),
      }
    },

    /** Her exam on a day she might book, for the screen before she confirms. */
    plan(actor: Actor, residentId: string, date: string): ExamPlan {
      const allowed = access.authorize(actor, residentId, ResidentAction.READ, 'read', 'bookings')
      return placer.planOn(allowed.resident, date, allowed.hideSensitive ? 'proxy' : 'full')
    },

    list(actor: Actor, residentId: string): BookingList {
      access.authorize(actor, residentId, ResidentAction.READ, 'read', 'bookings')
      return { items: repo.bookingsOf(residentId).map(withPackages) }
    },

    /**
     * Books a place for the resident. Free or not is judged on the slot's date (product.md): the
     * base package is free when she is due a free exam then; otherwise she books it at its price,
     * knowingly. Optional items are co-paid. One transaction: the place, the booking, the key,
     * the access log and her notice when someone books for her.
     * @returns the booking, and whether it is new (201) or a retried request's (200)
     */
    book(actor: Actor, residentId: string, body: CreateBookingBody, idempotencyKey: string | null): { booking: Booking, created: boolean } {
      return ctx.db.transaction(() => {
        const allowed = access.authorize(actor, residentId, ResidentAction.BOOK, 'change', 'booking')
        if (idempotencyKey !== null) {
          const first = repo.bookingOfRequest(actor.accountId, idempotencyKey)
          if (first !== null) {
            const row = repo.booking(first)!
            if (row.residentId !== residentId || row.slotId !== body.slotId)
              throw new AppError(ErrorCode.VALIDATION_FAILED, 'This Idempotency-Key was used for another booking: use a new key for a new request', { field: 'idempotency-key' })
            return { booking: withPackages(row), created: false }
          }
        }
        const slot = repo.slot(body.slotId)
        if (slot === null || slot.withdrawnAt !== null)
          throw new AppError(ErrorCode.VALIDATION_FAILED, 'No such slot: choose one of the institution\'s slots', { field: 'slotId' })
        const today = ctx.clock.today()
        if (slot.date <= today)
          throw new AppError(ErrorCode.TOO_LATE, 'This half-day has begun or passed: choose a later one')
        const open = repo.openBooking(residentId)
        if (open !== null)
          throw new AppError(ErrorCode.ALREADY_BOOKED, 'She already has an open booking: cancel it before booking another')
        const placed = placer.place({ resident: allowed.resident, slot, optionalPackageIds: body.optionalPackageIds, selfPaid: body.selfPaid, bookedBy: actor.accountId, slotField: 'slotId' })
        if (idempotencyKey !== null)
          repo.insertRequest(actor.accountId, idempotencyKey, placed.id, placed.createdAt)
        // the booking as written, not read back: every value is at hand
        const institution = repo.institution(slot.institutionId)!
        const booking = bookingOf({
          ...placed, status: 'open', cancelledAt: null, checkedInAt: null,
          date: slot.date, halfDay: slot.halfDay, institutionId: institution.id, institutionName: institution.name, address: institution.address, phone: institution.phone,
        }, placed.packages.map(packageOf))
        return { booking, created: true }
      }, { behavior: 'immediate' })
    },

    /** Cancels an open booking until the day before its date; the place returns to the pool at once. */
    cancel(actor: Actor, residentId: string, bookingId: string): Booking {
      return ctx.db.transaction(() => {
        access.authorize(actor, residentId, ResidentAction.BOOK, 'change', 'booking')
        const row = repo.booking(bookingId)
        if (row === null || row.residentId !== residentId)
          throw notFound()
        if (row.status !== 'open')
          throw new AppError(ErrorCode.TOO_LATE, `This booking is ${row.status} already`)
        if (row.date <= ctx.clock.today())
          throw new AppError(ErrorCode.TOO_LATE, `A booking can be cancelled until the day before (${addDays(row.date, -1)})`)
        repo.cancel(row.id, ctx.clock.now())
        repo.returnPlace(row.slotId)
        return withPackages(repo.booking(row.id)!)
      }, { behavior: 'immediate' })
    },
  }
}
