import { OkSchema } from '../../../../shared/schemas/auth'
import { GiveConsentBodySchema, MeSchema } from '../../../../shared/schemas/me'
import { api } from '../../api/client'

export const consentApi = {
  give: (noticeVersion: string) => api.post('/me/consent', MeSchema, GiveConsentBodySchema.parse({ noticeVersion })),
  /** Withdrawing consent closes the account and ends every session and device. */
  withdraw: () => api.delete('/me/consent', OkSchema),
}
