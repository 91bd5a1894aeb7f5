import { describe, expect, it } from 'vitest'
import type { Notification } from '../../../../shared/schemas/notifications'
import { notificationMessage } from './notification-text'

const base: Notification = { id: 'aaaaaaaaaaaaaaaa', kind: 'welcome', params: {}, residentId: null, createdAt: '2026-11-22T01:00:00.000Z', readAt: null }

describe('notificationMessage', () => {
  it('names the message of a known kind with its parameters', () => {
    expect(notificationMessage({ ...base, kind: 'acted-for-you', params: { actorName: '李建国', what: '查看了您的档案' } }))
      .toEqual({ key: 'notifications.kind.acted-for-you', params: { actorName: '李建国', what: '查看了您的档案' } })
  })

  it('gives a kind from a later version the generic message', () => {
    expect(notificationMessage({ ...base, kind: 'booking-reminder', params: { at: 1 } })).toEqual({ key: 'notifications.kind.generic', params: {} })
  })
})
