import type { Reminder } from '../../../../shared/policy'
import type { ReminderItem } from '../../../../shared/schemas/reminders'

// Kinds that more than one rule emits (policy-rules.md: the severe-mental-disorder care visit is
// a chronic-followup too). A reminder of such a kind from a rule not named after it is always
// qualified by its rule, so no id depends on whether the other rule's reminder is present.
const sharedKinds: ReadonlySet<string> = new Set(['chronic-followup'])

/**
 * Gives each reminder its stable id (the calendar event's UID, the details page's address):
 * `<kind>-<subjectId or dueFrom>`, or `<kind>-<rule>-<subjectId or dueFrom>` for the second rule
 * of a shared kind. Stable for as long as the reminder's cycle lasts: `dueFrom` moves only when a
 * new cycle opens.
 */
export function withIds(reminders: readonly Reminder[]): ReminderItem[] {
  return reminders.map((r) => {
    const rule = r.ruleId.slice(r.ruleId.indexOf('/') + 1)
    const prefix = sharedKinds.has(r.kind) && rule !== r.kind ? `${r.kind}-${rule}` : r.kind
    return { ...r, id: `${prefix}-${r.subjectId ?? r.dueFrom}` }
  })
}
