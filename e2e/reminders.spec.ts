import { type BrowserContext, expect, type Page, test } from '@playwright/test'
import { persona, screenshotRecord, signInWhenAllowed } from './support'

/**
 * 王秀英's reminders on 2026-11-22 (issue 4): the first thing on her home screen is what is due,
 * she takes the COPD questionnaire and spirometry becomes due, and she tells us about a flu shot
 * given elsewhere. One phone, in order.
 */
test.describe.configure({ mode: 'serial' })

let context: BrowserContext
let page: Page

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext()
  page = await context.newPage()
})

test.afterAll(async () => {
  await context.close()
})

const reminders = () => page.getByRole('region', { name: '您的健康提醒' })
const reminder = (title: string) => reminders().getByRole('article', { name: title, exact: true })

test('王秀英 sees her flu shot overdue and her colorectal screening due, first thing on the home screen', async () => {
  // record.spec signs her in on the other worker: this may wait out the one-code-a-minute limit
  test.setTimeout(180_000)
  await signInWhenAllowed(page, persona.wangXiuying)
  await expect(page.getByRole('heading', { name: '您好，王秀英' })).toBeVisible()

  const flu = reminder('流感疫苗接种')
  await expect(flu).toContainText('已逾期')
  await expect(flu).toContainText('免费')
  await expect(flu).toContainText('您已满70周岁，本季可免费接种流感疫苗')
  await expect(flu).toContainText('已过期限：2026年10月31日')
  await expect(flu.getByRole('button', { name: '我已在别处接种' })).toBeVisible()

  const colorectal = reminder('肠癌筛查')
  await expect(colorectal).toContainText('待办理')
  await expect(colorectal).toContainText('免费')
  await expect(colorectal).toContainText('您上次肠癌筛查是2021年6月10日')
  await expect(colorectal.getByRole('button', { name: '先填肠癌风险问卷' })).toBeVisible()

  await expect(reminder('慢阻肺筛查问卷')).toContainText('待办理')
  await expect(reminder('免费健康体检')).toContainText('下一次从 2027年1月1日 开始')
  await expect(reminders()).toContainText(/提醒更新于 \d{4}年/)

  // most urgent first: the overdue flu shot above the screening that is merely due
  const titles = (await reminders().getByRole('heading', { level: 3 }).allTextContents()).map(s => s.trim())
  expect(titles.indexOf('流感疫苗接种')).toBeGreaterThanOrEqual(0)
  expect(titles.indexOf('流感疫苗接种')).toBeLessThan(titles.indexOf('肠癌筛查'))

  await screenshotRecord(page, 'reminders-home-zh-CN')
})

test('the flu reminder\'s details give the reason, the dates, the cost and the rule behind it', async () => {
  await reminder('流感疫苗接种').getByRole('button', { name: '怎么接种' }).click()
  await expect(page.getByRole('heading', { name: '流感疫苗接种', level: 1 })).toBeVisible()
  await expect(page.getByRole('region', { name: '为什么提醒您' })).toContainText('2026年10月31日')
  await expect(page.getByRole('region', { name: '为什么提醒您' })).toContainText('免费（政府出钱）')
  await expect(page.getByRole('link', { name: /打电话给枫桥镇卫生院/ })).toHaveAttribute('href', /^tel:/)
  const source = page.getByRole('region', { name: '依据的政策' })
  await expect(source).toContainText('三免费三惠享')
  await expect(source).toContainText('§二(二)')
  await expect(source).not.toContainText('seed')
  await expect(source).toContainText('70周岁以上本省户籍老年人每年免费接种一剂流感疫苗')
  await expect(source).toContainText('zhejiang-2022/flu')
  await screenshotRecord(page, 'reminders-details-zh-CN')
  await page.getByRole('button', { name: '返回' }).click()
  await expect(page.getByRole('heading', { name: '您好，王秀英' })).toBeVisible()
})

