import { type BrowserContext, expect, type Page, test } from '@playwright/test'
import { leaveNotices } from './fixtures'
import { agreeToPrivacyNotice, persona, screenshotRecord, signInWithDemoCode } from './support'

/**
 * 王秀英's day with Kangban, in order on one phone: sign in and remember the device, consent,
 * read the record, change language and elder mode, read it offline, come back with the PIN,
 * read a notice, and log out leaving nothing behind.
 */
test.describe.configure({ mode: 'serial' })

let context: BrowserContext
let page: Page
let recordPath = ''

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext()
  page = await context.newPage()
})

test.afterAll(async () => {
  await context.close()
})

test('王秀英 signs in with the demo SMS code, agrees to the privacy notice and sets a PIN', async () => {
  await signInWithDemoCode(page, persona.wangXiuying, { remember: true })
  await agreeToPrivacyNotice(page)
  await expect(page.getByRole('heading', { name: '记住此设备' })).toBeVisible()
  await page.getByLabel('设置6位密码').fill('246810')
  await page.getByLabel('再次输入密码').fill('246811')
  await page.getByRole('button', { name: '保存密码' }).click()
  await expect(page.getByText('两次输入的密码不一样，请重新输入')).toBeVisible()
  await page.getByLabel('再次输入密码').fill('246810')
  await page.getByRole('button', { name: '保存密码' }).click()
  await expect(page.getByRole('heading', { name: '您好，王秀英' })).toBeVisible()
})

test('her record shows masked ID, allergy, family doctor and a follow-up', async () => {
  await page.getByRole('button', { name: /我的健康档案/ }).click()
  await expect(page.getByRole('heading', { name: '健康档案', level: 1 })).toBeVisible()
  recordPath = new URL(page.url()).pathname
  expect(recordPath).toMatch(/^\/residents\/[a-z2-7]{16}$/)

  await expect(page.getByText('3306**********3620')).toBeVisible()
  await expect(page.getByText('138****0001')).toBeVisible()
  await expect(page.getByText('330681195204183620')).toHaveCount(0)
  await expect(page.getByText('您正在查看')).toHaveCount(0)

  const allergies = page.getByRole('region', { name: '过敏史' })
  await expect(allergies).toContainText('青霉素')
  const conditions = page.getByRole('region', { name: '疾病情况' })
  await expect(conditions).toContainText('高血压')
  await expect(conditions).toContainText('糖尿病')
  const contract = page.getByRole('region', { name: '家庭医生签约' })
  await expect(contract).toContainText('陈明')
  await expect(contract).toContainText('枫桥镇卫生院')
  await expect(contract).toContainText('孙婷')

  const followups = page.getByRole('region', { name: '随访记录' })
  await followups.scrollIntoViewIfNeeded()
  await expect(followups.getByText(/血压 \d{2,3}\/\d{2,3} mmHg/).first()).toBeVisible()
  await expect(followups.getByText('2026年8月15日', { exact: false }).first()).toBeVisible()

  const medications = page.getByRole('region', { name: '连续用药' })
  await medications.scrollIntoViewIfNeeded()
  await expect(medications).toContainText('氨氯地平')
  await expect(medications).toContainText('二甲双胍')

  const immunizations = page.getByRole('region', { name: '预防接种' })
  await immunizations.scrollIntoViewIfNeeded()
  await expect(immunizations).toContainText('流感疫苗')

  await screenshotRecord(page, 'record-zh-CN')
})

test('English and elder mode apply to the record and survive a reload', async () => {
  await page.getByRole('tab', { name: '我的', exact: true }).click()
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { name: 'Me', level: 1 })).toBeVisible()
  await page.goto(recordPath)
  await expect(page.getByRole('heading', { name: 'Health record', level: 1 })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Allergies' })).toContainText('青霉素')
  await expect(page.getByText('Apr 18, 1952')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Family doctor' })).toContainText('陈明')
  await screenshotRecord(page, 'record-en')

  await page.getByRole('tab', { name: 'Me', exact: true }).click()
  await page.getByRole('button', { name: '中文' }).click()
  await page.getByRole('tab', { name: '首页', exact: true }).click()
  const elder = page.getByRole('switch', { name: '长辈版' })
  await expect(elder).toHaveAttribute('aria-checked', 'false')
  await elder.click()
  await expect(elder).toHaveAttribute('aria-checked', 'true')
  await page.reload()
  await expect(page.getByRole('switch', { name: '长辈版' })).toHaveAttribute('aria-checked', 'true')

  await page.goto(recordPath)
  await expect(page.getByText('3306**********3620')).toBeVisible()
  const sizes = await page.evaluate(() => {
    const px = (el: Element | null) => el === null ? 0 : Number.parseFloat(getComputedStyle(el).fontSize)
    const body = getComputedStyle(document.body)
    const tab = document.querySelector('.van-tabbar-item')?.getBoundingClientRect()
    const back = document.querySelector('button[aria-label="返回"]')?.getBoundingClientRect()
    return {
      body: Number.parseFloat(body.fontSize),
      lineHeight: Number.parseFloat(body.lineHeight) / Number.parseFloat(body.fontSize),
      h1: px(document.querySelector('h1')),
      tab: { width: tab?.width ?? 0, height: tab?.height ?? 0 },
      back: { width: back?.width ?? 0, height: back?.height ?? 0 },
    }
  })
  expect(sizes.body).toBeGreaterThanOrEqual(18)
  expect(sizes.lineHeight).toBeGreaterThanOrEqual(1.3)
  expect(sizes.h1).toBeGreaterThanOrEqual(30)
  expect(sizes.tab.height).toBeGreaterThanOrEqual(60)
  expect(sizes.tab.width).toBeGreaterThanOrEqual(60)
  expect(sizes.back.height).toBeGreaterThanOrEqual(60)
  expect(sizes.back.width).toBeGreaterThanOrEqual(60)
  await screenshotRecord(page, 'record-elder')
})

