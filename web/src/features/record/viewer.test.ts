import { describe, expect, it } from 'vitest'
import { relationLabelKey } from './viewer'

describe('relationLabelKey', () => {
  it.each([
    ['self', 'female', 'relation.self'],
    ['household-parent', 'female', 'relation.daughter'],
    ['household-parent', 'male', 'relation.son'],
    ['proxy', 'female', 'relation.proxy'],
    ['care-team', 'male', 'relation.careTeam'],
  ] as const)('a %s viewer of a %s resident reads %s', (relation, sex, key) => {
    expect(relationLabelKey(relation, sex)).toBe(key)
  })
})
