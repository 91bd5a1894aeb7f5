import { beforeAll, describe, expect, it } from 'vitest'
import { ids } from '../../test/world'
import { reminderIds, reminderPhones } from '../../test/world-reminders'
import type { Who } from './bookings.fixture'
import { book, boot, cancel, cookies, get, packageIds, slotIds, slotRow, t } from './bookings.fixture'

beforeAll(boot)

const mother = ids.mother

describe('where exams can be booked', () => {
  it('lists the institutions that offer an exam, each with its next half-day with a place', async () => {
    const response = await get('/api/institutions', 'mother')
    expect(response.statusCode).toBe(200)
    expect(response.json().items.map((i: { name: string, nextFreeSlot: unknown, near: unknown }) => [i.name, i.nextFreeSlot, i.near])).toEqual([
      ['暨阳街道社区卫生服务中心', { date: '2026-11-26', halfDay: 'am' }, null],
      ['枫桥镇卫生院', { date: '2026-11-23', halfDay: 'am' }, null],
    ])
    expect((await get('/api/institutions')).statusCode).toBe(401)
  })

  it('lists first, for a resident, the centre of her township and then her family doctor\'s', async () => {
    const names = async (residentId: string, who: Who) => (await get(`/api/institutions?residentId=${residentId}`, who)).json().items.map((i: { name: string, near: unknown }) => [i.name, i.near])
    expect(await names(mother, 'son')).toEqual([['枫桥镇卫生院', 'her-township'], ['暨阳街道社区卫生服务中心', null]])
    // 张伟 lives in 枫桥镇 and signed with Dr 刘芳 of 暨阳
    expect(await names(ids.stranger, 'stranger')).toEqual([['枫桥镇卫生院', 'her-township'], ['暨阳街道社区卫生服务中心', 'her-doctor']])
    // only for whoever may read her record: to anyone else she does not exist
    expect((await get(`/api/institutions?residentId=${mother}`, 'stranger')).statusCode).toBe(404)
    expect((await get('/api/institutions?residentId=nope', 'stranger')).json().error.field).toBe('residentId')
  })

  it('shows an institution\'s half-days from tomorrow with places left, and its packages with prices', async () => {
    const response = await get('/api/institutions/instfengqiaoaaaa/slots', 'son')
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.slots.map((s: { id: string }) => s.id)).toEqual([slotIds.tomorrow, slotIds.twoPlaces, slotIds.lastPlace, slotIds.nextYear])
    expect(body.slots[1]).toEqual({ id: slotIds.twoPlaces, date: '2026-11-25', halfDay: 'am', capacity: 2, placesLeft: 2, optionalPackageIds: null })
    expect(body.packages.map((k: { id: string, kind: string, priceFen: number, subsidyFen: number }) => [k.id, k.kind, k.priceFen, k.subsidyFen])).toEqual([
      [packageIds.base, 'base', 9000, 9000],
      [packageIds.thyroid, 'optional', 8000, 0],
      [packageIds.carotid, 'optional', 12000, 3000],
      [packageIds.tumour, 'optional', 15000, 5000],
    ])
    expect((await get('/api/institutions/nosuchinstitutn/slots', 'son')).statusCode).toBe(400)
    expect((await get('/api/institutions/aaaaaaaaaaaaaaaa/slots', 'son')).statusCode).toBe(404)
  })
})

