import { addMonths } from '../../dates'
import type { Locale } from '../messages'
import type { Rule, RuleContext } from '../rule-set'
import { makeReminder, statusOn } from '../rule-set'
import type { ConditionCode, PolicyEvent, Snapshot } from '../snapshot'

/**
 * Follow-ups of patients under management (policy-rules.md "Chronic-disease follow-up"; seed 002
 * §五(七), (八)). At least 4 a year, so one is due 2 months after the last and overdue after 3.
 * Every rule set uses these (seed 003 §二(四) brings Changji's managed patients into the same care).
 */

type FollowupMode = Extract<PolicyEvent, { kind: 'followup' }>['mode']

function managed(snapshot: Snapshot, codes: readonly ConditionCode[]): boolean {
  return snapshot.conditions.some(condition => condition.managed && codes.includes(condition.code))
}

interface FollowupProgramme {
  rule: string
  conditions: readonly ConditionCode[]
  countedModes: readonly FollowupMode[]
  keys: { first: 'chronic-followup.first' | 'care-visit.first', next: 'chronic-followup.next' | 'care-visit.next', done: 'chronic-followup.done' | 'care-visit.done' }
  sensitive: boolean
}

type Followup = Extract<PolicyEvent, { kind: 'followup' }>

function lastCounted(followups: readonly Followup[], countedModes: readonly FollowupMode[]): Followup | undefined {
  for (let i = followups.length - 1; i >= 0; i--) {
    if (countedModes.includes(followups[i]!.mode))
      return followups[i]
  }
  return undefined
}

function followupRule(programme: FollowupProgramme): Rule {
  return (ctx: RuleContext) => {
    if (!managed(ctx.snapshot, programme.conditions))
      return []
    const last = lastCounted(ctx.history('followup'), programme.countedModes)
    const { rule, sensitive } = programme
    if (last === undefined) {
      // policy-rules.md: none ever recorded — due, with no deadline to miss. It opened with this
      // year's four visits (1 January), a day that stays put, so the reminder's id does too
      return [makeReminder(ctx, { kind: 'chronic-followup', rule, free: true, action: 'contact-doctor', sensitive, status: 'due', dueFrom: `${ctx.on.slice(0, 4)}-01-01`, dueBy: null, reason: { key: programme.keys.first, params: {} } })]
    }
    const dueFrom = addMonths(last.date, 2)
    const dueBy = addMonths(last.date, 3)
    const status = ctx.on < dueFrom ? 'done' : statusOn(ctx.on, dueFrom, dueBy)
    const key = status === 'done' ? programme.keys.done : programme.keys.next
    return [makeReminder(ctx, { kind: 'chronic-followup', rule, free: true, action: 'contact-doctor', sensitive, status, dueFrom, dueBy, reason: { key, params: { date: last.date, next: dueFrom } } })]
  }
}

/** What `chronicFollowupRule` says, for each rule set's `ruleSources`. */
export const chronicFollowupSummary: Record<Locale, string> = {
  'zh-CN': '纳入管理的高血压、2型糖尿病患者每年至少接受4次面对面随访',
  'en': 'Patients with hypertension or type 2 diabetes under management get at least 4 face-to-face follow-ups a year.',
}

/** Hypertension and type 2 diabetes under management: seed 002 §五(七) 每年至少面访4次 — only visits in person count. */
export const chronicFollowupRule: Rule = followupRule({
  rule: 'chronic-followup',
  conditions: ['hypertension', 'diabetes'],
  countedModes: ['face-to-face', 'home-visit'],
  keys: { first: 'chronic-followup.first', next: 'chronic-followup.next', done: 'chronic-followup.done' },
  sensitive: false,
})

/** What `severeMentalDisorderFollowupRule` says; gently, as its reminders are worded. */
export const severeMentalDisorderFollowupSummary: Record<Locale, string> = {
  'zh-CN': '纳入管理的居民每年至少接受4次家庭医生关怀随访，电话随访也算',
  'en': 'Residents in the family doctor\'s care programme get at least 4 care visits a year; a phone call counts.',
}

/**
 * Severe mental disorder under management: seed 002 §五(八) 每年至少随访4次 — any follow-up counts.
 * Sensitive, and worded gently (a "care visit").
 */
export const severeMentalDisorderFollowupRule: Rule = followupRule({
  rule: 'care-visit',
  conditions: ['severe-mental-disorder'],
  countedModes: ['face-to-face', 'home-visit', 'phone'],
  keys: { first: 'care-visit.first', next: 'care-visit.next', done: 'care-visit.done' },
  sensitive: true,
})
