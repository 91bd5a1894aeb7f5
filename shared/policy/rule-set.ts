import { ageOn } from '../dates'
import type { Locale } from './messages'
import type { Reason, Reminder, ReminderAction, ReminderKind, ReminderPriority } from './reminder'
import type { PolicyEvent, PolicyEventKind, Snapshot } from './snapshot'

/**
 * What a rule set is: an id, the regions it serves by default, and its rules. A rule is a small
 * pure function from the evaluation context to reminders; rules both sets share live in
 * `rules/` and rule sets list them beside their own.
 */

/** One programme's rule: the reminders it gives this resident on this date (none when not eligible). */
export type Rule = (ctx: RuleContext) => readonly Reminder[]

export interface RuleSet {
  /** versioned id, the prefix of every `ruleId` it emits (`zhejiang-2022`) */
  id: string
  /** region-code prefixes this rule set serves in the default deployment mapping */
  regionPrefixes: readonly string[]
  /** the policy's name, for the reminder details page */
  title: Record<Locale, string>
  /** the seed documents the rules come from */
  sources: readonly string[]
  rules: readonly Rule[]
}

type EventOf<K extends PolicyEventKind> = Extract<PolicyEvent, { kind: K }>

/** The facts one evaluation reads, prepared once for all rules. */
export interface RuleContext {
  ruleSetId: string
  snapshot: Snapshot
  /** the evaluation date, `YYYY-MM-DD` */
  on: string
  /** 周岁 on `on` */
  age: number
  /** the events of one kind dated on or before `on`, oldest first, in an order that ignores input order */
  history: <K extends PolicyEventKind>(kind: K) => readonly EventOf<K>[]
}

// A total order: by date, then by every field, so equal-dated events sort the same however the
// snapshot listed them (the result never depends on the order of events).
function canonical(event: PolicyEvent): string {
  return Object.entries(event).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${String(v)}`).join('|')
}

function compareEvents(a: PolicyEvent, b: PolicyEvent): number {
  if (a.date !== b.date)
    return a.date < b.date ? -1 : 1
  const ka = canonical(a)
  const kb = canonical(b)
  return ka < kb ? -1 : ka > kb ? 1 : 0
}

/** Prepares the context: the age, and the history without events dated after `on`. */
export function createRuleContext(ruleSetId: string, snapshot: Snapshot, on: string): RuleContext {
  const byKind = new Map<PolicyEventKind, PolicyEvent[]>()
  for (const event of snapshot.events) {
    // policy-rules.md "Completed": a record dated on or before the evaluation date
    if (event.date > on)
      continue
    const list = byKind.get(event.kind)
    if (list === undefined)
      byKind.set(event.kind, [event])
    else
      list.push(event)
  }
  for (const list of byKind.values())
    list.sort(compareEvents)
  return {
    ruleSetId,
    snapshot,
    on,
    age: ageOn(snapshot.birthDate, on),
    history: <K extends PolicyEventKind>(kind: K) => (byKind.get(kind) ?? []).filter((event): event is EventOf<K> => event.kind === kind),
  }
}

/** The later of two dates. */
export function laterOf(a: string, b: string): string {
  return a > b ? a : b
}

/** `upcoming` before `dueFrom`, `overdue` after a deadline, `due` in between. */
export function statusOn(on: string, dueFrom: string, dueBy: string | null): 'upcoming' | 'due' | 'overdue' {
  if (on < dueFrom)
    return 'upcoming'
  return dueBy !== null && on > dueBy ? 'overdue' : 'due'
}

/** The fields a rule decides; `makeReminder` fills in the rest. */
export interface ReminderFields {
  kind: ReminderKind
  /** the rule's name inside its rule set (`flu`) */
  rule: string
  status: Reminder['status']
  dueFrom: string
  dueBy: string | null
  free: boolean
  reason: Reason
  action: ReminderAction
  priority?: ReminderPriority
  missingFact?: Reason
  subjectId?: string
  sensitive?: boolean
}

/** A reminder of this context's rule set. */
export function makeReminder(ctx: RuleContext, fields: ReminderFields): Reminder {
  const reminder: Reminder = {
    kind: fields.kind,
    ruleId: `${ctx.ruleSetId}/${fields.rule}`,
    status: fields.status,
    priority: fields.priority ?? 'normal',
    dueFrom: fields.dueFrom,
    dueBy: fields.dueBy,
    free: fields.free,
    reason: fields.reason,
    action: fields.action,
    subjectId: fields.subjectId ?? null,
    sensitive: fields.sensitive ?? false,
  }
  if (fields.missingFact !== undefined)
    reminder.missingFact = fields.missingFact
  return reminder
}

/** A day of a year, `monthDay` as `MM-DD`. */
export function dayOfYear(year: number, monthDay: string): string {
  return `${String(year).padStart(4, '0')}-${monthDay}`
}

/** The calendar year of a date. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4))
}