test('the record opens with no network, saying when it was last synced', async () => {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 })
  // A load under the worker's control puts the shell's data and the record in its cache.
  await page.reload()
  await expect(page.getByText('3306**********3620')).toBeVisible()

  await context.setOffline(true)
  try {
    await page.reload()
    await expect(page.getByText('3306**********3620')).toBeVisible()
    await expect(page.getByRole('region', { name: '过敏史' })).toContainText('青霉素')
    await expect(page.getByText(/^离线 · 数据更新于 .*\d{2}:\d{2}/)).toBeVisible()
  }
  finally {
    await context.setOffline(false)
  }
})

test('after the session lapses she comes back with her PIN, not an SMS', async () => {
  // 30 minutes idle ends the session; the remembered-device cookie stays.
  await context.clearCookies({ name: 'kb_session' })
  await page.goto('/')
  await expect(page.getByRole('heading', { name: '欢迎回来，王秀英' })).toBeVisible()
  await page.getByLabel('输入6位密码').fill('111111')
  await page.getByRole('button', { name: '进入康伴' }).click()
  await expect(page.getByText('密码不正确，请重新输入')).toBeVisible()
  await page.getByLabel('输入6位密码').fill('246810')
  await page.getByRole('button', { name: '进入康伴' }).click()
  await expect(page.getByRole('heading', { name: '您好，王秀英' })).toBeVisible()
})

test('opening a notice marks it read and lowers the unread count', async () => {
  leaveNotices(persona.wangXiuying, [
    // as the server sends it: the part of the record as a code, worded by the web
    { kind: 'acted-for-you', params: { actorName: '李建国', what: 'booking' } },
    { kind: 'result-released', params: { examDate: '2026-05-19' } },
  ])
  await page.reload()
  const tab = page.getByRole('tab', { name: /^消息/ })
  await expect(tab).toHaveAccessibleName('消息 2 条未读')
  await tab.click()
  await expect(page.getByRole('heading', { name: '消息', level: 1 })).toBeVisible()
  const released = page.getByRole('button', { name: /您 2026年5月19日 的体检结果已经由医生审核/ })
  await expect(released).toContainText('未读')
  await expect(page.getByRole('button', { name: /李建国 代您处理了体检预约/ })).toContainText('未读')

  await released.click()
  await expect(released).toHaveAttribute('aria-expanded', 'true')
  await expect(released).toContainText('已读')
  await expect(page.getByRole('tab', { name: /^消息/ })).toHaveAccessibleName('消息 1 条未读')
  await page.reload()
  await expect(page.getByRole('button', { name: /您 2026年5月19日 的体检结果/ })).toContainText('已读')
  await expect(page.getByRole('tab', { name: /^消息/ })).toHaveAccessibleName('消息 1 条未读')
})

test('logout leaves no health data: no cached API answers, no databases, only the preferences', async () => {
  await page.getByRole('tab', { name: '我的', exact: true }).click()
  await page.getByRole('button', { name: '退出登录' }).click()
  await expect(page.getByRole('heading', { name: '登录康伴' })).toBeVisible()

  const left = await page.evaluate(async () => {
    const apiEntries: string[] = []
    for (const name of await caches.keys()) {
      const cache = await caches.open(name)
      for (const request of await cache.keys()) {
        if (new URL(request.url).pathname.startsWith('/api/'))
          apiEntries.push(request.url)
      }
    }
    return {
      apiEntries,
      databases: (await indexedDB.databases()).map(db => db.name),
      localKeys: Object.keys(localStorage),
      prefs: JSON.parse(localStorage.getItem('kangban.prefs') ?? 'null') as unknown,
      sessionKeys: Object.keys(sessionStorage),
      elderClass: document.documentElement.classList.contains('elder'),
    }
  })
  expect(left.apiEntries).toEqual([])
  expect(left.databases).toEqual([])
  expect(left.localKeys).toEqual(['kangban.prefs'])
  expect(left.prefs).toEqual({ language: 'zh-CN', elder: true })
  expect(left.sessionKeys).toEqual([])
  expect(left.elderClass).toBe(true)

  const me = await page.request.get('/api/me')
  expect(me.status()).toBe(401)
  await page.goto(recordPath)
  await expect(page.getByRole('heading', { name: '登录康伴' })).toBeVisible()
})
