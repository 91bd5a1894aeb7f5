import type { Notification } from '../../../../shared/schemas/notifications'

const known = new Set(['welcome', 'acted-for-you', 'result-released'])

/** The i18n key and parameters for a notice; kinds this version does not know get a generic line. */
export function notificationMessage(notification: Notification): { key: string, params: Record<string, string | number> } {
  return known.has(notification.kind)
    ? { key: `notifications.kind.${notification.kind}`, params: notification.params }
    : { key: 'notifications.kind.generic', params: {} }
}
