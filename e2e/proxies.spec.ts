import { type BrowserContext, expect, type Page, test } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import { type GeneratedResident, residentsDueAnExam } from './bookings-support'
import { signInAndAgree } from './support'

/**
 * Family access (issue 7), end to end: a resident grants a phone number view and book; its
 * holder, new to Kangban, accepts in her own account and books the resident's exam; the
 * resident sees the notice and the access log, reports an entry, and ends the grant with one
 * tap; the grantee's next look at the record is "not found".
 *
 * Both people are new to the suite: a generated resident no other spec takes (bookings-support.ts
 * gives each spec its own) and a phone with no record, so no first sign-in collides with another
 * spec's (one SMS code per phone a minute).
 */
test.describe.configure({ mode: 'serial' })

const today = '2026-11-22'
const granteePhone = '15900007777'
const granteeName = '159****7777'
let grantor: GeneratedResident
let contexts: BrowserContext[] = []
let grantorPage: Page
let granteePage: Page

function shot(page: Page, name: string) {
  return page.screenshot({ path: fileURLToPath(new URL(`../test-results/screenshots/${name}.png`, import.meta.url)), fullPage: true })
}

test.beforeAll(async ({ browser }) => {
  ;[grantor] = residentsDueAnExam(1, 2) as [GeneratedResident]
  contexts = await Promise.all([browser.newContext(), browser.newContext()])
  ;[grantorPage, granteePage] = await Promise.all(contexts.map(c => c.newPage())) as [Page, Page]
  await Promise.all([grantorPage, granteePage].map(p => p.clock.setFixedTime(new Date(`${today}T09:00:00+08:00`))))
})

test.afterAll(async () => {
  await Promise.all(contexts.map(c => c.close()))
})

test('she grants a phone number view and book; nothing is shared until its holder accepts', async () => {
  await signInAndAgree(grantorPage, grantor.phone)
  await grantorPage.getByText('亲情账户', { exact: true }).click()
  await expect(grantorPage.getByRole('heading', { name: '亲情账户', level: 1 })).toBeVisible()
  await expect(grantorPage.getByText('还没有人授权您代办')).toBeVisible()
  await grantorPage.getByText('我授权了谁').click()
  await expect(grantorPage.getByText('您还没有授权任何人')).toBeVisible()

  await grantorPage.getByRole('button', { name: '授权一位家人' }).click()
  const form = grantorPage.getByRole('form', { name: '授权一位家人' })
  await form.getByLabel('对方手机号').fill('1590000')
  await form.getByRole('button', { name: '发送授权' }).click()
  await expect(form.getByText('请输入11位手机号')).toBeVisible()
  await form.getByLabel('对方手机号').fill(granteePhone)
  await form.getByLabel('对方是您的').selectOption('child')
  await expect(form.getByRole('checkbox', { name: '查看档案和体检结果' })).toBeChecked()
  await expect(form.getByRole('checkbox', { name: '查看档案和体检结果' })).toBeDisabled()
  await form.getByRole('checkbox', { name: '预约体检' }).check()
  await shot(grantorPage, 'proxies-1-give')
  await form.getByRole('button', { name: '发送授权' }).click()

  await expect(grantorPage.getByRole('status').filter({ hasText: '授权已发出' })).toBeVisible()
  const card = grantorPage.getByRole('article', { name: /159\*\*\*\*7777/ })
  await expect(card).toContainText('等待对方接受')
  await expect(card).toContainText('预约体检')
  await expect(card).toContainText('长期有效')
  await expect(card).not.toContainText('联系家庭医生')
  await shot(grantorPage, 'proxies-2-pending')
})

test('the holder of the number signs in to her own Kangban, sees the offer and accepts; the banner says whose record it is', async () => {
  await signInAndAgree(granteePage, granteePhone)
  // before accepting, the record is not hers to see
  expect((await granteePage.request.get(`/api/residents/${grantor.id}`)).status()).toBe(404)
  await granteePage.getByText('亲情账户', { exact: true }).click()
  const offer = granteePage.getByRole('article', { name: new RegExp(grantor.name) })
  await expect(offer).toContainText(`${grantor.name}邀请您代为查看和办理TA的健康事务`)
  await shot(granteePage, 'proxies-3-offer')
  await offer.getByRole('button', { name: '接受授权' }).click()
  await expect(granteePage.getByRole('status').filter({ hasText: `已接受，现在可以查看${grantor.name}的档案了` })).toBeVisible()
  await offer.getByRole('link', { name: `查看${grantor.name}的档案` }).or(offer.getByRole('button', { name: `查看${grantor.name}的档案` })).click()
  await expect(granteePage.getByText(new RegExp(`您正在查看：${grantor.name}（(母亲|父亲)）的档案`))).toBeVisible()
})

