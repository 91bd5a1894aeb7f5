import { describe, expect, it } from 'vitest'
import type { Notification } from '../../../../shared/schemas/notifications'
import { notificationLink, notificationMessage } from '../notifications/notification-text'

const base: Notification = { id: 'aaaaaaaaaaaaaaaa', kind: 'welcome', params: {}, residentId: null, createdAt: '2026-11-22T01:00:00.000Z', readAt: null }
const residentId = 'bbbbbbbbbbbbbbbb'

describe('the notices of issue 9', () => {
  it('a danger reading, to the doctor: its day in his language; it opens her home readings', () => {
    const notice = { ...base, kind: 'home-reading-danger', params: { residentId, residentName: '王秀英', reason: 'bp-crisis', reading: '186/112 mmHg', takenOn: '2026-11-22' } }
    expect(notificationMessage(notice, 'zh-CN')).toEqual({ key: 'notifications.kind.home-reading-danger', params: { ...notice.params, takenOn: '2026年11月22日' } })
    expect(notificationLink(notice)).toEqual({ to: { name: 'measurements', params: { id: residentId } }, labelKey: 'notifications.openMeasurements' })
  })

  it('a signed report, to her: it opens that year\'s report', () => {
    const notice = { ...base, kind: 'assessment-signed', residentId, params: { year: 2026, doctorName: '陈明' } }
    expect(notificationMessage(notice, 'zh-CN').key).toBe('notifications.kind.assessment-signed')
    expect(notificationLink(notice)).toEqual({ to: { name: 'assessment', params: { id: residentId, year: '2026' } }, labelKey: 'notifications.openAssessment' })
  })
})
