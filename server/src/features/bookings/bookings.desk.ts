import { and, asc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm'
import { decideInstitutionAccess } from '../../../../shared/access'
import { addDays, ageOn } from '../../../../shared/dates'
import { ErrorCode } from '../../../../shared/errors'
import { maskIdNumber } from '../../../../shared/residents/id-number'
import type { CheckInBody, DayBooking, DayBookings, DeskSlot, DeskSlots, NoShows, NoShowsBody, PublishSlotBody, WalkInBody } from '../../../../shared/schemas/booking-desk'
import { NotificationKind } from '../../../../shared/schemas/notifications'
import type { AppContext } from '../../context'
import { equalsConstant } from '../../db/constant'
import { accessLog, bookings, examPackages, examSlots, residents } from '../../db/schema'
import { AppError, notFound } from '../../errors'
import { newId } from '../../ids'
import type { Actor } from '../../plugins/session'
import { prepareNotify } from '../notifications/notifications.repo'
import { createBookingPlacer, offeredIds } from './bookings.place'
import { createBookingsRepo } from './bookings.repo'

const p = (name: string) => sql.placeholder(name)

/**
 * The institution's desk (issue 6): its staff publish and withdraw slots, see the day's
 * bookings, check residents in, book walk-ins and mark no-shows. Doctors and staff of the
 * institution, and no one of another (shared/access.ts decideInstitutionAccess): anyone else is
 * told the institution has nothing.
 */
export function createBookingDesk(ctx: AppContext) {
  const { db } = ctx
  const repo = createBookingsRepo(db)
  const placer = createBookingPlacer(ctx)
  const notify = prepareNotify(db)
  const slotByDay = db.select({ id: examSlots.id, booked: examSlots.booked, optionalPackageIds: examSlots.optionalPackageIds, withdrawnAt: examSlots.withdrawnAt })
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
  const deskSlots = db.select({ id: examSlots.id, date: examSlots.date, halfDay: examSlots.halfDay, capacity: examSlots.capacity, booked: examSlots.booked, optionalPackageIds: examSlots.optionalPackageIds })
    .from(examSlots)
    .where(and(eq(examSlots.institutionId, p('institutionId')), gte(examSlots.date, p('from')), lte(examSlots.date, p('until')), isNull(examSlots.withdrawnAt)))
    .orderBy(asc(examSlots.date), asc(examSlots.halfDay)).prepare()
  const optionalPackages = db.select({ id: examPackages.id }).from(examPackages)
    .where(and(eq(examPackages.institutionId, p('institutionId')), eq(examPackages.kind, 'optional'), eq(examPackages.active, true))).prepare()
  const residentByIdNumber = db.select({ id: residents.id, residenceRegion: residents.residenceRegion, status: residents.status })
    .from(residents).where(eq(residents.idNumber, p('idNumber'))).prepare()
  const checkedInToday = db.select({ id: bookings.id }).from(bookings)
    .innerJoin(examSlots, eq(examSlots.id, bookings.slotId))
    .where(and(eq(bookings.residentId, p('residentId')), eq(examSlots.institutionId, p('institutionId')), eq(examSlots.date, p('date')), equalsConstant(bookings.status, 'checked-in'))).prepare()
  const packageNames = db.select({ id: examPackages.id, kind: examPackages.kind, nameZh: examPackages.nameZh, nameEn: examPackages.nameEn }).from(examPackages).where(eq(examPackages.institutionId, p('institutionId'))).prepare()
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

  function dayBookingOf(row: ReturnType<typeof dayList.all>[number], names: Map<string, { 'zh-CN': string, 'en': string }>, today: string): DayBooking {
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

  /** The optional packages a half-day is to offer, as stored: each must be an active one of this institution. */
  function offeredOf(institutionId: string, ids: readonly string[]): string {
    const active = new Set(optionalPackages.all({ institutionId }).map(k => k.id))
    const unknown = ids.find(id => !active.has(id))
    if (unknown !== undefined)
      throw new AppError(ErrorCode.VALIDATION_FAILED, `${unknown} is not an active optional package of this institution: choose among those GET /api/institutions/:id/desk/slots lists`, { field: 'optionalPackageIds' })
    return JSON.stringify([...new Set(ids)].sort())
  }

  function packageNamesOf(institutionId: string) {
    const names = new Map<string, { 'zh-CN': string, 'en': string }>()
    for (const k of packageNames.all({ institutionId }))
      names.set(k.kind === 'base' ? 'base' : k.id, { 'zh-CN': k.nameZh, 'en': k.nameEn })
    return names
  }

  return {
    /**
     * Publishes a half-day with the optional packages it offers, or changes the capacity (never
     * below the places taken) and packages of one published.
     */
    publish(actor: Actor, institutionId: string, body: PublishSlotBody): { slot: DeskSlot, created: boolean } {
      allow(actor, institutionId)
      if (body.date <= ctx.clock.today())
        throw new AppError(ErrorCode.VALIDATION_FAILED, 'Slots are published from tomorrow', { field: 'date' })
      return db.transaction(() => {
        const offered = body.optionalPackageIds === undefined || body.optionalPackageIds === null ? body.optionalPackageIds : offeredOf(institutionId, body.optionalPackageIds)
        const existing = slotByDay.get({ institutionId, date: body.date, halfDay: body.halfDay })
        if (existing !== undefined && existing.withdrawnAt === null) {
          if (body.capacity < existing.booked)
            throw new AppError(ErrorCode.VALIDATION_FAILED, `${existing.booked} places are booked already: the capacity cannot be less`, { field: 'capacity' })
          const kept = offered === undefined ? existing.optionalPackageIds : offered
          db.update(examSlots).set({ capacity: body.capacity, optionalPackageIds: kept }).where(eq(examSlots.id, existing.id)).run()
          return { slot: { id: existing.id, date: body.date, halfDay: body.halfDay, capacity: body.capacity, booked: existing.booked, optionalPackageIds: offeredIds(kept) }, created: false }
        }
        const id = existing?.id ?? newId()
        if (existing === undefined)
          db.insert(examSlots).values({ id, institutionId, date: body.date, halfDay: body.halfDay, capacity: body.capacity, optionalPackageIds: offered ?? null }).run()
        else
          db.update(examSlots).set({ capacity: body.capacity, booked: 0, optionalPackageIds: offered ?? null, withdrawnAt: null }).where(eq(examSlots.id, id)).run()
        return { slot: { id, date: body.date, halfDay: body.halfDay, capacity: body.capacity, booked: 0, optionalPackageIds: offeredIds(offered ?? null) }, created: true }
      }, { behavior: 'immediate' })
    },

    /** The published half-days of `days` days from `from` (today when left out), full ones too, and the packages they may offer. */
    slots(actor: Actor, institutionId: string, from: string | undefined, days: number): DeskSlots {
      allow(actor, institutionId)
      const first = from ?? ctx.clock.today()
      const until = addDays(first, days - 1)
      return {
        from: first,
        until,
        packages: repo.packagesOf(institutionId).map(k => ({ id: k.id, kind: k.kind, name: { 'zh-CN': k.nameZh, 'en': k.nameEn }, priceFen: k.priceFen, subsidyFen: k.subsidyFen, recommended: k.recommended })),
        slots: deskSlots.all({ institutionId, from: first, until }).map(s => ({ ...s, optionalPackageIds: offeredIds(s.optionalPackageIds) })),
      }
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
          .where(and(eq(bookings.slotId, slotId), equalsConstant(bookings.status, 'open'))).returning({ residentId: bookings.residentId }).all()
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

    /**
     * Books a resident who walks in, found by her ID number, into today's half-day and checks her
     * in at once. The place is taken as a resident's booking takes it (never beyond capacity), and
     * free or not is judged by the reminder engine on today's date, as for any booking.
     */
    walkIn(actor: Actor, institutionId: string, body: WalkInBody): DayBooking {
      const staff = allow(actor, institutionId)
      const today = ctx.clock.today()
      return db.transaction(() => {
        const resident = residentByIdNumber.get({ idNumber: body.idNumber })
        if (resident === undefined)
          throw new AppError(ErrorCode.NOT_FOUND, 'No resident has this ID number: check it against her ID card', { field: 'idNumber' })
        if (resident.status !== 'active')
          throw new AppError(ErrorCode.RESIDENT_INACTIVE, `Her record is ${resident.status}: she cannot be booked here`)
        const slot = slotByDay.get({ institutionId, date: today, halfDay: body.halfDay })
        if (slot === undefined || slot.withdrawnAt !== null)
          throw new AppError(ErrorCode.VALIDATION_FAILED, `No ${body.halfDay} half-day is published today: walk-ins take a place in one`, { field: 'halfDay' })
        if (repo.openBooking(resident.id) !== null)
          throw new AppError(ErrorCode.ALREADY_BOOKED, 'She already has an open booking: if it is today\'s here, check her in by her ID number; otherwise it must be cancelled first')
        // a second tap on the form, or a second desk: she is examined once a day
        if (checkedInToday.get({ residentId: resident.id, institutionId, date: today }) !== undefined)
          throw new AppError(ErrorCode.ALREADY_BOOKED, 'She is checked in here today already')
        const { id, createdAt: now } = placer.place({ resident, slot: { ...slot, institutionId, date: today }, optionalPackageIds: body.optionalPackageIds, selfPaid: body.selfPaid, bookedBy: actor.accountId, slotField: 'halfDay' })
        db.update(bookings).set({ status: 'checked-in', checkedInAt: now, checkedInBy: staff.id }).where(eq(bookings.id, id)).run()
        log(actor, resident.id, 'change')
        const listed = dayList.all({ institutionId, date: today }).find(b => b.id === id)!
        return dayBookingOf(listed, packageNamesOf(institutionId), today)
      }, { behavior: 'immediate' })
    },

    /**
     * Marks the bookings of a day (today or earlier) still open as no-shows. Their places leave
     * the slots' `booked` count, which keeps counting open and checked-in bookings only.
     */
    noShows(actor: Actor, institutionId: string, body: NoShowsBody): NoShows {
      allow(actor, institutionId)
      if (body.date > ctx.clock.today())
        throw new AppError(ErrorCode.VALIDATION_FAILED, 'No-shows are marked on the day or after it', { field: 'date' })
      return db.transaction(() => {
        const ofTheDay = db.select({ id: examSlots.id }).from(examSlots).where(and(eq(examSlots.institutionId, institutionId), eq(examSlots.date, body.date)))
        const marked = db.update(bookings).set({ status: 'no-show' })
          .where(and(equalsConstant(bookings.status, 'open'), inArray(bookings.slotId, ofTheDay)))
          .returning({ residentId: bookings.residentId, slotId: bookings.slotId }).all()
        const perSlot = new Map<string, number>()
        for (const { slotId } of marked)
          perSlot.set(slotId, (perSlot.get(slotId) ?? 0) + 1)
        for (const [slotId, count] of perSlot)
          db.update(examSlots).set({ booked: sql`${examSlots.booked} - ${count}` }).where(eq(examSlots.id, slotId)).run()
        for (const { residentId } of marked)
          log(actor, residentId, 'change')
        return { date: body.date, marked: marked.length }
      }, { behavior: 'immediate' })
    },
  }
}