test('she books the resident\'s exam for her', async () => {
  await granteePage.getByRole('button', { name: `${grantor.name}的体检预约` }).or(granteePage.getByRole('link', { name: `${grantor.name}的体检预约` })).click()
  await granteePage.getByRole('button', { name: '预约体检' }).or(granteePage.getByRole('link', { name: '预约体检' })).first().click()
  await expect(granteePage.getByRole('heading', { name: '选择体检机构' })).toBeVisible()
  await expect(granteePage.getByRole('heading', { name: `为${grantor.name}预约体检`, level: 1 })).toBeVisible()
  await granteePage.getByRole('link', { name: /最近可约/ }).first().click()
  await expect(granteePage.getByRole('heading', { name: '选择日期和时段' })).toBeVisible()
  await granteePage.getByRole('link', { name: /余 \d+ 个$/ }).first().click()
  await expect(granteePage.getByRole('heading', { name: '选择体检项目' })).toBeVisible()
  await granteePage.getByRole('button', { name: '确认预约' }).click()
  await expect(granteePage.getByRole('heading', { name: '预约详情', level: 1 })).toBeVisible()
  await expect(granteePage.getByText('已预约', { exact: true })).toBeVisible()
})

test('she sees who acted for her: the notice and the access log, and reports an entry', async () => {
  await grantorPage.goto('/notifications')
  await expect(grantorPage.getByText(`${granteeName} 代您处理了体检预约`)).toBeVisible()
  await expect(grantorPage.getByText(`${granteeName}已接受您的亲情授权`)).toBeVisible()
  await shot(grantorPage, 'proxies-4-notices')

  await grantorPage.goto('/')
  await grantorPage.getByText('谁看过我的档案', { exact: true }).click()
  const entries = grantorPage.getByRole('listitem')
  await expect(entries.filter({ hasText: `${granteeName}（亲友）修改了体检预约` })).toHaveCount(1)
  await expect(entries.filter({ hasText: `${granteeName}（亲友）查看了档案` }).first()).toBeVisible()
  const booked = entries.filter({ hasText: '修改了体检预约' })
  await booked.getByRole('button', { name: '这不是我认识的人' }).click()
  await expect(booked.getByText('把这条记录报告给您的家庭医生所在的机构吗？')).toBeVisible()
  await booked.getByRole('button', { name: '确定报告' }).click()
  await expect(booked.getByText('已报告，家庭医生所在机构会核查')).toBeVisible()
  await shot(grantorPage, 'proxies-5-access-log')
})

test('she ends the grant with one tap; the grantee\'s next look at the record is "not found"', async () => {
  await grantorPage.goto(`/family/${grantor.id}`)
  const card = grantorPage.getByRole('article', { name: /159\*\*\*\*7777/ })
  await expect(card).toContainText('生效中')
  await card.getByRole('button', { name: '结束授权' }).click()
  await card.getByRole('button', { name: '确定结束' }).click()
  await expect(grantorPage.getByRole('status').filter({ hasText: '授权已结束' })).toBeVisible()
  await expect(grantorPage.getByRole('heading', { name: '已结束的授权' })).toBeVisible()
  await expect(grantorPage.getByRole('article', { name: /159\*\*\*\*7777/ })).toContainText('已结束 · 由您结束')
  await shot(grantorPage, 'proxies-6-ended')

  await granteePage.goto(`/residents/${grantor.id}`)
  await expect(granteePage.getByRole('heading', { name: '没有找到' })).toBeVisible()
  expect(await granteePage.locator('main').innerText()).not.toContain(grantor.name)
  expect((await granteePage.request.get(`/api/residents/${grantor.id}/bookings`)).status()).toBe(404)

  // the history of the ended grant stays in her access log
  await grantorPage.goto(`/residents/${grantor.id}/access-log`)
  await expect(grantorPage.getByRole('listitem').filter({ hasText: `${granteeName}（亲友）修改了体检预约` })).toHaveCount(1)
})

test('the family pages in elder mode and in English, at 360 px', async () => {
  await grantorPage.goto('/settings')
  await grantorPage.getByRole('switch', { name: /长辈版/ }).first().click()
  await grantorPage.goto(`/family/${grantor.id}`)
  await expect(grantorPage.getByRole('heading', { name: '我授权的人' })).toBeVisible()
  const button = grantorPage.getByRole('button', { name: '授权一位家人' })
  expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(60)
  await button.click()
  await shot(grantorPage, 'proxies-7-elder')
  const width = await grantorPage.evaluate(() => document.documentElement.scrollWidth)
  expect(width).toBeLessThanOrEqual(360)

  await grantorPage.goto('/settings')
  await grantorPage.getByRole('button', { name: 'English' }).click()
  await grantorPage.goto(`/family/${grantor.id}`)
  await expect(grantorPage.getByRole('heading', { name: 'People I let help me' })).toBeVisible()
  await expect(grantorPage.getByRole('article', { name: /159\*\*\*\*7777/ })).toContainText('Ended · ended by you')
  await grantorPage.goto(`/residents/${grantor.id}/access-log`)
  await expect(grantorPage.getByRole('button', { name: 'I do not know this person' }).first()).toBeVisible()
  await shot(grantorPage, 'proxies-8-english')
  await grantorPage.goto('/settings')
  await grantorPage.getByRole('button', { name: '中文' }).click()
})
