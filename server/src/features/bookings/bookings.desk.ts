import { and, eq, sql } from 'drizzle-orm'
import { decideInstitutionAccess } from '../../../../shared/access'
import { ageOn } from '../../../../shared/dates'
import { ErrorCode } from '../../../../shared/errors'
import { maskIdNumber } from '../../../../shared/residents/id-number'
import type { CheckInBody, DayBooking, DayBookings, PublishSlotBody, Slot } from '../../../../shared/schemas/bookings'
import { NotificationKind } from '../../../../shared/schemas/notifications'
import type { AppContext } from '../../context'
import { accessLog, bookings, examPackages, examSlots, residents } from '../../db/schema'
import { AppError, notFound } from '../../errors'
import { newId } from '../../ids'
import type { Actor } from '../../plugins/session'
import { prepareNotify } from '../notifications/notifications.repo'

const p = (name: string) => sql.placeholder(name)

/**
 * The institution's desk (issue 6): its staff publish and withdraw slots, see the day's
 * bookings and check residents in. Doctors and staff of the institution, and no one of another
 * (shared/access.ts decideInstitutionAccess): anyone else is told the institution has nothing.
 */
export function createBookingDesk(ctx: AppContext) {
  const { db } = ctx
  const notify = prepareNotify(db)
  const slotByDay = db.select({ id: examSlots.id, booked: examSlots.booked, withdrawnAt: examSlots.withdrawnAt })
    .from(examSlots).where(and(eq(examSlots.institutionId, p('institutionId')), eq(examSlots.date, p('date')), eq(examSlots.halfDay, p('halfDay')))).prepare()
  const slotOf = db.select({ id: examSlots.id, institutionId: examSlots.institutionId, date: examSlots.date, halfDay: examSlots.halfDay, capacity: examSlots.capacity, booked: examSlots.booked, withdrawnAt: examSlots.withdrawnAt })
    .from(examSlots).where(eq(examSlots.id, p('id'))).prepare()
  const dayList = db.select({
    id: bookings.id, halfDay: examSlots.halfDay, status: bookings.status, free: bookings.free, optionalPackages: bookings.optionalPackages,
    residentPaysFen: bookings.residentPaysFen, checkedInAt: bookings.checkedInAt, checkInCode: bookings.checkInCode,
    residentId: residents.id, name: residents.name, sex: residents.sex, birthDate: residents.birthDate, idNumber: residents.idNumber,
  }).from(bookings)
    .innerJoin(examSlots, eq(examSlots.id, bookings.slotId))
    .innerJoin(residents, eq(residents.id, bookings.residentId))
    .where(and(eq(examSlots.institutionId, p('institutionId')), eq(examSlots.date, p('date')), sql`${bookings.status} <> 'cancelled'`))
    .orderBy(examSlots.halfDay, residents.name).prepare()
  const packageNames = db.select({ id: examPackages.id, kind: examPackages.kind, nameZh: examPackages.nameZh }).from(examPackages).where(eq(examPackages.institutionId, p('institutionId'))).prepare()
  const insertLog = db.insert(accessLog).values({
    residentId: p('residentId'), actorAccountId: p('actorAccountId'), actorName: p('actorName'), actorRole: p('actorRole'),
    onBehalfOf: p('residentId'), action: p('action'), what: 'bookings', at: p('at'),
  }).prepare()

  function allow(actor: Actor, institutionId: string) {
    if (decideInstitutionAccess({ apiKeyInstitutionId: null, staff: actor.staff }, institutionId) === 'not-found')
      throw notFound()
    return actor.staff!
  }

  function log(actor: Actor, residentId: string, action: 'read' | 'change') {
    insertLog.run({ residentId, actorAccountId: actor.accountId, actorName: actor.name, actorRole: actor.staff!.role, action, at: ctx.clock.now() })
  }

  function dayBookingOf(row: ReturnType<typeof dayList.all>[number], names: Map<string, string>, today: string): DayBooking {
    return {
      id: row.id,
      halfDay: row.halfDay,
      status: row.status,
      resident: { id: row.residentId, name: row.name, sex: row.sex, age: ageOn(row.birthDate, today), idNumberMasked: maskIdNumber(row.idNumber) },
      free: row.free,
      packages: [...names.entries()].filter(([id]) => id === 'base' || (JSON.parse(row.optionalPackages) as string[]).includes(id)).map(([, name]) => name),
      residentPaysFen: row.residentPaysFen,
      checkedInAt: row.checkedInAt === null ? null : new Date(row.checkedInAt).toISOString(),
    }
  }

  function packageNamesOf(institutionId: string) {
    const names = new Map<string, string>()
    for (const k of packageNames.all({ institutionId }))
      names.set(k.kind === 'base' ? 'base' : k.id, k.nameZh)
    return names
  }

  return {
    /** Publishes a half-day, or changes its capacity (never below the places taken). */
    publish(actor: Actor, institutionId: string, body: PublishSlotBody): { slot: Slot, created: boolean } {
      allow(actor, institutionId)
      if (body.date <= ctx.clock.today())
        throw new AppError(ErrorCode.VALIDATION_FAILED, 'Slots are published from tomorrow', { field: 'date' })
      return db.transaction(() => {
        const existing = slotByDay.get({ institutionId, date: body.date, halfDay: body.halfDay })
        if (existing !== undefined && existing.withdrawnAt === null) {
          if (body.capacity < existing.booked)
            throw new AppError(ErrorCode.VALIDATION_FAILED, `${existing.booked} places are booked already: the capacity cannot be less`, { field: 'capacity' })
          db.update(examSlots).set({ capacity: body.capacity }).where(eq(examSlots.id, existing.id)).run()
          return { slot: { id: existing.id, date: body.date, halfDay: body.halfDay, capacity: body.capacity, placesLeft: body.capacity - existing.booked }, created: false }
        }
        const id = existing?.id ?? newId()
        if (existing === undefined)
          db.insert(examSlots).values({ id, institutionId, date: body.date, halfDay: body.halfDay, capacity: body.capacity }).run()
        else
          db.update(examSlots).set({ capacity: body.capacity, booked: 0, withdrawnAt: null }).where(eq(examSlots.id, id)).run()
        return { slot: { id, date: body.date, halfDay: body.halfDay, capacity: body.capacity, placesLeft: body.capacity }, created: true }
      }, { behavior: 'immediate' })
    },

    /** Withdraws a half-day: its open bookings are cancelled and each resident is told. */
    withdraw(actor: Actor, institutionId: string, slotId: string): { cancelled: number } {
      allow(actor, institutionId)
      return db.transaction(() => {
        const slot = slotOf.get({ id: slotId })
        if (slot === undefined || slot.institutionId !== institutionId || slot.withdrawnAt !== null)
          throw notFound()
        const now = ctx.clock.now()
        const open = db.update(bookings).set({ status: 'cancelled', cancelledAt: now })
          .where(and(eq(bookings.slotId, slotId), eq(bookings.status, 'open'))).returning({ residentId: bookings.residentId }).all()
        db.update(examSlots).set({ withdrawnAt: now, booked: sql`${examSlots.booked} - ${open.length}` }).where(eq(examSlots.id, slotId)).run()
        for (const { residentId } of open) {
          log(actor, residentId, 'change')
          notify(residentId, NotificationKind.BOOKING_WITHDRAWN, { date: slot.date, halfDay: slot.halfDay }, now)
        }
        return { cancelled: open.length }
      }, { behavior: 'immediate' })
    },

    /** The day's bookings at the desk; each resident listed is a read of her bookings, logged. */
    day(actor: Actor, institutionId: string, date: string): DayBookings {
      allow(actor, institutionId)
      const today = ctx.clock.today()
      return db.transaction(() => {
        const rows = dayList.all({ institutionId, date })
        const names = packageNamesOf(institutionId)
        for (const residentId of new Set(rows.map(r => r.residentId)))
          log(actor, residentId, 'read')
        return { date, items: rows.map(r => dayBookingOf(r, names, today)) }
      })
    },

    /**
     * Checks a resident in for today's booking at this institution, by the booking's code or her
     * ID number: the booking is checked in, and her exam counts as done for the reminders.
     */
    checkIn(actor: Actor, institutionId: string, body: CheckInBody): DayBooking {
      const staff = allow(actor, institutionId)
      const today = ctx.clock.today()
      return db.transaction(() => {
        const match = 'code' in body ? eq(bookings.checkInCode, body.code) : eq(residents.idNumber, body.idNumber)
        const row = db.select({ id: bookings.id, status: bookings.status, residentId: bookings.residentId })
          .from(bookings)
          .innerJoin(examSlots, eq(examSlots.id, bookings.slotId))
          .innerJoin(residents, eq(residents.id, bookings.residentId))
          .where(and(match, eq(examSlots.institutionId, institutionId), eq(examSlots.date, today), sql`${bookings.status} in ('open', 'checked-in')`))
          .get()
        if (row === undefined)
          throw new AppError(ErrorCode.NOT_FOUND, 'No booking for today at this institution matches: check the code or the ID number', { field: 'code' in body ? 'code' : 'idNumber' })
        if (row.status === 'open') {
          db.update(bookings).set({ status: 'checked-in', checkedInAt: ctx.clock.now(), checkedInBy: staff.id }).where(eq(bookings.id, row.id)).run()
          log(actor, row.residentId, 'change')
        }
        const listed = dayList.all({ institutionId, date: today }).find(b => b.id === row.id)!
        return dayBookingOf(listed, packageNamesOf(institutionId), today)
      }, { behavior: 'immediate' })
    },
  }
}
