import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { HealthSchema } from '../../../../shared/schemas/health'
import type { AppContext } from '../../context'

export const healthRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const ping = ctx.sqlite.prepare('select 1 as ok')
  app.get('/health', {
    schema: { tags: ['health'], summary: 'Liveness and a database round trip', response: { 200: HealthSchema } },
  }, async () => {
    ping.get()
    return { status: 'ok' as const, database: 'ok' as const, mode: ctx.config.mode }
  })
}
