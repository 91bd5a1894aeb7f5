import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorBodySchema } from '../../../../shared/errors'
import { ResidentParamsSchema } from '../../../../shared/schemas/common'
import { ConsultationKeyHeadersSchema, ConsultationListSchema, ConsultationMessageSchema, ConsultationParamsSchema, ConsultationSchema, CreateConsultationBodySchema, CreateConsultationHeadersSchema, CreateConsultationMessageBodySchema, DoctorInboxQuerySchema, DoctorInboxSchema, ReplyTimeBodySchema, ReplyTimeSchema } from '../../../../shared/schemas/consultations'
import type { AppContext } from '../../context'
import type { ResidentAccess } from '../../plugins/access'
import { requireConsentedActor } from '../../plugins/session'
import { createConsultationsService } from './consultations.service'

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }

/** Under /api/residents: her consultations, and starting one. */
export const residentConsultationsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext, access: ResidentAccess }> = async (app, { ctx, access }) => {
  const consultations = createConsultationsService(ctx, access)

  app.get('/:id/consultations', {
    schema: {
      tags: ['consultations'],
      summary: 'Her consultations with her family-doctor team, latest first, and who answers (with his posted reply time)',
      params: ResidentParamsSchema,
      response: { 200: ConsultationListSchema, ...errors },
    },
  }, async request => consultations.list(requireConsentedActor(request), request.params.id))

  app.post('/:id/consultations', {
    schema: {
      tags: ['consultations'],
      summary: 'Write to her family doctor (herself, a household parent, or a proxy with consult). 201 with the thread; the same Idempotency-Key again answers 200 with the first one. 409 NO_FAMILY_DOCTOR without a running contract',
      params: ResidentParamsSchema,
      headers: CreateConsultationHeadersSchema,
      body: CreateConsultationBodySchema,
      response: { 200: ConsultationSchema, 201: ConsultationSchema, 409: ErrorBodySchema, ...errors },
    },
  }, async (request, reply) => {
    const { consultation, created } = consultations.create(requireConsentedActor(request), request.params.id, request.body, request.headers['idempotency-key'] ?? null)
    return reply.code(created ? 201 : 200).send(consultation)
  })
}

/** Under /api/consultations: one thread, its messages, and closing it. */
export const consultationsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext, access: ResidentAccess }> = async (app, { ctx, access }) => {
  const consultations = createConsultationsService(ctx, access)

  app.get('/:cid', {
    schema: {
      tags: ['consultations'],
      summary: 'One consultation with its messages (plain text); her care team also gets her key facts',
      params: ConsultationParamsSchema,
      response: { 200: ConsultationSchema, ...errors },
    },
  }, async request => consultations.get(requireConsentedActor(request), request.params.cid))

  app.post('/:cid/messages', {
    schema: {
      tags: ['consultations'],
      summary: 'Write in a consultation: her side (consult scope) or her care team\'s answer. 201; the same Idempotency-Key again answers 200 with the message stored the first time',
      params: ConsultationParamsSchema,
      headers: ConsultationKeyHeadersSchema,
      body: CreateConsultationMessageBodySchema,
      response: { 200: ConsultationMessageSchema, 201: ConsultationMessageSchema, ...errors },
    },
  }, async (request, reply) => {
    const { message, created } = consultations.write(requireConsentedActor(request), request.params.cid, request.body, request.headers['idempotency-key'])
    return reply.code(created ? 201 : 200).send(message)
  })

  app.post('/:cid/done', {
    schema: {
      tags: ['consultations'],
      summary: 'Her care team marks a consultation done: it leaves the inbox until her side writes again',
      params: ConsultationParamsSchema,
      response: { 200: ConsultationSchema, ...errors },
    },
  }, async request => consultations.markDone(requireConsentedActor(request), request.params.cid))
}

/** Under /api/doctor: the team's inbox and the doctor's posted reply time. */
export const doctorConsultationsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext, access: ResidentAccess }> = async (app, { ctx, access }) => {
  const consultations = createConsultationsService(ctx, access)

  app.get('/inbox', {
    schema: {
      tags: ['doctor'],
      summary: 'Waiting consultations of the caller\'s team\'s signed residents, oldest first, with how long each has waited and what it is about',
      querystring: DoctorInboxQuerySchema,
      response: { 200: DoctorInboxSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
    },
  }, async request => consultations.inbox(requireConsentedActor(request), request.query.limit))

  app.get('/reply-time', {
    schema: {
      tags: ['doctor'],
      summary: 'The doctor\'s posted reply time',
      response: { 200: ReplyTimeSchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
    },
  }, async request => consultations.replyTime(requireConsentedActor(request)))

  app.put('/reply-time', {
    schema: {
      tags: ['doctor'],
      summary: 'Post how soon the doctor usually replies (residents see "通常…回复" before they write)',
      body: ReplyTimeBodySchema,
      response: { 200: ReplyTimeSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
    },
  }, async request => consultations.setReplyTime(requireConsentedActor(request), request.body.replyTime))
}
