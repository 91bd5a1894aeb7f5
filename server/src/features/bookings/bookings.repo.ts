import { and, asc, desc, eq, gt, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { equalsConstant } from '../../db/constant'
import { bookingRequests, bookings, careTeams, contracts, examPackages, examSlots, institutions } from '../../db/schema'

const p = (name: string) => sql.placeholder(name)

const institutionColumns = { id: institutions.id, name: institutions.name, kind: institutions.kind, address: institutions.address, phone: institutions.phone }
const slotColumns = { id: examSlots.id, date: examSlots.date, halfDay: examSlots.halfDay, capacity: examSlots.capacity, booked: examSlots.booked, optionalPackageIds: examSlots.optionalPackageIds }
const packageColumns = { id: examPackages.id, kind: examPackages.kind, nameZh: examPackages.nameZh, nameEn: examPackages.nameEn, priceFen: examPackages.priceFen, subsidyFen: examPackages.subsidyFen, recommended: examPackages.recommended }

/** Institutions, their slots and packages, and bookings, as prepared statements (house-style.md). */
export function createBookingsRepo(db: Db) {
  const bookable = and(isNull(examSlots.withdrawnAt), gt(examSlots.date, p('after')), lte(examSlots.date, p('until')))
  const allInstitutions = db.select({
    ...institutionColumns,
    // written out: drizzle leaves a one-table select's columns unqualified, and `id` would bind to the slot's
    nextFree: sql<string | null>`(select s.date || ' ' || s.half_day from exam_slots s where s.institution_id = "institutions"."id" and s.withdrawn_at is null and s.date > ${p('after')} and s.date <= ${p('until')} and s.booked < s.capacity order by s.date, s.half_day limit 1)`,
  }).from(institutions)
    .where(sql`exists (select 1 from exam_packages k where k.institution_id = ${institutions.id} and k.kind = 'base' and k.active)`)
    .orderBy(asc(institutions.name)).prepare()
  const familyDoctorInstitution = db.select({ id: careTeams.institutionId }).from(contracts)
    .innerJoin(careTeams, eq(careTeams.id, contracts.teamId))
    .where(and(eq(contracts.residentId, p('residentId')), lte(contracts.startsOn, p('on')), gte(contracts.endsOn, p('on')), or(isNull(contracts.endedOn), gt(contracts.endedOn, p('on')))))
    .orderBy(desc(contracts.startsOn)).limit(1).prepare()
  const institution = db.select(institutionColumns).from(institutions).where(eq(institutions.id, p('id'))).prepare()
  const slotsOf = db.select(slotColumns).from(examSlots)
    .where(and(eq(examSlots.institutionId, p('institutionId')), bookable))
    .orderBy(asc(examSlots.date), asc(examSlots.halfDay)).prepare()
  const packagesOf = db.select(packageColumns).from(examPackages)
    .where(and(eq(examPackages.institutionId, p('institutionId')), eq(examPackages.active, true)))
    .orderBy(asc(examPackages.kind), asc(examPackages.priceFen), asc(examPackages.id)).prepare()
  const slot = db.select({ ...slotColumns, institutionId: examSlots.institutionId, withdrawnAt: examSlots.withdrawnAt }).from(examSlots).where(eq(examSlots.id, p('id'))).prepare()
  // a place is taken only while one is left: the check and the taking are one statement
  const takePlace = db.update(examSlots).set({ booked: sql`${examSlots.booked} + 1` })
    .where(and(eq(examSlots.id, p('id')), sql`${examSlots.booked} < ${examSlots.capacity}`, isNull(examSlots.withdrawnAt))).prepare()
  const returnPlace = db.update(examSlots).set({ booked: sql`${examSlots.booked} - 1` }).where(eq(examSlots.id, p('id'))).prepare()
  const openBooking = db.select({ id: bookings.id, slotId: bookings.slotId }).from(bookings)
    .where(and(eq(bookings.residentId, p('residentId')), equalsConstant(bookings.status, 'open'))).prepare()
  const insertBooking = db.insert(bookings).values({
    id: p('id'), residentId: p('residentId'), slotId: p('slotId'), status: 'open', free: p('free'), optionalPackages: p('optionalPackages'),
    residentPaysFen: p('residentPaysFen'), bookedBy: p('bookedBy'), createdAt: p('createdAt'), checkInCode: p('checkInCode'),
  }).prepare()
  const requestOf = db.select({ bookingId: bookingRequests.bookingId }).from(bookingRequests)
    .where(and(eq(bookingRequests.accountId, p('accountId')), eq(bookingRequests.key, p('key')))).prepare()
  const insertRequest = db.insert(bookingRequests).values({ accountId: p('accountId'), key: p('key'), bookingId: p('bookingId'), createdAt: p('createdAt') }).prepare()
  const bookingColumns = {
    id: bookings.id, residentId: bookings.residentId, status: bookings.status, free: bookings.free, optionalPackages: bookings.optionalPackages,
    residentPaysFen: bookings.residentPaysFen, checkInCode: bookings.checkInCode, createdAt: bookings.createdAt, cancelledAt: bookings.cancelledAt, checkedInAt: bookings.checkedInAt,
    slotId: examSlots.id, date: examSlots.date, halfDay: examSlots.halfDay,
    institutionId: institutions.id, institutionName: institutions.name, address: institutions.address, phone: institutions.phone,
  }
  const bookingsOf = db.select(bookingColumns).from(bookings)
    .innerJoin(examSlots, eq(examSlots.id, bookings.slotId))
    .innerJoin(institutions, eq(institutions.id, examSlots.institutionId))
    .where(eq(bookings.residentId, p('residentId')))
    .orderBy(desc(bookings.createdAt), desc(bookings.id)).limit(50).prepare()
  const booking = db.select(bookingColumns).from(bookings)
    .innerJoin(examSlots, eq(examSlots.id, bookings.slotId))
    .innerJoin(institutions, eq(institutions.id, examSlots.institutionId))
    .where(eq(bookings.id, p('id'))).prepare()
  const cancel = db.update(bookings).set({ status: 'cancelled', cancelledAt: sql`${p('at')}` })
    .where(and(eq(bookings.id, p('id')), equalsConstant(bookings.status, 'open'))).prepare()

  return {
    institutions: (after: string, until: string) => allInstitutions.all({ after, until }),
    institution: (id: string) => institution.get({ id }) ?? null,
    /** the institution of her family doctor's team on `on`; null when she has signed none */
    familyDoctorInstitution: (residentId: string, on: string) => familyDoctorInstitution.get({ residentId, on })?.id ?? null,
    slotsOf: (institutionId: string, after: string, until: string) => slotsOf.all({ institutionId, after, until }),
    packagesOf: (institutionId: string) => packagesOf.all({ institutionId }),
    packagesById: (ids: readonly string[]) => ids.length === 0 ? [] : db.select({ ...packageColumns, institutionId: examPackages.institutionId, active: examPackages.active }).from(examPackages).where(inArray(examPackages.id, [...ids])).all(),
    slot: (id: string) => slot.get({ id }) ?? null,
    /** false when the slot is full or withdrawn */
    takePlace: (slotId: string) => takePlace.run({ id: slotId }).changes === 1,
    returnPlace: (slotId: string) => returnPlace.run({ id: slotId }),
    openBooking: (residentId: string) => openBooking.get({ residentId }) ?? null,
    insertBooking: (row: { id: string, residentId: string, slotId: string, free: boolean, optionalPackages: string, residentPaysFen: number, bookedBy: string, createdAt: number, checkInCode: string }) => insertBooking.run(row),
    bookingOfRequest: (accountId: string, key: string) => requestOf.get({ accountId, key })?.bookingId ?? null,
    insertRequest: (accountId: string, key: string, bookingId: string, createdAt: number) => insertRequest.run({ accountId, key, bookingId, createdAt }),
    bookingsOf: (residentId: string) => bookingsOf.all({ residentId }),
    booking: (id: string) => booking.get({ id }) ?? null,
    /** false when it was no longer open */
    cancel: (id: string, at: number) => cancel.run({ id, at }).changes === 1,
  }
}

export type BookingsRepo = ReturnType<typeof createBookingsRepo>
export type BookingRow = NonNullable<ReturnType<BookingsRepo['booking']>>
export type PackageRow = ReturnType<BookingsRepo['packagesOf']>[number]
