import { AccessLogPageSchema, AccessReportSchema, InstitutionAccessReportPageSchema } from '../../../../shared/schemas/access-log'
import { api } from '../../api/client'

const path = (residentId: string) => `/residents/${encodeURIComponent(residentId)}/access-log`

export const accessLogApi = {
  list: (residentId: string, cursor?: string) => api.get(path(residentId), AccessLogPageSchema, { cursor }),
  /** 这不是我认识的人: her family doctor's institution sees the report */
  report: (residentId: string, entryId: number) => api.post(`${path(residentId)}/${entryId}/report`, AccessReportSchema),
  /** the reports of an institution's signed residents, newest first: its doctors' and staff's */
  institutionReports: (institutionId: string, cursor?: string) => api.get(`/institutions/${encodeURIComponent(institutionId)}/access-reports`, InstitutionAccessReportPageSchema, { cursor }),
}
