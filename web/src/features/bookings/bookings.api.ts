import { BookingListSchema, BookingSchema, type CreateBookingBody, DayBookingSchema, DayBookingsSchema, InstitutionListSchema, InstitutionSlotsSchema } from '../../../../shared/schemas/bookings'
import { api } from '../../api/client'

const resident = (id: string) => `/residents/${encodeURIComponent(id)}`
const institution = (id: string) => `/institutions/${encodeURIComponent(id)}`

export const bookingsApi = {
  institutions: () => api.get('/institutions', InstitutionListSchema),
  slots: (institutionId: string) => api.get(`${institution(institutionId)}/slots`, InstitutionSlotsSchema),
  list: (residentId: string) => api.get(`${resident(residentId)}/bookings`, BookingListSchema),
  /** one key per confirm attempt: a double tap or a retry of it gets the first booking back */
  book: (residentId: string, body: CreateBookingBody, idempotencyKey: string) =>
    api.post(`${resident(residentId)}/bookings`, BookingSchema, body, { 'Idempotency-Key': idempotencyKey }),
  cancel: (residentId: string, bookingId: string) => api.delete(`${resident(residentId)}/bookings/${encodeURIComponent(bookingId)}`, BookingSchema),
  day: (institutionId: string, date: string) => api.get(`${institution(institutionId)}/bookings`, DayBookingsSchema, { date }),
  /** a 10-character code, or else an 18-character ID number */
  checkIn: (institutionId: string, typed: string) => {
    const value = typed.trim().toUpperCase()
    return api.post(`${institution(institutionId)}/check-ins`, DayBookingSchema, value.length === 10 ? { code: value } : { idNumber: value })
  },
}
