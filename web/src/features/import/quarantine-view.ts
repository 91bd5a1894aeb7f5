import { ErrorCode } from '../../../../shared/errors'
import { isValidIdNumber } from '../../../../shared/residents/id-number'
import type { QuarantineEntry } from '../../../../shared/schemas/import'
import { ApiError } from '../../api/client'
import { errorMessageKey } from '../../api/error-message'

/** Why an exam waits, in plain words. */
export function quarantineReasonKey(reason: QuarantineEntry['reason']): string {
  return `quarantine.reason.${reason}`
}

/**
 * The full ID number in the groups it is made of — region (6), birth date (8), sequence and
 * check (4) — so that staff can read it against the ID card group by group:
 * `330681195204183620` → `330681 19520418 3620`. Anything else is returned as it is.
 */
export function groupIdNumber(idNumber: string): string {
  return /^\d{17}[\dX]$/.test(idNumber) ? `${idNumber.slice(0, 6)} ${idNumber.slice(6, 14)} ${idNumber.slice(14)}` : idNumber
}

/** An ID number as people type it (spaces, a small x) as the register keeps it. */
export function normalizeIdNumber(typed: string): string {
  return typed.replace(/\s+/g, '').toUpperCase()
}

export interface MatchForm { idNumber: string, name: string, birthDate: string }
export type MatchField = keyof MatchForm
export type MatchProblems = Partial<Record<MatchField, string>>

/** What is wrong with the match form before it is sent, as i18n keys by field; empty when nothing. */
export function matchFormProblems(form: MatchForm): MatchProblems {
  const problems: MatchProblems = {}
  const idNumber = normalizeIdNumber(form.idNumber)
  if (!/^\d{17}[\dX]$/.test(idNumber))
    problems.idNumber = 'quarantine.match.idNumberInvalid'
  else if (!isValidIdNumber(idNumber))
    problems.idNumber = 'quarantine.match.idNumberChecksum'
  if (form.name.trim() === '')
    problems.name = 'quarantine.match.nameRequired'
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.birthDate))
    problems.birthDate = 'quarantine.match.birthDateRequired'
  return problems
}

export interface ResolveFailure {
  /** the field the words belong under; null for the form as a whole */
  field: MatchField | null
  key: string
  /** someone else resolved it meanwhile: the list is out of date */
  reload: boolean
}

/**
 * Why a match or a rejection failed, in words for the form. The register disagreeing names its
 * field (an unknown ID number, or a name or birth date that does not go with it).
 */
export function resolveFailure(error: unknown): ResolveFailure {
  if (error instanceof ApiError) {
    if (error.code === ErrorCode.ALREADY_RESOLVED || error.status === 404)
      return { field: null, key: 'quarantine.alreadyResolved', reload: true }
    if (error.code === ErrorCode.VALIDATION_FAILED) {
      if (error.field === 'idNumber')
        return { field: 'idNumber', key: 'quarantine.match.idNumberUnknown', reload: false }
      if (error.field === 'name')
        return { field: 'name', key: 'quarantine.match.identityMismatch', reload: false }
      if (error.field === 'birthDate')
        return { field: 'birthDate', key: 'quarantine.match.birthDateRequired', reload: false }
    }
  }
  return { field: null, key: errorMessageKey(error), reload: false }
}
