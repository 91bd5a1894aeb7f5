import { type BrowserContext, expect, type Page, test } from '@playwright/test'
import { apiKey, type GeneratedResident, type ImportExam, postExams, residentsWithoutFamilyDoctor, unknownIdNumber } from './import-support'
import { screenshotRecord, signInAndAgree, signInWhenAllowed } from './support'

/**
 * The exam import (issue 5), from the institution's system to the resident's phone:
 * 暨阳街道社区卫生服务中心's system posts an exam with a high glucose; Dr 刘芳, a doctor there,
 * is told of another exam's critical value, finds both in her review queue and releases the
 * first; the resident sees the glucose high in words and its trend; the institution corrects
 * it, then withdraws it, and she is shown what changed and why. Then 枫桥镇卫生院's system
 * posts exams it named wrongly, and 周敏 of its staff matches one and sends the other back.
 *
 * The residents are generated ones without a family doctor, whom no other spec signs in as:
 * 王秀英 and Dr 陈明 have their first sign-in in record.spec and staff.spec, which this file,
 * sorted before them, would otherwise take from them; and her exams and unread notices are
 * counted there.
 */
test.describe.configure({ mode: 'serial' })

const run = Date.now().toString(36)
const examDate = '2026-11-21'
const examDateZh = '2026年11月21日'
const glucoseHigh = { code: '14771-0', value: 7.8, unit: 'mmol/L', low: 3.9, high: 6.1 }
const otherItems = [{ code: '22748-8', value: 3.1, unit: 'mmol/L' }, { code: '8480-6', value: 132, unit: 'mmHg' }]
const retractionReason = '这份结果录入到了别人名下，已经转给正确的居民'

let resident: GeneratedResident
let critical: GeneratedResident
let misnamed: GeneratedResident
let contexts: BrowserContext[] = []
let doctorPage: Page
let residentPage: Page
let staffPage: Page
let detailPath = ''

test.beforeAll(async ({ browser }) => {
  [resident, critical, misnamed] = residentsWithoutFamilyDoctor(3, '2026-11-01') as [GeneratedResident, GeneratedResident, GeneratedResident]
  contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()])
  ;[doctorPage, residentPage, staffPage] = await Promise.all(contexts.map(c => c.newPage())) as [Page, Page, Page]
})

test.afterAll(async () => {
  await Promise.all(contexts.map(c => c.close()))
})

function examOf(who: GeneratedResident, externalId: string, items: ImportExam['items'], name = who.name): ImportExam {
  return { externalId, idNumber: who.idNumber, name, birthDate: who.birthDate, date: examDate, items }
}

test('暨阳\'s system posts an exam with a high glucose, and one with a critical value: both wait for review', async ({ request }) => {
  const outcomes = await postExams(request, apiKey.jiyang, [
    examOf(resident, `JY-${run}-1`, [glucoseHigh, ...otherItems]),
    examOf(critical, `JY-${run}-2`, [{ code: '14771-0', value: 22.4, unit: 'mmol/L' }]),
  ])
  expect(outcomes.map(o => o.outcome)).toEqual(['created', 'created'])
})

test('Dr 刘芳 is told of the critical value; the notice takes her to her queue, where she releases the high glucose', async () => {
  await signInAndAgree(doctorPage, '13900000002')
  await doctorPage.getByRole('tab', { name: /^消息/ }).click()
  const notice = doctorPage.getByRole('button', { name: new RegExp(`${critical.name} ${examDateZh} 的体检结果有危急值`) })
  await notice.click()
  await doctorPage.getByRole('button', { name: '去审核体检结果' }).click()
  await expect(doctorPage.getByRole('heading', { name: '待审核的体检', level: 1 })).toBeVisible()
  await expect(doctorPage.getByRole('article', { name: critical.name })).toContainText('有危急值')

  const card = doctorPage.getByRole('article', { name: resident.name })
  await expect(card).toContainText('空腹血糖')
  await expect(card).toContainText('7.80 mmol/L')
  await expect(card).toContainText('偏高')
  await card.getByRole('button', { name: `发布${resident.name}的体检结果` }).click()
  await card.getByLabel('给居民的话（可不填）').fill('空腹血糖偏高，请一个月后来复查。')
  await card.getByRole('button', { name: '确认发布', exact: true }).click()
  await expect(doctorPage.getByRole('status').filter({ hasText: `已发布${resident.name}${examDateZh}的体检结果` })).toBeVisible()
})

