import { describe, expect, it } from 'vitest'
import { evaluateReminders } from '../evaluate'
import { event, ofKind, only, resident } from '../snapshot.fixtures'

const on = '2026-11-22'

describe('zhejiang-2022 free health exam (seed 000 §二(一))', () => {
  it('a primary-school pupil is on the yearly cycle', () => {
    const r = resident({ birthDate: '2016-03-15', schoolStage: 'primary', events: [event.exam('2025-10-01')] })
    expect(only(evaluateReminders(r, on), 'health-exam')).toMatchObject({ status: 'due', reason: { key: 'health-exam.yearly-student' } })
  })

  it('a college student is on the two-year cycle', () => {
    const r = resident({ birthDate: '2005-03-15', schoolStage: 'college', events: [event.exam('2025-10-01')] })
    expect(only(evaluateReminders(r, on), 'health-exam')).toMatchObject({ status: 'done', dueFrom: '2027-01-01' })
  })

  it('a managed type 2 diabetes patient is on the yearly cycle (seed 002 §五(七))', () => {
    const r = resident({ birthDate: '1975-03-15', conditions: [{ code: 'diabetes', managed: true }], events: [event.exam('2025-10-01')] })
    expect(only(evaluateReminders(r, on), 'health-exam')).toMatchObject({ status: 'due', reason: { key: 'health-exam.yearly-chronic' } })
  })

  it('an unmanaged hypertension diagnosis keeps the two-year cycle', () => {
    const r = resident({ birthDate: '1975-03-15', conditions: [{ code: 'hypertension', managed: false }], events: [event.exam('2025-10-01')] })
    expect(only(evaluateReminders(r, on), 'health-exam').status).toBe('done')
  })

  it('an exam this year makes the yearly cycle done until next 1 January', () => {
    const r = resident({ birthDate: '1950-01-01', events: [event.exam('2026-03-01')] })
    expect(only(evaluateReminders(r, on), 'health-exam')).toMatchObject({ status: 'done', dueFrom: '2027-01-01', dueBy: '2027-12-31' })
  })

  it('the uninsured get no exam reminder', () => {
    expect(ofKind(evaluateReminders(resident({ insurance: 'none', insuranceRegion: null }), on), 'health-exam')).toEqual([])
  })
})

describe('zhejiang-2022 flu shot (seed 000 §二(二))', () => {
  const seventy = resident({ birthDate: '1950-05-01' })

  it('needs Zhejiang 户籍: a 75-year-old from Jiangsu gets none', () => {
    expect(ofKind(evaluateReminders(resident({ birthDate: '1950-05-01', hukouRegion: '320102' }), on), 'flu-shot')).toEqual([])
  })

  it('a shot this season is done, with the next season opening 1 September', () => {
    const r = { ...seventy, events: [event.flu('2026-10-08')] }
    expect(only(evaluateReminders(r, on), 'flu-shot')).toMatchObject({ status: 'done', dueFrom: '2027-09-01', dueBy: '2027-10-31', reason: { key: 'flu-shot.done', params: { date: '2026-10-08' } } })
    expect(only(evaluateReminders(r, on), 'flu-shot').missingFact).toBeUndefined()
  })

  it('a self-reported shot counts and is shown as reported', () => {
    const r = { ...seventy, events: [event.flu('2026-09-20', true)] }
    expect(only(evaluateReminders(r, on), 'flu-shot')).toMatchObject({ status: 'done', reason: { key: 'flu-shot.done-reported', params: { date: '2026-09-20' } } })
  })

  it('a shot last season does not count for this one', () => {
    const r = { ...seventy, events: [event.flu('2026-08-31')] }
    expect(only(evaluateReminders(r, on), 'flu-shot').status).toBe('overdue')
  })

  it('is due on 31 October and overdue on 1 November', () => {
    expect(only(evaluateReminders(seventy, '2026-10-31'), 'flu-shot').status).toBe('due')
    expect(only(evaluateReminders(seventy, '2026-11-01'), 'flu-shot').status).toBe('overdue')
  })

  it('in April with no shot it is still overdue; from 1 May it points to the next season', () => {
    expect(only(evaluateReminders(seventy, '2026-04-30'), 'flu-shot')).toMatchObject({ status: 'overdue', dueBy: '2025-10-31' })
    expect(only(evaluateReminders(seventy, '2026-05-01'), 'flu-shot')).toMatchObject({ status: 'upcoming', dueFrom: '2026-09-01', dueBy: '2026-10-31' })
  })

  it('someone who turns 70 in June waits for the season (no dueBy past 31 August)', () => {
    const r = resident({ birthDate: '1956-06-10' })
    expect(only(evaluateReminders(r, '2026-06-10'), 'flu-shot')).toMatchObject({ status: 'upcoming', dueFrom: '2026-09-01', dueBy: '2026-10-31' })
  })

  it('someone who turns 70 in February gets a month from the birthday', () => {
    const r = resident({ birthDate: '1956-02-10' })
    expect(only(evaluateReminders(r, '2026-02-10'), 'flu-shot')).toMatchObject({ status: 'due', dueFrom: '2026-02-10', dueBy: '2026-03-12' })
  })
})

