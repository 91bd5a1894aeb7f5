import { ageOn } from '../dates'
import type { Locale } from './messages'
import type { Reason, Reminder, ReminderAction, ReminderKind, ReminderPriority } from './reminder'
import type { PolicyEvent, PolicyEventKind, Snapshot } from './snapshot'
import { PolicyEventSchema } from './snapshot'

/**
 * What a rule set is: an id, the regions it serves by default, and its rules. A rule is a small
 * pure function from the evaluation context to reminders; rules both sets share live in
 * `rules/` and rule sets list them beside their own.
 */

/** One programme's rule: the reminders it gives this resident on this date (none when not eligible). */
export type Rule = (ctx: RuleContext) => readonly Reminder[]

/** Where one rule comes from, for the reminder details page (`describeRule`). */
export interface RuleSource {
  /** the policy document's name, as the seed titles it */
  policy: Record<Locale, string>
  /** the seed document it comes from, our internal id for it (`000` of policy-rules.md's `seed 000`): for developers and tests, never shown */
  seed: string
  /** the article as the document numbers it (`§二(二)`); null where the document has no section numbers */
  section: string | null
  /** what the rule says, in one plain sentence */
  summary: Record<Locale, string>
}

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
  /**
   * its free health exam's rule, one of `rules`. It reads only the resident's facts, her
   * conditions, her household parent and her `exam` events, so the booking judges the exam from
   * those alone (`evaluateExam`; a property test holds every rule set to it)
   */
  examRule: Rule
  /** the source of every rule name its rules emit (`flu` of `zhejiang-2022/flu`) */
  ruleSources: Readonly<Record<string, RuleSource>>
  /**
   * What the free exam holds for this resident on `on`, where the policy sets it by person (the
   * booking screen shows it); absent where every resident gets the institution's one package
   */
  examPlan?: (snapshot: Snapshot, on: string) => ExamPlan
}

/** The items of a resident's free exam and what the government pays for it. */
export interface ExamPlan {
  /** exam-item keys of the catalogue (`shared/clinical`), and the few it does not hold yet */
  items: readonly string[]
  /** the standard per person, in fen */
  standardFen: number
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

// Events of one kind and date are ordered by their other fields, so the result never depends on
// the order the snapshot listed them in. The fields come from the schema: rules read nothing else,
// so events alike in all of them are interchangeable. Compared only on a tie, with no key built.
const tieFields: Readonly<Record<string, readonly string[]>> = Object.fromEntries(PolicyEventSchema.options.map(option => [
  option.shape.kind.value,
  Object.keys(option.shape).filter(name => name !== 'kind' && name !== 'date').sort(),
]))

function compareTied(a: PolicyEvent, b: PolicyEvent): number {
  for (const name of tieFields[a.kind]!) {
    const x = String((a as unknown as Record<string, unknown>)[name])
    const y = String((b as unknown as Record<string, unknown>)[name])
    if (x !== y)
      return x < y ? -1 : 1
  }
  return 0
}

type ByKind<T> = { [K in PolicyEventKind]: T | undefined }

// Objects of one fixed shape: cheaper to build per evaluation than Maps.
function byKind<T>(): ByKind<T> {
  return {
    'exam': undefined,
    'exam-released': undefined,
    'critical-acknowledged': undefined,
    'flu-shot': undefined,
    'crc-screening': undefined,
    'crc-questionnaire': undefined,
    'copd-questionnaire': undefined,
    'colonoscopy': undefined,
    'spirometry': undefined,
    'followup': undefined,
    'consultation': undefined,
    'booking': undefined,
  }
}

const noEvents: readonly PolicyEvent[] = []

// A class rather than an object of closures: one evaluation builds one, with nothing per rule.
class EvaluationContext implements RuleContext {
  readonly age: number
  private readonly events = byKind<PolicyEvent[]>()

  constructor(readonly ruleSetId: string, readonly snapshot: Snapshot, readonly on: string) {
    this.age = ageOn(snapshot.birthDate, on)
    const events = this.events
    for (const event of snapshot.events) {
      const date = event.date
      // policy-rules.md "Completed": a record dated on or before the evaluation date
      if (date > on)
        continue
      const list = events[event.kind]
      if (list === undefined) {
        events[event.kind] = [event]
        continue
      }
      // insertion by date: a resident has a handful of events of each kind, often in date order
      let i = list.length
      for (; i > 0; i--) {
        const before = list[i - 1]!
        if (before.date < date || (before.date === date && compareTied(before, event) <= 0))
          break
        list[i] = before
      }
      list[i] = event
    }
  }

  history<K extends PolicyEventKind>(kind: K): readonly EventOf<K>[] {
    return (this.events[kind] ?? noEvents) as readonly PolicyEvent[] as readonly EventOf<K>[]
  }
}

/** Prepares the context: the age, and the history without events dated after `on`. */
export function createRuleContext(ruleSetId: string, snapshot: Snapshot, on: string): RuleContext {
  return new EvaluationContext(ruleSetId, snapshot, on)
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
  return (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + date.charCodeAt(3) - 48
}
