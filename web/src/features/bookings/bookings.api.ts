import { BookingListSchema, BookingSchema, type CreateBookingBody, ExamPlanSchema, InstitutionListSchema, InstitutionSlotsSchema } from '../../../../shared/schemas/bookings'
import { api } from '../../api/client'

const resident = (id: string) => `/residents/${encodeURIComponent(id)}`
const institution = (id: string) => `/institutions/${encodeURIComponent(id)}`

export const bookingsApi = {
  /** those near the resident first */
  institutions: (residentId: string) => api.get('/institutions', InstitutionListSchema, { residentId }),
  /** her exam on that day: free or not and why, and (Changji) its items and standard */
  examPlan: (residentId: string, date: string) => api.get(`${resident(residentId)}/exam-plan`, ExamPlanSchema, { date }),
  slots: (institutionId: string) => api.get(`${institution(institutionId)}/slots`, InstitutionSlotsSchema),
  list: (residentId: string) => api.get(`${resident(residentId)}/bookings`, BookingListSchema),
  /** one key per confirm attempt: a double tap or a retry of it gets the first booking back */
  book: (residentId: string, body: CreateBookingBody, idempotencyKey: string) =>
    api.post(`${resident(residentId)}/bookings`, BookingSchema, body, { 'Idempotency-Key': idempotencyKey }),
  cancel: (residentId: string, bookingId: string) => api.delete(`${resident(residentId)}/bookings/${encodeURIComponent(bookingId)}`, BookingSchema),
}
