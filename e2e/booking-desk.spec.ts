import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { type BrowserContext, expect, type Page, test } from '@playwright/test'
import { residentsDueAnExam } from './bookings-support'
import { signInWhenAllowed } from './support'

/**
 * The desk of 枫桥镇卫生院 (issue 6): 周敏 of its staff publishes a half-day with the optional
 * items it offers, sees the day's list, checks one resident in by her typed code, books a
 * walk-in by her ID number, and at the end of the day marks the one who did not come.
 *
 * import.spec signs 周敏 in too: each spec signs her in when the one-code-a-minute limit allows,
 * whichever comes first. The demo seed publishes weekdays only, so this Sunday (2026-11-22) gets a morning of
 * its own here, with two generated residents booked into it as on an earlier day.
 */
test.describe.configure({ mode: 'serial' })

const today = '2026-11-22'
const fengqiao = '枫桥镇卫生院'
interface Booked { name: string, code: string }
let arrives: Booked
let absent: Booked
let walkIn: { name: string, idNumber: string }
let context: BrowserContext
let page: Page

function shot(name: string) {
  return page.screenshot({ path: fileURLToPath(new URL(`../test-results/screenshots/${name}.png`, import.meta.url)), fullPage: true })
}

function openDb(): Database.Database {
  const file = process.env.KANGBAN_DB
  if (!file)
    throw new Error('KANGBAN_DB is not set: run the e2e suite with `npm run test:e2e`')
  const db = new Database(file)
  db.pragma('busy_timeout = 5000')
  return db
}

/**
 * This morning at 枫桥 with two open bookings, and a third resident to walk in: generated
 * residents of 65 or more due their free exam, this spec's own (bookings-support.ts).
 */
function bookThisMorning(): void {
  const db = openDb()
  try {
    db.transaction(() => {
      const institution = (db.prepare('select id from institutions where name = ?').get(fengqiao) as { id: string }).id
      const people = residentsDueAnExam(4, 10)
      const staffAccount = (db.prepare('select account_id from staff where name = \'周敏\'').get() as { account_id: string }).account_id
      db.prepare('insert into exam_slots (id, institution_id, date, half_day, capacity, booked) values (?, ?, ?, \'am\', 6, 2)').run('slotdeskspecaaaa', institution, today)
      const insert = db.prepare('insert into bookings (id, resident_id, slot_id, status, free, optional_packages, resident_pays_fen, booked_by, created_at, check_in_code) values (?, ?, \'slotdeskspecaaaa\', \'open\', 1, \'[]\', 0, ?, ?, ?)')
      insert.run('bookdeskspecaaaa', people[0]!.id, staffAccount, Date.parse('2026-11-18T02:00:00Z'), 'DESKSPECAA')
      insert.run('bookdeskspecbbbb', people[1]!.id, staffAccount, Date.parse('2026-11-18T02:00:00Z'), 'DESKSPECBB')
      // and one booked for Wednesday afternoon, which the seed publishes (a weekday); not the
      // first half-day with places, which bookings.spec books and cancels meanwhile
      const wednesday = (db.prepare('select id from exam_slots where institution_id = ? and date = \'2026-11-25\' and half_day = \'pm\'').get(institution) as { id: string }).id
      db.prepare('insert into bookings (id, resident_id, slot_id, status, free, optional_packages, resident_pays_fen, booked_by, created_at, check_in_code) values (\'bookdeskspeccccc\', ?, ?, \'open\', 1, \'[]\', 0, ?, ?, \'DESKSPECCC\')').run(people[3]!.id, wednesday, staffAccount, Date.parse('2026-11-18T02:00:00Z'))
      db.prepare('update exam_slots set booked = booked + 1 where id = ?').run(wednesday)
      arrives = { name: people[0]!.name, code: 'DESKSPECAA' }
      absent = { name: people[1]!.name, code: 'DESKSPECBB' }
      walkIn = { name: people[2]!.name, idNumber: people[2]!.idNumber }
    })()
  }
  finally {
    db.close()
  }
}

function slotBooked(): { booked: number, held: number } {
  const db = openDb()
  try {
    return db.prepare('select booked, (select count(*) from bookings b where b.slot_id = s.id and b.status in (\'open\', \'checked-in\')) held from exam_slots s where id = \'slotdeskspecaaaa\'').get() as { booked: number, held: number }
  }
  finally {
    db.close()
  }
}

test.beforeAll(async ({ browser }) => {
  bookThisMorning()
  context = await browser.newContext()
  page = await context.newPage()
})

test.afterAll(async () => {
  await context.close()
})

