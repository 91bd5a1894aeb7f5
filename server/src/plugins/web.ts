import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

export const webRoot = resolve(import.meta.dirname, '../../../dist/web')

/**
 * Serves the built PWA. Hashed assets are cached for a year; the service worker and the
 * shell are revalidated on every load so an update reaches phones at the next visit.
 */
export async function installWeb(app: FastifyInstance) {
  if (!existsSync(resolve(webRoot, 'index.html')))
    return false
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: false,
    setHeaders(reply, path) {
      void reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })
  return true
}
