import {
  EncounterPageSchema,
  FollowupPageSchema,
  ImmunizationPageSchema,
  MedicationPageSchema,
  ResidentSummarySchema,
} from '../../../../shared/schemas/residents'
import { api } from '../../api/client'

/** Small pages: a cheap phone on a weak network should paint the first rows quickly. */
export const RECORD_PAGE_SIZE = 5

const page = (cursor: string | undefined) => ({ limit: RECORD_PAGE_SIZE, cursor })

/** The record as a FHIR R4 file: a plain link, the browser sends the session cookie (resident and household parent only). */
export const exportUrl = (id: string) => `/api/residents/${encodeURIComponent(id)}/export`

export const recordApi = {
  summary: (id: string) => api.get(`/residents/${encodeURIComponent(id)}`, ResidentSummarySchema),
  encounters: (id: string, cursor?: string) => api.get(`/residents/${encodeURIComponent(id)}/encounters`, EncounterPageSchema, page(cursor)),
  followups: (id: string, cursor?: string) => api.get(`/residents/${encodeURIComponent(id)}/followups`, FollowupPageSchema, page(cursor)),
  immunizations: (id: string, cursor?: string) => api.get(`/residents/${encodeURIComponent(id)}/immunizations`, ImmunizationPageSchema, page(cursor)),
  medications: (id: string, cursor?: string) => api.get(`/residents/${encodeURIComponent(id)}/medications`, MedicationPageSchema, page(cursor)),
}
