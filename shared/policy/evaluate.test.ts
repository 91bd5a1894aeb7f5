import { describe, expect, it } from 'vitest'
import { evaluateReminders } from './evaluate'
import { event, ofKind, only, resident } from './snapshot.fixtures'

// policy-rules.md "Worked examples": evaluation date 2026-11-22 unless stated.
const on = '2026-11-22'

describe('policy-rules.md worked examples (zhejiang-2022)', () => {
  const wang = resident({ birthDate: '1956-03-10', events: [event.exam('2025-05-02')] })

  it('born 1956-03-10, last exam 2025-05-02: exam due on the yearly cycle at 70, by 2026-12-31', () => {
    expect(only(evaluateReminders(wang, on), 'health-exam')).toMatchObject({ status: 'due', dueFrom: '2026-01-01', dueBy: '2026-12-31', priority: 'normal', action: 'book-exam', free: true, ruleId: 'zhejiang-2022/health-exam', reason: { key: 'health-exam.yearly-age' } })
  })

  it('born 1956-03-10, no flu shot since 2026-09-01: flu overdue, due by 2026-10-31', () => {
    expect(only(evaluateReminders(wang, on), 'flu-shot')).toMatchObject({ status: 'overdue', dueFrom: '2026-09-01', dueBy: '2026-10-31', priority: 'normal', action: 'vaccinate', free: true, ruleId: 'zhejiang-2022/flu', reason: { key: 'flu-shot.eligible', params: { age: 70 } }, missingFact: { key: 'flu-shot.shot-elsewhere' } })
  })

  it('born 1956-03-10, never screened: colorectal screening due, with no deadline', () => {
    expect(only(evaluateReminders(wang, on), 'crc-screening')).toMatchObject({ status: 'due', dueFrom: '2006-03-10', dueBy: null, priority: 'normal', action: 'book-exam', free: true, reason: { key: 'crc-screening.never-screened' } })
  })

  it('born 1990-01-01, last exam 2025-06-01: exam done until the two-year cycle reopens on 2027-01-01', () => {
    const r = resident({ birthDate: '1990-01-01', events: [event.exam('2025-06-01')] })
    expect(only(evaluateReminders(r, on), 'health-exam')).toMatchObject({ status: 'done', dueFrom: '2027-01-01', dueBy: '2027-12-31', reason: { key: 'health-exam.done', params: { date: '2025-06-01', next: '2027-01-01' } } })
  })

  it('born 1990-01-01, last exam 2024-12-31: exam due', () => {
    const r = resident({ birthDate: '1990-01-01', events: [event.exam('2024-12-31')] })
    expect(only(evaluateReminders(r, on), 'health-exam')).toMatchObject({ status: 'due', dueFrom: '2026-01-01', dueBy: '2026-12-31', reason: { key: 'health-exam.every-two-years' } })
  })

  it('born 1990-01-01 on employee insurance, no exam ever: no exam reminder', () => {
    const r = resident({ birthDate: '1990-01-01', insurance: 'employee' })
    expect(ofKind(evaluateReminders(r, on), 'health-exam')).toEqual([])
  })

  it('born 1951-11-23 (74), last screening 2021-11-22 negative: colorectal due, 5 years reached', () => {
    const r = resident({ birthDate: '1951-11-23', events: [event.fobt('2021-11-22', 'negative')] })
    expect(only(evaluateReminders(r, on), 'crc-screening')).toMatchObject({ status: 'due', dueFrom: '2026-11-22', dueBy: null, reason: { key: 'crc-screening.five-years', params: { date: '2021-11-22' } } })
  })

  it('born 1951-11-22 (75): no colorectal reminder', () => {
    const reminders = evaluateReminders(resident({ birthDate: '1951-11-22' }), on)
    expect(ofKind(reminders, 'crc-screening')).toEqual([])
    expect(ofKind(reminders, 'colonoscopy')).toEqual([])
  })

  it('born 1956-11-23 (69): no flu reminder; on 2026-11-23 flu due from that day to 2026-12-23', () => {
    const r = resident({ birthDate: '1956-11-23' })
    expect(ofKind(evaluateReminders(r, on), 'flu-shot')).toEqual([])
    expect(only(evaluateReminders(r, '2026-11-23'), 'flu-shot')).toMatchObject({ status: 'due', dueFrom: '2026-11-23', dueBy: '2026-12-23', action: 'vaccinate' })
  })

  it('born 1950-02-01 on 2026-06-15, no shot in the 2025 season: flu upcoming from 2026-09-01', () => {
    const r = resident({ birthDate: '1950-02-01', events: [event.flu('2025-08-20')] })
    expect(only(evaluateReminders(r, '2026-06-15'), 'flu-shot')).toMatchObject({ status: 'upcoming', dueFrom: '2026-09-01', dueBy: '2026-10-31', reason: { key: 'flu-shot.next-season', params: { date: '2026-09-01' } } })
  })

  it('born 1952-02-29 on 2022-02-28: no flu reminder (turns 70 on 2022-03-01)', () => {
    const r = resident({ birthDate: '1952-02-29' })
    expect(ofKind(evaluateReminders(r, '2022-02-28'), 'flu-shot')).toEqual([])
    expect(only(evaluateReminders(r, '2022-03-01'), 'flu-shot')).toMatchObject({ status: 'due', dueFrom: '2022-03-01', dueBy: '2022-03-31' })
  })

  it('born 1960-05-05, hypertension managed, last face-to-face 2026-07-01: follow-up overdue, due by 2026-10-01', () => {
    const r = resident({ birthDate: '1960-05-05', conditions: [{ code: 'hypertension', managed: true }], events: [event.followup('2026-07-01')] })
    expect(only(evaluateReminders(r, on), 'chronic-followup')).toMatchObject({ status: 'overdue', dueFrom: '2026-09-01', dueBy: '2026-10-01', priority: 'normal', action: 'contact-doctor', ruleId: 'zhejiang-2022/chronic-followup', sensitive: false })
  })

  it('born 1958-01-01, screening 2025-03-01 positive, no colonoscopy: colonoscopy high and overdue by 2025-06-01; no screening reminder', () => {
    const r = resident({ birthDate: '1958-01-01', events: [event.fobt('2025-03-01', 'positive')] })
    const reminders = evaluateReminders(r, on)
    expect(only(reminders, 'colonoscopy')).toMatchObject({ status: 'overdue', priority: 'high', dueFrom: '2025-03-01', dueBy: '2025-06-01', action: 'contact-doctor', free: false, reason: { key: 'colonoscopy.positive-fobt' } })
    expect(ofKind(reminders, 'crc-screening')).toEqual([])
  })
})

describe('evaluateReminders', () => {
  it('lists the most urgent first: high priority, then overdue before due before done', () => {
    const r = resident({ birthDate: '1956-03-10', events: [event.fobt('2025-03-01', 'positive'), event.exam('2026-04-01')] })
    expect(evaluateReminders(r, on).map(x => `${x.kind}:${x.status}`)).toEqual(['colonoscopy:overdue', 'flu-shot:overdue', 'copd-questionnaire:due', 'health-exam:done'])
  })

  it('ignores events dated after the evaluation date', () => {
    const r = resident({ birthDate: '1990-01-01', events: [event.exam('2026-12-01')] })
    expect(only(evaluateReminders(r, on), 'health-exam').status).toBe('due')
    expect(only(evaluateReminders(r, '2026-12-01'), 'health-exam').status).toBe('done')
  })

  it('refuses an evaluation date that is not YYYY-MM-DD', () => {
    expect(() => evaluateReminders(resident(), '2026-11-22T00:00:00Z')).toThrow(/YYYY-MM-DD/)
  })

  it('gives a resident outside every programme no reminders', () => {
    expect(evaluateReminders(resident({ birthDate: '1990-01-01', insurance: 'employee', hukouRegion: '110101' }), on)).toEqual([])
  })
})
