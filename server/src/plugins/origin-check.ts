import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ErrorCode } from '../../../shared/errors'
import type { AppContext } from '../context'
import { AppError } from '../errors'
import { DEVICE_COOKIE, SESSION_COOKIE } from './session'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

function originOf(request: FastifyRequest): string | null {
  const origin = request.headers.origin
  if (origin)
    return origin
  const referer = request.headers.referer
  if (!referer)
    return null
  try {
    return new URL(referer).origin
  }
  catch {
    return null
  }
}

/**
 * A cookie-authenticated request that changes something must come from our own pages
 * (product.md capability 1). SameSite=Strict already stops most cross-site requests; this
 * stops the rest, such as a sibling subdomain. Requests without our cookies (API keys) pass.
 */
export function installOriginCheck(app: FastifyInstance, { config }: AppContext) {
  app.addHook('onRequest', (request, _reply, done) => {
    if (safeMethods.has(request.method) || !request.url.startsWith('/api/')
      || (request.cookies[SESSION_COOKIE] === undefined && request.cookies[DEVICE_COOKIE] === undefined)) {
      done()
      return
    }
    const own = config.publicOrigin ?? `${request.protocol}://${request.host}`
    done(originOf(request) === own ? undefined : new AppError(ErrorCode.ORIGIN_REFUSED, 'This request did not come from Kangban\'s own pages'))
  })
}
