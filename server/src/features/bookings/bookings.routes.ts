import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorBodySchema } from '../../../../shared/errors'
import { BookingListSchema, BookingParamsSchema, BookingSchema, CreateBookingBodySchema, ExamPlanQuerySchema, ExamPlanSchema, IdempotencyKeySchema, InstitutionListSchema, InstitutionParamsSchema, InstitutionSlotsSchema, InstitutionsQuerySchema, SlotsQuerySchema } from '../../../../shared/schemas/bookings'
import { z } from 'zod'
import { ResidentParamsSchema } from '../../../../shared/schemas/common'
import type { AppContext } from '../../context'
import type { ResidentAccess } from '../../plugins/access'
import { requireConsentedActor } from '../../plugins/session'
import { createBookingsService } from './bookings.service'

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }

/** Where and when exams can be booked: under /api/institutions. */
export const institutionsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext, access: ResidentAccess }> = async (app, { ctx, access }) => {
  const bookings = createBookingsService(ctx, access)

  app.get('/', {
    schema: {
      tags: ['bookings'],
      summary: 'Institutions where exams can be booked, each with its next half-day that has a place left; given a resident whose record the caller may read, those near her first (her township\'s centre, her family doctor\'s)',
      querystring: InstitutionsQuerySchema,
      response: { 200: InstitutionListSchema, ...errors },
    },
  }, async request => bookings.institutions(requireConsentedActor(request), request.query.residentId))

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

  app.get('/:id/exam-plan', {
    schema: {
      tags: ['bookings'],
      summary: 'Her exam on a day she might book: free or not and why, judged on that day; where the policy sets the exam by person (Changji), its items and the standard per person',
      params: ResidentParamsSchema,
      querystring: ExamPlanQuerySchema,
      response: { 200: ExamPlanSchema, ...errors },
    },
  }, async request => bookings.plan(requireConsentedActor(request), request.params.id, request.query.date))

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
