import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorBodySchema } from '../../../../shared/errors'
import { AssessmentIdParamsSchema, AssessmentListSchema, AssessmentSchema, AssessmentYearParamsSchema, DoctorAssessmentListSchema, DoctorAssessmentQuerySchema, UpdateAssessmentBodySchema } from '../../../../shared/schemas/assessments'
import { ResidentParamsSchema } from '../../../../shared/schemas/common'
import type { AppContext } from '../../context'
import type { ResidentAccess } from '../../plugins/access'
import { requireConsentedActor } from '../../plugins/session'
import { createAssessmentsService } from './assessments.service'

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }

export const assessmentsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext, access: ResidentAccess }> = async (app, { ctx, access }) => {
  const assessments = createAssessmentsService(ctx, access)

  app.get('/:id/assessments', {
    schema: {
      tags: ['assessments'],
      summary: 'The resident\'s annual health assessment reports, newest year first',
      params: ResidentParamsSchema,
      response: { 200: AssessmentListSchema, ...errors },
    },
  }, async request => assessments.list(requireConsentedActor(request), request.params.id))

  app.get('/:id/assessments/:year', {
    schema: {
      tags: ['assessments'],
      summary: 'One year\'s report: measures against targets, change from last year, China-PAR risk, abnormal items, what is due; the doctor\'s comment once signed',
      params: AssessmentYearParamsSchema,
      response: { 200: AssessmentSchema, ...errors },
    },
  }, async request => assessments.get(requireConsentedActor(request), request.params.id, request.params.year))
}

export const doctorAssessmentsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext, access: ResidentAccess }> = async (app, { ctx, access }) => {
  const assessments = createAssessmentsService(ctx, access)

  app.get('/assessments', {
    schema: {
      tags: ['assessments'],
      summary: 'The reports of the doctor\'s signed residents waiting for his comment and signature (status=draft), or those he signed',
      querystring: DoctorAssessmentQuerySchema,
      response: { 200: DoctorAssessmentListSchema, ...errors },
    },
  }, async request => assessments.doctorList(requireConsentedActor(request), request.query.status, request.query.limit))

  app.put('/assessments/:assessmentId', {
    schema: {
      tags: ['assessments'],
      summary: 'The family doctor comments on a report and, with sign, signs it (frozen after; the resident is notified)',
      params: AssessmentIdParamsSchema,
      body: UpdateAssessmentBodySchema,
      response: { 200: AssessmentSchema, 409: ErrorBodySchema, ...errors },
    },
  }, async request => assessments.update(requireConsentedActor(request), request.params.assessmentId, request.body))
}
