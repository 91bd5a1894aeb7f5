import type { RuleSet } from '../rule-set'
import { changji2021 } from './changji-2021'
import { zhejiang2022 } from './zhejiang-2022'

/**
 * The rule sets this build ships. A new region is its own module plus one line here; its
 * `regionPrefixes` join the default mapping by themselves.
 */
export const ruleSets: readonly RuleSet[] = [
  zhejiang2022,
  changji2021,
]

/** The rule set by id (`zhejiang-2022`), or undefined for an id this build does not ship. */
export function ruleSetById(id: string): RuleSet | undefined {
  return ruleSets.find(ruleSet => ruleSet.id === id)
}

/** Region-code prefix → rule-set id, as a deployment configures it. */
export type RegionMapping = Readonly<Record<string, string>>

/** policy-rules.md: by default `33` → `zhejiang-2022`, `6523` → `changji-2021`. */
export const defaultRegionMapping: RegionMapping = Object.fromEntries(
  ruleSets.flatMap(ruleSet => ruleSet.regionPrefixes.map(prefix => [prefix, ruleSet.id])),
)

/**
 * The rule set for a resident living in `regionCode` (6-digit GB/T 2260): the mapping's longest
 * prefix that matches wins. Null when no prefix matches — the region has no programme here.
 * Throws when the mapping names a rule set this build does not ship, a deployment error.
 */
export function ruleSetForRegion(regionCode: string, mapping: RegionMapping = defaultRegionMapping): RuleSet | null {
  let best: string | undefined
  for (const prefix of Object.keys(mapping)) {
    if (regionCode.startsWith(prefix) && (best === undefined || prefix.length > best.length))
      best = prefix
  }
  if (best === undefined)
    return null
  const id = mapping[best]!
  const ruleSet = ruleSetById(id)
  if (ruleSet === undefined)
    throw new Error(`Region mapping names rule set "${id}" for prefix "${best}", which this build does not ship; use one of: ${ruleSets.map(r => r.id).join(', ')}`)
  return ruleSet
}
