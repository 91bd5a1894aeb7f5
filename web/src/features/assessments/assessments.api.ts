import type { UpdateAssessmentBody } from '../../../../shared/schemas/assessments'
import { AssessmentListSchema, AssessmentSchema, DoctorAssessmentListSchema } from '../../../../shared/schemas/assessments'
import { api } from '../../api/client'

const base = (id: string) => `/residents/${encodeURIComponent(id)}/assessments`

export const assessmentsApi = {
  list: (id: string) => api.get(base(id), AssessmentListSchema),
  year: (id: string, year: string | number) => api.get(`${base(id)}/${encodeURIComponent(year)}`, AssessmentSchema),
  /** the reports waiting on this doctor (drafts), or those he signed */
  doctorList: (status: 'draft' | 'signed') => api.get('/doctor/assessments', DoctorAssessmentListSchema, { status }),
  update: (assessmentId: string, body: UpdateAssessmentBody) => api.put(`/doctor/assessments/${encodeURIComponent(assessmentId)}`, AssessmentSchema, body),
}
