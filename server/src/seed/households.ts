import type { Rng } from './random'

export type Relation = 'head' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'other'

export interface Member {
  relation: Relation
  sex: 'male' | 'female'
  /** 周岁 on the anchor date */
  age: number
}

/**
 * Household registers (户口簿) of a Zhejiang county: elderly couples and widows, nuclear
 * families, three generations under one roof. The mix gives an ageing population: about 20%
 * aged 65+ and 14% under 15, like Zhuji's census.
 */
const kinds = ['elderly-couple', 'elderly-alone', 'nuclear', 'three-generations', 'couple', 'single'] as const
const kindWeights = [0.17, 0.09, 0.3, 0.2, 0.1, 0.14]

function spouseOf(rng: Rng, head: Member): Member {
  return { relation: 'spouse', sex: head.sex === 'male' ? 'female' : 'male', age: Math.max(18, head.age + (head.sex === 'male' ? -rng.between(0, 5) : rng.between(0, 5))) }
}

function children(rng: Rng, motherAge: number, count: number, relation: 'child' | 'grandchild'): Member[] {
  const kids: Member[] = []
  let age = motherAge - rng.between(22, 34)
  for (let i = 0; i < count && age >= 0; i++) {
    kids.push({ relation, sex: rng.chance(0.52) ? 'male' : 'female', age })
    age -= rng.between(2, 6)
  }
  return kids
}

/** Draws the members of one household, head first. */
export function drawHousehold(rng: Rng): Member[] {
  switch (kinds[rng.weighted(kindWeights)]!) {
    case 'elderly-couple': {
      const head: Member = { relation: 'head', sex: 'male', age: rng.between(60, 70) + rng.int(rng.between(1, 22)) }
      return [head, spouseOf(rng, head)]
    }
    case 'elderly-alone':
      return [{ relation: 'head', sex: rng.chance(0.7) ? 'female' : 'male', age: rng.between(65, 80) + rng.int(rng.between(1, 18)) }]
    case 'nuclear': {
      const head: Member = { relation: 'head', sex: 'male', age: rng.between(27, 52) }
      const spouse = spouseOf(rng, head)
      return [head, spouse, ...children(rng, spouse.age, rng.chance(0.55) ? 1 : 2, 'child')]
    }
    case 'three-generations': {
      const head: Member = { relation: 'head', sex: 'male', age: rng.between(52, 72) }
      const spouse = spouseOf(rng, head)
      const members = [head, spouse]
      const son: Member = { relation: 'child', sex: 'male', age: Math.max(20, spouse.age - rng.between(23, 32)) }
      const daughterInLaw: Member = { relation: 'other', sex: 'female', age: Math.max(20, son.age - rng.between(0, 4)) }
      members.push(son, daughterInLaw, ...children(rng, daughterInLaw.age, rng.chance(0.5) ? 1 : 2, 'grandchild'))
      if (rng.chance(0.3) && head.age + 25 <= 100)
        members.push({ relation: 'parent', sex: rng.chance(0.7) ? 'female' : 'male', age: head.age + rng.between(22, 30) })
      return members
    }
    case 'couple': {
      const head: Member = { relation: 'head', sex: 'male', age: rng.between(22, 59) }
      return [head, spouseOf(rng, head)]
    }
    case 'single':
      return [{ relation: 'head', sex: rng.chance(0.6) ? 'male' : 'female', age: rng.between(18, 64) }]
  }
}
