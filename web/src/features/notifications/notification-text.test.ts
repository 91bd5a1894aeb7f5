import { describe, expect, it } from 'vitest'
import type { Notification } from '../../../../shared/schemas/notifications'
import { examItemNames, notificationLink, notificationMessage } from './notification-text'

const base: Notification = { id: 'aaaaaaaaaaaaaaaa', kind: 'welcome', params: {}, residentId: null, createdAt: '2026-11-22T01:00:00.000Z', readAt: null }
const residentId = 'bbbbbbbbbbbbbbbb'

describe('notificationMessage', () => {
  it('names the message of a known kind with its parameters', () => {
    expect(notificationMessage({ ...base, kind: 'acted-for-you', params: { actorName: '李建国', what: '查看了您的档案' } }, 'zh-CN'))
      .toEqual({ key: 'notifications.kind.acted-for-you', params: { actorName: '李建国', what: '查看了您的档案' } })
  })

  it('gives a kind from a later version the generic message', () => {
    expect(notificationMessage({ ...base, kind: 'booking-reminder', params: { at: 1 } }, 'zh-CN')).toEqual({ key: 'notifications.kind.generic', params: {} })
  })

  it('shows an exam date in the reader\'s language', () => {
    expect(notificationMessage({ ...base, kind: 'result-released', params: { examDate: '2026-05-19' } }, 'zh-CN').params.examDate).toBe('2026年5月19日')
    expect(notificationMessage({ ...base, kind: 'result-released', params: { examDate: '2026-05-19' } }, 'en').params.examDate).toBe('May 19, 2026')
  })

  it('words a withdrawn booking\'s day and half-day in the reader\'s language', () => {
    const withdrawn = { ...base, kind: 'booking-withdrawn', residentId, params: { date: '2027-01-06', halfDay: 'pm' } }
    expect(notificationMessage(withdrawn, 'zh-CN')).toEqual({ key: 'notifications.kind.booking-withdrawn', params: { date: '2027年1月6日', halfDay: '下午' } })
    expect(notificationMessage(withdrawn, 'en').params).toEqual({ date: 'Jan 6, 2027', halfDay: 'afternoon' })
  })

  it('words the day-before reminder\'s half-day, and leaves the place as it came', () => {
    const tomorrow = { ...base, kind: 'booking-tomorrow', params: { residentId, bookingId: 'cccccccccccccccc', date: '2026-12-03', halfDay: 'am', institution: '枫桥镇卫生院', address: '枫桥镇和平路1号', name: '李小雨' } }
    expect(notificationMessage(tomorrow, 'zh-CN').params).toMatchObject({ halfDay: '上午', institution: '枫桥镇卫生院', name: '李小雨' })
    expect(notificationMessage(tomorrow, 'en').params.halfDay).toBe('morning')
  })

  it('names the corrected items, joined as each language lists things', () => {
    const corrected = { ...base, kind: 'result-corrected', params: { examDate: '2026-11-03', items: '14771-0,2823-3' } }
    expect(notificationMessage(corrected, 'zh-CN')).toEqual({ key: 'notifications.kind.result-corrected', params: { examDate: '2026年11月3日', items: '空腹血糖、血钾' } })
    expect(notificationMessage(corrected, 'en').params.items).toBe('Fasting glucose, Potassium')
  })

  it('says a correction that names no item without an empty list', () => {
    expect(notificationMessage({ ...base, kind: 'result-corrected', params: { examDate: '2026-11-03', items: '' } }, 'zh-CN').key).toBe('notifications.kind.result-corrected-unnamed')
  })

  it('carries a retraction\'s reason and a critical result\'s resident as they came', () => {
    expect(notificationMessage({ ...base, kind: 'result-retracted', params: { examDate: '2026-11-03', reason: '录入到了别人名下' } }, 'zh-CN').params.reason).toBe('录入到了别人名下')
    expect(notificationMessage({ ...base, kind: 'critical-result', params: { residentId, residentName: '王秀英', examId: '123', examDate: '2026-11-03' } }, 'zh-CN'))
      .toMatchObject({ key: 'notifications.kind.critical-result', params: { residentName: '王秀英', examDate: '2026年11月3日' } })
  })
})

describe('examItemNames', () => {
  it('keeps a code the catalogue lacks, and skips empty ones', () => {
    expect(examItemNames('14771-0, ,99999-9', 'zh-CN')).toBe('空腹血糖、99999-9')
  })
})

describe('notificationLink', () => {
  it('takes whoever booked from the day-before reminder to the booking and its QR code, though the notice is to his account', () => {
    const tomorrow = { ...base, kind: 'booking-tomorrow', residentId: null, params: { residentId, bookingId: 'cccccccccccccccc', date: '2026-12-03', halfDay: 'am' } }
    expect(notificationLink(tomorrow)).toEqual({ to: { name: 'booking', params: { id: residentId, bookingId: 'cccccccccccccccc' } }, labelKey: 'notifications.openBooking' })
  })

  it('takes her, and the son who wrote for her, from a consultation reply to the thread (issue 8)', () => {
    const reply = { ...base, kind: 'consultation-reply', residentId, params: { residentId, consultationId: 'dddddddddddddddd', residentName: '王秀英', authorName: '陈明' } }
    expect(notificationMessage(reply, 'zh-CN')).toEqual({ key: 'notifications.kind.consultation-reply', params: reply.params })
    expect(notificationLink(reply)).toEqual({ to: { name: 'consultation', params: { cid: 'dddddddddddddddd' } }, labelKey: 'notifications.openConsultation' })
    expect(notificationLink({ ...reply, residentId: null })).toEqual({ to: { name: 'consultation', params: { cid: 'dddddddddddddddd' } }, labelKey: 'notifications.openConsultation' })
  })

  it('takes a doctor from a critical result to his review queue', () => {
    expect(notificationLink({ ...base, kind: 'critical-result', params: { residentId, residentName: '王秀英', examId: '1', examDate: '2026-11-03' } }))
      .toEqual({ to: { name: 'doctor-exams' }, labelKey: 'notifications.openReview' })
  })

  it('takes the resident from a notice about her exams to her exam list', () => {
    for (const kind of ['result-released', 'result-corrected', 'result-retracted'])
      expect(notificationLink({ ...base, kind, residentId })).toEqual({ to: { name: 'exams', params: { id: residentId } }, labelKey: 'notifications.openExams' })
  })

  it('opens the record for other notices about a resident, and leads nowhere without one', () => {
    expect(notificationLink({ ...base, kind: 'acted-for-you', residentId })?.to).toEqual({ name: 'record', params: { id: residentId } })
    expect(notificationLink(base)).toBeNull()
  })
})
