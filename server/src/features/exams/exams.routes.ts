import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorBodySchema } from '../../../../shared/errors'
import { PageQuerySchema, ResidentParamsSchema } from '../../../../shared/schemas/common'
import { CriticalAcknowledgementSchema, DoctorExamParamsSchema, DoctorExamQueueSchema, DoctorExamsQuerySchema, ExamDetailSchema, ExamPageSchema, ExamParamsSchema, ExamSummarySchema, ObservationSeriesSchema, ObservationsQuerySchema, ReleaseExamBodySchema } from '../../../../shared/schemas/exams'
import type { AppContext } from '../../context'
import type { ResidentAccess } from '../../plugins/access'
import { requireConsentedActor } from '../../plugins/session'
import { createExamsService } from './exams.service'

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }

/** A resident's exams: under /api/residents. */
export const examsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext, access: ResidentAccess }> = async (app, { ctx, access }) => {
  const exams = createExamsService(ctx, access)

  app.get('/:id/exams', {
    schema: {
      tags: ['exams'],
      summary: 'The resident\'s exams, newest first; an exam under review shows its date and status, never its values',
      params: ResidentParamsSchema,
      querystring: PageQuerySchema,
      response: { 200: ExamPageSchema, ...errors },
    },
  }, async request => exams.list(requireConsentedActor(request), request.params.id, request.query))

  app.get('/:id/exams/:examId', {
    schema: {
      tags: ['exams'],
      summary: 'One exam: each item with its flag and the same item of the previous released exam; no items while under review. 404 for an exam of another resident, as for an unknown id',
      params: ExamParamsSchema,
      response: { 200: ExamDetailSchema, ...errors },
    },
  }, async request => exams.detail(requireConsentedActor(request), request.params.id, request.params.examId))

  app.get('/:id/observations', {
    schema: {
      tags: ['exams'],
      summary: 'One exam item across the resident\'s released exams, oldest first, for the trend chart',
      params: ResidentParamsSchema,
      querystring: ObservationsQuerySchema,
      response: { 200: ObservationSeriesSchema, ...errors },
    },
  }, async request => exams.observations(requireConsentedActor(request), request.params.id, request.query.code))
}

/** The doctor's side of exams: under /api/doctor. */
export const doctorExamsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext, access: ResidentAccess }> = async (app, { ctx, access }) => {
  const exams = createExamsService(ctx, access)

  app.get('/exams', {
    schema: {
      tags: ['doctor'],
      summary: 'Exams waiting for the caller\'s review, oldest first: his signed residents\', and those his institution did for residents with no family doctor; flagged items critical first. Doctors only (403 otherwise)',
      querystring: DoctorExamsQuerySchema,
      response: { 200: DoctorExamQueueSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
    },
  }, async request => exams.queue(requireConsentedActor(request), request.query.limit))

  app.post('/exams/:examId/release', {
    schema: {
      tags: ['doctor'],
      summary: 'Release an exam to the resident, optionally with a comment: her signed family doctor, or a doctor of the institution that did it. 409 ALREADY_RELEASED when it was released already',
      params: DoctorExamParamsSchema,
      body: ReleaseExamBodySchema,
      response: { 200: ExamSummarySchema, ...errors, 409: ErrorBodySchema },
    },
  }, async request => exams.release(requireConsentedActor(request), request.params.examId, request.body))

  app.post('/exams/:examId/acknowledge', {
    schema: {
      tags: ['doctor'],
      summary: 'Acknowledge an exam\'s critical value, pending or released: the doctors who may release it. The first acknowledgement stands; another answers 200 with it. 409 NOT_CRITICAL for an exam without a critical value',
      params: DoctorExamParamsSchema,
      response: { 200: CriticalAcknowledgementSchema, ...errors, 409: ErrorBodySchema },
    },
  }, async request => exams.acknowledgeCritical(requireConsentedActor(request), request.params.examId))
}
