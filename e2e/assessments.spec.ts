import { inflateSync } from 'node:zlib'
import { type BrowserContext, expect, type Page, test } from '@playwright/test'
import { persona, signInWhenAllowed } from './support'

/**
 * The annual report (issue 9): Dr 陈明 finds 王秀英's 2026 report waiting for him, writes his
 * comment and signs; she is notified, opens it from the notice, and sees it signed; Chromium
 * prints it to an A4 PDF whose text has every section, her name and the page number on each page.
 */
test.describe.configure({ mode: 'serial' })

let doctor: BrowserContext
let resident: BrowserContext
let doctorPage: Page
let page: Page

test.beforeAll(async ({ browser }) => {
  doctor = await browser.newContext()
  resident = await browser.newContext()
  doctorPage = await doctor.newPage()
  page = await resident.newPage()
})

test.afterAll(async () => {
  await doctor.close()
  await resident.close()
})

const comment = '血压控制得不错；空腹血糖和低密度脂蛋白偏高，请按时吃药，少吃甜食和肥肉，每天走路半小时。'

test('Dr 陈明 finds 王秀英\'s 2026 report waiting for him, comments and signs it', async () => {
  test.setTimeout(180_000)
  await signInWhenAllowed(doctorPage, persona.chenMing)
  await doctorPage.getByRole('link', { name: '我的签约居民' }).or(doctorPage.getByRole('button', { name: '我的签约居民' })).first().click()
  await doctorPage.getByRole('link', { name: '待审阅的年度报告' }).or(doctorPage.getByRole('button', { name: '待审阅的年度报告' })).first().click()
  await expect(doctorPage.getByRole('heading', { name: '待审阅的年度报告', level: 1 })).toBeVisible()
  // the report is made by the job at the server's start (her 2026 exam was released): reload until it is there
  const row = doctorPage.getByText('王秀英，女，74岁')
  await expect(async () => {
    await doctorPage.reload()
    await expect(row).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 60_000 })
  await row.click()

  await expect(doctorPage.getByRole('heading', { name: '2026年度健康评估报告', level: 1 })).toBeVisible()
  await expect(doctorPage.getByRole('heading', { name: '一年的主要指标' })).toBeVisible()
  await doctorPage.getByLabel('给居民的评语').fill(comment)
  await doctorPage.getByRole('button', { name: '保存评语' }).click()
  await expect(doctorPage.getByRole('status').filter({ hasText: '评语已保存' })).toBeVisible()
  await doctorPage.getByRole('button', { name: '签名并通知居民' }).click()
  await expect(doctorPage.getByText('签名后报告不能再修改，居民会收到通知。')).toBeVisible()
  await doctorPage.getByRole('button', { name: '签名并通知居民' }).click()
  await expect(doctorPage.getByRole('status').filter({ hasText: '已签名，居民已收到通知' })).toBeVisible()
  await expect(doctorPage.getByText('陈明医生 2026年11月22日 签名')).toBeVisible()
  await expect(doctorPage.getByLabel('给居民的评语')).toHaveCount(0)
})

test('王秀英 is notified, opens her signed report from the notice', async () => {
  test.setTimeout(180_000)
  await signInWhenAllowed(page, persona.wangXiuying)
  await page.goto('/notifications')
  await page.getByText('陈明医生已审阅并签名您的2026年度健康评估报告。').click()
  await page.getByRole('link', { name: '查看年度报告' }).or(page.getByRole('button', { name: '查看年度报告' })).first().click()

  await expect(page.getByRole('heading', { name: '2026年度健康评估报告', level: 1 })).toBeVisible()
  await expect(page.getByText('草稿：医生还未审阅签名')).toHaveCount(0)
  for (const section of ['一年的主要指标', '10年心脑血管病风险（China-PAR）', '需要注意的项目', '和去年比有什么变化', '明年要做的事', '家庭医生的话'])
    await expect(page.getByRole('heading', { name: section, level: 2 })).toBeVisible()
  const bp = page.getByRole('row', { name: /^血压/ })
  await expect(bp).toContainText('132/78')
  await expect(bp).toContainText('正常高值')
  await expect(bp).toContainText('比去年下降6/4')
  await expect(page.getByText(/您未来10年发生心脑血管病的风险约为 [\d.]+%（高危）。/)).toBeVisible()
  await expect(page.getByText(comment)).toBeVisible()
  await expect(page.getByText('陈明医生 2026年11月22日 签名')).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/assessment-360.png', fullPage: true })
})

test('Chromium prints it to A4: every section in the PDF\'s text, her name and the page number on every page', async () => {
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true })
  const pages = pdfPageTexts(pdf)
  expect(pages.length).toBeGreaterThanOrEqual(1)
  const all = pages.join('\n')
  for (const section of ['2026年度健康评估报告', '一年的主要指标', '10年心脑血管病风险', '需要注意的项目', '和去年比有什么变化', '明年要做的事', '家庭医生的话', '陈明医生', comment.slice(0, 12)])
    expect(all, `the PDF has "${section}"`).toContain(section)
  // her year in one table, on one page: its first and last rows together
  expect(all).toContain('血压132/78正常高值比去年下降6/4')
  expect(pages.find(text => text.includes('血压132/78'))).toContain('腰围82.0')
  pages.forEach((text, i) => {
    expect(text, `page ${i + 1} names her`).toContain('王秀英 · 2026年度健康评估报告')
    expect(text, `page ${i + 1} is numbered`).toContain(`第 ${i + 1} 页`)
  })
  // the app's chrome is not printed
  expect(all).not.toContain('打印或保存为PDF')
})

