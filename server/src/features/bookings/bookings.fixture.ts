import { createHash, randomBytes } from 'node:crypto'
import { idNumberCheckChar } from '../../../../shared/residents/id-number'
import type { Db } from '../../db/client'
import { accounts, consents, examPackages, examSlots, residents, sessions } from '../../db/schema'
import { ORIGIN, testApp } from '../../test/test-app'
import { phones } from '../../test/world'
import { buildReminderWorld } from '../../test/world-reminders'

/**
 * The booking tests' county: 枫桥 offers the 90-yuan base package and three optional items, and
 * publishes a few half-days after the tests' today (2026-11-22). `t` and `cookies` are set by
 * `boot()` (a test file calls it in beforeAll).
 */
export const packageIds = { base: 'pkgbaseaaaaaaaaa', carotid: 'pkgcarotidaaaaaa', thyroid: 'pkgthyroidaaaaaa', tumour: 'pkgtumouraaaaaaa', jiyangBase: 'pkgjiyangbaseaaa' } as const
export const slotIds = {
  today: 'slottodayaaaaaaa',
  tomorrow: 'slottomorrowaaaa',
  twoPlaces: 'slottwoplacesaaa',
  lastPlace: 'slotlastplaceaaa',
  nextYear: 'slotnextyearaaaa',
  jiyang: 'slotjiyangaaaaaa',
} as const

export function buildBookingWorld(db: Db) {
  const fengqiao = 'instfengqiaoaaaa'
  db.insert(examPackages).values([
    { id: packageIds.base, institutionId: fengqiao, kind: 'base', nameZh: '基础体检套餐', nameEn: 'Basic health exam', priceFen: 9000, subsidyFen: 9000 },
    { id: packageIds.carotid, institutionId: fengqiao, kind: 'optional', nameZh: '颈动脉彩超', nameEn: 'Carotid ultrasound', priceFen: 12000, subsidyFen: 3000, recommended: true },
    { id: packageIds.thyroid, institutionId: fengqiao, kind: 'optional', nameZh: '甲状腺彩超', nameEn: 'Thyroid ultrasound', priceFen: 8000, subsidyFen: 0 },
    { id: packageIds.tumour, institutionId: fengqiao, kind: 'optional', nameZh: '肿瘤标志物', nameEn: 'Tumour markers', priceFen: 15000, subsidyFen: 5000 },
    { id: packageIds.jiyangBase, institutionId: 'instjiyangaaaaaa', kind: 'base', nameZh: '基础体检套餐', nameEn: 'Basic health exam', priceFen: 9000, subsidyFen: 9000 },
  ]).run()
  db.insert(examSlots).values([
    { id: slotIds.today, institutionId: fengqiao, date: '2026-11-22', halfDay: 'pm', capacity: 30 },
    { id: slotIds.tomorrow, institutionId: fengqiao, date: '2026-11-23', halfDay: 'am', capacity: 30 },
    { id: slotIds.twoPlaces, institutionId: fengqiao, date: '2026-11-25', halfDay: 'am', capacity: 2 },
    { id: slotIds.lastPlace, institutionId: fengqiao, date: '2026-11-25', halfDay: 'pm', capacity: 1 },
    { id: slotIds.nextYear, institutionId: fengqiao, date: '2027-01-05', halfDay: 'am', capacity: 30 },
    { id: slotIds.jiyang, institutionId: 'instjiyangaaaaaa', date: '2026-11-26', halfDay: 'am', capacity: 30 },
  ]).run()
}

/**
 * `count` more residents of 枫桥, each signed in and consented, written straight into the
 * database: the race needs many bookers, and signing each in by SMS would be slow and limited.
 * @returns their resident ids and Cookie headers
 */
export function manyResidents(db: Db, count: number, now: number): { id: string, cookie: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i).padStart(4, '0')
    // ids are base32 letters: the number spelt in a–p
    const letters = [...n].map(d => 'abcdefghij'[Number(d)]).join('')
    const id = `racer${letters}aaaaaaa`
    const first17 = `3306811960010${n}`
    db.insert(residents).values({ id, name: `居民${n}`, sex: 'female', birthDate: '1960-01-01', idNumber: first17 + idNumberCheckChar(first17), hukouRegion: '330681', residenceRegion: '330681', township: '枫桥镇', address: '枫桥镇', insurance: 'resident', recordOpenedOn: '2010-01-01' }).run()
    const accountId = `acctracer${letters}aaa`
    db.insert(accounts).values({ id: accountId, phone: `1370900${n}`, residentId: id, createdAt: now }).run()
    db.insert(consents).values({ id: `consracer${letters}aaa`, accountId, kind: 'health-information', noticeVersion: '2026-11', givenAt: now }).run()
    const token = randomBytes(32).toString('base64url')
    db.insert(sessions).values({ tokenHash: createHash('sha256').update(token).digest('hex'), accountId, createdAt: now, lastSeenAt: now, expiresAt: now + 12 * 3600_000 }).run()
    return { id, cookie: `kb_session=${token}` }
  })
}

export type Who = keyof typeof phones
export let t: Awaited<ReturnType<typeof testApp>>
export let cookies: Record<Who, string>

export async function boot() {
  t = await testApp()
  buildReminderWorld(t.db)
  buildBookingWorld(t.db)
  cookies = await t.signInAll(phones)
}

export const get = (url: string, who?: Who) => t.app.inject({ url, headers: who ? { cookie: cookies[who] } : {} })
export const book = (residentId: string, payload: unknown, who: Who, key?: string) =>
  t.app.inject({ method: 'POST', url: `/api/residents/${residentId}/bookings`, payload: payload as object, headers: { cookie: cookies[who], origin: ORIGIN, ...(key === undefined ? {} : { 'idempotency-key': key }) } })
export const cancel = (residentId: string, bookingId: string, who: Who) =>
  t.app.inject({ method: 'DELETE', url: `/api/residents/${residentId}/bookings/${bookingId}`, headers: { cookie: cookies[who], origin: ORIGIN } })
export const slotRow = (id: string) => t.sqlite.prepare('select capacity, booked, (select count(*) from bookings b where b.slot_id = s.id and b.status in (\'open\', \'checked-in\')) held from exam_slots s where id = ?').get(id) as { capacity: number, booked: number, held: number }
