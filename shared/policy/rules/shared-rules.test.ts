import { describe, expect, it } from 'vitest'
import { evaluateReminders } from '../evaluate'
import { changji2021 } from '../rule-sets/changji-2021'
import { event, ofKind, only, resident } from '../snapshot.fixtures'

const on = '2026-11-22'
const young = resident({ birthDate: '1990-01-01', insurance: 'employee' })

describe('critical results (policy-rules.md "Abnormal exam results")', () => {
  it('a critical exam released today is due by tomorrow, high priority, contact the doctor', () => {
    const r = { ...young, events: [event.released('e1', on, 'critical')] }
    expect(only(evaluateReminders(r, on), 'critical-result')).toMatchObject({ status: 'due', priority: 'high', dueFrom: on, dueBy: '2026-11-23', action: 'contact-doctor', subjectId: 'e1' })
    expect(only(evaluateReminders(r, '2026-11-24'), 'critical-result').status).toBe('overdue')
  })

  it('is done when a doctor acknowledges it', () => {
    const r = { ...young, events: [event.released('e1', '2026-11-20', 'critical'), event.acknowledged('e1', '2026-11-20')] }
    expect(only(evaluateReminders(r, on), 'critical-result')).toMatchObject({ status: 'done', reason: { key: 'critical-result.done' } })
  })

  it('is done on a consultation after release, not one before', () => {
    const before = { ...young, events: [event.consultation('2026-11-19'), event.released('e1', '2026-11-20', 'critical')] }
    const after = { ...young, events: [event.released('e1', '2026-11-20', 'critical'), event.followup('2026-11-21', 'phone')] }
    expect(only(evaluateReminders(before, on), 'critical-result').status).toBe('overdue')
    expect(only(evaluateReminders(after, on), 'critical-result').status).toBe('done')
  })

  it('gives each critical exam its own reminder and state', () => {
    const r = { ...young, events: [event.released('e1', '2026-01-05', 'critical'), event.acknowledged('e1', '2026-01-05'), event.released('e2', '2026-11-21', 'critical')] }
    expect(ofKind(evaluateReminders(r, on), 'critical-result').map(x => `${x.subjectId}:${x.status}`)).toEqual(['e2:due', 'e1:done'])
  })

  it('ignores a release dated after the evaluation date', () => {
    expect(evaluateReminders({ ...young, events: [event.released('e1', '2026-11-23', 'critical')] }, on)).toEqual([])
  })
})

describe('abnormal results', () => {
  it('the latest abnormal exam is due for review within 30 days', () => {
    const r = { ...young, events: [event.released('e1', '2026-11-01', 'abnormal')] }
    expect(only(evaluateReminders(r, on), 'abnormal-result-review')).toMatchObject({ status: 'due', priority: 'normal', dueFrom: '2026-11-01', dueBy: '2026-12-01', action: 'contact-doctor', subjectId: 'e1' })
    expect(only(evaluateReminders(r, '2026-12-02'), 'abnormal-result-review').status).toBe('overdue')
  })

  it('is done after a consultation on or after release', () => {
    const r = { ...young, events: [event.released('e1', '2026-11-01', 'abnormal'), event.consultation('2026-11-01')] }
    expect(only(evaluateReminders(r, on), 'abnormal-result-review').status).toBe('done')
  })

  it('a newer release replaces it: one reminder at a time, none when the newer exam is normal', () => {
    const two = { ...young, events: [event.released('e1', '2025-11-01', 'abnormal'), event.released('e2', '2026-11-01', 'abnormal')] }
    expect(ofKind(evaluateReminders(two, on), 'abnormal-result-review').map(x => x.subjectId)).toEqual(['e2'])
    const normalAfter = { ...young, events: [event.released('e1', '2025-11-01', 'abnormal'), event.released('e2', '2026-11-01', 'normal')] }
    expect(ofKind(evaluateReminders(normalAfter, on), 'abnormal-result-review')).toEqual([])
  })
})

describe('chronic-disease follow-up (seed 002 §五(七), (八))', () => {
  const patient = resident({ birthDate: '1960-05-05', conditions: [{ code: 'diabetes', managed: true }] })

  it('with none recorded: due now, no deadline', () => {
    expect(only(evaluateReminders(patient, on), 'chronic-followup')).toMatchObject({ status: 'due', dueFrom: `${on.slice(0, 4)}-01-01`, dueBy: null, reason: { key: 'chronic-followup.first' } })
  })

  it('done until 2 months after the last visit, due until 3, then overdue', () => {
    const r = { ...patient, events: [event.followup('2026-09-22', 'home-visit')] }
    expect(only(evaluateReminders(r, '2026-11-21'), 'chronic-followup')).toMatchObject({ status: 'done', dueFrom: '2026-11-22', dueBy: '2026-12-22' })
    expect(only(evaluateReminders(r, '2026-11-22'), 'chronic-followup').status).toBe('due')
    expect(only(evaluateReminders(r, '2026-12-22'), 'chronic-followup').status).toBe('due')
    expect(only(evaluateReminders(r, '2026-12-23'), 'chronic-followup').status).toBe('overdue')
  })

  it('a phone follow-up does not count for hypertension or diabetes (每年至少面访4次)', () => {
    const r = { ...patient, events: [event.followup('2026-11-01', 'phone')] }
    expect(only(evaluateReminders(r, on), 'chronic-followup').reason.key).toBe('chronic-followup.first')
  })

  it('severe mental disorder: a phone follow-up counts; the reminder is sensitive and gently worded', () => {
    const r = resident({ conditions: [{ code: 'severe-mental-disorder', managed: true }], events: [event.followup('2026-11-01', 'phone')] })
    expect(only(evaluateReminders(r, on), 'chronic-followup')).toMatchObject({ status: 'done', ruleId: 'zhejiang-2022/care-visit', sensitive: true, reason: { key: 'care-visit.done' } })
  })

  it('applies under changji-2021 too, with its own rule id', () => {
    const r = { ...patient, hukouRegion: '652301' }
    expect(only(evaluateReminders(r, on, changji2021), 'chronic-followup').ruleId).toBe('changji-2021/chronic-followup')
  })
})

describe('booked exam', () => {
  it('upcoming until the day before its slot, due then and on the day', () => {
    const r = { ...young, events: [event.booking('b1', '2026-11-01', '2026-11-25')] }
    expect(only(evaluateReminders(r, on), 'booked-exam')).toMatchObject({ status: 'upcoming', dueFrom: '2026-11-24', dueBy: '2026-11-25', action: 'attend-exam', subjectId: 'b1' })
    expect(only(evaluateReminders(r, '2026-11-24'), 'booked-exam').status).toBe('due')
    expect(only(evaluateReminders(r, '2026-11-25'), 'booked-exam').status).toBe('due')
  })

  it('done when checked in or cancelled; gone once the slot has passed', () => {
    const checkedIn = { ...young, events: [event.booking('b1', '2026-11-01', on), event.booking('b1', on, on, 'checked-in')] }
    expect(only(evaluateReminders(checkedIn, on), 'booked-exam')).toMatchObject({ status: 'done', reason: { key: 'booked-exam.checked-in' } })
    const cancelled = { ...young, events: [event.booking('b1', '2026-11-20', '2026-11-30', 'cancelled')] }
    expect(only(evaluateReminders(cancelled, on), 'booked-exam').reason.key).toBe('booked-exam.cancelled')
    expect(ofKind(evaluateReminders(checkedIn, '2026-11-23'), 'booked-exam')).toEqual([])
  })
})
