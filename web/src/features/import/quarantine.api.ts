import { type MatchQuarantineBody, QuarantineEntrySchema, QuarantineListSchema } from '../../../../shared/schemas/import'
import { api } from '../../api/client'

export type QuarantineStatus = 'open' | 'matched' | 'rejected'

const entry = (id: string) => `/import/quarantine/${encodeURIComponent(id)}`

/** The institution's side of the exam import: exams it could not match to a resident safely. */
export const quarantineApi = {
  /** the signed-in doctor's or staff member's institution's entries, newest first */
  list: (status: QuarantineStatus) => api.get('/import/quarantine', QuarantineListSchema, { status }),
  /** 400 naming the field when the register disagrees; 409 ALREADY_RESOLVED */
  match: (id: string, body: MatchQuarantineBody) => api.post(`${entry(id)}/match`, QuarantineEntrySchema, body),
  reject: (id: string, reason: string) => api.post(`${entry(id)}/reject`, QuarantineEntrySchema, { reason }),
}
