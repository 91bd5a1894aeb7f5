import { expect, test } from '@playwright/test'
import { madeUpResidentId, persona, signInAndAgree } from './support'

/** Acting for others: a son with a grant and a daughter under 14, a family account, and a stranger. */
test.describe.configure({ mode: 'serial' })

let motherRecordPath = ''

test('李建国 switches between himself, his mother and his daughter, and the banner always says whose record it is', async ({ page }) => {
  await signInAndAgree(page, persona.liJianguo)
  await expect(page.getByRole('heading', { name: '您好，李建国' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '家人的档案' })).toBeVisible()

  await page.getByRole('button', { name: /我的健康档案/ }).click()
  await expect(page.getByText('3306**********3514')).toBeVisible()
  await expect(page.getByText(/您正在查看/)).toHaveCount(0)

  const switcher = page.getByRole('navigation', { name: '切换查看的人' })
  await expect(switcher.getByRole('button').first()).toHaveText('李建国（本人）')
  expect((await switcher.getByRole('button').allTextContents()).map(s => s.trim()).sort()).toEqual(['李建国（本人）', '李小雨', '王秀英'].sort())

  await switcher.getByRole('button', { name: '王秀英' }).click()
  await expect(page.getByText('您正在查看：王秀英（母亲）的档案')).toBeVisible()
  await expect(page.getByText('3306**********3620')).toBeVisible()
  await expect(page.getByRole('region', { name: '过敏史' })).toContainText('青霉素')
  motherRecordPath = new URL(page.url()).pathname

  await switcher.getByRole('button', { name: '李小雨' }).click()
  await expect(page.getByText('您正在查看：李小雨（女儿）的档案')).toBeVisible()
  await expect(page.getByText('3306**********3646')).toBeVisible()
  await expect(page.getByRole('region', { name: '基本信息' })).not.toContainText('王秀英')

  await switcher.getByRole('button', { name: '李建国（本人）' }).click()
  await expect(page.getByText('3306**********3514')).toBeVisible()
  await expect(page.getByText(/您正在查看/)).toHaveCount(0)
})

test('王磊, with a family account and no record of his own, sees only his mother', async ({ page }) => {
  await signInAndAgree(page, persona.wangLei)
  await expect(page.getByRole('button', { name: /我的健康档案/ })).toHaveCount(0)
  const family = page.getByRole('button', { name: /查看.*的档案/ })
  await expect(family).toHaveCount(1)
  await expect(family).toHaveAccessibleName('查看王秀英的档案')
  await family.click()
  await expect(page.getByText('您正在查看：王秀英（母亲）的档案')).toBeVisible()
  await expect(page.getByText('3306**********3620')).toBeVisible()
  await expect(page.getByRole('navigation', { name: '切换查看的人' })).toHaveCount(0)
})

test('张伟 pasting the URL of 王秀英\'s record gets the same "not found" as a made-up id', async ({ page }) => {
  expect(motherRecordPath).toMatch(/^\/residents\/[a-z2-7]{16}$/)
  await signInAndAgree(page, persona.zhangWei)

  await page.goto(motherRecordPath)
  await expect(page.getByRole('heading', { name: '没有找到' })).toBeVisible()
  const pasted = await page.locator('main').innerText()
  expect(pasted).not.toContain('王秀英')
  expect(pasted).not.toContain('3620')

  await page.goto(`/residents/${madeUpResidentId}`)
  await expect(page.getByRole('heading', { name: '没有找到' })).toBeVisible()
  expect(await page.locator('main').innerText()).toBe(pasted)

  const [real, madeUp] = await Promise.all([
    page.request.get(`/api${motherRecordPath}`),
    page.request.get(`/api/residents/${madeUpResidentId}`),
  ])
  expect(real.status()).toBe(404)
  expect(madeUp.status()).toBe(404)
  expect(await real.json()).toEqual(await madeUp.json())
})
