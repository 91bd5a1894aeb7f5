import swagger from '@fastify/swagger'
import type { FastifyInstance } from 'fastify'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'

/** The OpenAPI document, built from the same zod schemas that validate the requests. */
export async function installOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      info: { title: 'Kangban 康伴 API', description: 'The resident\'s door to the county\'s free health services', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kb_session' }, apiKey: { type: 'http', scheme: 'bearer', description: 'an institution\'s machine API key' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  })
  app.get('/api/docs', { schema: { hide: true } }, async () => app.swagger())
}
