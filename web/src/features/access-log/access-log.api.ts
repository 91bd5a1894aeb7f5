import { AccessLogPageSchema } from '../../../../shared/schemas/access-log'
import { api } from '../../api/client'

export const accessLogApi = {
  list: (residentId: string, cursor?: string) => api.get(`/residents/${encodeURIComponent(residentId)}/access-log`, AccessLogPageSchema, { cursor }),
}