test('the resident opens the exam: the glucose is high in words, and its trend opens', async () => {
  await signInAndAgree(residentPage, resident.phone)
  await residentPage.getByRole('button', { name: '我的体检报告' }).click()
  const card = residentPage.getByRole('article', { name: examDateZh, exact: true })
  await expect(card).toContainText(/1 项需要注意/)
  await expect(card).toContainText('已发布')
  await card.getByRole('link', { name: `查看${examDateZh}的体检报告` }).click()
  await residentPage.waitForURL(/\/exams\/\d+$/)
  detailPath = new URL(residentPage.url()).pathname

  const glucose = residentPage.getByRole('region', { name: '血糖' }).getByRole('listitem').filter({ hasText: '空腹血糖' })
  await expect(glucose).toContainText('7.80 mmol/L')
  await expect(glucose).toContainText('偏高')
  await expect(glucose).toContainText('空腹血糖偏高')

  await residentPage.getByRole('link', { name: /^空腹血糖\s*历年变化/ }).click()
  await expect(residentPage.getByRole('heading', { name: '空腹血糖历年变化', level: 1 })).toBeVisible()
  const row = residentPage.getByRole('table').getByRole('row').filter({ hasText: examDateZh })
  await expect(row).toContainText('7.80 mmol/L')
  await expect(row).toContainText('偏高')
})

test('a correction shows her what changed, before and after; a retraction says when and why, and no value', async ({ request }) => {
  const corrected = await postExams(request, apiKey.jiyang, [examOf(resident, `JY-${run}-1`, [{ ...glucoseHigh, value: 6.0 }, ...otherItems])])
  expect(corrected.map(o => o.outcome)).toEqual(['corrected'])

  await residentPage.goto(detailPath)
  const correction = residentPage.getByRole('region', { name: '结果已更正' })
  const change = correction.getByRole('listitem').filter({ hasText: '空腹血糖' })
  await expect(change).toContainText(/原来\s*7\.80 mmol\/L\s*↑偏高/)
  await expect(change).toContainText(/改为\s*6\.00 mmol\/L\s*✓正常/)
  await screenshotRecord(residentPage, 'import-exam-corrected-zh-CN')

  const retracted = await request.post(`/api/import/exams/JY-${run}-1/retract`, {
    headers: { authorization: `Bearer ${apiKey.jiyang}` },
    data: { reason: retractionReason },
  })
  expect(retracted.status()).toBe(200)
  await residentPage.reload()
  await expect(residentPage.getByText('这份体检结果已撤回')).toBeVisible()
  await expect(residentPage.getByText('体检机构于2026年11月22日撤回了这份结果，其中的数值不再显示。')).toBeVisible()
  await expect(residentPage.getByText(`撤回原因：${retractionReason}`)).toBeVisible()
  expect(await residentPage.locator('main').innerText()).not.toContain('mmol/L')
  await screenshotRecord(residentPage, 'import-exam-retracted-zh-CN')

  await residentPage.goto(detailPath.replace(/\/exams\/\d+$/, '/exams'))
  await expect(residentPage.getByRole('article', { name: examDateZh, exact: true })).toContainText('已撤回')

  await residentPage.getByRole('tab', { name: /^消息/ }).click()
  await expect(residentPage.getByRole('button', { name: new RegExp(`您 ${examDateZh} 的体检结果有更正：空腹血糖。`) })).toBeVisible()
  const notice = residentPage.getByRole('button', { name: new RegExp(`您 ${examDateZh} 的体检结果已被体检机构撤回`) })
  await notice.click()
  await expect(notice).toContainText(retractionReason)
  await residentPage.getByRole('button', { name: '查看体检报告' }).click()
  await expect(residentPage.getByRole('heading', { name: '体检报告', level: 1 })).toBeVisible()
})

