import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorBodySchema } from '../../../../shared/errors'
import { ResidentParamsSchema } from '../../../../shared/schemas/common'
import { CreateMeasurementBodySchema, MeasurementListQuerySchema, MeasurementListSchema, MeasurementSchema } from '../../../../shared/schemas/measurements'
import type { AppContext } from '../../context'
import type { ResidentAccess } from '../../plugins/access'
import { requireConsentedActor } from '../../plugins/session'
import { createAssessmentsService } from '../assessments/assessments.service'
import { createMeasurementsService } from './measurements.service'

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }

export const measurementsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext, access: ResidentAccess }> = async (app, { ctx, access }) => {
  const assessments = createAssessmentsService(ctx, access)
  const measurements = createMeasurementsService(ctx, access, assessments.refreshDraft)

  app.get('/:id/measurements', {
    schema: {
      tags: ['measurements'],
      summary: 'Home readings (BP, glucose, weight, waist), newest first',
      params: ResidentParamsSchema,
      querystring: MeasurementListQuerySchema,
      response: { 200: MeasurementListSchema, ...errors },
    },
  }, async request => measurements.list(requireConsentedActor(request), request.params.id, request.query))

  app.post('/:id/measurements', {
    schema: {
      tags: ['measurements'],
      summary: 'Record a home reading (the resident, a household parent, or a proxy with consult); one past the danger thresholds notifies her family doctor',
      params: ResidentParamsSchema,
      body: CreateMeasurementBodySchema,
      response: { 201: MeasurementSchema, ...errors },
    },
  }, async (request, reply) => reply.code(201).send(measurements.create(requireConsentedActor(request), request.params.id, request.body)))
}
