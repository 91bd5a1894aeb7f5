import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorBodySchema } from '../../../../shared/errors'
import { BookingListSchema, BookingParamsSchema, BookingSchema, CheckInBodySchema, CreateBookingBodySchema, DayBookingSchema, DayBookingsQuerySchema, DayBookingsSchema, IdempotencyKeySchema, InstitutionListSchema, InstitutionParamsSchema, InstitutionSlotParamsSchema, InstitutionSlotsSchema, PublishSlotBodySchema, SlotSchema, SlotsQuerySchema } from '../../../../shared/schemas/bookings'
import { z } from 'zod'
import { ResidentParamsSchema } from '../../../../shared/schemas/common'
import type { AppContext } from '../../context'
import type { ResidentAccess } from '../../plugins/access'
import { requireConsentedActor } from '../../plugins/session'
import { createBookingDesk } from './bookings.desk'
import { createBookingsService } from './bookings.service'

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }

/** Where and when exams can be booked: under /api/institutions. */
export const institutionsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext, access: ResidentAccess }> = async (app, { ctx, access }) => {
  const bookings = createBookingsService(ctx, access)

  app.get('/', {
    schema: {
      tags: ['bookings'],
      summary: 'Institutions where exams can be booked, each with its next half-day that has a place left',
      response: { 200: InstitutionListSchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
    },
  }, async (request) => {
    requireConsentedActor(request)
    return bookings.institutions()
  })

  app.get('/:id/slots', {
    schema: {
      tags: ['bookings'],
      summary: 'An institution\'s bookable half-days from tomorrow (at most 60 days), with places left, and its base package and optional items with prices',
      params: InstitutionParamsSchema,
      querystring: SlotsQuerySchema,
      response: { 200: InstitutionSlotsSchema, ...errors },
    },
  }, async (request) => {
    requireConsentedActor(request)
    return bookings.slots(request.params.id, request.query.from, request.query.days)
  })

  // the desk: doctors and staff of this institution only (404 for anyone else)
  const desk = createBookingDesk(ctx)

  app.post('/:id/slots', {
    schema: {
      tags: ['bookings'],
      summary: 'Publish a half-day from tomorrow with its capacity (201), or change the capacity of one published (200; never below the places booked)',
      params: InstitutionParamsSchema,
      body: PublishSlotBodySchema,
      response: { 200: SlotSchema, 201: SlotSchema, ...errors },
    },
  }, async (request, reply) => {
    const { slot, created } = desk.publish(requireConsentedActor(request), request.params.id, request.body)
    return reply.code(created ? 201 : 200).send(slot)
  })

  app.delete('/:id/slots/:slotId', {
    schema: {
      tags: ['bookings'],
      summary: 'Withdraw a half-day: its open bookings are cancelled and each resident is told',
      params: InstitutionSlotParamsSchema,
      response: { 200: z.object({ cancelled: z.number().int() }), ...errors },
    },
  }, async request => desk.withdraw(requireConsentedActor(request), request.params.id, request.params.slotId))

  app.get('/:id/bookings', {
    schema: {
      tags: ['bookings'],
      summary: 'The day\'s bookings at the desk, morning first, by name; each resident listed is logged as a read',
      params: InstitutionParamsSchema,
      querystring: DayBookingsQuerySchema,
      response: { 200: DayBookingsSchema, ...errors },
    },
  }, async request => desk.day(requireConsentedActor(request), request.params.id, request.query.date))

  app.post('/:id/check-ins', {
    schema: {
      tags: ['bookings'],
      summary: 'Check a resident in for today\'s booking, by the code under its QR code or by her ID number; her exam then counts as done for the reminders. Checking in twice answers the same',
      params: InstitutionParamsSchema,
      body: CheckInBodySchema,
      response: { 200: DayBookingSchema, ...errors },
    },
  }, async request => desk.checkIn(requireConsentedActor(request), request.params.id, request.body))
}

/** A resident's bookings: under /api/residents. */
export const bookingsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext, access: ResidentAccess }> = async (app, { ctx, access }) => {
  const bookings = createBookingsService(ctx, access)

  app.get('/:id/bookings', {
    schema: {
      tags: ['bookings'],
      summary: 'The resident\'s bookings, newest first, each with its check-in code',
      params: ResidentParamsSchema,
      response: { 200: BookingListSchema, ...errors },
    },
  }, async request => bookings.list(requireConsentedActor(request), request.params.id))

  app.post('/:id/bookings', {
    schema: {
      tags: ['bookings'],
      summary: 'Book a place: the resident or someone with the book scope. 201 with the booking; a retry with the same Idempotency-Key answers 200 with the first one. 409 SLOT_FULL, ALREADY_BOOKED (one open booking at a time), NOT_FREE (not due a free exam on the slot\'s date; send selfPaid), TOO_LATE',
      params: ResidentParamsSchema,
      headers: z.object({ 'idempotency-key': IdempotencyKeySchema.optional() }),
      body: CreateBookingBodySchema,
      response: { 200: BookingSchema, 201: BookingSchema, ...errors, 409: ErrorBodySchema },
    },
  }, async (request, reply) => {
    const { booking, created } = bookings.book(requireConsentedActor(request), request.params.id, request.body, request.headers['idempotency-key'] ?? null)
    return reply.code(created ? 201 : 200).send(booking)
  })

  app.delete('/:id/bookings/:bookingId', {
    schema: {
      tags: ['bookings'],
      summary: 'Cancel an open booking, until the day before its date; the place returns to the pool at once. 409 TOO_LATE',
      params: BookingParamsSchema,
      response: { 200: BookingSchema, ...errors, 409: ErrorBodySchema },
    },
  }, async request => bookings.cancel(requireConsentedActor(request), request.params.id, request.params.bookingId))
}
