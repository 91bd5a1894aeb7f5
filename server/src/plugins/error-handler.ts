import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import type { ErrorBody } from '../../../shared/errors'
import { ErrorCode } from '../../../shared/errors'
import { AppError } from '../errors'

function body(code: ErrorCode, message: string, field?: string): ErrorBody {
  return { error: field === undefined ? { code, message } : { code, message, field } }
}

/**
 * The one place errors become responses: validation → 400 naming the field, AppError → its
 * status, Fastify's own 4xx (bad JSON, too large) → the same body shape, anything else → a
 * logged 500 that says nothing about the internals.
 */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0]!
      const path = first.instancePath.replace(/^\//, '').replaceAll('/', '.')
      const field = path || error.validationContext || 'body'
      return reply.code(400).send(body(ErrorCode.VALIDATION_FAILED, `${field}: ${first.message}`, field))
    }
    if (error instanceof AppError) {
      if (error.retryAfterSeconds !== undefined)
        void reply.header('retry-after', String(error.retryAfterSeconds))
      return reply.code(error.status).send(body(error.code, error.message, error.field))
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.code(413).send(body(ErrorCode.PAYLOAD_TOO_LARGE, 'The request body is too large'))
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      const message = error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'Unsupported content type' : 'The request body is not valid JSON'
      return reply.code(400).send(body(ErrorCode.VALIDATION_FAILED, message, 'body'))
    }
    request.log.error({ err: error }, 'unhandled error')
    return reply.code(500).send(body(ErrorCode.INTERNAL, 'Something went wrong on our side. Please try again.'))
  })
}
