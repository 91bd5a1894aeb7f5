import { ErrorCode } from '../../../shared/errors'
import { ApiError, ClientErrorCode } from './client'

const keys: Partial<Record<ApiError['code'], string>> = {
  [ClientErrorCode.NETWORK]: 'errors.network',
  [ErrorCode.RATE_LIMITED]: 'errors.rateLimited',
  [ErrorCode.CODE_INVALID]: 'errors.codeInvalid',
  [ErrorCode.PIN_INVALID]: 'errors.pinInvalid',
  [ErrorCode.DEVICE_NOT_REMEMBERED]: 'errors.deviceNotRemembered',
  [ErrorCode.FORBIDDEN]: 'errors.forbidden',
  [ErrorCode.VALIDATION_FAILED]: 'errors.validation',
  [ErrorCode.CONSENT_REQUIRED]: 'errors.consentRequired',
}

/** The i18n key of the message a person sees for an error; the API's own message is for developers. */
export function errorMessageKey(error: unknown): string {
  return (error instanceof ApiError && keys[error.code]) || 'errors.generic'
}
