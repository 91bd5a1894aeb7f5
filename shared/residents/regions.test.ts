import { describe, expect, it } from 'vitest'
import { regionName } from './regions'

describe('regionName', () => {
  it('names the county, else its province, else shows the code', () => {
    expect(regionName('330681', 'zh-CN')).toBe('浙江省诸暨市')
    expect(regionName('330681', 'en')).toBe('Zhuji, Zhejiang')
    expect(regionName('330102', 'zh-CN')).toBe('浙江省')
    expect(regionName('110101', 'zh-CN')).toBe('110101')
  })
})
