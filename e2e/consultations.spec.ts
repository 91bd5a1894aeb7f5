import { type BrowserContext, expect, type Page, test } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import { persona, signInWhenAllowed } from './support'

/**
 * Consultations (issue 8), end to end: 李建国 writes to his mother's family doctor while his
 * phone has no network; the message waits on the phone as "等待发送" and goes once when the
 * network returns; Dr 陈明 finds it in his inbox with her key facts and replies; 王秀英 sees
 * the reply and the unread count. The message holds markup, which everyone sees as characters.
 *
 * 王秀英, 李建国 and 陈明 are signed in by other specs too (one SMS code per phone a minute):
 * each sign-in waits its turn, so the tests run past a minute.
 */
test.describe.configure({ mode: 'serial' })

const question = '妈妈最近早上头晕，<script>alert("x")</script> 血压药要不要调整？'
const reply = '请带她周一上午来卫生院复查血压，药先不要停。'
let contexts: BrowserContext[] = []
let son: Page
let doctor: Page
let mother: Page
let motherId = ''

function shot(page: Page, name: string) {
  return page.screenshot({ path: fileURLToPath(new URL(`../test-results/screenshots/${name}.png`, import.meta.url)), fullPage: true })
}

test.beforeAll(async ({ browser }) => {
  contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()])
  ;[son, doctor, mother] = await Promise.all(contexts.map(c => c.newPage())) as [Page, Page, Page]
})

test.afterAll(async () => {
  await Promise.all(contexts.map(c => c.close()))
})

test('the son writes for his mother with no network: kept on the phone as "waiting to send", sent once when the network returns', async () => {
  test.setTimeout(240_000)
  await signInWhenAllowed(son, persona.liJianguo)
  const me = await (await son.request.get('/api/me')).json() as { actingFor: { residentId: string, name: string }[] }
  motherId = me.actingFor.find(p => p.name === '王秀英')!.residentId
  // the service worker must control the page before the network goes: it answers the saved copies offline
  await son.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  // from her record page, where her family doctor is named
  await son.goto(`/residents/${motherId}`)
  await son.getByRole('button', { name: '王秀英的家庭医生咨询' }).click()
  await expect(son.getByText('通常1个工作日内回复')).toBeVisible()
  await expect(son.getByText('陈明医生')).toBeVisible()
  await son.getByRole('button', { name: '写信给医生' }).click()
  const form = son.getByRole('form', { name: '写信给家庭医生' })
  await form.getByRole('radio', { name: '用药' }).check()
  await form.getByLabel('您的问题').fill(question)
  await shot(son, 'consultations-1-write')

  await contexts[0]!.setOffline(true)
  await form.getByRole('button', { name: '发送' }).click()
  await expect(son.getByRole('status').filter({ hasText: '等待发送：有网络时会自动发出' })).toBeVisible()
  await expect(son.getByText(question)).toBeVisible()
  await shot(son, 'consultations-2-waiting')

  await contexts[0]!.setOffline(false)
  await expect(son.getByRole('status').filter({ hasText: '等待发送' })).toHaveCount(0, { timeout: 20_000 })
  const link = son.getByRole('link', { name: /用药/ })
  await expect(link).toContainText('等待回复')
  // stored once, however many times the page and the worker tried
  const list = await (await son.request.get(`/api/residents/${motherId}/consultations`)).json() as { items: { preview: string }[] }
  expect(list.items.filter(i => i.preview.startsWith('妈妈最近早上头晕'))).toHaveLength(1)
})

test('Dr 陈明 finds it first in his inbox with how long it waited, sees her key facts, and replies', async () => {
  test.setTimeout(240_000)
  await signInWhenAllowed(doctor, persona.chenMing)
  await doctor.goto('/doctor/residents')
  await doctor.getByRole('button', { name: '待回复的咨询' }).click()
  const item = doctor.getByRole('link', { name: /王秀英，74岁/ }).filter({ hasText: '妈妈最近早上头晕' })
  await expect(item).toContainText(/刚刚|已等\d+分钟/)
  await expect(item).toContainText('用药')
  await shot(doctor, 'consultations-3-inbox')
  await item.click()
  await expect(doctor.getByRole('heading', { name: /居民要点 · 王秀英/ })).toBeVisible()
  await expect(doctor.getByText('高血压')).toBeVisible()
  // the markup is characters on his screen too
  await expect(doctor.getByText(question)).toBeVisible()
  await doctor.getByLabel('写回复').fill(reply)
  await doctor.getByRole('button', { name: '回复', exact: true }).click()
  await expect(doctor.getByText(reply)).toBeVisible()
  await expect(doctor.getByRole('status').filter({ hasText: '等待发送' })).toHaveCount(0)
  await shot(doctor, 'consultations-4-reply')
})

