import { isoDatePattern } from '../dates'
import type { Reminder } from './reminder'
import type { RuleSet } from './rule-set'
import { createRuleContext } from './rule-set'
import { zhejiang2022 } from './rule-sets/zhejiang-2022'
import type { Snapshot } from './snapshot'

const priorityRank = { high: 0, normal: 1 } as const
const statusRank = { overdue: 0, due: 1, upcoming: 2, done: 3 } as const

// Most urgent first, then a fixed order of the reminders' own fields, so equal inputs give equal lists.
function compareReminders(a: Reminder, b: Reminder): number {
  return priorityRank[a.priority] - priorityRank[b.priority]
    || statusRank[a.status] - statusRank[b.status]
    || compareText(a.dueBy ?? '9999-12-31', b.dueBy ?? '9999-12-31')
    || compareText(a.dueFrom, b.dueFrom)
    || compareText(a.ruleId, b.ruleId)
    || compareText(a.subjectId ?? '', b.subjectId ?? '')
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * What is due for one resident on `on` (policy-rules.md, "The engine's contract"): one reminder
 * per programme the resident is eligible for, most urgent first. Pure — it reads no clock, no
 * database and no environment; the caller passes the evaluation date (today in Asia/Shanghai)
 * and the rule set of the resident's region (`ruleSetForRegion`).
 *
 * @param snapshot the resident's facts and history, as `SnapshotSchema` validates them
 * @param on the evaluation date, `YYYY-MM-DD`
 * @param ruleSet defaults to `zhejiang-2022`
 */
export function evaluateReminders(snapshot: Snapshot, on: string, ruleSet: RuleSet = zhejiang2022): Reminder[] {
  if (!isoDatePattern.test(on))
    throw new RangeError(`evaluateReminders: "${on}" is not a date; pass the evaluation date as YYYY-MM-DD`)
  const ctx = createRuleContext(ruleSet.id, snapshot, on)
  const reminders: Reminder[] = []
  for (const rule of ruleSet.rules) {
    for (const reminder of rule(ctx))
      reminders.push(reminder)
  }
  return reminders.sort(compareReminders)
}

/**
 * The free health exam's reminder alone, for the booking (issue 6: free or not on the slot's
 * day): only the rule set's `examRule` runs, so the snapshot need hold only the resident's facts,
 * conditions, household parent and `exam` events. Undefined when she is not in the programme.
 */
export function evaluateExam(snapshot: Snapshot, on: string, ruleSet: RuleSet): Reminder | undefined {
  if (!isoDatePattern.test(on))
    throw new RangeError(`evaluateExam: "${on}" is not a date; pass the evaluation date as YYYY-MM-DD`)
  return ruleSet.examRule(createRuleContext(ruleSet.id, snapshot, on))[0]
}
