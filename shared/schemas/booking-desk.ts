import { z } from 'zod'
import { BookingIdSchema, BookingStatusSchema, ExamPackageSchema, HalfDaySchema, InstitutionIdSchema, PackageIdSchema, SlotIdSchema } from './bookings'
import { IsoDateSchema, ResidentIdSchema, SexSchema } from './common'

/**
 * The institution's desk (issue 6): its staff publish half-days and say which optional packages
 * each offers, see the day's bookings, check residents in, book walk-ins and mark no-shows.
 */

/** An ID card number as typed or read at the desk: 17 digits and a digit or X. */
const IdNumberSchema = z.string().trim().toUpperCase().regex(/^\d{17}[\dX]$/, 'expected an 18-character ID number')

export const InstitutionSlotParamsSchema = z.object({ id: InstitutionIdSchema, slotId: SlotIdSchema })

/** POST /api/institutions/:id/slots — staff publish a half-day, or change its capacity and packages. */
export const PublishSlotBodySchema = z.object({
  date: IsoDateSchema,
  halfDay: HalfDaySchema,
  capacity: z.number().int().min(1).max(500),
  /**
   * The institution's active optional packages this half-day offers: null offers every one of
   * them; left out, a new half-day offers every one and a published one keeps what it offered.
   */
  optionalPackageIds: z.array(PackageIdSchema).max(20).nullable().optional(),
})
export type PublishSlotBody = z.infer<typeof PublishSlotBodySchema>

/** GET /api/institutions/:id/desk/slots — the published half-days, from today unless `from` says. */
export const DeskSlotsQuerySchema = z.object({
  from: IsoDateSchema.optional(),
  days: z.coerce.number().int().min(1).max(60).default(14),
})
export const DeskSlotSchema = z.object({
  id: SlotIdSchema,
  date: IsoDateSchema,
  halfDay: HalfDaySchema,
  capacity: z.number().int(),
  /** open and checked-in bookings */
  booked: z.number().int(),
  /** the optional packages it offers; null: every active one */
  optionalPackageIds: z.array(PackageIdSchema).nullable(),
})
export type DeskSlot = z.infer<typeof DeskSlotSchema>
export const DeskSlotsSchema = z.object({
  from: IsoDateSchema,
  until: IsoDateSchema,
  /** the institution's active packages, the base one first */
  packages: z.array(ExamPackageSchema),
  slots: z.array(DeskSlotSchema),
})
export type DeskSlots = z.infer<typeof DeskSlotsSchema>

/** GET /api/institutions/:id/bookings?date= — the day's list at the desk. */
export const DayBookingsQuerySchema = z.object({ date: IsoDateSchema })
export const DayBookingSchema = z.object({
  id: BookingIdSchema,
  halfDay: HalfDaySchema,
  status: BookingStatusSchema,
  resident: z.object({ id: ResidentIdSchema, name: z.string(), sex: SexSchema, age: z.number().int(), idNumberMasked: z.string() }),
  free: z.boolean(),
  /** the names of her packages, the base one first, in both languages */
  packages: z.array(z.object({ 'zh-CN': z.string(), 'en': z.string() })),
  residentPaysFen: z.number().int(),
  checkedInAt: z.string().nullable(),
})
export type DayBooking = z.infer<typeof DayBookingSchema>
export const DayBookingsSchema = z.object({ date: IsoDateSchema, items: z.array(DayBookingSchema) })
export type DayBookings = z.infer<typeof DayBookingsSchema>

/** POST /api/institutions/:id/check-ins — by the booking's code (scanned or typed) or the resident's ID number. */
export const CheckInBodySchema = z.union([
  z.object({ code: z.string().trim().toUpperCase().regex(/^[A-Z2-7]{10}$/, 'expected the 10-character code under the QR code') }),
  z.object({ idNumber: IdNumberSchema }),
])
export type CheckInBody = z.infer<typeof CheckInBodySchema>

/**
 * POST /api/institutions/:id/walk-ins — a resident who walks in without a booking takes a place
 * in today's half-day and is checked in at once.
 */
export const WalkInBodySchema = z.object({
  idNumber: IdNumberSchema,
  halfDay: HalfDaySchema,
  optionalPackageIds: z.array(PackageIdSchema).max(20).default([]),
  /** she is not due a free exam today and pays the base package: refused (409 NOT_FREE) unless this says she knows */
  selfPaid: z.boolean().default(false),
})
export type WalkInBody = z.infer<typeof WalkInBodySchema>

/** POST /api/institutions/:id/no-shows — the day's bookings still open are marked as no-shows. */
export const NoShowsBodySchema = z.object({ date: IsoDateSchema })
export type NoShowsBody = z.infer<typeof NoShowsBodySchema>
export const NoShowsSchema = z.object({ date: IsoDateSchema, marked: z.number().int() })
export type NoShows = z.infer<typeof NoShowsSchema>
