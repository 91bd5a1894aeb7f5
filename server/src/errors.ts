import { ErrorCode } from '../../shared/errors'

const statusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  CODE_INVALID: 400,
  PIN_INVALID: 400,
  UNAUTHENTICATED: 401,
  DEVICE_NOT_REMEMBERED: 401,
  FORBIDDEN: 403,
  ORIGIN_REFUSED: 403,
  CONSENT_REQUIRED: 403,
  RESIDENT_INACTIVE: 403,
  NOT_FOUND: 404,
  ALREADY_RELEASED: 409,
  NOT_CRITICAL: 409,
  ALREADY_RESOLVED: 409,
  ALREADY_RETRACTED: 409,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SLOT_FULL: 409,
  ALREADY_BOOKED: 409,
  NOT_FREE: 409,
  TOO_LATE: 409,
  ALREADY_GRANTED: 409,
  GRANT_ENDED: 409,
  ALREADY_SIGNED: 409,
  ASSESSMENT_CHANGED: 409,
  NO_FAMILY_DOCTOR: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
}

/** The one error type services throw; the error handler turns it into `{ error: { code, message, field } }`. */
export class AppError extends Error {
  readonly status: number
  readonly field: string | undefined
  readonly retryAfterSeconds: number | undefined

  constructor(readonly code: ErrorCode, message: string, options: { field?: string, cause?: unknown, retryAfterSeconds?: number } = {}) {
    super(message, { cause: options.cause })
    this.status = statusOf[code]
    this.field = options.field
    this.retryAfterSeconds = options.retryAfterSeconds
  }
}

export const notFound = () => new AppError(ErrorCode.NOT_FOUND, 'Not found')