test('in elder mode she records a BP of 186/112 on the big number pad: told what to do now, her doctor notified; it joins her BP trend', async () => {
  test.setTimeout(120_000)
  await page.goto('/')
  const elder = page.getByRole('switch', { name: '长辈版' })
  await elder.click()
  await expect(elder).toHaveAttribute('aria-checked', 'true')
  await page.getByRole('link', { name: /我的健康档案|健康档案/ }).or(page.getByRole('button', { name: /我的健康档案|健康档案/ })).first().click()
  await page.getByRole('button', { name: '居家监测（血压、血糖、体重）' }).click()
  await expect(page.getByRole('heading', { name: '居家监测', level: 1 })).toBeVisible()
  // the seeded readings of her last month, newest first
  await expect(page.getByRole('tabpanel').getByRole('listitem').first()).toContainText('130/77 mmHg')
  await page.screenshot({ path: 'test-results/screenshots/measurements-elder-360.png', fullPage: true })

  await page.getByRole('button', { name: '记录一次' }).click()
  const pad = page.getByRole('group', { name: '数字键盘' })
  await page.getByLabel('高压（收缩压）').click()
  for (const key of ['4', '0', '0'])
    await pad.getByRole('button', { name: key, exact: true }).click()
  await page.getByLabel('低压（舒张压）').click()
  for (const key of ['1', '1', '2'])
    await pad.getByRole('button', { name: key, exact: true }).click()
  const keyBox = await pad.getByRole('button', { name: '5', exact: true }).boundingBox()
  expect(keyBox?.height ?? 0).toBeGreaterThanOrEqual(60)
  await page.getByRole('button', { name: '保存' }).click()
  // a BP of 400 is refused on the phone, with the range named
  await expect(page.getByRole('alert')).toContainText('高压（收缩压）应在 40–300 mmHg 之间')
  await page.getByLabel('高压（收缩压）').click()
  for (let i = 0; i < 3; i++)
    await pad.getByRole('button', { name: '删除' }).click()
  for (const key of ['1', '8', '6'])
    await pad.getByRole('button', { name: key, exact: true }).click()
  await page.screenshot({ path: 'test-results/screenshots/measurement-entry-elder-360.png', fullPage: true })
  await page.getByRole('button', { name: '保存' }).click()

  const danger = page.getByRole('alert')
  await expect(danger).toContainText('这个数值需要马上处理')
  await expect(danger).toContainText('186/112 mmHg')
  await expect(danger).toContainText('请立即拨打120')
  await expect(danger).toContainText('您的家庭医生已收到通知。')
  await page.screenshot({ path: 'test-results/screenshots/measurement-danger-elder-360.png', fullPage: true })

  // Dr 陈明's notice names her reading and opens her home readings
  await doctorPage.goto('/notifications')
  await doctorPage.getByText(/王秀英 2026年11月22日 在家测得 186\/112 mmHg/).click()
  await doctorPage.getByRole('link', { name: '查看居家测量' }).or(doctorPage.getByRole('button', { name: '查看居家测量' })).first().click()
  await expect(doctorPage.getByRole('tabpanel').getByRole('listitem').first()).toContainText('186/112 mmHg')
  await doctorPage.screenshot({ path: 'test-results/screenshots/measurements-doctor-360.png', fullPage: true })

  // beside the exam values of her systolic pressure, marked as her own readings
  const me = await page.request.get('/api/me')
  const { actingFor } = await me.json() as { actingFor: { residentId: string }[] }
  await page.goto(`/residents/${actingFor[0]!.residentId}/observations/8480-6`)
  const table = page.getByRole('table')
  await expect(table.getByRole('row').filter({ hasText: '居家测量' }).first()).toContainText('186')
  await expect(page.getByText('居家测量（本人记录）')).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/exam-trend-home-elder-360.png', fullPage: true })
})

/**
 * The text of each page of a PDF Chromium (Skia) wrote: its content streams decoded with each
 * font's ToUnicode map. Enough for Skia's output (Flate streams, 2-byte glyph codes, hex
 * strings in Tj/TJ); not a general PDF reader.
 */
