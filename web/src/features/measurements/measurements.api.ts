import type { CreateMeasurementBody } from '../../../../shared/schemas/measurements'
import { MeasurementListSchema, MeasurementSchema } from '../../../../shared/schemas/measurements'
import { api } from '../../api/client'

const path = (id: string) => `/residents/${encodeURIComponent(id)}/measurements`

export const measurementsApi = {
  /** newest first; `kind` for one kind's history */
  list: (id: string, kind?: string, cursor?: string) => api.get(path(id), MeasurementListSchema, { kind, cursor, limit: 50 }),
  /** the answer says whether the reading needs action now and her doctor was told */
  create: (id: string, body: CreateMeasurementBody) => api.post(path(id), MeasurementSchema, body),
}
