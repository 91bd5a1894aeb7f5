import { describe, expect, it } from 'vitest'
import { relationLabelKey } from './viewer'

describe('relationLabelKey', () => {
  it.each([
    ['self', null, 'relation.self'],
    ['household-parent', 'daughter', 'kinship.daughter'],
    ['proxy', 'mother', 'kinship.mother'],
    ['proxy', null, 'relation.proxy'],
    ['care-team', null, 'relation.careTeam'],
  ] as const)('a %s viewer of a resident who is their %s reads %s', (relation, kinship, key) => {
    expect(relationLabelKey(relation, kinship)).toBe(key)
  })
})