describe('booking for herself or a parent', () => {
  it('books 王秀英\'s free exam of next year with two optional items: she pays only their co-paid share', async () => {
    const response = await book(mother, { slotId: slotIds.nextYear, optionalPackageIds: [packageIds.carotid, packageIds.thyroid] }, 'mother')
    expect(response.statusCode).toBe(201)
    const booking = response.json()
    expect(booking).toMatchObject({ residentId: mother, status: 'open', free: true, residentPaysFen: (12000 - 3000) + 8000, slot: { id: slotIds.nextYear, date: '2027-01-05', halfDay: 'am' }, cancellableUntil: '2027-01-04' })
    expect(booking.packages.map((k: { id: string }) => k.id)).toEqual([packageIds.base, packageIds.thyroid, packageIds.carotid])
    expect(booking.checkInCode).toMatch(/^[A-Z2-7]{10}$/)
    expect(slotRow(slotIds.nextYear)).toEqual({ capacity: 30, booked: 1, held: 1 })

    // one open booking at a time
    const second = await book(mother, { slotId: slotIds.tomorrow }, 'mother')
    expect(second.statusCode).toBe(409)
    expect(second.json().error.code).toBe('ALREADY_BOOKED')

    const listed = await get(`/api/residents/${mother}/bookings`, 'viewer')
    expect(listed.statusCode).toBe(200)
    expect(listed.json().items.map((b: { id: string }) => b.id)).toEqual([booking.id])

    const cancelled = await cancel(mother, booking.id, 'son')
    expect(cancelled.statusCode).toBe(200)
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' })
    expect(slotRow(slotIds.nextYear)).toEqual({ capacity: 30, booked: 0, held: 0 })
    expect((await cancel(mother, booking.id, 'son')).json().error.code).toBe('TOO_LATE')
  })

  it('judges free on the slot\'s date: her 2026 exam is done, so a 2026 slot is not free unless she books it self-paid', async () => {
    const refused = await book(mother, { slotId: slotIds.tomorrow }, 'son')
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error).toMatchObject({ code: 'NOT_FREE', message: expect.stringContaining('2027-01-01') })
    expect(slotRow(slotIds.tomorrow).booked).toBe(0)
    const selfPaid = await book(mother, { slotId: slotIds.tomorrow, selfPaid: true }, 'son')
    expect(selfPaid.statusCode).toBe(201)
    expect(selfPaid.json()).toMatchObject({ free: false, residentPaysFen: 9000 })
    // 李建国 booked for her: she is told someone acted for her
    expect(t.sqlite.prepare('select count(*) n from notifications where resident_id = ? and kind = \'acted-for-you\' and params like \'%booking%\'').get(mother)).toEqual({ n: 2 })
    expect((await cancel(mother, selfPaid.json().id, 'mother')).statusCode).toBe(200)
  })

  it('returns the first booking for a retried request with the same Idempotency-Key, and no second booking', async () => {
    const first = await book(mother, { slotId: slotIds.nextYear }, 'mother', 'retry-key-0001')
    const again = await book(mother, { slotId: slotIds.nextYear }, 'mother', 'retry-key-0001')
    expect(first.statusCode).toBe(201)
    expect(again.statusCode).toBe(200)
    expect(again.json().id).toBe(first.json().id)
    expect(slotRow(slotIds.nextYear)).toEqual({ capacity: 30, booked: 1, held: 1 })
    const misuse = await book(mother, { slotId: slotIds.twoPlaces }, 'mother', 'retry-key-0001')
    expect(misuse.statusCode).toBe(400)
    expect(misuse.json().error.field).toBe('idempotency-key')
    const badKey = await book(mother, { slotId: slotIds.nextYear }, 'mother', 'x')
    expect(badKey.statusCode).toBe(400)
    expect((await cancel(mother, first.json().id, 'mother')).statusCode).toBe(200)
  })

  it('refuses a half-day that has begun, an unknown slot, and an item another institution offers, naming the field', async () => {
    expect((await book(mother, { slotId: slotIds.today }, 'mother')).json().error.code).toBe('TOO_LATE')
    const unknown = await book(mother, { slotId: 'aaaaaaaaaaaaaaaa' }, 'mother')
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.field).toBe('slotId')
    const foreign = await book(mother, { slotId: slotIds.nextYear, optionalPackageIds: [packageIds.jiyangBase] }, 'mother')
    expect(foreign.json().error.field).toBe('optionalPackageIds')
    const malformed = await book(mother, { slotId: 'nope' }, 'mother')
    expect(malformed.json().error.field).toBe('slotId')
    expect(slotRow(slotIds.nextYear).booked).toBe(0)
  })
})

