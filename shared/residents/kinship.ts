/**
 * Kinship words for the banner "您正在查看：王秀英（母亲）的档案". A grant records what the
 * grantee is to the resident (she grants her son: `child`); the viewer needs the converse,
 * gendered by the resident's sex, which the record knows.
 */

export const GranteeRelation = {
  CHILD: 'child',
  PARENT: 'parent',
  SPOUSE: 'spouse',
  SIBLING: 'sibling',
  GRANDCHILD: 'grandchild',
  RELATIVE: 'relative',
  FRIEND: 'friend',
} as const
export type GranteeRelation = (typeof GranteeRelation)[keyof typeof GranteeRelation]

export const kinships = ['mother', 'father', 'daughter', 'son', 'wife', 'husband', 'sister', 'brother', 'grandmother', 'grandfather', 'relative', 'friend'] as const
export type Kinship = (typeof kinships)[number]

type Sex = 'male' | 'female'

const converse: Record<GranteeRelation, Record<Sex, Kinship>> = {
  child: { female: 'mother', male: 'father' },
  parent: { female: 'daughter', male: 'son' },
  spouse: { female: 'wife', male: 'husband' },
  sibling: { female: 'sister', male: 'brother' },
  grandchild: { female: 'grandmother', male: 'grandfather' },
  relative: { female: 'relative', male: 'relative' },
  friend: { female: 'friend', male: 'friend' },
}

/** What the resident is to the person she granted access, or null when the grant names no known relation. */
export function kinshipOfGrantor(granteeRelation: string | null, grantorSex: Sex): Kinship | null {
  return granteeRelation !== null && Object.hasOwn(converse, granteeRelation) ? converse[granteeRelation as GranteeRelation][grantorSex] : null
}

/** What a child in the household register is to the parent acting for them. */
export function kinshipOfChild(childSex: Sex): Kinship {
  return childSex === 'female' ? 'daughter' : 'son'
}
