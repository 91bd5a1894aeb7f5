import { beforeAll, describe, expect, it } from 'vitest'
import { bookings } from '../../db/schema'
import { ORIGIN } from '../../test/test-app'
import { ids } from '../../test/world'
import type { Who } from './bookings.fixture'
import { book, boot, cookies, get, manyResidents, slotIds, slotRow, t } from './bookings.fixture'

let racer: { id: string, cookie: string }
beforeAll(async () => {
  await boot()
  racer = manyResidents(t.db, 1, Date.parse('2026-11-22T02:00:00Z'))[0]!
})

const fengqiao = '/api/institutions/instfengqiaoaaaa'
const post = (url: string, payload: unknown, who: Who) => t.app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie: cookies[who], origin: ORIGIN } })
const del = (url: string, who: Who) => t.app.inject({ method: 'DELETE', url, headers: { cookie: cookies[who], origin: ORIGIN } })

/** A booking for today's half-day, as one made on an earlier day would be. */
function bookedForToday(residentId: string, code: string) {
  t.db.insert(bookings).values({ id: `booktoday${code.slice(0, 7).toLowerCase()}`, residentId, slotId: slotIds.today, status: 'open', free: true, optionalPackages: '[]', residentPaysFen: 0, bookedBy: 'acctmotheraaaaaa', createdAt: Date.parse('2026-11-20T02:00:00Z'), checkInCode: code }).run()
  t.sqlite.prepare('update exam_slots set booked = booked + 1 where id = ?').run(slotIds.today)
}

describe('publishing and withdrawing half-days', () => {
  it('lets 周敏 publish a half-day and change its capacity; nobody outside 枫桥 may', async () => {
    const created = await post(`${fengqiao}/slots`, { date: '2026-12-03', halfDay: 'am', capacity: 10 }, 'institutionStaff')
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ date: '2026-12-03', halfDay: 'am', capacity: 10, placesLeft: 10 })
    const changed = await post(`${fengqiao}/slots`, { date: '2026-12-03', halfDay: 'am', capacity: 5 }, 'doctor')
    expect(changed.statusCode).toBe(200)
    expect(changed.json()).toMatchObject({ id: created.json().id, capacity: 5 })
    for (const who of ['otherDoctor', 'nurse', 'mother', 'son'] as const)
      expect((await post(`${fengqiao}/slots`, { date: '2026-12-04', halfDay: 'am', capacity: 10 }, who)).statusCode).toBe(404)
    const past = await post(`${fengqiao}/slots`, { date: '2026-11-22', halfDay: 'pm', capacity: 10 }, 'institutionStaff')
    expect(past.json().error.field).toBe('date')
    const zero = await post(`${fengqiao}/slots`, { date: '2026-12-05', halfDay: 'pm', capacity: 0 }, 'institutionStaff')
    expect(zero.json().error.field).toBe('capacity')
  })

  it('withdraws a half-day: her open booking is cancelled, the place counted back, and she is told', async () => {
    const slot = (await post(`${fengqiao}/slots`, { date: '2027-01-06', halfDay: 'pm', capacity: 4 }, 'institutionStaff')).json()
    const booked = await book(ids.mother, { slotId: slot.id }, 'mother')
    expect(booked.statusCode).toBe(201)
    expect((await post(`${fengqiao}/slots`, { date: '2027-01-06', halfDay: 'pm', capacity: 0 + 1 }, 'institutionStaff')).statusCode).toBe(200)
    expect((await del(`${fengqiao}/slots/${slot.id}`, 'otherDoctor')).statusCode).toBe(404)
    const withdrawn = await del(`${fengqiao}/slots/${slot.id}`, 'institutionStaff')
    expect(withdrawn.json()).toEqual({ cancelled: 1 })
    expect(slotRow(slot.id)).toEqual({ capacity: 1, booked: 0, held: 0 })
    expect((await get(`/api/residents/${ids.mother}/bookings`, 'mother')).json().items[0]).toMatchObject({ id: booked.json().id, status: 'cancelled' })
    expect(t.sqlite.prepare('select params from notifications where resident_id = ? and kind = \'booking-withdrawn\'').all(ids.mother)).toEqual([{ params: JSON.stringify({ date: '2027-01-06', halfDay: 'pm' }) }])
    expect((await del(`${fengqiao}/slots/${slot.id}`, 'institutionStaff')).statusCode).toBe(404)
  })
})

describe('the day at the desk', () => {
  it('lists today\'s bookings for 周敏 with masked ID numbers, and logs each resident as read', async () => {
    bookedForToday(racer.id, 'ABCDEFGHJK')
    const response = await get(`${fengqiao}/bookings?date=2026-11-22`, 'institutionStaff')
    expect(response.statusCode).toBe(200)
    expect(response.json().items).toEqual([expect.objectContaining({ halfDay: 'pm', status: 'open', free: true, packages: ['基础体检套餐'], resident: expect.objectContaining({ id: racer.id, age: 66, idNumberMasked: expect.stringMatching(/^3306\*{10}\d{3}[\dX]$/) }) })])
    expect(t.sqlite.prepare('select actor_name, actor_role, action, what from access_log where resident_id = ?').all(racer.id)).toEqual([{ actor_name: '周敏', actor_role: 'institution-staff', action: 'read', what: 'bookings' }])
    expect((await get('/api/institutions/instjiyangaaaaaa/bookings?date=2026-11-22', 'institutionStaff')).statusCode).toBe(404)
    expect((await get(`${fengqiao}/bookings?date=2026-13-01`, 'institutionStaff')).json().error.field).toBe('date')
  })

  it('checks her in by the code under her QR code: her free exam of this year then counts as done', async () => {
    const reminders = async () => (await t.app.inject({ url: `/api/residents/${racer.id}/reminders`, headers: { cookie: racer.cookie } })).json().items.find((r: { kind: string }) => r.kind === 'health-exam')
    expect((await reminders()).status).toBe('due')
    expect((await post(`${fengqiao}/check-ins`, { code: 'ZZZZZZZZZZ' }, 'institutionStaff')).json().error).toMatchObject({ code: 'NOT_FOUND', field: 'code' })
    expect((await post('/api/institutions/instjiyangaaaaaa/check-ins', { code: 'abcdefghjk' }, 'otherDoctor')).statusCode).toBe(404)
    const checkedIn = await post(`${fengqiao}/check-ins`, { code: 'abcdefghjk' }, 'institutionStaff')
    expect(checkedIn.statusCode).toBe(200)
    expect(checkedIn.json()).toMatchObject({ status: 'checked-in', resident: { id: racer.id }, checkedInAt: expect.stringMatching(/^2026-11-22T/) })
    expect((await reminders())).toMatchObject({ status: 'done' })
    // scanning again is harmless
    expect((await post(`${fengqiao}/check-ins`, { code: 'ABCDEFGHJK' }, 'institutionStaff')).json()).toMatchObject({ status: 'checked-in' })
  })

  it('checks a resident in by her ID number, and refuses a malformed one naming the field', async () => {
    const son = t.sqlite.prepare('select id_number from residents where id = ?').get(ids.son) as { id_number: string }
    bookedForToday(ids.son, 'MNPQRSTUVW')
    const checkedIn = await post(`${fengqiao}/check-ins`, { idNumber: son.id_number }, 'doctor')
    expect(checkedIn.json()).toMatchObject({ status: 'checked-in', resident: { id: ids.son } })
    expect((await post(`${fengqiao}/check-ins`, { idNumber: '123' }, 'doctor')).statusCode).toBe(400)
    expect(slotRow(slotIds.today)).toEqual({ capacity: 30, booked: 2, held: 2 })
  })
})