test('周敏 publishes next Sunday morning with two optional items, and sees it in the two weeks', async () => {
  test.setTimeout(150_000)
  await signInWhenAllowed(page, '13900000010')
  // the desk's today is the demo county's KANGBAN_TODAY, a Sunday morning
  await page.clock.setFixedTime(new Date(`${today}T09:00:00+08:00`))
  await page.getByText('体检签到台', { exact: true }).click()
  await expect(page.getByRole('heading', { name: '体检签到台', level: 1 })).toBeVisible()
  await page.getByText('号源管理', { exact: true }).click()
  await expect(page.getByRole('heading', { name: '号源管理', level: 1 })).toBeVisible()

  const sunday = page.getByRole('group', { name: /11月29日.*上午/ })
  await expect(sunday).toContainText('未发布')
  await sunday.getByRole('button', { name: '发布这个时段' }).click()
  await expect(page.getByLabel('日期')).toHaveValue('2026-11-29')
  await page.getByLabel('名额').fill('12')
  await page.getByRole('checkbox', { name: '骨密度' }).click()
  await page.getByRole('checkbox', { name: '肿瘤标志物（四项）' }).click()
  await page.getByRole('button', { name: '发布', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: '已发布' })).toContainText('2026年11月29日上午')
  await expect(sunday).toContainText('名额 12，已约 0，余 12')
  await expect(sunday).toContainText('甲状腺彩超、颈动脉彩超')
  await shot('booking-desk-1-slots')

  // this morning is under way: it can be neither changed nor withdrawn here
  const thisMorning = page.getByRole('group', { name: /11月22日.*上午/ })
  await expect(thisMorning).toContainText('名额 6，已约 2，余 4')
  await expect(thisMorning.getByRole('button')).toHaveCount(0)
  // a morning with a booking: withdrawing it would cancel it, and the confirm says so
  const wednesday = page.getByRole('group', { name: /11月25日.*下午/ })
  await expect(wednesday).toContainText('已约 1')
  await wednesday.getByRole('button', { name: '撤下' }).click()
  await expect(wednesday.getByRole('alert')).toContainText('1 个预约会被取消，并通知本人。')
  await wednesday.getByRole('button', { name: '不撤下' }).click()
  await expect(wednesday.getByRole('alert')).toHaveCount(0)
})

test('at the desk she checks one in by the typed code and books a walk-in by her ID number', async () => {
  await page.getByRole('button', { name: '返回' }).click()
  await expect(page.getByRole('heading', { name: '体检签到台', level: 1 })).toBeVisible()
  await expect(page.getByRole('listitem', { name: arrives.name })).toContainText('已预约')
  await expect(page.getByRole('listitem', { name: absent.name })).toContainText('已预约')

  await page.getByLabel('签到码或身份证号').fill(arrives.code.toLowerCase())
  await page.getByRole('button', { name: '签到', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: `${arrives.name}已签到` })).toBeVisible()
  await expect(page.getByRole('listitem', { name: arrives.name })).toContainText('已签到')

  await page.getByRole('button', { name: '现场预约' }).click()
  await page.getByLabel('身份证号', { exact: true }).fill(walkIn.idNumber)
  await page.getByRole('button', { name: '预约并签到' }).click()
  await expect(page.getByRole('status').filter({ hasText: `${walkIn.name}已预约并签到` })).toBeVisible()
  await expect(page.getByRole('listitem', { name: walkIn.name })).toContainText('已签到')
  await expect(page.getByText('共 3 人，已签到 2 人，待签到 1 人')).toBeVisible()
  expect(slotBooked()).toEqual({ booked: 3, held: 3 })
  await shot('booking-desk-2-day')
})

test('at the end of the day she marks the one who did not come, and her place leaves the count', async () => {
  await page.getByRole('button', { name: '标记未到' }).click()
  await expect(page.getByText('1 个预约还没签到，确定都标记为未到吗？')).toBeVisible()
  await page.getByRole('button', { name: '确定标记' }).click()
  await expect(page.getByRole('status').filter({ hasText: '已把 1 个预约标记为未到' })).toBeVisible()
  await expect(page.getByRole('listitem', { name: absent.name })).toContainText('未到')
  expect(slotBooked()).toEqual({ booked: 2, held: 2 })
  await shot('booking-desk-3-no-shows')
})

/**
 * 王秀英, signed with Dr 陈明 of 枫桥, reported on her access log someone she does not know (as
 * proxies.spec does through the page): a read of her exam results by 张伟.
 */
function reportAnUnknownAccess(): void {
  const db = openDb()
  try {
    db.transaction(() => {
      const at = Date.parse('2026-11-21T12:00:00+08:00')
      const ids = db.prepare(`select
          (select r.id from residents r where r.phone = '13800000001') resident,
          (select a.id from accounts a where a.phone = '13800000001') reporter,
          (select a.id from accounts a where a.phone = '13800000004') stranger,
          (select i.id from institutions i where i.name = ?) institution`).get(fengqiao) as { resident: string, reporter: string, stranger: string, institution: string }
      const entry = db.prepare('insert into access_log (resident_id, actor_account_id, actor_name, actor_role, on_behalf_of, action, what, at) values (?, ?, \'张伟\', \'proxy\', ?, \'read\', \'exams\', ?)').run(ids.resident, ids.stranger, ids.resident, at)
      db.prepare('insert into access_reports (id, access_log_id, resident_id, institution_id, reported_by_account_id, reported_at) values (\'reportdeskspecaa\', ?, ?, ?, ?, ?)').run(entry.lastInsertRowid, ids.resident, ids.institution, ids.reporter, at + 3_600_000)
    })()
  }
  finally {
    db.close()
  }
}

test('she sees the access her institution\'s residents did not recognise', async () => {
  reportAnUnknownAccess()
  await page.goto('/')
  await page.getByText('居民报告的陌生访问', { exact: true }).click()
  await expect(page.getByRole('heading', { name: '居民报告的陌生访问', level: 1 })).toBeVisible()
  const report = page.getByRole('listitem', { name: '王秀英' })
  await expect(report).toContainText('张伟（亲友）查看了体检结果')
  await expect(report).toContainText('报告时间')
  await shot('booking-desk-4-access-reports')
})
