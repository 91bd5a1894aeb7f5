import { describe, expect, it } from 'vitest'
import type { ProxyGrant } from '../../../../shared/schemas/proxies'
import { emptyGrantForm, grantBodyOf, granteeLabel, isMobilePhone, splitGrants } from './proxy-view'

const grant = (id: string, state: ProxyGrant['state']): ProxyGrant => ({
  id, phoneMasked: '138****0002', granteeName: null, relationship: null, scopes: ['view'], state, endsOn: null, lapsesOn: null, confirmDue: false, showSensitive: false, endedBy: null, createdAt: '2026-11-22T02:00:00.000Z',
})

describe('the grant form', () => {
  it('always includes viewing, keeps the scopes in order, and sends empty fields as none', () => {
    expect(grantBodyOf({ ...emptyGrantForm(), phone: ' 13800000002 ', scopes: ['consult', 'book'] }))
      .toEqual({ phone: '13800000002', scopes: ['view', 'book', 'consult'], endsOn: null, relationship: null, showSensitive: false })
    expect(grantBodyOf({ ...emptyGrantForm(), phone: '13800000002', relationship: 'child', endsOn: '2027-01-31', showSensitive: true }))
      .toEqual({ phone: '13800000002', scopes: ['view'], endsOn: '2027-01-31', relationship: 'child', showSensitive: true })
  })

  it.each([['13800000002', true], ['1380000000', false], ['23800000002', false], ['138 0000 0002', false]])('takes %s as a mobile number: %s', (phone, ok) => {
    expect(isMobilePhone(phone)).toBe(ok)
  })
})

describe('the grant list', () => {
  it('keeps open grants apart from ended ones', () => {
    const { open, ended } = splitGrants([grant('a', 'pending'), grant('b', 'revoked'), grant('c', 'active'), grant('d', 'lapsed'), grant('e', 'expired'), grant('f', 'declined')])
    expect(open.map(g => g.id)).toEqual(['a', 'c'])
    expect(ended.map(g => g.id)).toEqual(['b', 'd', 'e', 'f'])
  })

  it('names the grantee only once she accepted', () => {
    expect(granteeLabel({ granteeName: null, phoneMasked: '138****0002' })).toBe('138****0002')
    expect(granteeLabel({ granteeName: '李建国', phoneMasked: '138****0002' })).toBe('李建国（138****0002）')
  })
})
