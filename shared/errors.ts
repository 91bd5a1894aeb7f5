import { z } from 'zod'

/** Stable error codes of the API. The web maps each to a message for people. */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  ORIGIN_REFUSED: 'ORIGIN_REFUSED',
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',
  NOT_FOUND: 'NOT_FOUND',
  RATE_LIMITED: 'RATE_LIMITED',
  CODE_INVALID: 'CODE_INVALID',
  PIN_INVALID: 'PIN_INVALID',
  DEVICE_NOT_REMEMBERED: 'DEVICE_NOT_REMEMBERED',
  RESIDENT_INACTIVE: 'RESIDENT_INACTIVE',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** the exam was released already: nothing to do (a second doctor, or a double tap) */
  ALREADY_RELEASED: 'ALREADY_RELEASED',
  /** a critical value was to be acknowledged, but the exam has none */
  NOT_CRITICAL: 'NOT_CRITICAL',
  /** a quarantined exam was matched or rejected already */
  ALREADY_RESOLVED: 'ALREADY_RESOLVED',
  /** the exam was retracted already */
  ALREADY_RETRACTED: 'ALREADY_RETRACTED',
  /** the slot has no place left (or was withdrawn) */
  SLOT_FULL: 'SLOT_FULL',
  /** the resident holds an open booking already: one at a time */
  ALREADY_BOOKED: 'ALREADY_BOOKED',
  /** she is not due a free exam on the slot's date; book self-paid, knowingly */
  NOT_FREE: 'NOT_FREE',
  /** the slot's day has come: book another, or cancel no later than the day before */
  TOO_LATE: 'TOO_LATE',
  /** the phone holds an open grant on this record already: end it before giving another */
  ALREADY_GRANTED: 'ALREADY_GRANTED',
  /** the grant was ended, declined, expired or lapsed: give a new one */
  GRANT_ENDED: 'GRANT_ENDED',
  /** the annual report was signed already: it is frozen */
  ALREADY_SIGNED: 'ALREADY_SIGNED',
  /** the annual report was regenerated from new data since the doctor opened it: read it again */
  ASSESSMENT_CHANGED: 'ASSESSMENT_CHANGED',
  /** she has no running family-doctor contract: no one to write to (issue 8) */
  NO_FAMILY_DOCTOR: 'NO_FAMILY_DOCTOR',
  /** the request body is in a format the route does not take */
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  INTERNAL: 'INTERNAL',
} as const
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    field: z.string().optional(),
  }),
})
export type ErrorBody = z.infer<typeof ErrorBodySchema>
