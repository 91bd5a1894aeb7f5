import { expect, type Page, test } from '@playwright/test'
import { persona, signInAndAgree } from './support'

/** The family-doctor team sees its signed residents and opens their records. */

async function openSignedResident(page: Page, name: string) {
  await page.getByRole('button', { name: '我的签约居民' }).click()
  await expect(page.getByRole('heading', { name: '我的签约居民', level: 1 })).toBeVisible()
  await expect(page.getByRole('button').filter({ hasText: /签约至/ }).first()).toBeVisible()

  await page.getByLabel('按姓名搜索').fill(name)
  await page.getByRole('button', { name: '搜索' }).click()
  const rows = page.getByRole('button').filter({ hasText: /签约至/ })
  await expect(rows.first()).toContainText(name)
  for (const row of await rows.all())
    await expect(row).toContainText(name)
  await rows.first().click()
  await expect(page.getByText(`您正在查看：${name}（签约居民）的档案`)).toBeVisible()
}

test('Dr 陈明 finds 王秀英 among his signed residents and opens her record', async ({ page }) => {
  await signInAndAgree(page, persona.chenMing)
  await expect(page.getByRole('heading', { name: '您好，陈明' })).toBeVisible()
  await openSignedResident(page, '王秀英')
  await expect(page.getByText('3306**********3620')).toBeVisible()
  await expect(page.getByRole('region', { name: '过敏史' })).toContainText('青霉素')

  await page.getByRole('button', { name: '返回' }).click()
  await page.getByLabel('按姓名搜索').fill('不存在的名字')
  await page.getByRole('button', { name: '搜索' }).click()
  await expect(page.getByText('没有找到符合的签约居民')).toBeVisible()
})

test('nurse 孙婷 of his team sees the same list and opens 李小雨', async ({ page }) => {
  await signInAndAgree(page, persona.sunTing)
  await openSignedResident(page, '李小雨')
  await expect(page.getByText('3306**********3646')).toBeVisible()
})
