import { type BrowserContext, expect, type Page, test } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import { type GeneratedResident, grantViewOnly, letTheExamDayCome, residentsDueAnExam } from './bookings-support'
import { persona, signInAndAgree, signInWhenAllowed } from './support'

/**
 * Booking a health exam (issue 6), from the reminder to the desk: 李建国 taps 预约体检 on his
 * daughter 李小雨's due exam reminder, picks 暨阳街道社区卫生服务中心, a half-day and an optional
 * item, confirms, and gets her QR code and its code; on the day 钱华 of its staff types the code
 * at the desk and she is checked in; her exam reminder then reads done. Then a generated
 * resident cancels one of her own, and 赵丽, who may only view, is offered neither.
 *
 * 李建国's first sign-in is family.spec's (playwright.config.ts runs it first): he signs in here
 * when the one-code-a-minute limit allows. 钱华, 赵丽 and the generated resident sign in nowhere
 * else.
 */
test.describe.configure({ mode: 'serial' })

const today = '2026-11-22'
const institution = '暨阳街道社区卫生服务中心'
const daughter = '李小雨'
let another: GeneratedResident
let contexts: BrowserContext[] = []
let fatherPage: Page
let staffPage: Page
let anotherPage: Page
let viewerPage: Page
let code = ''

function shot(page: Page, name: string) {
  return page.screenshot({ path: fileURLToPath(new URL(`../test-results/screenshots/${name}.png`, import.meta.url)), fullPage: true })
}

test.beforeAll(async ({ browser }) => {
  ;[another] = residentsDueAnExam(1) as [GeneratedResident]
  contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext(), browser.newContext()])
  ;[fatherPage, staffPage, anotherPage, viewerPage] = await Promise.all(contexts.map(c => c.newPage())) as [Page, Page, Page, Page]
})

test.afterAll(async () => {
  await Promise.all(contexts.map(c => c.close()))
})

test('李建国 books his daughter\'s free exam from her reminder in four taps, with an optional item, and gets her QR code', async () => {
  test.setTimeout(150_000)
  const page = fatherPage
  await signInWhenAllowed(page, persona.liJianguo)
  await page.getByRole('navigation', { name: '切换查看的人' }).getByRole('button', { name: daughter }).click()
  await expect(page.getByText(`您正在查看：${daughter}（女儿）的档案`)).toBeVisible()
  const reminder = page.getByRole('article', { name: '免费健康体检' })
  await expect(reminder).toContainText('待办理')

  await reminder.getByRole('button', { name: '预约体检' }).click()
  await expect(page.getByRole('heading', { name: '选择体检机构' })).toBeVisible()
  await expect(page.getByText(`为${daughter}预约体检`)).toBeVisible()
  await shot(page, 'booking-1-institutions')
  await page.getByRole('link', { name: new RegExp(institution) }).click()

  await expect(page.getByRole('heading', { name: '选择日期和时段' })).toBeVisible()
  await shot(page, 'booking-2-slots')
  await page.getByRole('link', { name: /余 \d+ 个$/ }).first().click()

  await expect(page.getByRole('heading', { name: '选择体检项目' })).toBeVisible()
  await expect(page.getByText('免费（政府全额支付）')).toBeVisible()
  // the locality's carotid ultrasound is ticked already: ¥120 less the government's ¥30
  const total = page.getByRole('status').filter({ hasText: '合计您需支付' })
  await expect(total).toContainText('¥90.00')
  await page.getByRole('checkbox', { name: /甲状腺彩超/ }).click()
  await expect(total).toContainText('¥170.00')
  await shot(page, 'booking-3-packages')
  await page.getByRole('button', { name: '确认预约' }).click()

  await expect(page.getByRole('heading', { name: '预约详情', level: 1 })).toBeVisible()
  await expect(page.getByText(`您正在查看：${daughter}（女儿）的档案`)).toBeVisible()
  await expect(page.getByText('已预约', { exact: true })).toBeVisible()
  await expect(page.getByText(institution)).toBeVisible()
  await expect(page.getByText('¥170.00')).toBeVisible()
  await expect(page.getByRole('img', { name: '签到二维码' })).toBeVisible()
  await expect(page.getByText('空腹：体检前一天晚上 22:00 以后不要吃东西')).toBeVisible()
  await expect(page.getByRole('button', { name: '取消预约' })).toBeVisible()
  code = (await page.locator('.booking-code__text').textContent())?.trim() ?? ''
  expect(code).toMatch(/^[A-Z2-7]{10}$/)
  await shot(page, 'booking-4-detail')
})

