import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorBodySchema } from '../../../../shared/errors'
import { PageQuerySchema, ResidentParamsSchema } from '../../../../shared/schemas/common'
import { EncounterPageSchema, FollowupPageSchema, ImmunizationPageSchema, MedicationPageSchema, ResidentSummarySchema } from '../../../../shared/schemas/residents'
import type { AppContext } from '../../context'
import type { ResidentAccess } from '../../plugins/access'
import { requireConsentedActor } from '../../plugins/session'
import type { z } from 'zod'
import { createResidentsService } from './residents.service'

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }

function sectionSchema<T extends z.ZodType>(summary: string, page: T) {
  return { schema: { tags: ['record'], summary, params: ResidentParamsSchema, querystring: PageQuerySchema, response: { 200: page, ...errors } } }
}

export const residentsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext, access: ResidentAccess }> = async (app, { ctx, access }) => {
  const residents = createResidentsService(ctx, access)

  app.get('/:id', {
    schema: {
      tags: ['record'],
      summary: 'Profile and record summary; 404 for a resident the caller may not see, exactly as for an unknown id',
      params: ResidentParamsSchema,
      response: { 200: ResidentSummarySchema, ...errors },
    },
  }, async request => residents.summary(requireConsentedActor(request), request.params.id))

  app.get('/:id/encounters', sectionSchema('Visit records (诊疗记录), newest first', EncounterPageSchema), async request =>
    residents.section(requireConsentedActor(request), request.params.id, 'encounters', request.query))
  app.get('/:id/followups', sectionSchema('Chronic-disease follow-ups (随访记录): BP, glucose, classification', FollowupPageSchema), async request =>
    residents.section(requireConsentedActor(request), request.params.id, 'followups', request.query))
  app.get('/:id/immunizations', sectionSchema('Immunizations, newest first', ImmunizationPageSchema), async request =>
    residents.section(requireConsentedActor(request), request.params.id, 'immunizations', request.query))
  app.get('/:id/medications', sectionSchema('The continuous medication list (连续用药记录)', MedicationPageSchema), async request =>
    residents.section(requireConsentedActor(request), request.params.id, 'medications', request.query))
}
