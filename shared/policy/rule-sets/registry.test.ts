import { describe, expect, it } from 'vitest'
import { defaultRegionMapping, ruleSetById, ruleSetForRegion, ruleSets } from './registry'

describe('rule-set registry', () => {
  it('maps 33 to zhejiang-2022 and 6523 to changji-2021 by default', () => {
    expect(defaultRegionMapping).toEqual({ 33: 'zhejiang-2022', 6523: 'changji-2021' })
    expect(ruleSetForRegion('330681')?.id).toBe('zhejiang-2022')
    expect(ruleSetForRegion('652301')?.id).toBe('changji-2021')
  })

  it('finds no rule set for a region nobody mapped (Urumqi, Beijing)', () => {
    expect(ruleSetForRegion('650102')).toBeNull()
    expect(ruleSetForRegion('110101')).toBeNull()
  })

  it('lets a deployment map its own prefixes, the longest winning', () => {
    const mapping = { 65: 'changji-2021', 6501: 'zhejiang-2022' }
    expect(ruleSetForRegion('650102', mapping)?.id).toBe('zhejiang-2022')
    expect(ruleSetForRegion('652301', mapping)?.id).toBe('changji-2021')
  })

  it('refuses a mapping that names a rule set this build does not ship', () => {
    expect(() => ruleSetForRegion('440101', { 44: 'guangdong-2030' })).toThrow(/does not ship/)
  })

  it('ships rule sets with unique ids', () => {
    expect(new Set(ruleSets.map(r => r.id)).size).toBe(ruleSets.length)
    expect(ruleSetById('changji-2021')?.sources).toEqual(['seed 003'])
  })
})
