import { z } from 'zod'

/** Kinds of in-app notice. Later issues add theirs; the web has a message for each. */
export const NotificationKind = {
  ACTED_FOR_YOU: 'acted-for-you',
  RESULT_RELEASED: 'result-released',
  /** to the resident: an institution corrected released results ({ examDate, items: comma-separated codes }) */
  RESULT_CORRECTED: 'result-corrected',
  /** to the resident: an institution withdrew a result filed under her by mistake ({ examDate, reason }) */
  RESULT_RETRACTED: 'result-retracted',
  /** to a doctor: an imported exam has a critical value ({ residentId, residentName, examId, examDate }) */
  CRITICAL_RESULT: 'critical-result',
  /** to the resident: the institution withdrew the half-day she had booked ({ date, halfDay }) */
  BOOKING_WITHDRAWN: 'booking-withdrawn',
  /** the day before a booked exam, to whoever booked it and to the adult booked for ({ residentId, bookingId, date, halfDay, institution, address, name }) */
  BOOKING_TOMORROW: 'booking-tomorrow',
  /** to the grantee's account: a resident offers her a grant to accept ({ grantorName, grantId }) */
  GRANT_OFFERED: 'grant-offered',
  /** to the resident: the grantee accepted ({ name }) */
  GRANT_ACCEPTED: 'grant-accepted',
  /** to the other side: a grant was ended ({ name, by: 'grantor' | 'grantee' }) */
  GRANT_ENDED: 'grant-ended',
  /** to the resident: an open-ended grant lapses unless she re-confirms it ({ name, lapsesOn }) */
  GRANT_CONFIRM_DUE: 'grant-confirm-due',
  /** to her family doctor: a home reading past the danger thresholds ({ residentId, residentName, reason, reading, takenOn }) */
  HOME_READING_DANGER: 'home-reading-danger',
  /** to the resident: her family doctor signed her annual report ({ year, doctorName }) */
  ASSESSMENT_SIGNED: 'assessment-signed',
  /** to the resident, and to whoever wrote for her: her care team answered ({ residentId, consultationId, residentName, authorName }) */
  CONSULTATION_REPLY: 'consultation-reply',
  WELCOME: 'welcome',
} as const

export const NotificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  residentId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
})
export type Notification = z.infer<typeof NotificationSchema>

export const NotificationListSchema = z.object({
  items: z.array(NotificationSchema),
  unread: z.number().int(),
  nextCursor: z.string().nullable(),
})
export type NotificationList = z.infer<typeof NotificationListSchema>

export const NotificationParamsSchema = z.object({ notificationId: z.string().regex(/^[a-z2-7]{16}$/) })
