import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../../shared/errors'
import { ApiError, ClientErrorCode } from '../../api/client'
import { groupIdNumber, matchFormProblems, normalizeIdNumber, quarantineReasonKey, resolveFailure } from './quarantine-view'

const wangXiuying = { idNumber: '330681195204183620', name: '王秀英', birthDate: '1952-04-18' }

describe('the ID number on a quarantined exam', () => {
  it('reads in the groups of the ID card: region, birth date, sequence and check', () => {
    expect(groupIdNumber('330681195204183620')).toBe('330681 19520418 3620')
    expect(groupIdNumber('11010519491231002X')).toBe('110105 19491231 002X')
  })

  it('is left as it is when it is not an ID number at all', () => {
    expect(groupIdNumber('12345')).toBe('12345')
  })

  it('is taken as people type it: spaces and a small x', () => {
    expect(normalizeIdNumber(' 110105 19491231 002x ')).toBe('11010519491231002X')
  })
})

describe('why an exam waits', () => {
  it('has words for each reason', () => {
    expect(quarantineReasonKey('unknown-id-number')).toBe('quarantine.reason.unknown-id-number')
    expect(quarantineReasonKey('identity-mismatch')).toBe('quarantine.reason.identity-mismatch')
  })
})

describe('the match form before it is sent', () => {
  it('takes an ID number, a name and a birth date', () => {
    expect(matchFormProblems(wangXiuying)).toEqual({})
    expect(matchFormProblems({ ...wangXiuying, idNumber: '330681 19520418 3620' })).toEqual({})
  })

  it('names each missing or malformed field', () => {
    expect(matchFormProblems({ idNumber: '3306811952', name: ' ', birthDate: '' })).toEqual({
      idNumber: 'quarantine.match.idNumberInvalid',
      name: 'quarantine.match.nameRequired',
      birthDate: 'quarantine.match.birthDateRequired',
    })
  })

  it('catches a mistyped digit by the check character', () => {
    expect(matchFormProblems({ ...wangXiuying, idNumber: '330681195204183621' })).toEqual({ idNumber: 'quarantine.match.idNumberChecksum' })
  })
})

describe('a match or rejection that failed', () => {
  it('says which field the register disagrees with', () => {
    expect(resolveFailure(new ApiError(400, ErrorCode.VALIDATION_FAILED, 'no such resident', 'idNumber'))).toEqual({ field: 'idNumber', key: 'quarantine.match.idNumberUnknown', reload: false })
    expect(resolveFailure(new ApiError(400, ErrorCode.VALIDATION_FAILED, 'no such resident', 'name'))).toEqual({ field: 'name', key: 'quarantine.match.identityMismatch', reload: false })
  })

  it('reloads the list when someone else resolved the exam first', () => {
    expect(resolveFailure(new ApiError(409, ErrorCode.ALREADY_RESOLVED, 'matched already'))).toEqual({ field: null, key: 'quarantine.alreadyResolved', reload: true })
  })

  it('falls back to the app\'s own words for anything else', () => {
    expect(resolveFailure(new ApiError(0, ClientErrorCode.NETWORK, 'offline'))).toEqual({ field: null, key: 'errors.network', reload: false })
    expect(resolveFailure(new ApiError(403, ErrorCode.FORBIDDEN, 'not yours'))).toEqual({ field: null, key: 'errors.forbidden', reload: false })
  })
})