function pdfPageTexts(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1')
  const objects = new Map<string, { dict: string, stream: Buffer | null }>()
  const header = /(\d+) 0 obj\s*/g
  for (let m = header.exec(raw); m !== null; m = header.exec(raw)) {
    const at = m.index + m[0].length
    const end = raw.indexOf('endobj', at)
    const streamAt = raw.indexOf('stream', at)
    if (streamAt < 0 || streamAt > end) {
      objects.set(m[1]!, { dict: raw.slice(at, end), stream: null })
      header.lastIndex = end
      continue
    }
    // a stream's bytes are exactly /Length long (Skia writes it direct), after "stream" and its line end
    const dict = raw.slice(at, streamAt)
    const dataAt = streamAt + 6 + (raw[streamAt + 6] === '\r' ? 2 : 1)
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0)
    const bytes = Buffer.from(raw.slice(dataAt, dataAt + length), 'latin1')
    objects.set(m[1]!, { dict, stream: dict.includes('/FlateDecode') ? inflateSync(bytes) : bytes })
    header.lastIndex = raw.indexOf('endobj', dataAt + length)
  }
  const ref = (text: string, key: string) => new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(text)?.[1]
  // the dictionary under `key`, inline (nested dictionaries kept whole) or by reference
  const dictOf = (text: string, key: string) => {
    const at = new RegExp(`/${key}\\s*<<`).exec(text)
    if (at === null)
      return objects.get(ref(text, key) ?? '')?.dict ?? ''
    let depth = 0
    for (let i = at.index + at[0].length - 2; i < text.length - 1; i++) {
      const pair = text.slice(i, i + 2)
      if (pair !== '<<' && pair !== '>>')
        continue
      depth += pair === '<<' ? 1 : -1
      if (depth === 0)
        return text.slice(at.index, i + 2)
      i++
    }
    return ''
  }
  const cmapOf = (fontId: string) => {
    const map = new Map<number, string>()
    const cmap = objects.get(ref(objects.get(fontId)?.dict ?? '', 'ToUnicode') ?? '')?.stream?.toString('latin1') ?? ''
    const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le')
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const m of block[1]!.matchAll(/<([\da-f]+)>\s*<([\da-f]+)>/gi))
        map.set(Number.parseInt(m[1]!, 16), utf16(m[2]!))
    }
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const m of block[1]!.matchAll(/<([\da-f]+)>\s*<([\da-f]+)>\s*<([\da-f]+)>/gi)) {
        const from = Number.parseInt(m[1]!, 16)
        const base = Number.parseInt(m[3]!, 16)
        for (let code = from; code <= Number.parseInt(m[2]!, 16); code++)
          map.set(code, String.fromCodePoint(base + code - from))
      }
    }
    return map
  }
  const pages = [...objects.values()].filter(o => /\/Type\s*\/Page\b/.test(o.dict))
  return pages.map((p) => {
    // Type0 fonts take 2-byte codes, the Type3 fonts Skia makes for CJK glyphs 1-byte ones
    const fonts = new Map<string, { map: Map<number, string>, width: number }>()
    for (const m of dictOf(dictOf(p.dict, 'Resources'), 'Font').matchAll(/\/(\w+)\s+(\d+) 0 R/g))
      fonts.set(m[1]!, { map: cmapOf(m[2]!), width: objects.get(m[2]!)?.dict.includes('/Type0') ? 4 : 2 })
    const contents = /\/Contents\s*\[([^\]]*)\]/.exec(p.dict)?.[1]?.match(/\d+(?= 0 R)/g) ?? [ref(p.dict, 'Contents') ?? '']
    // Skia writes runs font by font, not in reading order: place each run (its Tm and the Td
    // moves since), then read the page line by line, left to right
    const runs: { x: number, y: number, text: string }[] = []
    for (const id of contents) {
      let font = { map: new Map<number, string>(), width: 4 }
      let x = 0
      let y = 0
      // text Chromium marks with its own words (ActualText) is read from them, not from its
      // glyphs, and placed where its first glyph is drawn
      let actual: string | null = null
      let replaced = false
      const stream = objects.get(id)?.stream?.toString('latin1') ?? ''
      for (const t of stream.matchAll(/\/ActualText\s*<FEFF([\da-f]*)>|(EMC)|\/(\w+)\s+[\d.]+\s+Tf|\S+ \S+ \S+ \S+ (\S+) (\S+) Tm|(\S+) (\S+) Td|<([\da-f]*)>/gi)) {
        if (t[1] !== undefined) {
          actual = Buffer.from(t[1], 'hex').swap16().toString('utf16le')
        }
        else if (t[2] !== undefined) {
          actual = null
          replaced = false
        }
        else if (t[3] !== undefined) {
          font = fonts.get(t[3]) ?? font
        }
        else if (t[4] !== undefined) {
          x = Number(t[4])
          y = Number(t[5])
        }
        else if (t[6] !== undefined) {
          // Skia's text matrix is flipped (1 0 0 -1): a move up in text space is down the page
          x += Number(t[6])
          y -= Number(t[7])
        }
        else if (actual !== null && !replaced) {
          runs.push({ x, y, text: actual })
          replaced = true
        }
        else if (!replaced) {
          runs.push({ x, y, text: (t[8]!.match(new RegExp(`.{${font.width}}`, 'g')) ?? []).map(code => font.map.get(Number.parseInt(code, 16)) ?? '').join('') })
        }
      }
    }
    runs.sort((r, q) => r.y - q.y || r.x - q.x)
    let text = ''
    runs.forEach((run, i) => {
      text += (i > 0 && Math.abs(run.y - runs[i - 1]!.y) > 2 ? '\n' : '') + run.text
    })
    return text
  })
}