test('she takes the COPD-SQ one question a screen, scores 23, and spirometry becomes due', async () => {
  await reminder('慢阻肺筛查问卷').getByRole('button', { name: '开始答题' }).click()
  await expect(page.getByRole('heading', { name: '慢阻肺筛查问卷', level: 1 })).toBeVisible()
  // the age is the record's, not a question
  await expect(page.getByText('年龄：74岁（来自健康档案）')).toBeVisible()
  await page.getByRole('button', { name: '开始答题' }).click()

  const next = page.getByRole('button', { name: '下一题' })
  await expect(page.getByText('第 1 / 7 题')).toBeVisible()
  await page.getByRole('radio', { name: '从来不吸' }).check()
  await next.click()

  await expect(page.getByText('第 2 / 7 题')).toBeVisible()
  await next.click()
  await expect(page.getByText('请填写一个数字')).toBeVisible()
  await page.getByLabel('身高（厘米）').fill('156')
  await next.click()

  await expect(page.getByText('第 3 / 7 题')).toBeVisible()
  await page.getByLabel('体重（公斤）').fill('50')
  await next.click()

  await expect(page.getByRole('heading', { name: '不感冒的时候，您也经常咳嗽吗？' })).toBeVisible()
  await page.getByRole('radio', { name: '是' }).check()
  await next.click()
  await page.getByRole('radio', { name: '平地正常走路也会' }).check()
  await next.click()
  await page.getByRole('radio', { name: '是' }).check()
  await next.click()
  await expect(page.getByText('第 7 / 7 题')).toBeVisible()
  await page.getByRole('radio', { name: '否' }).check()
  await page.getByRole('button', { name: '看一下我的回答' }).click()

  await expect(page.getByRole('heading', { name: '请确认您的回答' })).toBeVisible()
  await expect(page.getByText('体重指数（BMI）：20.5')).toBeVisible()
  // a change from the review comes back to it
  await page.getByRole('button', { name: '修改：体重' }).click()
  await expect(page.getByLabel('体重（公斤）')).toHaveValue('50')
  await page.getByRole('button', { name: '回到确认页' }).click()
  await page.getByRole('button', { name: '提交' }).click()

  await expect(page.getByRole('heading', { name: '建议您做一次肺功能检查' })).toBeVisible()
  await expect(page.getByText('您的得分：23 分')).toBeVisible()
  await expect(page.getByText(/肺功能检查是免费的/)).toBeVisible()
  await page.getByRole('button', { name: '回到首页看提醒' }).click()

  const spirometry = reminder('肺功能检查')
  await expect(spirometry).toContainText('待办理')
  await expect(spirometry).toContainText('免费')
  await expect(spirometry).toContainText('慢阻肺问卷提示需要查一查肺功能')
  // the questionnaire step is done, and says when the next one opens (five years on)
  const questionnaire = reminder('慢阻肺筛查问卷')
  await expect(questionnaire).toContainText('已完成')
  await expect(questionnaire).toContainText('2031')
})

test('she tells us she had her flu shot elsewhere, and the reminder turns done as reported by her', async () => {
  const flu = reminder('流感疫苗接种')
  await flu.getByRole('button', { name: '我已在别处接种' }).click()
  await expect(flu.getByLabel('接种日期')).toHaveValue('2026-11-22')
  await flu.getByRole('button', { name: '确认登记' }).click()

  await expect(page.getByRole('status').filter({ hasText: '已登记，提醒已更新' })).toBeVisible()
  const done = reminder('流感疫苗接种')
  await expect(done).toContainText('已登记（本人报告）')
  await expect(done).toContainText('下一次从 2027年9月1日 开始')
  await expect(done).not.toContainText('已逾期')
  await expect(done.getByRole('button', { name: '我已在别处接种' })).toHaveCount(0)
})

test('with no network the last computed list is shown, with when it was computed', async () => {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 })
  // a load under the worker's control puts the reminders in its cache
  await page.reload()
  await expect(reminder('肺功能检查')).toBeVisible()

  await context.setOffline(true)
  try {
    await page.reload()
    await expect(reminder('肺功能检查')).toContainText('待办理')
    await expect(reminder('流感疫苗接种')).toContainText('已登记（本人报告）')
    await expect(page.getByText(/^离线 · 数据更新于 .*\d{2}:\d{2}/)).toBeVisible()
    await expect(reminders()).toContainText(/提醒更新于 \d{4}年/)
  }
  finally {
    await context.setOffline(false)
  }
})

test('the home screen in English and in elder mode', async () => {
  await page.getByRole('tab', { name: '我的', exact: true }).click()
  await page.getByRole('button', { name: 'English' }).click()
  await page.getByRole('tab', { name: 'Home', exact: true }).click()
  const list = page.getByRole('region', { name: 'Your health reminders' })
  await expect(list.getByRole('article', { name: 'Breathing test (spirometry)' })).toContainText('Free')
  await expect(list.getByRole('article', { name: 'Flu shot' })).toContainText('Recorded (you told us)')
  await expect(list.getByRole('article', { name: 'Bowel cancer screening' })).toContainText('To do')
  await screenshotRecord(page, 'reminders-home-en')

  await page.getByRole('tab', { name: 'Me', exact: true }).click()
  await page.getByRole('button', { name: '中文' }).click()
  await page.getByRole('tab', { name: '首页', exact: true }).click()
  await page.getByRole('switch', { name: '长辈版' }).click()
  await expect(page.getByRole('switch', { name: '长辈版' })).toHaveAttribute('aria-checked', 'true')
  await page.evaluate(() => window.scrollTo(0, 0))

  const sizes = await page.evaluate(() => {
    const section = document.querySelector('[aria-labelledby="reminder-list-title"]')!
    const targets = [...section.querySelectorAll('button, a')].map(el => el.getBoundingClientRect()).filter(r => r.width > 0)
    return {
      body: Number.parseFloat(getComputedStyle(document.body).fontSize),
      h1: Number.parseFloat(getComputedStyle(document.querySelector('h1')!).fontSize),
      smallestTarget: Math.min(...targets.map(r => r.height)),
      narrowest: Math.min(...targets.map(r => r.width)),
      overflow: document.documentElement.scrollWidth > window.innerWidth,
    }
  })
  expect(sizes.body).toBeGreaterThanOrEqual(18)
  expect(sizes.h1).toBeGreaterThanOrEqual(30)
  expect(sizes.smallestTarget).toBeGreaterThanOrEqual(60)
  expect(sizes.narrowest).toBeGreaterThanOrEqual(60)
  expect(sizes.overflow).toBe(false)
  await screenshotRecord(page, 'reminders-home-elder')
})