describe('a half-day that offers some of the optional items', () => {
  it('lists what it offers, and refuses an item it does not', async () => {
    t.sqlite.prepare('update exam_slots set optional_package_ids = ? where id = ?').run(JSON.stringify([packageIds.thyroid]), slotIds.nextYear)
    try {
      const slots = (await get('/api/institutions/instfengqiaoaaaa/slots', 'mother')).json().slots
      expect(slots.find((s: { id: string }) => s.id === slotIds.nextYear).optionalPackageIds).toEqual([packageIds.thyroid])
      const refused = await book(mother, { slotId: slotIds.nextYear, optionalPackageIds: [packageIds.carotid] }, 'mother')
      expect(refused.statusCode).toBe(400)
      expect(refused.json().error.field).toBe('optionalPackageIds')
      expect(slotRow(slotIds.nextYear).booked).toBe(0)
      const booked = await book(mother, { slotId: slotIds.nextYear, optionalPackageIds: [packageIds.thyroid] }, 'mother')
      expect(booked.json().packages.map((k: { id: string }) => k.id)).toEqual([packageIds.base, packageIds.thyroid])
      expect((await cancel(mother, booked.json().id, 'mother')).statusCode).toBe(200)
    }
    finally {
      t.sqlite.prepare('update exam_slots set optional_package_ids = null where id = ?').run(slotIds.nextYear)
    }
  })
})

describe('her exam on a day she might book', () => {
  const plan = async (residentId: string, date: string, who: Who) => get(`/api/residents/${residentId}/exam-plan?date=${date}`, who)

  it('is not free in 2026 for 王秀英, whose 2026 exam is done, and free from 2027 as the reminder says', async () => {
    expect((await plan(mother, '2026-11-25', 'son')).json()).toEqual({ date: '2026-11-25', free: false, notFree: 'done', freeFrom: '2027-01-01', items: null, standardFen: null })
    expect((await plan(mother, '2027-01-05', 'viewer')).json()).toMatchObject({ free: true, notFree: null, freeFrom: null })
  })

  it('lists, in Changji, the items that apply to her age and sex and the standard per person', async () => {
    const cookie = await t.signIn(reminderPhones.changji)
    const response = await t.app.inject({ url: `/api/residents/${reminderIds.changji}/exam-plan?date=2026-11-25`, headers: { cookie } })
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body).toMatchObject({ free: true, standardFen: 10000 })
    // 古丽 is 36: chest DR from 15, no lipids and no abdominal ultrasound under 45
    expect(body.items).toContain('chest-dr')
    expect(body.items).not.toContain('ldl-c')
    expect(body.items).not.toContain('breast-ultrasound')
  })

  it('is for whoever may read her record; the date must be a day', async () => {
    expect((await plan(mother, '2027-01-05', 'stranger')).statusCode).toBe(404)
    expect((await plan(mother, '2027-01-05', 'doctor')).statusCode).toBe(200)
    expect((await get(`/api/residents/${mother}/exam-plan?date=2027-02-30`, 'mother')).json().error.field).toBe('date')
    expect((await get(`/api/residents/${mother}/exam-plan?date=2027-01-05`)).statusCode).toBe(401)
  })
})

describe('who may book for 王秀英', () => {
  const cases: [Who, number][] = [
    ['mother', 201],
    ['son', 201], // grant: view, book, consult
    ['viewer', 403], // 赵丽: view only
    ['doctor', 403], // her signed doctor reads, does not book
    ['otherDoctor', 404], // not signed with her
    ['stranger', 404],
    ['institutionStaff', 404],
  ]
  for (const [who, status] of cases) {
    it(`${who}: ${status}`, async () => {
      const response = await book(mother, { slotId: slotIds.nextYear }, who)
      expect(response.statusCode).toBe(status)
      expect(slotRow(slotIds.nextYear).booked).toBe(status === 201 ? 1 : 0)
      // the place goes back for the next case
      const cancelled = status === 201 ? (await cancel(mother, response.json().id, who)).statusCode : 200
      expect(cancelled).toBe(200)
    })
  }

  it('lets 赵丽 see the bookings but not cancel one (403)', async () => {
    t.advance(1000)
    const booked = await book(mother, { slotId: slotIds.nextYear }, 'mother')
    expect((await get(`/api/residents/${mother}/bookings`, 'viewer')).json().items[0].id).toBe(booked.json().id)
    expect((await cancel(mother, booked.json().id, 'viewer')).statusCode).toBe(403)
    expect((await get(`/api/residents/${mother}/bookings`, 'stranger')).statusCode).toBe(404)
    expect((await cancel(mother, booked.json().id, 'mother')).statusCode).toBe(200)
    expect(cookies.viewer).toBeTruthy()
  })
})