test('on the day, 钱华 at the desk types her code and she is checked in', async () => {
  letTheExamDayCome(code, today)
  await signInAndAgree(staffPage, '13900000011')
  await staffPage.getByText('体检签到台', { exact: true }).click()
  await expect(staffPage.getByRole('heading', { name: '体检签到台', level: 1 })).toBeVisible()
  const row = staffPage.getByRole('listitem', { name: daughter })
  await expect(row).toContainText('已预约')
  await staffPage.getByLabel('签到码或身份证号').fill(code.toLowerCase())
  await staffPage.getByRole('button', { name: '签到', exact: true }).click()
  await expect(staffPage.getByRole('status').filter({ hasText: `${daughter}已签到` })).toBeVisible()
  await expect(row).toContainText('已签到')
  await shot(staffPage, 'booking-5-desk')
})

test('her exam reminder then reads done, and the booking checked in', async () => {
  const page = fatherPage
  await page.goto('/')
  await page.getByRole('navigation', { name: '切换查看的人' }).getByRole('button', { name: daughter }).click()
  await expect(page.getByRole('article', { name: '免费健康体检' })).toContainText('已完成')
  await page.getByRole('button', { name: `查看${daughter}的档案` }).click()
  await page.getByRole('button', { name: /体检预约$/ }).first().click()
  await expect(page.getByRole('heading', { name: `${daughter}的体检预约`, level: 1 })).toBeVisible()
  await expect(page.getByText('已签到')).toBeVisible()
  await shot(page, 'booking-6-list')
})

test('another cancels hers until the day before, and the place goes back to the half-day at once', async () => {
  const page = anotherPage
  await signInAndAgree(page, another.phone)
  await page.clock.setFixedTime(new Date(`${today}T09:00:00+08:00`))
  await page.getByRole('article', { name: '免费健康体检' }).getByRole('button', { name: '预约体检' }).click()
  // the centre of her own township comes first, marked so
  const first = page.getByRole('listitem').first()
  await expect(first).toContainText('离家最近')
  await first.getByRole('link').click()
  const half = page.getByRole('link', { name: /余 \d+ 个$/ }).first()
  const name = await half.getAttribute('aria-label')
  const placesBefore = Number(/余 (\d+) 个$/.exec(name ?? '')?.[1])
  await half.click()
  await expect(page.getByText('免费（政府全额支付）')).toBeVisible()
  await page.getByRole('button', { name: '确认预约' }).click()
  await expect(page.getByText('已预约', { exact: true })).toBeVisible()

  await page.getByRole('button', { name: '取消预约' }).click()
  await page.getByRole('button', { name: '确定取消' }).click()
  await expect(page.getByText('已取消', { exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: '取消预约' })).toHaveCount(0)
  await shot(page, 'booking-7-cancelled')

  // back to the half-days, which load afresh
  await page.goBack()
  await expect(page.getByRole('link', { name: name!.replace(/余 \d+ 个$/, `余 ${placesBefore} 个`) })).toBeVisible()
})

test('赵丽, who may only view her record, sees her open booking but is offered neither booking nor cancelling', async () => {
  // she books again, for 赵丽 to see an open one
  const near = await (await anotherPage.request.get(`/api/institutions?residentId=${another.id}`)).json() as { items: { id: string }[] }
  const slots = await (await anotherPage.request.get(`/api/institutions/${near.items[0]!.id}/slots`)).json() as { slots: { id: string, placesLeft: number }[] }
  const origin = new URL(anotherPage.url()).origin
  const booked = await anotherPage.request.post(`/api/residents/${another.id}/bookings`, { data: { slotId: slots.slots.find(s => s.placesLeft > 0)!.id }, headers: { origin } })
  expect(booked.status()).toBe(201)

  grantViewOnly(another.id, '13800000005', today)
  const page = viewerPage
  await signInAndAgree(page, '13800000005')
  await page.clock.setFixedTime(new Date(`${today}T09:00:00+08:00`))
  await page.getByRole('button', { name: `查看${another.name}的档案` }).click()
  await expect(page.getByText(new RegExp(`您正在查看：${another.name}`))).toBeVisible()
  await page.getByRole('button', { name: /体检预约$/ }).first().click()
  await expect(page.getByText('您只能查看，不能为TA预约或取消')).toBeVisible()
  const open = page.getByRole('button', { name: /的预约$/ }).first()
  await expect(open).toBeVisible()
  await expect(page.getByRole('button', { name: '预约体检' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: '预约体检' })).toHaveCount(0)
  await open.click()
  await expect(page.getByText('已预约', { exact: true })).toBeVisible()
  await expect(page.getByRole('img', { name: '签到二维码' })).toBeVisible()
  await expect(page.getByRole('button', { name: '取消预约' })).toHaveCount(0)
  await shot(page, 'booking-8-view-only')
  // and the server refuses her as the screen does
  const refused = await page.request.delete(`/api/residents/${another.id}/bookings/${(await booked.json() as { id: string }).id}`, { headers: { origin } })
  expect(refused.status()).toBe(403)
})
