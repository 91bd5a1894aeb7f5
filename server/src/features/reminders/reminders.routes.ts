import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorBodySchema } from '../../../../shared/errors'
import { ResidentParamsSchema } from '../../../../shared/schemas/common'
import { ReminderListSchema, ReportFluShotBodySchema, SelfReportedImmunizationSchema } from '../../../../shared/schemas/reminders'
import type { AppContext } from '../../context'
import type { ResidentAccess } from '../../plugins/access'
import { requireConsentedActor } from '../../plugins/session'
import { createRemindersService } from './reminders.service'

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }

export const remindersRoutes: FastifyPluginAsyncZod<{ ctx: AppContext, access: ResidentAccess }> = async (app, { ctx, access }) => {
  const reminders = createRemindersService(ctx, access)

  app.get('/:id/reminders', {
    schema: {
      tags: ['reminders'],
      summary: 'What is due for the resident on today\'s date, most urgent first, each with its reason; sensitive items hidden from proxies',
      params: ResidentParamsSchema,
      response: { 200: ReminderListSchema, ...errors },
    },
  }, async request => reminders.list(requireConsentedActor(request), request.params.id))

  app.post('/:id/immunizations/self-reported', {
    schema: {
      tags: ['reminders'],
      summary: 'Tell us about a flu shot given elsewhere (this season or the last); it counts and the flu reminder turns done. 201 when recorded, 200 when that day was already on record',
      params: ResidentParamsSchema,
      body: ReportFluShotBodySchema,
      response: { 200: SelfReportedImmunizationSchema, 201: SelfReportedImmunizationSchema, ...errors },
    },
  }, async (request, reply) => {
    const shot = reminders.reportFluShot(requireConsentedActor(request), request.params.id, request.body)
    return reply.code(shot.created ? 201 : 200).send({ id: shot.id, vaccine: 'influenza', date: shot.date, selfReported: true })
  })
}
