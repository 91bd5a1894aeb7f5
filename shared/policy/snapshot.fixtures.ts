import type { Reminder, ReminderKind } from './reminder'
import type { PolicyEvent, Snapshot } from './snapshot'

/** Test residents: a Zhejiang resident on resident insurance with no history, and helpers to read results. */

/** A resident of Zhuji with Zhejiang 户籍 and 居民医保; override what a case is about. */
export function resident(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    birthDate: '1980-06-15',
    sex: 'female',
    hukouRegion: '330681',
    residenceRegion: '330681',
    residencePermitSince: null,
    insurance: 'resident',
    insuranceRegion: '330681',
    schoolStage: null,
    publicEmployee: false,
    signedDoctor: false,
    conditions: [],
    events: [],
    ...overrides,
  }
}

/** A resident of Changji city with Changji 户籍. */
export function changjiResident(overrides: Partial<Snapshot> = {}): Snapshot {
  return resident({ hukouRegion: '652301', residenceRegion: '652301', insuranceRegion: '652301', ...overrides })
}

/** The reminders of one kind. */
export function ofKind(reminders: readonly Reminder[], kind: ReminderKind): Reminder[] {
  return reminders.filter(reminder => reminder.kind === kind)
}

/** The one reminder of a kind; fails the test when there is not exactly one. */
export function only(reminders: readonly Reminder[], kind: ReminderKind): Reminder {
  const found = ofKind(reminders, kind)
  if (found.length !== 1)
    throw new Error(`expected one ${kind} reminder, got ${found.length}: ${JSON.stringify(reminders.map(r => `${r.kind}:${r.status}`))}`)
  return found[0]!
}

/** Shorthands for events. */
export const event = {
  exam: (date: string): PolicyEvent => ({ kind: 'exam', date }),
  flu: (date: string, selfReported = false): PolicyEvent => ({ kind: 'flu-shot', date, selfReported }),
  fobt: (date: string, result: 'positive' | 'negative'): PolicyEvent => ({ kind: 'crc-screening', date, result }),
  crcQuestionnaire: (date: string, result: 'positive' | 'negative'): PolicyEvent => ({ kind: 'crc-questionnaire', date, result }),
  copdQuestionnaire: (date: string, result: 'positive' | 'negative'): PolicyEvent => ({ kind: 'copd-questionnaire', date, result }),
  colonoscopy: (date: string): PolicyEvent => ({ kind: 'colonoscopy', date }),
  spirometry: (date: string): PolicyEvent => ({ kind: 'spirometry', date }),
  followup: (date: string, mode: 'face-to-face' | 'phone' | 'home-visit' = 'face-to-face'): PolicyEvent => ({ kind: 'followup', date, mode }),
  consultation: (date: string): PolicyEvent => ({ kind: 'consultation', date }),
  released: (examId: string, releasedOn: string, worst: 'normal' | 'abnormal' | 'critical'): PolicyEvent => ({ kind: 'exam-released', date: releasedOn, examId, releasedOn, worst }),
  acknowledged: (examId: string, date: string): PolicyEvent => ({ kind: 'critical-acknowledged', date, examId }),
  booking: (bookingId: string, date: string, slotDate: string, status: 'open' | 'checked-in' | 'cancelled' = 'open'): PolicyEvent => ({ kind: 'booking', date, bookingId, status, slotDate }),
}
