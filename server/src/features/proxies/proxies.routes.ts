import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBodySchema } from '../../../../shared/errors'
import { ResidentParamsSchema } from '../../../../shared/schemas/common'
import {
  CreateProxyGrantBodySchema,
  HeldGrantListSchema,
  HeldGrantParamsSchema,
  HeldGrantSchema,
  ProxyGrantListSchema,
  ProxyGrantParamsSchema,
  ProxyGrantSchema,
} from '../../../../shared/schemas/proxies'
import type { AppContext } from '../../context'
import type { ResidentAccess } from '../../plugins/access'
import { requireConsentedActor } from '../../plugins/session'
import { createProxiesService } from './proxies.service'

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema }

/** The grantor's side, under /api/residents: the resident (or her household parent) gives, ends and re-confirms grants. */
export const proxiesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext, access: ResidentAccess }> = async (app, { ctx, access }) => {
  const proxies = createProxiesService(ctx, access)

  app.get('/:id/proxies', {
    schema: {
      tags: ['family'],
      summary: '亲情账户: every grant the resident gave, open and ended, newest first',
      params: ResidentParamsSchema,
      response: { 200: ProxyGrantListSchema, ...errors },
    },
  }, async request => ({ items: proxies.list(requireConsentedActor(request), request.params.id) }))

  app.post('/:id/proxies', {
    schema: {
      tags: ['family'],
      summary: 'Grant a phone number access (pending until its holder accepts); the answer never tells whether the phone is a Kangban user',
      params: ResidentParamsSchema,
      body: CreateProxyGrantBodySchema,
      response: { 201: ProxyGrantSchema, ...errors },
    },
  }, async (request, reply) => reply.code(201).send(proxies.create(requireConsentedActor(request), request.params.id, request.body)))

  app.delete('/:id/proxies/:grantId', {
    schema: {
      tags: ['family'],
      summary: 'End a grant at once (pending or active); ending an ended grant changes nothing',
      params: ProxyGrantParamsSchema,
      response: { 204: z.null().describe('ended'), ...errors },
    },
  }, async (request, reply) => {
    proxies.revoke(requireConsentedActor(request), request.params.id, request.params.grantId)
    return reply.code(204).send(null)
  })

  app.post('/:id/proxies/:grantId/confirm', {
    schema: {
      tags: ['family'],
      summary: 'Re-confirm a grant with no end date for another 18 months (unconfirmed, it lapses)',
      params: ProxyGrantParamsSchema,
      response: { 200: ProxyGrantSchema, ...errors },
    },
  }, async request => proxies.confirm(requireConsentedActor(request), request.params.id, request.params.grantId))
}

/** The grantee's side, under /api/proxies: the account's own offers and grants. */
export const heldProxiesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext, access: ResidentAccess }> = async (app, { ctx, access }) => {
  const proxies = createProxiesService(ctx, access)

  app.get('', {
    schema: {
      tags: ['family'],
      summary: 'Grants offered to or held by the signed-in account that still count (pending and active)',
      response: { 200: HeldGrantListSchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
    },
  }, async request => ({ items: proxies.listHeld(requireConsentedActor(request)) }))

  app.post('/:grantId/accept', {
    schema: {
      tags: ['family'],
      summary: 'Accept a grant offered to this account; it counts from the next request',
      params: HeldGrantParamsSchema,
      response: { 200: HeldGrantSchema, ...errors },
    },
  }, async request => proxies.accept(requireConsentedActor(request), request.params.grantId))

  app.delete('/:grantId', {
    schema: {
      tags: ['family'],
      summary: 'Decline an offer, or end a grant this account holds, at once',
      params: HeldGrantParamsSchema,
      response: { 204: z.null().describe('ended'), ...errors },
    },
  }, async (request, reply) => {
    proxies.endHeld(requireConsentedActor(request), request.params.grantId)
    return reply.code(204).send(null)
  })
}
