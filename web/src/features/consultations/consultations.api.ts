import { z } from 'zod'
import type { CreateConsultationBody } from '../../../../shared/schemas/consultations'
import { ConsultationListSchema, ConsultationMessageSchema, ConsultationSchema, DoctorInboxSchema, ReplyTimeSchema } from '../../../../shared/schemas/consultations'
import { api } from '../../api/client'

const key = (idempotencyKey: string) => ({ 'Idempotency-Key': idempotencyKey })

export const consultationsApi = {
  list: (residentId: string) => api.get(`/residents/${encodeURIComponent(residentId)}/consultations`, ConsultationListSchema),
  get: (id: string) => api.get(`/consultations/${encodeURIComponent(id)}`, ConsultationSchema),
  /** the key makes a resend (the offline outbox's) return the thread the first send made */
  create: (residentId: string, body: CreateConsultationBody, idempotencyKey: string) =>
    api.post(`/residents/${encodeURIComponent(residentId)}/consultations`, ConsultationSchema, body, key(idempotencyKey)),
  write: (id: string, body: string, idempotencyKey: string) =>
    api.post(`/consultations/${encodeURIComponent(id)}/messages`, ConsultationMessageSchema, { body }, key(idempotencyKey)),
  markDone: (id: string) => api.post(`/consultations/${encodeURIComponent(id)}/done`, ConsultationSchema),
  inbox: () => api.get('/doctor/inbox', DoctorInboxSchema),
  setReplyTime: (replyTime: string) => api.put('/doctor/reply-time', ReplyTimeSchema, { replyTime }),
}

/** What the outbox keeps of a message written on the phone, until the server has it. */
export const OutboxEntrySchema = z.object({
  key: z.string(),
  accountId: z.string(),
  residentId: z.string(),
  /** null: the message starts a new consultation */
  consultationId: z.string().nullable(),
  topic: z.enum(['result', 'medicine', 'booking', 'other']),
  examId: z.string().optional(),
  itemCode: z.string().optional(),
  body: z.string(),
  createdAt: z.string(),
  /** the error code of a send the server refused (not a missing network): shown, not retried */
  failed: z.string().nullable(),
})
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>
