import { describe, expect, it } from 'vitest'
import { idNumberCheckChar, isValidIdNumber, maskIdNumber, maskPhone } from './id-number'

describe('ID numbers', () => {
  it.each([
    '330681195204183620',
    '330681197809023514',
    '330681201603153646',
    '330681199001011237',
    '330681198507072462',
  ])('accepts the persona number %s', (id) => {
    expect(isValidIdNumber(id)).toBe(true)
  })

  it('rejects a number whose check character is wrong', () => {
    expect(isValidIdNumber('330681195204183621')).toBe(false)
  })

  it('computes X as a check character', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X')
  })

  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber('330681195204183620')).toBe('3306**********3620')
    expect(maskPhone('13800000001')).toBe('138****0001')
  })
})
