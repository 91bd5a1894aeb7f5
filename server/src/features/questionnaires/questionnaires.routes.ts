import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorBodySchema } from '../../../../shared/errors'
import { ResidentParamsSchema } from '../../../../shared/schemas/common'
import { CreateQuestionnaireBodySchema, QuestionnaireListSchema, QuestionnaireResponseSchema } from '../../../../shared/schemas/reminders'
import type { AppContext } from '../../context'
import type { ResidentAccess } from '../../plugins/access'
import { requireConsentedActor } from '../../plugins/session'
import { createQuestionnairesService } from './questionnaires.service'

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }

export const questionnairesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext, access: ResidentAccess }> = async (app, { ctx, access }) => {
  const questionnaires = createQuestionnairesService(ctx, access)

  app.get('/:id/questionnaires', {
    schema: {
      tags: ['reminders'],
      summary: 'Screening questionnaires taken (COPD-SQ, colorectal high risk), newest first, with score and result',
      params: ResidentParamsSchema,
      response: { 200: QuestionnaireListSchema, ...errors },
    },
  }, async request => questionnaires.list(requireConsentedActor(request), request.params.id))

  app.post('/:id/questionnaires', {
    schema: {
      tags: ['reminders'],
      summary: 'Take a questionnaire for the resident (herself, a household parent, or a proxy with consult); the server scores it and the reminders move on at once',
      params: ResidentParamsSchema,
      body: CreateQuestionnaireBodySchema,
      response: { 201: QuestionnaireResponseSchema, ...errors },
    },
  }, async (request, reply) => reply.code(201).send(questionnaires.create(requireConsentedActor(request), request.params.id, request.body)))
}