test('枫桥\'s system names one resident wrongly and one not at all; 周敏 matches the first and sends the second back', async ({ request }) => {
  const wrongName = `${misnamed.name.slice(0, -1)}${misnamed.name.endsWith('芳') ? '英' : '芳'}`
  const strangerBirthDate = '1931-03-03'
  const outcomes = await postExams(request, apiKey.fengqiao, [
    examOf(misnamed, `FQ-${run}-1`, [glucoseHigh], wrongName),
    { externalId: `FQ-${run}-2`, idNumber: unknownIdNumber(strangerBirthDate), name: '无此人', birthDate: strangerBirthDate, date: examDate, items: otherItems },
  ])
  expect(outcomes.map(o => o.outcome)).toEqual(['quarantined', 'quarantined'])

  // booking-desk.spec signs 周敏 in too, on the other worker, maybe first and within the minute
  test.setTimeout(150_000)
  await signInWhenAllowed(staffPage, '13900000010')
  await staffPage.getByRole('button', { name: /未匹配居民的体检/ }).click()
  await expect(staffPage.getByRole('heading', { name: '未匹配居民的体检', level: 1 })).toBeVisible()
  await expect(staffPage.getByRole('button', { name: '待处理', pressed: true })).toBeVisible()

  const entry = staffPage.getByRole('article', { name: wrongName })
  await expect(entry).toContainText(`体检编号 FQ-${run}-1`)
  await expect(entry).toContainText('姓名或出生日期与档案不符')
  await expect(entry).toContainText(`${misnamed.idNumber.slice(0, 4)}**********${misnamed.idNumber.slice(-4)}`)
  await expect(entry).toContainText('1 项')
  await expect(entry).not.toContainText(misnamed.idNumber)
  await entry.getByRole('button', { name: '显示完整号码' }).click()
  await expect(entry).toContainText(misnamed.idNumber)
  await screenshotRecord(staffPage, 'import-quarantine-zh-CN')

  // as sent, the register disagrees, and says so under the name
  await entry.getByRole('button', { name: `把${wrongName}的体检匹配到居民` }).click()
  await expect(entry.getByLabel('身份证号')).toHaveValue(misnamed.idNumber)
  await expect(entry.getByLabel('姓名')).toHaveValue(wrongName)
  await expect(entry.getByLabel('出生日期')).toHaveValue(misnamed.birthDate)
  await entry.getByRole('button', { name: '确认匹配' }).click()
  await expect(entry.getByRole('alert')).toHaveText('姓名或出生日期与档案不符，请核对')
  await entry.getByLabel('姓名').fill(misnamed.name)
  await entry.getByRole('button', { name: '确认匹配' }).click()
  await expect(staffPage.getByRole('status').filter({ hasText: `已把体检 FQ-${run}-1 匹配到${misnamed.name}` })).toBeVisible()
  await expect(entry).toHaveCount(0)

  const stranger = staffPage.getByRole('article', { name: '无此人' })
  await expect(stranger).toContainText('身份证号在档案中找不到')
  await stranger.getByRole('button', { name: '退回无此人的体检' }).click()
  await stranger.getByRole('button', { name: '确认退回' }).click()
  await expect(stranger.getByRole('alert')).toHaveText('请写明退回原因')
  await stranger.getByLabel('退回原因').fill('本院没有这位居民的体检记录，请体检系统核对后重新上传。')
  await stranger.getByRole('button', { name: '确认退回' }).click()
  await expect(staffPage.getByRole('status').filter({ hasText: `已退回体检 FQ-${run}-2` })).toBeVisible()
  await expect(staffPage.getByText('没有待处理的体检')).toBeVisible()

  await staffPage.getByRole('button', { name: '已匹配' }).click()
  await expect(staffPage.getByRole('article', { name: wrongName })).toContainText('已匹配到居民')
  await staffPage.getByRole('button', { name: '已退回' }).click()
  await expect(staffPage.getByRole('article', { name: '无此人' })).toContainText('退回原因：本院没有这位居民的体检记录')
})

test('the quarantine page in English and in elder mode', async () => {
  await staffPage.getByRole('tab', { name: '我的', exact: true }).click()
  await staffPage.getByRole('button', { name: 'English' }).click()
  await staffPage.goto('/institution/quarantine?status=matched')
  await expect(staffPage.getByRole('heading', { name: 'Checks not matched to a resident', level: 1 })).toBeVisible()
  await expect(staffPage.getByRole('button', { name: 'Matched', pressed: true })).toBeVisible()
  await expect(staffPage.getByRole('article').first()).toContainText('Name or date of birth does not match the record')
  await screenshotRecord(staffPage, 'import-quarantine-en')

  await staffPage.getByRole('tab', { name: 'Me', exact: true }).click()
  await staffPage.getByRole('button', { name: '中文' }).click()
  await staffPage.getByRole('tab', { name: '首页', exact: true }).click()
  await staffPage.getByRole('switch', { name: '长辈版' }).click()
  await expect(staffPage.getByRole('switch', { name: '长辈版' })).toHaveAttribute('aria-checked', 'true')
  await staffPage.goto('/institution/quarantine?status=matched')
  await expect(staffPage.getByRole('article').first()).toBeVisible()
  await staffPage.getByRole('article').first().getByRole('button', { name: '显示完整号码' }).click()
  const sizes = await staffPage.evaluate(() => {
    const targets = [...document.querySelectorAll('main button, main a')].map(el => el.getBoundingClientRect()).filter(r => r.width > 0)
    return {
      body: Number.parseFloat(getComputedStyle(document.body).fontSize),
      h1: Number.parseFloat(getComputedStyle(document.querySelector('h1')!).fontSize),
      smallestTarget: Math.min(...targets.map(r => r.height)),
      overflow: document.documentElement.scrollWidth > window.innerWidth,
    }
  })
  expect(sizes.body).toBeGreaterThanOrEqual(18)
  expect(sizes.h1).toBeGreaterThanOrEqual(30)
  expect(sizes.smallestTarget).toBeGreaterThanOrEqual(60)
  expect(sizes.overflow).toBe(false)
  await screenshotRecord(staffPage, 'import-quarantine-elder')
})
