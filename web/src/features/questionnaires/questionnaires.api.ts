import type { QuestionnaireSubmission } from '../../../../shared/clinical/questionnaires'
import { QuestionnaireListSchema, QuestionnaireResponseSchema } from '../../../../shared/schemas/reminders'
import { api } from '../../api/client'

const path = (id: string) => `/residents/${encodeURIComponent(id)}/questionnaires`

export const questionnairesApi = {
  list: (id: string) => api.get(path(id), QuestionnaireListSchema),
  /** The server scores the answers with the same shared code and moves the reminders on. */
  submit: (id: string, submission: QuestionnaireSubmission) => api.post(path(id), QuestionnaireResponseSchema, submission),
}
