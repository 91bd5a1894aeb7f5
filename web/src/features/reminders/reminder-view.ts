import { Questionnaire } from '../../../../shared/clinical/questionnaires'
import type { ActingFor } from '../../../../shared/schemas/me'
import type { ReminderItem } from '../../../../shared/schemas/reminders'

/**
 * How a reminder reads on the phone: its title, its state in words (never colour alone), its
 * deadline line, and the one button for the next step. Pure, so each mapping is tested.
 */

export function reminderTitleKey(reminder: Pick<ReminderItem, 'kind'>): string {
  return `reminders.kind.${reminder.kind}`
}

export function isOpen(reminder: Pick<ReminderItem, 'status'>): boolean {
  return reminder.status !== 'done'
}

/** A flu shot the resident told us about is shown as hers, not as one the clinic recorded. */
export function reminderStatusKey(reminder: Pick<ReminderItem, 'status' | 'reason'>): string {
  if (reminder.status === 'done' && reminder.reason.key === 'flu-shot.done-reported')
    return 'reminders.status.doneReported'
  return `reminders.status.${reminder.status}`
}

/**
 * The line that says by when: a passed deadline, a deadline to meet, an opening date, or when
 * the next cycle opens. A done one-off (a result gone over with the doctor) has no next: null.
 */
export function reminderDeadline(reminder: Pick<ReminderItem, 'status' | 'dueFrom' | 'dueBy'>, on: string): { key: string, date: string | null } | null {
  switch (reminder.status) {
    case 'overdue':
      return { key: 'reminders.deadline.overdue', date: reminder.dueBy }
    case 'due':
      return reminder.dueBy === null ? { key: 'reminders.deadline.now', date: null } : { key: 'reminders.deadline.dueBy', date: reminder.dueBy }
    case 'upcoming':
      return { key: 'reminders.deadline.from', date: reminder.dueFrom }
    case 'done':
      return reminder.dueFrom > on ? { key: 'reminders.deadline.next', date: reminder.dueFrom } : null
  }
}

/** What the one button does. */
export type NextStep =
  | { type: 'questionnaire', questionnaire: Questionnaire, labelKey: string }
  | { type: 'call', phone: string, labelKey: string }
  | { type: 'details', labelKey: string }
  | { type: 'book', labelKey: string }
  | { type: 'none' }

export interface NextStepContext {
  /** the viewer may take questionnaires and report a shot for this person */
  canAnswer: boolean
  /** the signed family doctor's institution phone, from the record's contract */
  doctorPhone: string | null
  /** the viewer may book an exam for this person (the resident, a household parent, a proxy with `book`) */
  canBook?: boolean
}

/**
 * The next step a reminder's button offers. The health exam is booked in the app (issue 6) by
 * whoever may book for the person; the other `book-exam` screenings, `vaccinate` and
 * `attend-exam` open the reminder's details, which say how and give the phone number. The colorectal screening starts with its questionnaire (seed 000 §二(三)1: 问卷 +
 * 便隐血), which the resident can take here. A viewer who may not answer gets the details instead.
 */
export function reminderNextStep(reminder: Pick<ReminderItem, 'kind' | 'status' | 'action'>, context: NextStepContext): NextStep {
  if (!isOpen(reminder))
    return { type: 'none' }
  if (reminder.kind === 'crc-screening' && context.canAnswer)
    return { type: 'questionnaire', questionnaire: Questionnaire.CRC_HIGH_RISK, labelKey: 'reminders.action.crc-questionnaire' }
  if (reminder.kind === 'health-exam' && reminder.action === 'book-exam' && context.canBook === true)
    return { type: 'book', labelKey: 'reminders.action.book' }
  switch (reminder.action) {
    case 'questionnaire':
      return context.canAnswer && reminder.kind === 'copd-questionnaire'
        ? { type: 'questionnaire', questionnaire: Questionnaire.COPD_SQ, labelKey: 'reminders.action.questionnaire' }
        : { type: 'details', labelKey: 'reminders.details' }
    case 'contact-doctor':
      return context.doctorPhone === null
        ? { type: 'details', labelKey: 'reminders.action.contact-doctor' }
        : { type: 'call', phone: context.doctorPhone, labelKey: 'reminders.action.call' }
    default:
      return { type: 'details', labelKey: `reminders.action.${reminder.action}` }
  }
}

/** Taking a questionnaire or reporting a shot: the resident, a household parent, or a proxy with `consult` (product.md). */
export function canAnswerFor(person: Pick<ActingFor, 'relation' | 'scopes'> | null): boolean {
  if (person === null)
    return false
  return person.relation === 'self' || person.relation === 'household-parent' || person.scopes.includes('consult')
}

/** The calendar feed is the resident's own, or a household parent's for a child (product.md). */
export function canManageCalendarFor(person: Pick<ActingFor, 'relation'> | null): boolean {
  return person !== null && (person.relation === 'self' || person.relation === 'household-parent')
}

/** The reminder a missing fact can settle in one tap: only the flu shot given elsewhere, for now. */
export function offersFluReport(reminder: Pick<ReminderItem, 'kind' | 'missingFact'>): boolean {
  return reminder.kind === 'flu-shot' && reminder.missingFact?.key === 'flu-shot.shot-elsewhere'
}

/** Whose reminders the home page shows: the one asked for, else the account's own, else the first it acts for. */
export function viewedPerson<P extends Pick<ActingFor, 'residentId' | 'relation'>>(people: readonly P[], asked: unknown): P | null {
  return people.find(p => p.residentId === asked)
    ?? people.find(p => p.relation === 'self')
    ?? people[0]
    ?? null
}
