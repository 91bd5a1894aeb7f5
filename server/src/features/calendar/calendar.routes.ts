import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBodySchema } from '../../../../shared/errors'
import { ResidentParamsSchema } from '../../../../shared/schemas/common'
import { CalendarFeedSchema, CalendarTokenParamsSchema, CreatedCalendarFeedSchema } from '../../../../shared/schemas/reminders'
import type { AppContext } from '../../context'
import type { ResidentAccess } from '../../plugins/access'
import { requireConsentedActor } from '../../plugins/session'
import { createCalendarService } from './calendar.service'

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }

/** The resident's side: see, create and revoke the feed (resident and household parent only). */
export const calendarFeedRoutes: FastifyPluginAsyncZod<{ ctx: AppContext, access: ResidentAccess }> = async (app, { ctx, access }) => {
  const calendar = createCalendarService(ctx, access)

  app.get('/:id/calendar-feed', {
    schema: {
      tags: ['reminders'],
      summary: 'Whether the resident\'s reminders calendar feed is live (the URL was shown once, at creation)',
      params: ResidentParamsSchema,
      response: { 200: CalendarFeedSchema, ...errors },
    },
  }, async request => calendar.status(requireConsentedActor(request), request.params.id))

  app.post('/:id/calendar-feed', {
    schema: {
      tags: ['reminders'],
      summary: 'Create a secret calendar feed URL of the reminders, shown only in this response; any earlier feed stops working',
      params: ResidentParamsSchema,
      response: { 201: CreatedCalendarFeedSchema, ...errors },
    },
  }, async (request, reply) => {
    // the app's own origin, as the Origin check determines it (plugins/origin-check.ts)
    const origin = ctx.config.publicOrigin ?? `${request.protocol}://${request.host}`
    return reply.code(201).send(calendar.create(requireConsentedActor(request), request.params.id, origin))
  })

  app.delete('/:id/calendar-feed', {
    schema: {
      tags: ['reminders'],
      summary: 'Revoke the calendar feed: calendar apps get 404 from now on',
      params: ResidentParamsSchema,
      response: { 204: z.null().describe('revoked (or there was none)'), ...errors },
    },
  }, async (request, reply) => {
    calendar.revoke(requireConsentedActor(request), request.params.id)
    return reply.code(204).send(null)
  })
}

/** What calendar apps fetch: no cookie, the token in the URL is the credential. */
export const calendarRoutes: FastifyPluginAsyncZod<{ ctx: AppContext, access: ResidentAccess }> = async (app, { ctx, access }) => {
  const calendar = createCalendarService(ctx, access)

  app.get('/:token.ics', {
    schema: {
      tags: ['reminders'],
      summary: 'The reminders as an RFC 5545 calendar (text/calendar), one all-day event per open reminder; 404 for an unknown or revoked token',
      params: CalendarTokenParamsSchema,
      response: { 200: { content: { 'text/calendar': { schema: z.string() } } }, 400: ErrorBodySchema, 404: ErrorBodySchema },
    },
  }, async (request, reply) => reply.type('text/calendar; charset=utf-8').send(calendar.feed(request.params.token)))
}
