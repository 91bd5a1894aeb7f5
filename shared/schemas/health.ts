import { z } from 'zod'

export const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.literal('ok'),
  mode: z.enum(['demo', 'production']),
})

export const OutboxQuerySchema = z.object({
  phone: z.string().regex(/^1[3-9]\d{9}$/),
  all: z.enum(['1', 'true']).optional(),
})
export const OutboxMessageSchema = z.object({
  phone: z.string(),
  kind: z.enum(['sign-in-code', 'notice']),
  code: z.string().nullable(),
  body: z.string(),
  sentAt: z.string(),
})
export const OutboxLastSchema = z.object({ phone: z.string(), code: z.string(), sentAt: z.string() })
export const OutboxAllSchema = z.object({ phone: z.string(), messages: z.array(OutboxMessageSchema) })
