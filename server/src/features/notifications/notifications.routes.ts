import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBodySchema } from '../../../../shared/errors'
import { NotificationListSchema, NotificationParamsSchema, NotificationSchema } from '../../../../shared/schemas/notifications'
import type { AppContext } from '../../context'
import { notFound } from '../../errors'
import { decodeCursor, pageFrom } from '../../paging'
import { requireActor } from '../../plugins/session'
import type { NotificationRow } from './notifications.repo'
import { createNotificationsRepo } from './notifications.repo'

function toNotification(row: NotificationRow) {
  return {
    id: row.id,
    kind: row.kind,
    params: JSON.parse(row.params) as Record<string, string | number>,
    residentId: row.residentId,
    createdAt: new Date(row.createdAt).toISOString(),
    readAt: row.readAt === null ? null : new Date(row.readAt).toISOString(),
  }
}

export const notificationsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const repo = createNotificationsRepo(ctx.db)

  app.get('', {
    schema: {
      tags: ['notifications'],
      summary: 'The signed-in person\'s in-app notices, newest first, with the unread count',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().max(200).optional() }),
      response: { 200: NotificationListSchema, 401: ErrorBodySchema },
    },
  }, async (request) => {
    const actor = requireActor(request)
    const { limit, cursor } = request.query
    const before = decodeCursor(cursor, ['number', 'string'] as const)
    const rows = repo.list(actor.accountId, actor.residentId, limit + 1, before && { createdAt: before[0], id: before[1] })
    const page = pageFrom(rows, limit, r => [r.createdAt, r.id])
    return { items: page.items.map(toNotification), nextCursor: page.nextCursor, unread: repo.countUnread(actor.accountId, actor.residentId) }
  })

  app.post('/:notificationId/read', {
    schema: {
      tags: ['notifications'],
      summary: 'Mark a notice read (opening it does this)',
      params: NotificationParamsSchema,
      response: { 200: NotificationSchema, 401: ErrorBodySchema, 404: ErrorBodySchema },
    },
  }, async (request) => {
    const actor = requireActor(request)
    const row = repo.markRead(actor.accountId, actor.residentId, request.params.notificationId, ctx.clock.now())
    if (!row)
      throw notFound()
    return toNotification(row)
  })
}
