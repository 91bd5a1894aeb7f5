import { describe, expect, it } from 'vitest'
import type { ActingFor } from '../../../../shared/schemas/me'
import {
  canAnswerFor,
  canManageCalendarFor,
  offersFluReport,
  reminderDeadline,
  reminderNextStep,
  reminderStatusKey,
  reminderTitleKey,
  viewedPerson,
} from './reminder-view'
import { fluReminder } from './reminders.fixtures'

const reminder = fluReminder

const withPhone = { canAnswer: true, doctorPhone: '0575-87001234' }

describe('reminder words', () => {
  it('titles each reminder by its kind', () => {
    expect(reminderTitleKey(reminder({ kind: 'copd-questionnaire' }))).toBe('reminders.kind.copd-questionnaire')
  })

  it('says a flu shot the resident reported is hers, not the clinic\'s', () => {
    expect(reminderStatusKey(reminder({ status: 'done', reason: { key: 'flu-shot.done-reported', params: { date: '2026-10-20' } } }))).toBe('reminders.status.doneReported')
    expect(reminderStatusKey(reminder({ status: 'done', reason: { key: 'flu-shot.done', params: { date: '2026-10-20' } } }))).toBe('reminders.status.done')
    expect(reminderStatusKey(reminder({ status: 'overdue' }))).toBe('reminders.status.overdue')
  })
})

describe('the deadline line', () => {
  it.each([
    ['overdue', { dueBy: '2026-10-31' }, 'reminders.deadline.overdue', '2026-10-31'],
    ['due', { dueBy: '2026-12-31' }, 'reminders.deadline.dueBy', '2026-12-31'],
    ['due', { dueBy: null }, 'reminders.deadline.now', null],
    ['upcoming', { dueFrom: '2027-09-01' }, 'reminders.deadline.from', '2027-09-01'],
    ['done', { dueFrom: '2027-01-01' }, 'reminders.deadline.next', '2027-01-01'],
  ] as const)('a %s reminder %o reads %s', (status, dates, key, date) => {
    expect(reminderDeadline(reminder({ status, ...dates }), '2026-11-22')).toEqual({ key, date })
  })

  it('gives a done one-off, whose day is past, no "next" line', () => {
    expect(reminderDeadline(reminder({ kind: 'abnormal-result-review', status: 'done', dueFrom: '2026-05-27' }), '2026-11-22')).toBeNull()
  })
})

describe('the one next-step button', () => {
  it('opens the COPD-SQ for the COPD questionnaire reminder', () => {
    expect(reminderNextStep(reminder({ kind: 'copd-questionnaire', action: 'questionnaire', status: 'due' }), withPhone))
      .toEqual({ type: 'questionnaire', questionnaire: 'copd-sq', labelKey: 'reminders.action.questionnaire' })
  })

  it('starts the colorectal screening with its questionnaire', () => {
    expect(reminderNextStep(reminder({ kind: 'crc-screening', action: 'book-exam', status: 'due' }), withPhone))
      .toMatchObject({ type: 'questionnaire', questionnaire: 'crc-high-risk' })
  })

  it('calls the signed doctor\'s institution for contact-doctor', () => {
    expect(reminderNextStep(reminder({ kind: 'colonoscopy', action: 'contact-doctor', status: 'due' }), withPhone))
      .toEqual({ type: 'call', phone: '0575-87001234', labelKey: 'reminders.action.call' })
  })

  it('opens the details, never a dead button, when there is no doctor to call', () => {
    expect(reminderNextStep(reminder({ kind: 'colonoscopy', action: 'contact-doctor', status: 'due' }), { canAnswer: true, doctorPhone: null }))
      .toEqual({ type: 'details', labelKey: 'reminders.action.contact-doctor' })
  })

  it.each(['book-exam', 'vaccinate', 'attend-exam'] as const)('explains %s in the details until booking is in the app', (action) => {
    expect(reminderNextStep(reminder({ kind: 'health-exam', action, status: 'due' }), withPhone))
      .toEqual({ type: 'details', labelKey: `reminders.action.${action}` })
  })

  it('books the health exam in the app for whoever may book', () => {
    expect(reminderNextStep(reminder({ kind: 'health-exam', action: 'book-exam', status: 'due' }), { ...withPhone, canBook: true }))
      .toEqual({ type: 'book', labelKey: 'reminders.action.book' })
  })

  it('explains booking in the details to a viewer who may not book, and for the other screenings', () => {
    expect(reminderNextStep(reminder({ kind: 'health-exam', action: 'book-exam', status: 'due' }), { ...withPhone, canBook: false }))
      .toMatchObject({ type: 'details' })
    expect(reminderNextStep(reminder({ kind: 'spirometry', action: 'book-exam', status: 'due' }), { ...withPhone, canBook: true }))
      .toMatchObject({ type: 'details' })
  })

  it('gives a viewer who may not answer the details instead of a questionnaire', () => {
    const readOnly = { canAnswer: false, doctorPhone: null }
    expect(reminderNextStep(reminder({ kind: 'copd-questionnaire', action: 'questionnaire', status: 'due' }), readOnly)).toMatchObject({ type: 'details' })
    expect(reminderNextStep(reminder({ kind: 'crc-screening', action: 'book-exam', status: 'due' }), readOnly)).toMatchObject({ type: 'details' })
  })

  it('offers no step on a done reminder', () => {
    expect(reminderNextStep(reminder({ status: 'done' }), withPhone)).toEqual({ type: 'none' })
  })
})

describe('the flu shot given elsewhere', () => {
  it('is offered on the flu reminder that asks for it', () => {
    expect(offersFluReport(reminder({}))).toBe(true)
    expect(offersFluReport(reminder({ missingFact: undefined }))).toBe(false)
  })
})

describe('who may do what for the person viewed', () => {
  const person = (relation: ActingFor['relation'], scopes: ActingFor['scopes']) => ({ relation, scopes })

  it.each([
    ['the resident herself', person('self', ['view', 'book', 'consult']), true, true],
    ['a household parent', person('household-parent', ['view', 'book', 'consult']), true, true],
    ['a son with consult', person('proxy', ['view', 'book', 'consult']), true, false],
    ['a friend with view only', person('proxy', ['view']), false, false],
  ] as const)('%s: answers %s, calendar %s', (_, who, answers, calendar) => {
    expect(canAnswerFor(who)).toBe(answers)
    expect(canManageCalendarFor(who)).toBe(calendar)
  })

  it('nobody answers for a person the account does not act for', () => {
    expect(canAnswerFor(null)).toBe(false)
    expect(canManageCalendarFor(null)).toBe(false)
  })
})

describe('whose reminders the home page shows', () => {
  const people = [
    { residentId: 'son', relation: 'self' as const },
    { residentId: 'mother', relation: 'proxy' as const },
  ]

  it('shows the person asked for', () => {
    expect(viewedPerson(people, 'mother')?.residentId).toBe('mother')
  })

  it('falls back to the account\'s own record for an unknown or missing choice', () => {
    expect(viewedPerson(people, 'stranger')?.residentId).toBe('son')
    expect(viewedPerson(people, undefined)?.residentId).toBe('son')
  })

  it('shows a family account\'s first person, having no record of its own', () => {
    expect(viewedPerson([people[1]!], undefined)?.residentId).toBe('mother')
    expect(viewedPerson([], undefined)).toBeNull()
  })
})
