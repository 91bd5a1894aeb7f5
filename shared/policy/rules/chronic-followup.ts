import { addMonths } from '../../dates'
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

function followupRule(programme: FollowupProgramme): Rule {
  return (ctx: RuleContext) => {
    if (!managed(ctx.snapshot, programme.conditions))
      return []
    const last = ctx.history('followup').filter(event => programme.countedModes.includes(event.mode)).at(-1)
    const common = { kind: 'chronic-followup', rule: programme.rule, free: true, action: 'contact-doctor', sensitive: programme.sensitive } as const
    if (last === undefined) {
      // policy-rules.md: none ever recorded — due now, with no deadline to miss
      return [makeReminder(ctx, { ...common, status: 'due', dueFrom: ctx.on, dueBy: null, reason: { key: programme.keys.first, params: {} } })]
    }
    const dueFrom = addMonths(last.date, 2)
    const dueBy = addMonths(last.date, 3)
    const status = ctx.on < dueFrom ? 'done' : statusOn(ctx.on, dueFrom, dueBy)
    const key = status === 'done' ? programme.keys.done : programme.keys.next
    return [makeReminder(ctx, { ...common, status, dueFrom, dueBy, reason: { key, params: { date: last.date, next: dueFrom } } })]
  }
}

/** Hypertension and type 2 diabetes under management: seed 002 §五(七) 每年至少面访4次 — only visits in person count. */
export const chronicFollowupRule: Rule = followupRule({
  rule: 'chronic-followup',
  conditions: ['hypertension', 'diabetes'],
  countedModes: ['face-to-face', 'home-visit'],
  keys: { first: 'chronic-followup.first', next: 'chronic-followup.next', done: 'chronic-followup.done' },
  sensitive: false,
})

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
