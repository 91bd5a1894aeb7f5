import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBodySchema } from '../../../../shared/errors'
import { NoticeChannelsSchema, PushKeySchema, PushSubscriptionBodySchema, PushSubscriptionStoredSchema, PushUnsubscribeQuerySchema } from '../../../../shared/schemas/push'
import type { AppContext } from '../../context'
import { notFound } from '../../errors'
import { requireActor } from '../../plugins/session'
import { createPushRepo } from './push.repo'
import type { VapidKeys } from './push.vapid'

/** Under /api/push: the server's VAPID key and this browser's subscription (issue 8). */
export const pushRoutes: FastifyPluginAsyncZod<{ ctx: AppContext, vapid: VapidKeys | null }> = async (app, { ctx, vapid }) => {
  const repo = createPushRepo(ctx.db)

  app.get('/key', {
    schema: {
      tags: ['push'],
      summary: 'The VAPID public key to subscribe with; null when this server sends no Web Push',
      response: { 200: PushKeySchema },
    },
  }, async () => ({ publicKey: vapid?.publicKey ?? null }))

  app.post('/subscriptions', {
    schema: {
      tags: ['push'],
      summary: 'Keep this browser\'s push subscription for the signed-in account (again with the same endpoint: moved to this account)',
      body: PushSubscriptionBodySchema,
      response: { 201: PushSubscriptionStoredSchema, 400: ErrorBodySchema, 401: ErrorBodySchema },
    },
  }, async (request, reply) => {
    const actor = requireActor(request)
    const { endpoint, keys } = request.body
    repo.subscribe({ endpoint, accountId: actor.accountId, p256dh: keys.p256dh, auth: keys.auth, createdAt: ctx.clock.now() })
    return reply.code(201).send({ endpoint })
  })

  app.delete('/subscriptions', {
    schema: {
      tags: ['push'],
      summary: 'Forget this browser\'s push subscription (turning push off, or signing out)',
      querystring: PushUnsubscribeQuerySchema,
      response: { 204: z.null(), 400: ErrorBodySchema, 401: ErrorBodySchema, 404: ErrorBodySchema },
    },
  }, async (request, reply) => {
    if (!repo.unsubscribe(requireActor(request).accountId, request.query.endpoint))
      throw notFound()
    return reply.code(204).send(null)
  })
}

const off = { replies: false, critical: false, tomorrow: false, actedForYou: false, forOthers: false }

/** Under /api/notifications/channels: which notices also go by SMS (opt-in; all off is the unsubscribe). */
export const noticeChannelsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const repo = createPushRepo(ctx.db)

  app.get('', {
    schema: {
      tags: ['notifications'],
      summary: 'Which notices reach the signed-in account by SMS too',
      response: { 200: NoticeChannelsSchema, 401: ErrorBodySchema },
    },
  }, async (request) => {
    const row = repo.preferences(requireActor(request).accountId)
    if (row === null)
      return { sms: off }
    const { accountId: _, updatedAt: __, ...sms } = row
    return { sms }
  })

  app.put('', {
    schema: {
      tags: ['notifications'],
      summary: 'Choose which notices also go by SMS: a doctor\'s reply, a critical result, tomorrow\'s exam, someone acting for you, and copies for the people you act for',
      body: NoticeChannelsSchema,
      response: { 200: NoticeChannelsSchema, 400: ErrorBodySchema, 401: ErrorBodySchema },
    },
  }, async (request) => {
    repo.setPreferences({ accountId: requireActor(request).accountId, ...request.body.sms, updatedAt: ctx.clock.now() })
    return request.body
  })
}