describe('zhejiang-2022 colorectal screening (seed 000 §二(三)1)', () => {
  const sixty = resident({ birthDate: '1966-01-01' })

  it('a negative FOBT is done until 5 years later', () => {
    const r = { ...sixty, events: [event.fobt('2024-04-01', 'negative')] }
    expect(only(evaluateReminders(r, on), 'crc-screening')).toMatchObject({ status: 'done', dueFrom: '2029-04-01', dueBy: null, reason: { key: 'crc-screening.done' } })
  })

  it('a negative questionnaire alone is not a screening', () => {
    const r = { ...sixty, events: [event.crcQuestionnaire('2026-01-01', 'negative')] }
    expect(only(evaluateReminders(r, on), 'crc-screening')).toMatchObject({ status: 'due', reason: { key: 'crc-screening.never-screened', params: { from: 50, to: 74 } } })
  })

  it('a high-risk questionnaire opens a colonoscopy reminder as a positive FOBT does', () => {
    const r = { ...sixty, events: [event.crcQuestionnaire('2026-10-01', 'positive')] }
    const reminders = evaluateReminders(r, on)
    expect(only(reminders, 'colonoscopy')).toMatchObject({ status: 'due', priority: 'high', dueFrom: '2026-10-01', dueBy: '2027-01-01', reason: { key: 'colonoscopy.high-risk-questionnaire' } })
    expect(ofKind(reminders, 'crc-screening')).toEqual([])
  })

  it('a colonoscopy ends the urging; the screening is done until 5 years after it', () => {
    const r = { ...sixty, events: [event.fobt('2025-03-01', 'positive'), event.colonoscopy('2025-04-10')] }
    const reminders = evaluateReminders(r, on)
    expect(ofKind(reminders, 'colonoscopy')).toEqual([])
    expect(only(reminders, 'crc-screening')).toMatchObject({ status: 'done', dueFrom: '2030-04-10', reason: { key: 'crc-screening.done', params: { date: '2025-04-10' } } })
  })

  it('after a high-risk questionnaire and a colonoscopy, no stool test is asked for at once', () => {
    const r = { ...sixty, events: [event.crcQuestionnaire('2026-01-05', 'positive'), event.colonoscopy('2026-02-01')] }
    expect(only(evaluateReminders(r, on), 'crc-screening')).toMatchObject({ status: 'done', dueFrom: '2031-02-01' })
  })

  it('a positive after the last colonoscopy opens a new colonoscopy reminder', () => {
    const r = { ...sixty, events: [event.colonoscopy('2020-01-01'), event.fobt('2026-11-01', 'positive')] }
    expect(only(evaluateReminders(r, on), 'colonoscopy')).toMatchObject({ status: 'due', dueFrom: '2026-11-01', dueBy: '2027-02-01' })
  })

  it('nobody under 50 is screened', () => {
    expect(ofKind(evaluateReminders(resident({ birthDate: '1976-11-23' }), on), 'crc-screening')).toEqual([])
    expect(only(evaluateReminders(resident({ birthDate: '1976-11-22' }), on), 'crc-screening').dueFrom).toBe('2026-11-22')
  })
})

describe('zhejiang-2022 COPD screening (seed 000 §二(三)2)', () => {
  const old = resident({ birthDate: '1955-01-01' })

  it('never screened: the questionnaire is due, free, and the app takes it', () => {
    expect(only(evaluateReminders(old, on), 'copd-questionnaire')).toMatchObject({ status: 'due', dueFrom: '2020-01-01', dueBy: null, action: 'questionnaire', free: true, ruleId: 'zhejiang-2022/copd-screening' })
  })

  it('a positive questionnaire is the questionnaire step done, and opens a free spirometry', () => {
    const reminders = evaluateReminders({ ...old, events: [event.copdQuestionnaire('2026-11-01', 'positive')] }, on)
    expect(only(reminders, 'spirometry')).toMatchObject({ status: 'due', dueFrom: '2026-11-01', dueBy: null, action: 'book-exam', free: true, reason: { key: 'spirometry.positive-questionnaire' } })
    expect(only(reminders, 'copd-questionnaire')).toMatchObject({ status: 'done', dueFrom: '2031-11-01', reason: { key: 'copd-questionnaire.done' } })
  })

  it('spirometry after a positive questionnaire: done for 5 years from the spirometry', () => {
    const r = { ...old, events: [event.copdQuestionnaire('2026-11-01', 'positive'), event.spirometry('2026-11-10')] }
    expect(only(evaluateReminders(r, on), 'copd-questionnaire')).toMatchObject({ status: 'done', dueFrom: '2031-11-10' })
  })

  it('a negative questionnaire is done for 5 years', () => {
    const r = { ...old, events: [event.copdQuestionnaire('2022-05-01', 'negative')] }
    expect(only(evaluateReminders(r, on), 'copd-questionnaire')).toMatchObject({ status: 'done', dueFrom: '2027-05-01' })
  })

  it('a positive questionnaire more than 5 years old asks for a new questionnaire', () => {
    const r = { ...old, events: [event.copdQuestionnaire('2021-01-01', 'positive')] }
    expect(only(evaluateReminders(r, on), 'copd-questionnaire')).toMatchObject({ status: 'due', dueFrom: '2026-01-01' })
  })

  it('a COPD patient, the uninsured and anyone under 65 are not screened', () => {
    expect(evaluateReminders({ ...old, conditions: [{ code: 'copd', managed: true }] }, on).filter(r => r.ruleId.endsWith('copd-screening'))).toEqual([])
    expect(ofKind(evaluateReminders({ ...old, insurance: 'employee' }, on), 'copd-questionnaire')).toEqual([])
    expect(ofKind(evaluateReminders(resident({ birthDate: '1961-11-23' }), on), 'copd-questionnaire')).toEqual([])
  })
})
