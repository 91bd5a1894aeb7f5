import type { RouteLocationRaw } from 'vue-router'
import type { Notification } from '../../../../shared/schemas/notifications'
import { formatDate } from '../../i18n/format'
import { examItemName } from '../exams/exam-view'

const known = new Set(['welcome', 'acted-for-you', 'result-released', 'result-corrected', 'result-retracted', 'critical-result', 'booking-withdrawn', 'booking-tomorrow', 'grant-offered', 'grant-accepted', 'grant-ended', 'grant-confirm-due', 'home-reading-danger', 'assessment-signed', 'consultation-reply'])
/** Notices about the resident's own exams: they open her exam list. */
const examKinds = new Set(['result-released', 'result-corrected', 'result-retracted'])

/** Comma-separated catalogue codes (a correction's `items`) as item names: "空腹血糖、血钾" or "Fasting glucose, Potassium". */
export function examItemNames(codes: string, locale: string): string {
  return codes.split(',').map(c => c.trim()).filter(c => c !== '').map(c => examItemName(c, locale)).join(locale === 'en' ? ', ' : '、')
}

/**
 * The i18n key and parameters for a notice, ready to show: exam dates (YYYY-MM-DD) in the
 * reader's language, item codes as names. Kinds this version does not know get a generic line.
 */
export function notificationMessage(notification: Notification, locale: string): { key: string, params: Record<string, string | number> } {
  if (!known.has(notification.kind))
    return { key: 'notifications.kind.generic', params: {} }
  const params = { ...notification.params }
  if (typeof params.examDate === 'string')
    params.examDate = formatDate(params.examDate, locale)
  if (typeof params.lapsesOn === 'string')
    params.lapsesOn = formatDate(params.lapsesOn, locale)
  if (typeof params.takenOn === 'string')
    params.takenOn = formatDate(params.takenOn, locale)
  if (notification.kind === 'booking-withdrawn' || notification.kind === 'booking-tomorrow') {
    if (typeof params.date === 'string')
      params.date = formatDate(params.date, locale)
    params.halfDay = (locale === 'en' ? { am: 'morning', pm: 'afternoon' } : { am: '上午', pm: '下午' })[params.halfDay === 'pm' ? 'pm' : 'am']
  }
  if (notification.kind === 'result-corrected') {
    const items = typeof params.items === 'string' ? examItemNames(params.items, locale) : ''
    // a correction of the date alone names no item
    if (items === '')
      return { key: 'notifications.kind.result-corrected-unnamed', params }
    params.items = items
  }
  return { key: `notifications.kind.${notification.kind}`, params }
}

/** Where an opened notice leads, with the words of its button; null when it leads nowhere. */
export function notificationLink(notification: Notification): { to: RouteLocationRaw, labelKey: string } | null {
  // to a doctor: the exam waits in his review queue, where he acknowledges the critical value
  if (notification.kind === 'critical-result')
    return { to: { name: 'doctor-exams' }, labelKey: 'notifications.openReview' }
  // the day before her exam: the booking, whose QR code she shows at the desk
  const { residentId, bookingId } = notification.params
  if (notification.kind === 'booking-tomorrow' && typeof residentId === 'string' && typeof bookingId === 'string')
    return { to: { name: 'booking', params: { id: residentId, bookingId } }, labelKey: 'notifications.openBooking' }
  // issue 9: to a doctor, the resident's home readings; to her, the report he signed
  if (notification.kind === 'home-reading-danger' && typeof residentId === 'string')
    return { to: { name: 'measurements', params: { id: residentId } }, labelKey: 'notifications.openMeasurements' }
  if (notification.kind === 'assessment-signed' && notification.residentId !== null)
    return { to: { name: 'assessment', params: { id: notification.residentId, year: String(notification.params.year) } }, labelKey: 'notifications.openAssessment' }
  // issue 8: a reply opens its consultation, for her and for whoever wrote for her
  const { consultationId } = notification.params
  if (notification.kind === 'consultation-reply' && typeof consultationId === 'string')
    return { to: { name: 'consultation', params: { cid: consultationId } }, labelKey: 'notifications.openConsultation' }
  // 亲情账户 (issue 7): an offer or an ended grant to the account; the resident's own grants to her
  if (notification.kind.startsWith('grant-'))
    return { to: notification.residentId === null ? { name: 'family' } : { name: 'family', params: { id: notification.residentId } }, labelKey: 'notifications.openFamily' }
  if (notification.residentId === null)
    return null
  if (examKinds.has(notification.kind))
    return { to: { name: 'exams', params: { id: notification.residentId } }, labelKey: 'notifications.openExams' }
  return { to: { name: 'record', params: { id: notification.residentId } }, labelKey: 'notifications.open' }
}
