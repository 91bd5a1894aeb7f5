import { z } from 'zod'
import { IsoDateSchema, ResidentIdSchema } from './common'

/**
 * Booking exams (issue 6, product.md capability 6): where and when an exam can be booked, the
 * free base package ("1") and the co-paid optional items ("X"), and a resident's bookings.
 * Money is in fen (1 yuan = 100 fen), so no sum is ever off by a rounding.
 */

export const InstitutionIdSchema = z.string().regex(/^[a-z2-7]{16}$/, 'expected an institution id')
export const SlotIdSchema = z.string().regex(/^[a-z2-7]{16}$/, 'expected a slot id')
export const PackageIdSchema = z.string().regex(/^[a-z2-7]{16}$/, 'expected a package id')
export const BookingIdSchema = z.string().regex(/^[a-z2-7]{16}$/, 'expected a booking id')

export const InstitutionSchema = z.object({
  id: InstitutionIdSchema,
  name: z.string(),
  kind: z.enum(['township-health-centre', 'community-health-centre', 'hospital', 'exam-centre']),
  address: z.string(),
  phone: z.string(),
  /** its next half-day with a place left, within the booking window; null when it has none */
  nextFreeSlot: z.object({ date: IsoDateSchema, halfDay: z.enum(['am', 'pm']) }).nullable(),
})
export type Institution = z.infer<typeof InstitutionSchema>
export const InstitutionListSchema = z.object({ items: z.array(InstitutionSchema) })
export const InstitutionParamsSchema = z.object({ id: InstitutionIdSchema })

export const HalfDaySchema = z.enum(['am', 'pm'])

export const ExamPackageSchema = z.object({
  id: PackageIdSchema,
  kind: z.enum(['base', 'optional']),
  name: z.object({ 'zh-CN': z.string(), 'en': z.string() }),
  priceFen: z.number().int(),
  /** what the government pays of it */
  subsidyFen: z.number().int(),
  /** the locality adds it to everyone's exam */
  recommended: z.boolean(),
})
export type ExamPackage = z.infer<typeof ExamPackageSchema>

export const SlotSchema = z.object({
  id: SlotIdSchema,
  date: IsoDateSchema,
  halfDay: HalfDaySchema,
  capacity: z.number().int(),
  placesLeft: z.number().int(),
})
export type Slot = z.infer<typeof SlotSchema>

/** GET /api/institutions/:id/slots — the bookable half-days from tomorrow, and what may be booked. */
export const SlotsQuerySchema = z.object({
  from: IsoDateSchema.optional(),
  days: z.coerce.number().int().min(1).max(60).default(60),
})
export const InstitutionSlotsSchema = z.object({
  institution: InstitutionSchema.omit({ nextFreeSlot: true }),
  packages: z.array(ExamPackageSchema),
  slots: z.array(SlotSchema),
})
export type InstitutionSlots = z.infer<typeof InstitutionSlotsSchema>

/** POST /api/residents/:id/bookings — a place in a slot, the base package and any optional items. */
export const CreateBookingBodySchema = z.object({
  slotId: SlotIdSchema,
  optionalPackageIds: z.array(PackageIdSchema).max(20).default([]),
  /**
   * She is not due a free exam on the slot's date and books the base package at its price: the
   * booking is refused (409 NOT_FREE, with the reason) unless this says she knows.
   */
  selfPaid: z.boolean().default(false),
})
export type CreateBookingBody = z.infer<typeof CreateBookingBodySchema>

/** A retried booking carries the same key and gets the first booking back (issue 6 point 2). */
export const IdempotencyKeySchema = z.string().min(8).max(100).regex(/^[\w-]+$/, 'expected 8–100 letters, digits, - or _')

export const BookingStatusSchema = z.enum(['open', 'checked-in', 'cancelled', 'no-show'])

export const BookingSchema = z.object({
  id: BookingIdSchema,
  residentId: ResidentIdSchema,
  status: BookingStatusSchema,
  institution: z.object({ id: InstitutionIdSchema, name: z.string(), address: z.string(), phone: z.string() }),
  slot: z.object({ id: SlotIdSchema, date: IsoDateSchema, halfDay: HalfDaySchema }),
  /** the base package is free: she is due a free exam on the slot's date */
  free: z.boolean(),
  packages: z.array(ExamPackageSchema),
  residentPaysFen: z.number().int(),
  /** shown as a QR code and typed at the desk */
  checkInCode: z.string(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  /** the last day it may be cancelled: the day before the exam */
  cancellableUntil: IsoDateSchema,
})
export type Booking = z.infer<typeof BookingSchema>
export const BookingListSchema = z.object({ items: z.array(BookingSchema) })
export type BookingList = z.infer<typeof BookingListSchema>
export const BookingParamsSchema = z.object({ id: ResidentIdSchema, bookingId: BookingIdSchema })

/** POST /api/institutions/:id/slots — staff publish a half-day, or change its capacity. */
export const PublishSlotBodySchema = z.object({
  date: IsoDateSchema,
  halfDay: HalfDaySchema,
  capacity: z.number().int().min(1).max(500),
})
export type PublishSlotBody = z.infer<typeof PublishSlotBodySchema>
export const InstitutionSlotParamsSchema = z.object({ id: InstitutionIdSchema, slotId: SlotIdSchema })

/** GET /api/institutions/:id/bookings?date= — the day's list at the desk. */
export const DayBookingsQuerySchema = z.object({ date: IsoDateSchema })
export const DayBookingSchema = z.object({
  id: BookingIdSchema,
  halfDay: HalfDaySchema,
  status: BookingStatusSchema,
  resident: z.object({ id: ResidentIdSchema, name: z.string(), sex: z.enum(['male', 'female']), age: z.number().int(), idNumberMasked: z.string() }),
  free: z.boolean(),
  packages: z.array(z.string()),
  residentPaysFen: z.number().int(),
  checkedInAt: z.string().nullable(),
})
export type DayBooking = z.infer<typeof DayBookingSchema>
export const DayBookingsSchema = z.object({ date: IsoDateSchema, items: z.array(DayBookingSchema) })
export type DayBookings = z.infer<typeof DayBookingsSchema>

/** POST /api/institutions/:id/check-ins — by the booking's code (scanned or typed) or the resident's ID number. */
export const CheckInBodySchema = z.union([
  z.object({ code: z.string().trim().toUpperCase().regex(/^[A-Z2-7]{10}$/, 'expected the 10-character code under the QR code') }),
  z.object({ idNumber: z.string().trim().toUpperCase().regex(/^\d{17}[\dX]$/, 'expected an 18-character ID number') }),
])
export type CheckInBody = z.infer<typeof CheckInBodySchema>
