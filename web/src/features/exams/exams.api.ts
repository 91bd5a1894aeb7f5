import { CriticalAcknowledgementSchema, DoctorExamQueueSchema, ExamDetailSchema, ExamPageSchema, ExamSummarySchema, ObservationSeriesSchema, type ReleaseExamBody } from '../../../../shared/schemas/exams'
import { api } from '../../api/client'

/** Small pages: a cheap phone on a weak network should paint the first exams quickly. */
export const EXAM_PAGE_SIZE = 10

const base = (id: string) => `/residents/${encodeURIComponent(id)}`

export const examsApi = {
  list: (id: string, cursor?: string) => api.get(`${base(id)}/exams`, ExamPageSchema, { limit: EXAM_PAGE_SIZE, cursor }),
  detail: (id: string, examId: string) => api.get(`${base(id)}/exams/${encodeURIComponent(examId)}`, ExamDetailSchema),
  observations: (id: string, code: string) => api.get(`${base(id)}/observations`, ObservationSeriesSchema, { code }),
  /** the exams this doctor may release, oldest first */
  doctorQueue: () => api.get('/doctor/exams', DoctorExamQueueSchema, { status: 'pending' }),
  release: (examId: string, comment: string) =>
    api.post(`/doctor/exams/${encodeURIComponent(examId)}/release`, ExamSummarySchema, (comment.trim() === '' ? {} : { comment: comment.trim() }) satisfies ReleaseExamBody),
  /** the doctor has seen the critical value; the first acknowledgement stands */
  acknowledgeCritical: (examId: string) => api.post(`/doctor/exams/${encodeURIComponent(examId)}/acknowledge`, CriticalAcknowledgementSchema),
}
