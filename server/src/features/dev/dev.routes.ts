import { desc, eq } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorBodySchema } from '../../../../shared/errors'
import { OutboxAllSchema, OutboxLastSchema, OutboxQuerySchema } from '../../../../shared/schemas/health'
import type { AppContext } from '../../context'
import { devOutbox } from '../../db/schema'
import { notFound } from '../../errors'

/** demo.md test hooks. Registered only in demo mode, so production answers 404. */
export const devRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/outbox', {
    schema: {
      tags: ['demo'],
      summary: 'Demo mode only: the last sign-in code "sent" to a phone, or with all=1 every SMS to it, newest first',
      querystring: OutboxQuerySchema,
      response: { 200: OutboxLastSchema.or(OutboxAllSchema), 400: ErrorBodySchema, 404: ErrorBodySchema },
    },
  }, async (request) => {
    const { phone, all } = request.query
    const rows = ctx.db.select().from(devOutbox).where(eq(devOutbox.phone, phone)).orderBy(desc(devOutbox.id)).all()
    const iso = (ms: number) => new Date(ms).toISOString()
    if (all)
      return { phone, messages: rows.map(r => ({ phone: r.phone, kind: r.kind, code: r.code, body: r.body, sentAt: iso(r.sentAt) })) }
    const last = rows.find(r => r.kind === 'sign-in-code' && r.code !== null)
    if (!last?.code)
      throw notFound()
    return { phone, code: last.code, sentAt: iso(last.sentAt) }
  })
}
