import { and, desc, eq, lt } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ResidentAction } from '../../../../shared/access'
import { ErrorBodySchema } from '../../../../shared/errors'
import { AccessLogPageSchema } from '../../../../shared/schemas/access-log'
import { PageQuerySchema, ResidentParamsSchema } from '../../../../shared/schemas/common'
import type { AppContext } from '../../context'
import { accessLog } from '../../db/schema'
import { decodeCursor, pageFrom } from '../../paging'
import type { ResidentAccess } from '../../plugins/access'
import { requireConsentedActor } from '../../plugins/session'

export const accessLogRoutes: FastifyPluginAsyncZod<{ ctx: AppContext, access: ResidentAccess }> = async (app, { ctx, access }) => {
  app.get('/:id/access-log', {
    schema: {
      tags: ['record'],
      summary: '谁看过我的档案: every read or change of this record by anyone but the resident, newest first',
      params: ResidentParamsSchema,
      querystring: PageQuerySchema,
      response: { 200: AccessLogPageSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema },
    },
  }, async (request) => {
    const { id } = request.params
    access.authorize(requireConsentedActor(request), id, ResidentAction.MANAGE, 'read', 'access-log')
    const { limit, cursor } = request.query
    const before = decodeCursor(cursor, ['number'] as const)
    const rows = ctx.db.select().from(accessLog)
      .where(and(eq(accessLog.residentId, id), before ? lt(accessLog.id, before[0]) : undefined))
      .orderBy(desc(accessLog.id))
      .limit(limit + 1)
      .all()
    const page = pageFrom(rows, limit, r => [r.id])
    return {
      items: page.items.map(r => ({ id: r.id, actorName: r.actorName, actorRole: r.actorRole, action: r.action, what: r.what, at: new Date(r.at).toISOString() })),
      nextCursor: page.nextCursor,
    }
  })
}
