import { z } from 'zod'
import { PhoneSchema } from './common'

export const SixDigitsSchema = z.string().regex(/^\d{6}$/, 'expected 6 digits')

export const RequestCodeBodySchema = z.object({ phone: PhoneSchema })
export const RequestCodeResponseSchema = z.object({
  sent: z.literal(true),
  /** seconds until another code may be asked for this phone */
  retryAfterSeconds: z.number().int(),
})

export const LoginBodySchema = z.object({ phone: PhoneSchema, code: SixDigitsSchema })

/** After an SMS sign-in: remember this device behind a 6-digit PIN for 30 days. */
export const RememberDeviceBodySchema = z.object({ pin: SixDigitsSchema })
export const PinLoginBodySchema = z.object({ pin: SixDigitsSchema })

export const DeviceStatusSchema = z.object({
  remembered: z.boolean(),
  phoneMasked: z.string().nullable(),
  displayName: z.string().nullable(),
})
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>

export const OkSchema = z.object({ ok: z.literal(true) })
