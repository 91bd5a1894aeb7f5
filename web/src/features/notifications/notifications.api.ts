import { NotificationListSchema, NotificationSchema } from '../../../../shared/schemas/notifications'
import { api } from '../../api/client'

export const notificationsApi = {
  list: (cursor?: string) => api.get('/notifications', NotificationListSchema, { cursor }),
  markRead: (id: string) => api.post(`/notifications/${encodeURIComponent(id)}/read`, NotificationSchema),
}
