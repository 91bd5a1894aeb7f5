import { type BrowserContext, expect, type Page, test } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import { type BookingResident, letTheExamDayCome, residentDueAnExam } from './bookings-support'
import { signInAndAgree } from './support'

/**
 * Booking a health exam (issue 6), from the reminder to the desk: a resident due her free
 * exam taps 预约体检 on its reminder, picks 暨阳街道社区卫生服务中心, a half-day and an
 * optional item, confirms, and gets a QR code and its code; on the day 钱华 of its staff types
 * the code at the desk and she is checked in; her exam reminder then reads done.
 *
 * The resident is a generated one, and 钱华 is signed in by no other spec: 李建国 and 周敏 have
 * their first sign-in in family.spec and import.spec, and a second within a minute would be
 * refused (one SMS code per phone a minute).
 */
test.describe.configure({ mode: 'serial' })

const today = '2026-11-22'
const institution = '暨阳街道社区卫生服务中心'
let resident: BookingResident
let contexts: BrowserContext[] = []
let residentPage: Page
let staffPage: Page
let code = ''

function shot(page: Page, name: string) {
  return page.screenshot({ path: fileURLToPath(new URL(`../test-results/screenshots/${name}.png`, import.meta.url)), fullPage: true })
}

test.beforeAll(async ({ browser }) => {
  resident = residentDueAnExam()
  contexts = await Promise.all([browser.newContext(), browser.newContext()])
  ;[residentPage, staffPage] = await Promise.all(contexts.map(c => c.newPage())) as [Page, Page]
})

test.afterAll(async () => {
  await Promise.all(contexts.map(c => c.close()))
})

test('she books her free exam from its reminder in four taps, with an optional item, and gets a QR code', async () => {
  await signInAndAgree(residentPage, resident.phone)
  // the phone's today is the demo county's KANGBAN_TODAY: cancel is offered until the day before
  await residentPage.clock.setFixedTime(new Date(`${today}T09:00:00+08:00`))
  const reminder = residentPage.getByRole('article', { name: '免费健康体检' })
  await expect(reminder).toContainText('待办理')

  await reminder.getByRole('button', { name: '预约体检' }).click()
  await expect(residentPage.getByRole('heading', { name: '选择体检机构' })).toBeVisible()
  await shot(residentPage, 'booking-1-institutions')
  await residentPage.getByRole('link', { name: new RegExp(institution) }).click()

  await expect(residentPage.getByRole('heading', { name: '选择日期和时段' })).toBeVisible()
  await shot(residentPage, 'booking-2-slots')
  await residentPage.getByRole('link', { name: /余 \d+ 个$/ }).first().click()

  await expect(residentPage.getByRole('heading', { name: '选择体检项目' })).toBeVisible()
  await expect(residentPage.getByText('免费（政府全额支付）')).toBeVisible()
  // the locality's carotid ultrasound is ticked already: ¥120 less the government's ¥30
  const total = residentPage.getByRole('status').filter({ hasText: '合计您需支付' })
  await expect(total).toContainText('¥90.00')
  await residentPage.getByRole('checkbox', { name: /甲状腺彩超/ }).click()
  await expect(total).toContainText('¥170.00')
  await shot(residentPage, 'booking-3-packages')
  await residentPage.getByRole('button', { name: '确认预约' }).click()

  await expect(residentPage.getByRole('heading', { name: '预约详情', level: 1 })).toBeVisible()
  await expect(residentPage.getByText('已预约', { exact: true })).toBeVisible()
  await expect(residentPage.getByText(institution)).toBeVisible()
  await expect(residentPage.getByText('¥170.00')).toBeVisible()
  await expect(residentPage.getByRole('img', { name: '签到二维码' })).toBeVisible()
  await expect(residentPage.getByText('空腹：体检前一天晚上 22:00 以后不要吃东西')).toBeVisible()
  await expect(residentPage.getByRole('button', { name: '取消预约' })).toBeVisible()
  code = (await residentPage.locator('.booking-code__text').textContent())?.trim() ?? ''
  expect(code).toMatch(/^[A-Z2-7]{10}$/)
  await shot(residentPage, 'booking-4-detail')
})

test('on the day, 钱华 at the desk types her code and she is checked in', async () => {
  letTheExamDayCome(code, today)
  await signInAndAgree(staffPage, '13900000011')
  // the desk opens on the phone's today
  await staffPage.clock.setFixedTime(new Date(`${today}T09:00:00+08:00`))
  await staffPage.getByText('体检签到台', { exact: true }).click()
  await expect(staffPage.getByRole('heading', { name: '体检签到台', level: 1 })).toBeVisible()
  const row = staffPage.getByRole('listitem', { name: resident.name })
  await expect(row).toContainText('已预约')
  await staffPage.getByLabel('签到码或身份证号').fill(code.toLowerCase())
  await staffPage.getByRole('button', { name: '签到', exact: true }).click()
  await expect(staffPage.getByRole('status').filter({ hasText: `${resident.name}已签到` })).toBeVisible()
  await expect(row).toContainText('已签到')
  await shot(staffPage, 'booking-5-desk')
})

test('her exam reminder then reads done, and the booking checked in', async () => {
  await residentPage.goto('/')
  await expect(residentPage.getByRole('article', { name: '免费健康体检' })).toContainText('已完成')
  await residentPage.getByText('我的健康档案', { exact: true }).click()
  await residentPage.getByRole('button', { name: '体检预约' }).click()
  await expect(residentPage.getByRole('heading', { name: '体检预约', level: 1 })).toBeVisible()
  await expect(residentPage.getByText('已签到')).toBeVisible()
  await shot(residentPage, 'booking-6-list')
})
