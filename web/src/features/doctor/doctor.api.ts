import { DoctorResidentPageSchema } from '../../../../shared/schemas/doctor'
import { api } from '../../api/client'

export const doctorApi = {
  residents: (q: string, cursor?: string) => api.get('/doctor/residents', DoctorResidentPageSchema, { q: q.trim(), cursor }),
}
