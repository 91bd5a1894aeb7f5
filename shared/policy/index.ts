/**
 * The reminder engine (policy-rules.md): `evaluateReminders` over a resident's `Snapshot`, the
 * rule sets and how a region picks one, and the words of every reason.
 */
export { describeRule } from './describe-rule'
export type { RuleDescription } from './describe-rule'
export { evaluateExam, evaluateReminders } from './evaluate'
export { fluSeasonStart } from './flu-season'
export { Locale, reasonMessages, renderReason } from './messages'
export * from './reminder'
export type { ExamPlan, Rule, RuleContext, RuleSet, RuleSource } from './rule-set'
export { CHANGJI_SEX_ULTRASOUND, ChangjiEligibility, changji2021, changjiEligibility, changjiExamDeadline, changjiExamItems, changjiExamStandardYuan } from './rule-sets/changji-2021'
export type { ChangjiCohort } from './rule-sets/changji-2021'
export type { RegionMapping } from './rule-sets/registry'
export { defaultRegionMapping, ruleSetById, ruleSetForRegion, ruleSets } from './rule-sets/registry'
export { zhejiang2022 } from './rule-sets/zhejiang-2022'
export * from './snapshot'
