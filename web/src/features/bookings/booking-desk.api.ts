import { z } from 'zod'
import { DayBookingSchema, DayBookingsSchema, DeskSlotSchema, DeskSlotsSchema, NoShowsSchema, type PublishSlotBody, type WalkInBody } from '../../../../shared/schemas/booking-desk'
import { api } from '../../api/client'

const institution = (id: string) => `/institutions/${encodeURIComponent(id)}`

/** The institution desk's calls: staff and doctors of that institution only. */
export const bookingDeskApi = {
  slots: (institutionId: string, from: string, days: number) => api.get(`${institution(institutionId)}/desk/slots`, DeskSlotsSchema, { from, days }),
  publish: (institutionId: string, body: PublishSlotBody) => api.post(`${institution(institutionId)}/slots`, DeskSlotSchema, body),
  withdraw: (institutionId: string, slotId: string) => api.delete(`${institution(institutionId)}/slots/${encodeURIComponent(slotId)}`, z.object({ cancelled: z.number() })),
  day: (institutionId: string, date: string) => api.get(`${institution(institutionId)}/bookings`, DayBookingsSchema, { date }),
  /** a 10-character code, or else an 18-character ID number */
  checkIn: (institutionId: string, typed: string) => {
    const value = typed.trim().toUpperCase()
    return api.post(`${institution(institutionId)}/check-ins`, DayBookingSchema, value.length === 10 ? { code: value } : { idNumber: value })
  },
  walkIn: (institutionId: string, body: WalkInBody) => api.post(`${institution(institutionId)}/walk-ins`, DayBookingSchema, body),
  noShows: (institutionId: string, date: string) => api.post(`${institution(institutionId)}/no-shows`, NoShowsSchema, { date }),
}
