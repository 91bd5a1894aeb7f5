import { z } from 'zod'
import { IsoDateSchema } from '../schemas/common'

/** What the engine returns: one reminder per programme a resident is eligible for (policy-rules.md). */

export const ReminderKind = {
  HEALTH_EXAM: 'health-exam',
  FLU_SHOT: 'flu-shot',
  CRC_SCREENING: 'crc-screening',
  COLONOSCOPY: 'colonoscopy',
  COPD_QUESTIONNAIRE: 'copd-questionnaire',
  SPIROMETRY: 'spirometry',
  CHRONIC_FOLLOWUP: 'chronic-followup',
  ABNORMAL_RESULT_REVIEW: 'abnormal-result-review',
  CRITICAL_RESULT: 'critical-result',
  BOOKED_EXAM: 'booked-exam',
} as const
export type ReminderKind = (typeof ReminderKind)[keyof typeof ReminderKind]

export const ReminderStatus = { OVERDUE: 'overdue', DUE: 'due', UPCOMING: 'upcoming', DONE: 'done' } as const
export type ReminderStatus = (typeof ReminderStatus)[keyof typeof ReminderStatus]

export const ReminderPriority = { HIGH: 'high', NORMAL: 'normal' } as const
export type ReminderPriority = (typeof ReminderPriority)[keyof typeof ReminderPriority]

/** The one next step a reminder's button offers. */
export const ReminderAction = {
  BOOK_EXAM: 'book-exam',
  CONTACT_DOCTOR: 'contact-doctor',
  QUESTIONNAIRE: 'questionnaire',
  VACCINATE: 'vaccinate',
  /** go to a booked exam and check in with the booking's QR code */
  ATTEND_EXAM: 'attend-exam',
} as const
export type ReminderAction = (typeof ReminderAction)[keyof typeof ReminderAction]

/**
 * Every message key the engine can emit: the reason a reminder gives, or the missing fact that
 * would change it. `messages.ts` holds the words for each in every locale.
 */
export const ReasonKey = {
  EXAM_YEARLY_AGE: 'health-exam.yearly-age',
  EXAM_YEARLY_STUDENT: 'health-exam.yearly-student',
  EXAM_YEARLY_CHRONIC: 'health-exam.yearly-chronic',
  EXAM_EVERY_TWO_YEARS: 'health-exam.every-two-years',
  EXAM_CHANGJI_YEARLY: 'health-exam.changji-yearly',
  EXAM_DONE: 'health-exam.done',
  FLU_ELIGIBLE: 'flu-shot.eligible',
  FLU_NEXT_SEASON: 'flu-shot.next-season',
  FLU_DONE: 'flu-shot.done',
  FLU_DONE_REPORTED: 'flu-shot.done-reported',
  FLU_SHOT_ELSEWHERE: 'flu-shot.shot-elsewhere',
  CRC_NEVER_SCREENED: 'crc-screening.never-screened',
  CRC_FIVE_YEARS: 'crc-screening.five-years',
  CRC_DONE: 'crc-screening.done',
  COLONOSCOPY_POSITIVE_FOBT: 'colonoscopy.positive-fobt',
  COLONOSCOPY_HIGH_RISK_QUESTIONNAIRE: 'colonoscopy.high-risk-questionnaire',
  COPD_QUESTIONNAIRE_DUE: 'copd-questionnaire.due',
  COPD_QUESTIONNAIRE_DONE: 'copd-questionnaire.done',
  SPIROMETRY_POSITIVE_QUESTIONNAIRE: 'spirometry.positive-questionnaire',
  FOLLOWUP_FIRST: 'chronic-followup.first',
  FOLLOWUP_NEXT: 'chronic-followup.next',
  FOLLOWUP_DONE: 'chronic-followup.done',
  CARE_VISIT_FIRST: 'care-visit.first',
  CARE_VISIT_NEXT: 'care-visit.next',
  CARE_VISIT_DONE: 'care-visit.done',
  CRITICAL_RESULT_RELEASED: 'critical-result.released',
  CRITICAL_RESULT_DONE: 'critical-result.done',
  ABNORMAL_RESULT_RELEASED: 'abnormal-result.released',
  ABNORMAL_RESULT_DONE: 'abnormal-result.done',
  BOOKING_OPEN: 'booked-exam.open',
  BOOKING_CHECKED_IN: 'booked-exam.checked-in',
  BOOKING_CANCELLED: 'booked-exam.cancelled',
} as const
export type ReasonKey = (typeof ReasonKey)[keyof typeof ReasonKey]

/** Message parameters: dates as `YYYY-MM-DD`, numbers, or short codes a message words itself. */
export const ReasonParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]))
export type ReasonParams = z.infer<typeof ReasonParamsSchema>

/** A message key with its parameters, rendered by `renderReason` in the reader's language. */
export const ReasonSchema = z.object({ key: z.enum(ReasonKey), params: ReasonParamsSchema })
export type Reason = z.infer<typeof ReasonSchema>

export const ReminderSchema = z.object({
  kind: z.enum(ReminderKind),
  /** `<rule set>/<rule>`, e.g. `zhejiang-2022/flu` */
  ruleId: z.string(),
  status: z.enum(ReminderStatus),
  priority: z.enum(ReminderPriority),
  /** when this step opens; for `done`, the day the next cycle opens */
  dueFrom: IsoDateSchema,
  /** the deadline; null where the rule names none */
  dueBy: IsoDateSchema.nullable(),
  /** the service itself costs the resident nothing (a seed says it is free) */
  free: z.boolean(),
  reason: ReasonSchema,
  action: z.enum(ReminderAction),
  /** a fact the resident can tell us that would change this reminder (a flu shot given elsewhere) */
  missingFact: ReasonSchema.optional(),
  /** the exam or booking this reminder is about, for reminders that follow one record */
  subjectId: z.string().nullable(),
  /**
   * a sensitive item, shown only to the resident, a household parent and the doctor (policy-rules.md:
   * severe mental disorder care, seed 002 §五(八)); the server filters it for anyone else
   */
  sensitive: z.boolean(),
})
export type Reminder = z.infer<typeof ReminderSchema>
