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
  /** asked for a resident: it serves her township, or her family doctor works there; listed first */
  near: z.enum(['her-township', 'her-doctor']).nullable(),
})
export type Institution = z.infer<typeof InstitutionSchema>
export const InstitutionListSchema = z.object({ items: z.array(InstitutionSchema) })
export type InstitutionList = z.infer<typeof InstitutionListSchema>
/** GET /api/institutions?residentId= — the institutions near the resident first (whoever may read her record). */
export const InstitutionsQuerySchema = z.object({ residentId: ResidentIdSchema.optional() })
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
/** A half-day as a resident books it: with the optional items it offers, null for every one the institution has. */
export const BookableSlotSchema = SlotSchema.extend({ optionalPackageIds: z.array(PackageIdSchema).nullable() })
export type BookableSlot = z.infer<typeof BookableSlotSchema>

/** GET /api/institutions/:id/slots — the bookable half-days from tomorrow, and what may be booked. */
export const SlotsQuerySchema = z.object({
  from: IsoDateSchema.optional(),
  days: z.coerce.number().int().min(1).max(60).default(60),
})
export const InstitutionSlotsSchema = z.object({
  institution: InstitutionSchema.omit({ nextFreeSlot: true, near: true }),
  packages: z.array(ExamPackageSchema),
  slots: z.array(BookableSlotSchema),
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

/** GET /api/residents/:id/exam-plan?date= — her exam on a day she might book, shown before she confirms. */
export const ExamPlanQuerySchema = z.object({ date: IsoDateSchema })
export const ExamPlanSchema = z.object({
  date: IsoDateSchema,
  /** the base package is free: she is due a free exam on that day */
  free: z.boolean(),
  /** why not: the programme does not cover her then, or this cycle's free exam is done */
  notFree: z.enum(['not-covered', 'done']).nullable(),
  /** when the cycle's exam is done: the day her next free exam may be had */
  freeFrom: IsoDateSchema.nullable(),
  /** where the policy sets the exam by person (Changji): the exam-item keys that apply to her */
  items: z.array(z.string()).nullable(),
  /** and the government's standard per person, in fen */
  standardFen: z.number().int().nullable(),
})
export type ExamPlan = z.infer<typeof ExamPlanSchema>
