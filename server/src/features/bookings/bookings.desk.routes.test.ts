import { beforeAll, describe, expect, it } from 'vitest'
import { bookings, examPackages, examSlots } from '../../db/schema'
import { ORIGIN } from '../../test/test-app'
import { ids } from '../../test/world'
import type { Who } from './bookings.fixture'
import { book, boot, cookies, get, manyResidents, packageIds, slotIds, slotRow, t } from './bookings.fixture'

let racer: { id: string, cookie: string }
/** residents of 枫桥, 66 and due a free exam this year, for the walk-in and no-show tests */
let walker: { id: string, cookie: string }
let absent: { id: string, cookie: string }
let filler: { id: string, cookie: string }
let examined: { id: string, cookie: string }
beforeAll(async () => {
  await boot()
  ;[racer, walker, absent, filler, examined] = manyResidents(t.db, 5, Date.parse('2026-11-22T02:00:00Z')) as [typeof racer, typeof racer, typeof racer, typeof racer, typeof racer]
  t.db.insert(examPackages).values({ id: 'pkgjiyangoptaaaa', institutionId: 'instjiyangaaaaaa', kind: 'optional', nameZh: '颈动脉彩超', nameEn: 'Carotid ultrasound', priceFen: 12000, subsidyFen: 3000 }).run()
})

const fengqiao = '/api/institutions/instfengqiaoaaaa'
const post = (url: string, payload: unknown, who: Who) => t.app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie: cookies[who], origin: ORIGIN } })
const del = (url: string, who: Who) => t.app.inject({ method: 'DELETE', url, headers: { cookie: cookies[who], origin: ORIGIN } })
const idNumberOf = (residentId: string) => (t.sqlite.prepare('select id_number from residents where id = ?').get(residentId) as { id_number: string }).id_number

/**
 * Who may call a desk route of 枫桥: its staff and its doctor; its nurse, a doctor of 暨阳 and a
 * resident are told there is nothing (404); without a session, 401.
 */
async function statusesOf(method: 'GET' | 'POST', url: string, payload?: object) {
  const statuses: Record<string, number> = {}
  for (const who of ['institutionStaff', 'doctor', 'nurse', 'otherDoctor', 'mother'] as const)
    statuses[who] = (await t.app.inject({ method, url, payload, headers: { cookie: cookies[who], origin: ORIGIN } })).statusCode
  statuses.none = (await t.app.inject({ method, url, payload, headers: { origin: ORIGIN } })).statusCode
  return statuses
}

/** A booking for today's half-day, as one made on an earlier day would be. */
function bookedForToday(residentId: string, code: string) {
  t.db.insert(bookings).values({ id: `booktoday${code.slice(0, 7).toLowerCase()}`, residentId, slotId: slotIds.today, status: 'open', free: true, optionalPackages: '[]', residentPaysFen: 0, bookedBy: 'acctmotheraaaaaa', createdAt: Date.parse('2026-11-20T02:00:00Z'), checkInCode: code }).run()
  t.sqlite.prepare('update exam_slots set booked = booked + 1 where id = ?').run(slotIds.today)
}

