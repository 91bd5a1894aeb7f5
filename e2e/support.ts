import { fileURLToPath } from 'node:url'
import { expect, type Page } from '@playwright/test'

/** The fixed personas of demo.md the specs sign in as. */
export const persona = {
  wangXiuying: '13800000001',
  liJianguo: '13800000002',
  zhangWei: '13800000004',
  wangLei: '13600000001',
  chenMing: '13900000001',
  sunTing: '13900000003',
} as const

/** A well-formed resident id (base32, 16 characters) that no resident has. */
export const madeUpResidentId = 'zzzzzzzzzzzzzzzz'

function screenshotPath(name: string): string {
  return fileURLToPath(new URL(`../test-results/screenshots/${name}.png`, import.meta.url))
}

/** The first screen as the phone shows it, and the whole page (where the fixed tab bar lands mid-page). */
export async function screenshotRecord(page: Page, name: string): Promise<void> {
  // Sections load when scrolled near; pass by each so the full page shows them loaded.
  for (const region of await page.getByRole('region').all())
    await region.scrollIntoViewIfNeeded()
  await expect(page.getByRole('status', { name: /正在加载|Loading/ })).toHaveCount(0)
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: screenshotPath(name) })
  await page.screenshot({ path: screenshotPath(`${name}-full`), fullPage: true })
}

/**
 * Signs in through the login page as a person would in demo mode: ask for a code, open the
 * demo outbox link, type the code. Each phone may ask once a minute, so a spec signs in a
 * persona once.
 */
export async function signInWithDemoCode(page: Page, phone: string, options: { remember?: boolean } = {}): Promise<void> {
  await page.goto('/login')
  await expect(page.getByText('演示模式：短信不会真的发出，可在下方查看验证码。')).toBeVisible()
  await page.getByLabel('手机号', { exact: true }).fill(phone)
  await page.getByRole('button', { name: '获取验证码' }).click()
  await expect(page.getByText('验证码已发送，请查看短信')).toBeVisible()
  await page.getByRole('button', { name: '查看演示验证码' }).click()
  const shown = await page.getByText(/^演示验证码：\d{6}$/).textContent()
  const code = /\d{6}/.exec(shown ?? '')?.[0]
  expect(code, 'the demo outbox shows a 6-digit code').toBeDefined()
  await page.getByLabel('验证码', { exact: true }).fill(code!)
  if (options.remember)
    await page.getByRole('checkbox', { name: /记住此设备/ }).click()
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.waitForURL(url => url.pathname !== '/login')
}

/** The first sign-in on a fresh database asks for consent (PIPL art. 29). */
export async function agreeToPrivacyNotice(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: '隐私说明' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '处理哪些信息' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '如何撤回' })).toBeVisible()
  await page.getByRole('button', { name: '我已阅读并同意' }).click()
  await page.waitForURL(url => url.pathname !== '/consent')
}

export async function signInAndAgree(page: Page, phone: string): Promise<void> {
  await signInWithDemoCode(page, phone)
  await agreeToPrivacyNotice(page)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('您好')
}

/**
 * Signs in a persona another spec may have signed in moments ago, on another worker: waits out
 * the one-code-a-minute limit (from the demo outbox's last code, and again if the server still
 * says 429), agrees to the privacy notice if this is the first sign-in, and lands on home.
 * The calling test needs a timeout past a minute.
 */
export async function signInWhenAllowed(page: Page, phone: string): Promise<void> {
  const last = await page.request.get(`/api/dev/outbox?phone=${phone}`)
  if (last.ok()) {
    const { sentAt } = await last.json() as { sentAt: string }
    const wait = Date.parse(sentAt) + 61_000 - Date.now()
    if (wait > 0)
      await page.waitForTimeout(wait)
  }
  await page.goto('/login')
  await page.getByLabel('手机号', { exact: true }).fill(phone)
  const send = page.getByRole('button', { name: '获取验证码' })
  await send.click()
  const sent = page.getByText('验证码已发送，请查看短信')
  const limited = page.getByText('请求太频繁，请等一分钟再试')
  await expect(sent.or(limited)).toBeVisible()
  if (await limited.isVisible()) {
    await expect(send).toBeEnabled({ timeout: 70_000 })
    await send.click()
    await expect(sent).toBeVisible()
  }
  await page.getByRole('button', { name: '查看演示验证码' }).click()
  const shown = await page.getByText(/^演示验证码：\d{6}$/).textContent()
  const code = /\d{6}/.exec(shown ?? '')?.[0]
  expect(code, 'the demo outbox shows a 6-digit code').toBeDefined()
  await page.getByLabel('验证码', { exact: true }).fill(code!)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.waitForURL(url => url.pathname !== '/login')
  if (new URL(page.url()).pathname === '/consent')
    await agreeToPrivacyNotice(page)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('您好')
}