test('王秀英 sees the reply and the unread count', async () => {
  test.setTimeout(240_000)
  await signInWhenAllowed(mother, persona.wangXiuying)
  const badge = mother.getByRole('tab', { name: /消息 \d+ 条未读/ })
  await expect(badge).toBeVisible()
  // other specs may leave her notices too: count from what she has now
  const unreadBefore = Number(/(\d+) 条未读/.exec(await badge.getAttribute('aria-label') ?? '')?.[1])
  expect(unreadBefore).toBeGreaterThanOrEqual(1)
  await mother.goto(`/residents/${motherId}/consultations`)
  const thread = mother.getByRole('link', { name: /用药/ }).filter({ hasText: '妈妈最近早上头晕' })
  await expect(thread).toContainText('新回复')
  await expect(thread).toContainText('医生已回复')
  await shot(mother, 'consultations-5-list')
  await thread.click()
  await expect(mother.getByText(reply)).toBeVisible()
  await expect(mother.getByText(question)).toBeVisible()
  // reading the reply read its notice: the badge counts one less
  await expect(mother.getByRole('tab', { name: unreadBefore > 1 ? `消息 ${unreadBefore - 1} 条未读` : '消息', exact: true })).toBeVisible()
  // the markup is characters on screen, never an element
  expect(await mother.locator('.thread__body script').count()).toBe(0)
  await shot(mother, 'consultations-6-thread')

  await mother.goto('/notifications')
  await expect(mother.getByText('家庭医生团队的陈明回复了王秀英的咨询。')).toBeVisible()
  await shot(mother, 'consultations-9-notifications')
  // read here, so her inbox is as the other specs expect it
  const acted = mother.getByRole('button', { name: /李建国 代您处理了家庭医生咨询/ }).first()
  await acted.click()
  await expect(acted).toContainText('已读')
  // and his notice of the reply is read when he opens it
  const { items } = await (await son.request.get(`/api/residents/${motherId}/consultations`)).json() as { items: { id: string, preview: string }[] }
  await son.goto(`/consultations/${items.find(i => i.preview.startsWith('妈妈最近早上头晕'))!.id}`)
  await expect(son.getByText(reply)).toBeVisible()
})

test('in elder mode (长辈版) the thread reads in large type', async () => {
  await mother.goto('/')
  const elder = mother.getByRole('switch', { name: '长辈版' })
  await elder.click()
  await expect(elder).toHaveAttribute('aria-checked', 'true')
  await mother.goto(`/residents/${motherId}/consultations`)
  await mother.getByRole('link', { name: /用药/ }).first().click()
  await expect(mother.getByText(reply)).toBeVisible()
  const size = await mother.getByText(reply).evaluate(el => Number.parseFloat(getComputedStyle(el).fontSize))
  expect(size).toBeGreaterThanOrEqual(18)
  await shot(mother, 'consultations-8-thread-elder')
})

test('she chooses which notices also come by SMS; the channels say push is offered where the browser has it', async () => {
  await mother.goto('/notifications')
  await mother.getByRole('button', { name: '短信和推送提醒' }).click()
  await mother.getByRole('checkbox', { name: '家庭医生回复了咨询' }).check()
  await mother.getByRole('checkbox', { name: '明天要去体检' }).check()
  await mother.getByRole('button', { name: '保存' }).click()
  await expect(mother.getByRole('status').filter({ hasText: '已保存' })).toBeVisible()
  const saved = await (await mother.request.get('/api/notifications/channels')).json() as { sms: Record<string, boolean> }
  expect(saved.sms).toEqual({ replies: true, critical: false, tomorrow: true, actedForYou: false, forOthers: false })
  await expect(mother.getByRole('button', { name: '开启推送' })).toBeVisible()
  await shot(mother, 'consultations-7-channels')
})
