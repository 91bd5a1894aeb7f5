import type { RuleSource } from './rule-set'
import { ruleSetById } from './rule-sets/registry'

/** The source of a reminder's rule, for the reminder details page: the policy, where in it, and what it says. */
export interface RuleDescription extends RuleSource {
  /** the rule set the rule belongs to (`zhejiang-2022`) */
  ruleSetId: string
}

/**
 * The source rule of a reminder's `ruleId` (`zhejiang-2022/flu`): the policy document's name, its
 * seed id (for developers, never shown), the article as the document numbers it (null where it
 * numbers none), and one sentence of what the rule says, in every locale. Null for an id of a rule set or rule this build does not ship (an old reminder kept after an upgrade).
 */
export function describeRule(ruleId: string): RuleDescription | null {
  const slash = ruleId.indexOf('/')
  const ruleSet = slash < 0 ? undefined : ruleSetById(ruleId.slice(0, slash))
  const rule = ruleId.slice(slash + 1)
  // own keys only: `zhejiang-2022/constructor` names no rule
  if (ruleSet === undefined || !Object.hasOwn(ruleSet.ruleSources, rule))
    return null
  const { policy, seed, section, summary } = ruleSet.ruleSources[rule]!
  return { ruleSetId: ruleSet.id, policy, seed, section, summary }
}