describe('publishing and withdrawing half-days', () => {
  it('lets 周敏 publish a half-day and change its capacity; nobody outside 枫桥 may', async () => {
    const created = await post(`${fengqiao}/slots`, { date: '2026-12-03', halfDay: 'am', capacity: 10 }, 'institutionStaff')
    expect(created.statusCode).toBe(201)
    expect(created.json()).toEqual({ id: expect.any(String), date: '2026-12-03', halfDay: 'am', capacity: 10, booked: 0, optionalPackageIds: null })
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

describe('the half-days and their packages', () => {
  it('publishes a half-day offering two optional packages, and changes them', async () => {
    const created = await post(`${fengqiao}/slots`, { date: '2026-12-01', halfDay: 'am', capacity: 8, optionalPackageIds: [packageIds.thyroid, packageIds.carotid, packageIds.carotid] }, 'institutionStaff')
    expect(created.statusCode).toBe(201)
    expect(created.json().optionalPackageIds).toEqual([packageIds.carotid, packageIds.thyroid])
    expect(t.sqlite.prepare('select optional_package_ids from exam_slots where id = ?').get(created.json().id)).toEqual({ optional_package_ids: JSON.stringify([packageIds.carotid, packageIds.thyroid]) })
    // the capacity alone: the packages stay as they were
    const resized = await post(`${fengqiao}/slots`, { date: '2026-12-01', halfDay: 'am', capacity: 9 }, 'institutionStaff')
    expect(resized.statusCode).toBe(200)
    expect(resized.json()).toMatchObject({ capacity: 9, booked: 0, optionalPackageIds: [packageIds.carotid, packageIds.thyroid] })
    expect(t.sqlite.prepare('select capacity, optional_package_ids from exam_slots where id = ?').get(created.json().id)).toEqual({ capacity: 9, optional_package_ids: JSON.stringify([packageIds.carotid, packageIds.thyroid]) })
    // null: every active optional package again
    expect((await post(`${fengqiao}/slots`, { date: '2026-12-01', halfDay: 'am', capacity: 9, optionalPackageIds: null }, 'institutionStaff')).statusCode).toBe(200)
    expect(t.sqlite.prepare('select optional_package_ids from exam_slots where id = ?').get(created.json().id)).toEqual({ optional_package_ids: null })
    const none = await post(`${fengqiao}/slots`, { date: '2026-12-02', halfDay: 'pm', capacity: 5 }, 'doctor')
    expect(t.sqlite.prepare('select optional_package_ids from exam_slots where id = ?').get(none.json().id)).toEqual({ optional_package_ids: null })
  })

  it('refuses a package of another institution, the base package or a malformed id, naming the field, and publishes nothing', async () => {
    for (const id of ['pkgjiyangoptaaaa', packageIds.base]) {
      const refused = await post(`${fengqiao}/slots`, { date: '2026-12-08', halfDay: 'am', capacity: 8, optionalPackageIds: [packageIds.carotid, id] }, 'institutionStaff')
      expect(refused.statusCode).toBe(400)
      expect(refused.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'optionalPackageIds' })
    }
    const malformed = await post(`${fengqiao}/slots`, { date: '2026-12-08', halfDay: 'am', capacity: 8, optionalPackageIds: ['Carotid'] }, 'institutionStaff')
    expect(malformed.json().error.field).toMatch(/^optionalPackageIds/)
    expect(t.sqlite.prepare('select count(*) n from exam_slots where date = \'2026-12-08\'').get()).toEqual({ n: 0 })
  })

  it('lists 枫桥\'s published half-days of two weeks from today, full ones too, with the places booked and its packages', async () => {
    expect((await book(filler.id, { slotId: slotIds.lastPlace }, 'mother')).statusCode).toBe(404)
    t.sqlite.prepare('update exam_slots set booked = capacity where id = ?').run(slotIds.lastPlace)
    const listed = await get(`${fengqiao}/desk/slots`, 'institutionStaff')
    expect(listed.statusCode).toBe(200)
    const body = listed.json()
    expect(body).toMatchObject({ from: '2026-11-22', until: '2026-12-05' })
    expect(body.packages.map((k: { id: string }) => k.id)).toEqual([packageIds.base, packageIds.thyroid, packageIds.carotid, packageIds.tumour])
    expect(body.slots.map((s: { date: string, halfDay: string }) => `${s.date} ${s.halfDay}`)).toEqual(['2026-11-22 pm', '2026-11-23 am', '2026-11-25 am', '2026-11-25 pm', '2026-12-01 am', '2026-12-02 pm', '2026-12-03 am'])
    expect(body.slots[3]).toEqual({ id: slotIds.lastPlace, date: '2026-11-25', halfDay: 'pm', capacity: 1, booked: 1, optionalPackageIds: null })
    t.sqlite.prepare('update exam_slots set booked = 0 where id = ?').run(slotIds.lastPlace)
    const later = (await get(`${fengqiao}/desk/slots?from=2027-01-01&days=7`, 'doctor')).json()
    expect(later.slots.map((s: { id: string }) => s.id)).toEqual([slotIds.nextYear])
    expect((await get(`${fengqiao}/desk/slots?days=61`, 'institutionStaff')).json().error.field).toBe('days')
    expect(await statusesOf('GET', `${fengqiao}/desk/slots`)).toEqual({ institutionStaff: 200, doctor: 200, nurse: 404, otherDoctor: 404, mother: 404, none: 401 })
  })

  it('lets only 枫桥\'s staff and doctor publish there', async () => {
    const statuses = await statusesOf('POST', `${fengqiao}/slots`, { date: '2026-12-09', halfDay: 'am', capacity: 3, optionalPackageIds: [packageIds.tumour] })
    expect(statuses).toEqual({ institutionStaff: 201, doctor: 200, nurse: 404, otherDoctor: 404, mother: 404, none: 401 })
  })
})

describe('the day at the desk', () => {
  it('lists today\'s bookings for 周敏 with masked ID numbers, and logs each resident as read', async () => {
    bookedForToday(racer.id, 'ABCDEFGHJK')
    const response = await get(`${fengqiao}/bookings?date=2026-11-22`, 'institutionStaff')
    expect(response.statusCode).toBe(200)
    expect(response.json().items).toEqual([expect.objectContaining({ halfDay: 'pm', status: 'open', free: true, packages: [{ 'zh-CN': '基础体检套餐', 'en': 'Basic health exam' }], resident: expect.objectContaining({ id: racer.id, age: 66, idNumberMasked: expect.stringMatching(/^3306\*{10}\d{3}[\dX]$/) }) })])
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

describe('walk-ins', () => {
  it('books a resident who walks in into this afternoon, checked in at once and free as she is due her exam: her reminder turns done', async () => {
    const before = slotRow(slotIds.today)
    const walkedIn = await post(`${fengqiao}/walk-ins`, { idNumber: idNumberOf(walker.id).toLowerCase(), halfDay: 'pm', optionalPackageIds: [packageIds.carotid] }, 'institutionStaff')
    expect(walkedIn.statusCode).toBe(201)
    expect(walkedIn.json()).toMatchObject({ halfDay: 'pm', status: 'checked-in', free: true, packages: [{ 'zh-CN': '基础体检套餐', 'en': 'Basic health exam' }, { 'zh-CN': '颈动脉彩超', 'en': 'Carotid ultrasound' }], residentPaysFen: 9000, resident: { id: walker.id }, checkedInAt: expect.stringMatching(/^2026-11-22T/) })
    expect(slotRow(slotIds.today)).toEqual({ capacity: 30, booked: before.booked + 1, held: before.held + 1 })
    expect(t.sqlite.prepare('select booked_by, checked_in_by from bookings where id = ?').get(walkedIn.json().id)).toEqual({ booked_by: 'acctinststaffaaa', checked_in_by: 'staffzhouaaaaaaa' })
    expect(t.sqlite.prepare('select actor_name, action from access_log where resident_id = ?').all(walker.id)).toEqual([{ actor_name: '周敏', action: 'change' }])
    const reminders = (await t.app.inject({ url: `/api/residents/${walker.id}/reminders`, headers: { cookie: walker.cookie } })).json()
    expect(reminders.items.find((r: { kind: string }) => r.kind === 'health-exam')).toMatchObject({ status: 'done' })
  })

  it('refuses her second walk-in of the day: she is checked in already', async () => {
    const again = await post(`${fengqiao}/walk-ins`, { idNumber: idNumberOf(walker.id), halfDay: 'pm', selfPaid: true }, 'doctor')
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('ALREADY_BOOKED')
  })

  it('judges her not free when her exam of this year was done two days ago: 409 NOT_FREE, then self-paid at the base package\'s price', async () => {
    t.db.insert(examSlots).values({ id: 'slotpastaaaaaaaa', institutionId: 'instfengqiaoaaaa', date: '2026-11-20', halfDay: 'am', capacity: 5, booked: 1 }).run()
    t.db.insert(bookings).values({ id: 'bookpastaaaaaaaa', residentId: examined.id, slotId: 'slotpastaaaaaaaa', status: 'checked-in', free: true, optionalPackages: '[]', residentPaysFen: 0, bookedBy: 'acctmotheraaaaaa', createdAt: Date.parse('2026-11-10T02:00:00Z'), checkInCode: 'QRSTUVWXYZ', checkedInAt: Date.parse('2026-11-20T01:00:00Z') }).run()
    const notFree = await post(`${fengqiao}/walk-ins`, { idNumber: idNumberOf(examined.id), halfDay: 'pm' }, 'doctor')
    expect(notFree.statusCode).toBe(409)
    expect(notFree.json().error.code).toBe('NOT_FREE')
    const selfPaid = await post(`${fengqiao}/walk-ins`, { idNumber: idNumberOf(examined.id), halfDay: 'pm', selfPaid: true, optionalPackageIds: [packageIds.thyroid] }, 'doctor')
    expect(selfPaid.statusCode).toBe(201)
    expect(selfPaid.json()).toMatchObject({ free: false, residentPaysFen: 9000 + 8000, packages: [{ 'zh-CN': '基础体检套餐', 'en': 'Basic health exam' }, { 'zh-CN': '甲状腺彩超', 'en': 'Thyroid ultrasound' }], status: 'checked-in', resident: { id: examined.id } })
  })

  it('never overbooks: a full afternoon answers 409 SLOT_FULL and leaves the count alone', async () => {
    const { booked } = slotRow(slotIds.today)
    t.sqlite.prepare('update exam_slots set capacity = booked where id = ?').run(slotIds.today)
    const full = await post(`${fengqiao}/walk-ins`, { idNumber: idNumberOf(filler.id), halfDay: 'pm' }, 'institutionStaff')
    expect(full.statusCode).toBe(409)
    expect(full.json().error.code).toBe('SLOT_FULL')
    expect(slotRow(slotIds.today)).toEqual({ capacity: booked, booked, held: booked })
    expect(t.sqlite.prepare('select count(*) n from bookings where resident_id = ?').get(filler.id)).toEqual({ n: 0 })
    t.sqlite.prepare('update exam_slots set capacity = 30 where id = ?').run(slotIds.today)
  })

  it('refuses a morning nobody published, an unknown ID number, an item not offered, and a resident with an open booking', async () => {
    const morning = await post(`${fengqiao}/walk-ins`, { idNumber: idNumberOf(filler.id), halfDay: 'am' }, 'institutionStaff')
    expect(morning.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'halfDay' })
    const unknown = await post(`${fengqiao}/walk-ins`, { idNumber: '330681199901010000', halfDay: 'pm' }, 'institutionStaff')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.field).toBe('idNumber')
    expect((await post(`${fengqiao}/walk-ins`, { idNumber: '3306', halfDay: 'pm' }, 'institutionStaff')).json().error.field).toBe('idNumber')
    t.sqlite.prepare('update exam_slots set optional_package_ids = ? where id = ?').run(JSON.stringify([packageIds.carotid]), slotIds.today)
    const notOffered = await post(`${fengqiao}/walk-ins`, { idNumber: idNumberOf(filler.id), halfDay: 'pm', optionalPackageIds: [packageIds.tumour] }, 'institutionStaff')
    expect(notOffered.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'optionalPackageIds' })
    t.sqlite.prepare('update exam_slots set optional_package_ids = null where id = ?').run(slotIds.today)
    expect((await book(filler.id, { slotId: slotIds.tomorrow }, 'institutionStaff')).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'POST', url: `/api/residents/${filler.id}/bookings`, payload: { slotId: slotIds.tomorrow }, headers: { cookie: filler.cookie, origin: ORIGIN } })).statusCode).toBe(201)
    const already = await post(`${fengqiao}/walk-ins`, { idNumber: idNumberOf(filler.id), halfDay: 'pm' }, 'institutionStaff')
    expect(already.statusCode).toBe(409)
    expect(already.json().error.code).toBe('ALREADY_BOOKED')
  })

  it('lets only 枫桥\'s staff and doctor book a walk-in there', async () => {
    const { booked } = slotRow(slotIds.today)
    const statuses = await statusesOf('POST', `${fengqiao}/walk-ins`, { idNumber: idNumberOf(ids.mother), halfDay: 'pm', selfPaid: true })
    expect(statuses).toEqual({ institutionStaff: 201, doctor: 409, nurse: 404, otherDoctor: 404, mother: 404, none: 401 })
    expect(slotRow(slotIds.today)).toEqual({ capacity: 30, booked: booked + 1, held: booked + 1 })
  })
})

describe('no-shows', () => {
  it('marks the afternoon\'s bookings still open as no-shows: booked keeps counting open and checked-in ones, and each is logged', async () => {
    bookedForToday(absent.id, 'NPQRSTUVWX')
    bookedForToday(ids.viewer, 'PQRSTUVWXY')
    const before = slotRow(slotIds.today)
    expect(before.booked).toBe(before.held)
    expect((await post(`${fengqiao}/no-shows`, { date: '2026-11-23' }, 'institutionStaff')).json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'date' })
    expect((await post(`${fengqiao}/no-shows`, { date: '2026-11-31' }, 'institutionStaff')).json().error.field).toBe('date')
    const marked = await post(`${fengqiao}/no-shows`, { date: '2026-11-22' }, 'institutionStaff')
    expect(marked.statusCode).toBe(200)
    expect(marked.json()).toEqual({ date: '2026-11-22', marked: 2 })
    expect(slotRow(slotIds.today)).toEqual({ capacity: 30, booked: before.booked - 2, held: before.held - 2 })
    expect(t.sqlite.prepare('select status from bookings where resident_id in (?, ?) and slot_id = ?').all(absent.id, ids.viewer, slotIds.today)).toEqual([{ status: 'no-show' }, { status: 'no-show' }])
    expect(t.sqlite.prepare('select actor_name, action, what from access_log where resident_id = ?').all(absent.id)).toEqual([{ actor_name: '周敏', action: 'change', what: 'bookings' }])
    // the checked-in stay checked in, and a second call finds nothing left
    expect(t.sqlite.prepare('select count(*) n from bookings where slot_id = ? and status = \'checked-in\'').get(slotIds.today)).toEqual({ n: before.held - 2 })
    expect((await post(`${fengqiao}/no-shows`, { date: '2026-11-22' }, 'doctor')).json()).toEqual({ date: '2026-11-22', marked: 0 })
    // she may book again: a no-show is not an open booking
    expect((await t.app.inject({ method: 'POST', url: `/api/residents/${absent.id}/bookings`, payload: { slotId: slotIds.tomorrow, selfPaid: true }, headers: { cookie: absent.cookie, origin: ORIGIN } })).statusCode).toBe(201)
  })

  it('lets only 枫桥\'s staff and doctor mark no-shows there', async () => {
    expect(await statusesOf('POST', `${fengqiao}/no-shows`, { date: '2026-11-21' })).toEqual({ institutionStaff: 200, doctor: 200, nurse: 404, otherDoctor: 404, mother: 404, none: 401 })
  })
})
