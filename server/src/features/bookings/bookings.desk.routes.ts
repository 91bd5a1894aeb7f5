import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBodySchema } from '../../../../shared/errors'
import { CheckInBodySchema, DayBookingSchema, DayBookingsQuerySchema, DayBookingsSchema, DeskSlotSchema, DeskSlotsQuerySchema, DeskSlotsSchema, InstitutionSlotParamsSchema, NoShowsBodySchema, NoShowsSchema, PublishSlotBodySchema, WalkInBodySchema } from '../../../../shared/schemas/booking-desk'
import { InstitutionParamsSchema } from '../../../../shared/schemas/bookings'
import type { AppContext } from '../../context'
import { requireConsentedActor } from '../../plugins/session'
import { createBookingDesk } from './bookings.desk'

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }

/**
 * The institution's desk, under /api/institutions: doctors and staff of this institution only;
 * anyone else is told it has nothing (404).
 */
export const bookingDeskRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const desk = createBookingDesk(ctx)

  app.post('/:id/slots', {
    schema: {
      tags: ['booking desk'],
      summary: 'Publish a half-day from tomorrow with its capacity and the optional packages it offers (201), or change the capacity (never below the places booked) and packages of one published (200)',
      params: InstitutionParamsSchema,
      body: PublishSlotBodySchema,
      response: { 200: DeskSlotSchema, 201: DeskSlotSchema, ...errors },
    },
  }, async (request, reply) => {
    const { slot, created } = desk.publish(requireConsentedActor(request), request.params.id, request.body)
    return reply.code(created ? 201 : 200).send(slot)
  })

  app.get('/:id/desk/slots', {
    schema: {
      tags: ['booking desk'],
      summary: 'The published half-days of `days` days (14 unless said) from `from` (today unless said), full ones too, with places booked and packages offered; and the institution\'s packages',
      params: InstitutionParamsSchema,
      querystring: DeskSlotsQuerySchema,
      response: { 200: DeskSlotsSchema, ...errors },
    },
  }, async request => desk.slots(requireConsentedActor(request), request.params.id, request.query.from, request.query.days))

  app.delete('/:id/slots/:slotId', {
    schema: {
      tags: ['booking desk'],
      summary: 'Withdraw a half-day: its open bookings are cancelled and each resident is told',
      params: InstitutionSlotParamsSchema,
      response: { 200: z.object({ cancelled: z.number().int() }), ...errors },
    },
  }, async request => desk.withdraw(requireConsentedActor(request), request.params.id, request.params.slotId))

  app.get('/:id/bookings', {
    schema: {
      tags: ['booking desk'],
      summary: 'The day\'s bookings at the desk, morning first, by name; each resident listed is logged as a read',
      params: InstitutionParamsSchema,
      querystring: DayBookingsQuerySchema,
      response: { 200: DayBookingsSchema, ...errors },
    },
  }, async request => desk.day(requireConsentedActor(request), request.params.id, request.query.date))

  app.post('/:id/check-ins', {
    schema: {
      tags: ['booking desk'],
      summary: 'Check a resident in for today\'s booking, by the code under its QR code or by her ID number; her exam then counts as done for the reminders. Checking in twice answers the same',
      params: InstitutionParamsSchema,
      body: CheckInBodySchema,
      response: { 200: DayBookingSchema, ...errors },
    },
  }, async request => desk.checkIn(requireConsentedActor(request), request.params.id, request.body))

  app.post('/:id/walk-ins', {
    schema: {
      tags: ['booking desk'],
      summary: 'Book a resident who walks in, by her ID number, into today\'s half-day and check her in at once (201). 409 SLOT_FULL (never beyond capacity), ALREADY_BOOKED, NOT_FREE (not due a free exam today; send selfPaid)',
      params: InstitutionParamsSchema,
      body: WalkInBodySchema,
      response: { 201: DayBookingSchema, ...errors, 409: ErrorBodySchema },
    },
  }, async (request, reply) => reply.code(201).send(desk.walkIn(requireConsentedActor(request), request.params.id, request.body)))

  app.post('/:id/no-shows', {
    schema: {
      tags: ['booking desk'],
      summary: 'Mark the bookings of a day (today or earlier) still open as no-shows; their places leave the half-days\' booked counts',
      params: InstitutionParamsSchema,
      body: NoShowsBodySchema,
      response: { 200: NoShowsSchema, ...errors },
    },
  }, async request => desk.noShows(requireConsentedActor(request), request.params.id, request.body))
}
