import { DeviceStatusSchema, OkSchema, RequestCodeResponseSchema } from '../../../../shared/schemas/auth'
import { HealthSchema, OutboxLastSchema } from '../../../../shared/schemas/health'
import { MeSchema } from '../../../../shared/schemas/me'
import { api } from '../../api/client'

export const authApi = {
  health: () => api.get('/health', HealthSchema),
  me: () => api.get('/me', MeSchema),
  requestCode: (phone: string) => api.post('/auth/otp', RequestCodeResponseSchema, { phone }),
  login: (phone: string, code: string) => api.post('/auth/login', MeSchema, { phone, code }),
  /** Demo mode only: the last code the dev outbox "sent" to this phone. */
  demoCode: (phone: string) => api.get('/dev/outbox', OutboxLastSchema, { phone }),
  deviceStatus: () => api.get('/auth/device', DeviceStatusSchema),
  rememberDevice: (pin: string) => api.post('/auth/device', OkSchema, { pin }),
  forgetDevice: () => api.delete('/auth/device', OkSchema),
  pinLogin: (pin: string) => api.post('/auth/pin', MeSchema, { pin }),
  logout: () => api.post('/auth/logout', OkSchema),
}
