import { z } from 'zod'
import { QuestionnaireSubmissionSchema } from '../clinical/questionnaires'
import { ReminderSchema } from '../policy/reminder'
import { IsoDateSchema } from './common'

/**
 * The reminders API (issue 4): what is due for a resident, the questionnaires she takes, the
 * flu shot she tells us about, and the calendar feed of her reminders.
 */

/** One reminder as the API shows it: the engine's reminder with a stable id (the calendar event's UID). */
export const ReminderItemSchema = ReminderSchema.extend({
  /** stable across evaluations of the same cycle: `<kind>-<subjectId or dueFrom>` */
  id: z.string(),
})
export type ReminderItem = z.infer<typeof ReminderItemSchema>

/** GET /api/residents/:id/reminders — most urgent first: high priority first (a positive screen, a critical result), then overdue, due, upcoming, done. */
export const ReminderListSchema = z.object({
  /** the evaluation date (Asia/Shanghai, or KANGBAN_TODAY in demo mode) */
  on: IsoDateSchema,
  /** the rule set chosen by the resident's region (policy-rules.md), e.g. `zhejiang-2022`; null where no rule set serves the region */
  ruleSetId: z.string().nullable(),
  /** empty for a resident who gets no reminders (moved away, deceased) */
  items: z.array(ReminderItemSchema),
  /** when the server computed the list (ISO instant), shown offline as "last computed" */
  computedAt: z.string(),
})
export type ReminderList = z.infer<typeof ReminderListSchema>

/** POST /api/residents/:id/questionnaires — the body is a submission; the server scores it with shared/clinical. */
export const CreateQuestionnaireBodySchema = QuestionnaireSubmissionSchema
export type CreateQuestionnaireBody = z.infer<typeof CreateQuestionnaireBodySchema>

/** A questionnaire taken, with the score the server computed. */
export const QuestionnaireResponseSchema = z.object({
  id: z.string(),
  questionnaire: z.enum(['copd-sq', 'crc-high-risk']),
  takenOn: IsoDateSchema,
  /** who filled it in (the resident herself, or the proxy who did it for her) */
  takenBy: z.string(),
  /** the COPD-SQ total; absent for the colorectal questionnaire */
  score: z.number().int().optional(),
  result: z.enum(['positive', 'negative']),
  /** the answers that counted, by field name */
  reasons: z.array(z.string()),
  answers: z.record(z.string(), z.unknown()),
})
export type QuestionnaireResponse = z.infer<typeof QuestionnaireResponseSchema>

export const QuestionnaireListSchema = z.object({ items: z.array(QuestionnaireResponseSchema) })

/** POST /api/residents/:id/immunizations/self-reported — "I had my flu shot elsewhere" (seed 000 §二(二): it counts). */
export const ReportFluShotBodySchema = z.object({
  vaccine: z.literal('influenza'),
  /** the day of the shot: not after today, not before the season's start a year ago */
  date: IsoDateSchema,
})
export type ReportFluShotBody = z.infer<typeof ReportFluShotBodySchema>

export const SelfReportedImmunizationSchema = z.object({
  id: z.string(),
  vaccine: z.literal('influenza'),
  date: IsoDateSchema,
  selfReported: z.literal(true),
})

/**
 * The calendar feed of a resident's reminders. The token is shown once, at creation (only its
 * hash is kept); creating a new one revokes the old.
 */
export const CalendarFeedSchema = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
})
export type CalendarFeed = z.infer<typeof CalendarFeedSchema>

export const CreatedCalendarFeedSchema = z.object({
  /** absolute https/http URL of the `.ics` (webcal-ready); calendar apps send no cookie */
  url: z.string(),
  createdAt: z.string(),
})
export type CreatedCalendarFeed = z.infer<typeof CreatedCalendarFeedSchema>

export const CalendarTokenParamsSchema = z.object({ token: z.string().regex(/^[\w-]{32,64}$/, 'expected a calendar feed token') })
