import { describe, expect, it } from 'vitest'
import type { Notification } from '../../../../shared/schemas/notifications'
import { notificationLink, notificationMessage } from '../notifications/notification-text'

const notice = (kind: string, residentId: string | null, params: Notification['params'] = {}): Notification =>
  ({ id: 'n', kind, params, residentId, createdAt: '2026-11-22T02:00:00.000Z', readAt: null })

describe('亲情账户 notices', () => {
  it('lead an offer to the account\'s family page, and the resident to her own grants', () => {
    expect(notificationLink(notice('grant-offered', null, { grantorName: '王秀英', grantId: 'g' }))).toEqual({ to: { name: 'family' }, labelKey: 'notifications.openFamily' })
    expect(notificationLink(notice('grant-accepted', 'mothermothermoth', { name: '李建国' }))).toEqual({ to: { name: 'family', params: { id: 'mothermothermoth' } }, labelKey: 'notifications.openFamily' })
    expect(notificationLink(notice('grant-confirm-due', 'mothermothermoth'))).toMatchObject({ to: { name: 'family', params: { id: 'mothermothermoth' } } })
  })

  it('name the day a grant lapses in the reader\'s language', () => {
    const due = notice('grant-confirm-due', 'mothermothermoth', { name: '赵丽', lapsesOn: '2026-12-01', grantId: 'g' })
    expect(notificationMessage(due, 'zh-CN')).toEqual({ key: 'notifications.kind.grant-confirm-due', params: { name: '赵丽', lapsesOn: '2026年12月1日', grantId: 'g' } })
    expect(notificationMessage(due, 'en').params.lapsesOn).toBe('Dec 1, 2026')
  })
})
