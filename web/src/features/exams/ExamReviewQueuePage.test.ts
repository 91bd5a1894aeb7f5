// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { Button, Skeleton } from 'vant'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Me } from '../../../../shared/schemas/me'
import type { DoctorExamQueueItem } from '../../../../shared/schemas/exams'
import { i18n } from '../../i18n'
import { useSessionStore } from '../auth/session.store'
import ExamReviewQueuePage from './ExamReviewQueuePage.vue'

function exam(examId: string, name: string, date: string, overrides: Partial<DoctorExamQueueItem> = {}): DoctorExamQueueItem {
  return {
    examId,
    date,
    waitingDays: 3,
    institution: { id: 'i', name: '枫桥镇卫生院' },
    resident: { id: `aaaaaaaaaaaaaaa${'abcdefgh'[Number(examId)]}`, name, sex: 'female', age: 70 },
    reviewAs: 'family-doctor',
    worst: 'abnormal',
    flaggedItems: [{ code: '14771-0', value: 7.8, valueText: null, unit: 'mmol/L', flag: 'high' }],
    criticalAcknowledgedOn: null,
    ...overrides,
  }
}

const queue = [
  exam('1', '王秀英', '2026-11-01'),
  exam('2', '李建国', '2026-11-05', { worst: 'normal', flaggedItems: [] }),
  exam('3', '张伟', '2026-11-08', { worst: 'critical', flaggedItems: [{ code: '14771-0', value: 22.4, valueText: null, unit: 'mmol/L', flag: 'critical' }] }),
  exam('4', '赵兰', '2026-11-10'),
]

function summaryOf(id: string) {
  return { id, date: '2026-11-01', status: 'released', institution: { id: 'i', name: '枫桥镇卫生院' }, releasedOn: '2026-11-22', releasedBy: '陈明', releaseComment: null, worst: 'abnormal', abnormalItems: 1, version: 1, retractedOn: null, retractionReason: null }
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
const error = (status: number, code: string) => json(status, { error: { code, message: code } })

/** The API of the queue: each release answered by `releases[examId]`, 200 by default. */
function stubApi(releases: Record<string, () => Response | Promise<Response>> = {}) {
  const calls: { url: string, body: unknown }[] = []
  vi.stubGlobal('fetch', vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(async (url, init) => {
    calls.push({ url: `${init?.method ?? 'GET'} ${url}`, body: init?.body === undefined ? undefined : JSON.parse(String(init.body)) })
    if (url === '/api/doctor/exams?status=pending')
      return json(200, { items: queue })
    const release = /^\/api\/doctor\/exams\/(\d+)\/release$/.exec(url)
    if (release)
      return releases[release[1]!]?.() ?? json(200, summaryOf(release[1]!))
    const acknowledge = /^\/api\/doctor\/exams\/(\d+)\/acknowledge$/.exec(url)
    if (acknowledge)
      return json(200, { ...summaryOf(acknowledge[1]!), status: 'pending-review', criticalAcknowledgedOn: '2026-11-22', criticalAcknowledgedBy: '陈明' })
    return error(404, 'NOT_FOUND')
  }))
  return calls
}

async function mountQueue(role: 'doctor' | 'nurse' = 'doctor') {
  const page = { template: '<p>page</p>' }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'home', component: page },
      { path: '/doctor/exams', name: 'doctor-exams', component: page },
      { path: '/residents/:id', name: 'record', component: page },
    ],
  })
  await router.push('/doctor/exams')
  const pinia = createPinia()
  const wrapper = mount(ExamReviewQueuePage, { attachTo: document.body, global: { plugins: [pinia, i18n, router, Button, Skeleton] } })
  useSessionStore().signedIn({ staff: { role } } as unknown as Me)
  await flushPromises()
  return wrapper
}

type Wrapper = Awaited<ReturnType<typeof mountQueue>>

const checkbox = (w: Wrapper, name: string) => w.find(`input[type="checkbox"][aria-label^="选择${name}"]`)
const button = (w: Wrapper, text: string) => w.findAll('button').find(b => b.text() === text)
const cardNames = (w: Wrapper) => w.findAll('article h2').map(h => h.text())

async function releaseSelected(w: Wrapper, n: number, comment = '') {
  await button(w, `发布所选（${n}）`)!.trigger('click')
  if (comment !== '')
    await w.find('textarea[placeholder][id$="-comment"]').setValue(comment)
  await button(w, `确认发布（${n}）`)!.trigger('click')
  await flushPromises()
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('ExamReviewQueuePage: releasing several at once', () => {
  it('gives every card a "选择" checkbox, but a critical value nobody acknowledged says why it cannot be selected', async () => {
    stubApi()
    const w = await mountQueue()
    expect(checkbox(w, '王秀英').attributes('aria-label')).toBe('选择王秀英2026年11月1日的体检')
    expect(checkbox(w, '王秀英').element.closest('label')!.textContent).toContain('选择')
    const critical = checkbox(w, '张伟')
    expect((critical.element as HTMLInputElement).disabled).toBe(true)
    const why = document.getElementById(critical.attributes('aria-describedby')!)
    expect(why?.textContent).toContain('危急值需先确认')
    // no bar until something is selected
    expect(w.find('section').exists()).toBe(false)
  })

  it('a critical exam becomes selectable once its value is acknowledged', async () => {
    stubApi()
    const w = await mountQueue()
    await button(w, '确认已知晓危急值')!.trigger('click')
    await flushPromises()
    expect((checkbox(w, '张伟').element as HTMLInputElement).disabled).toBe(false)
    expect(w.text()).not.toContain('危急值需先确认')
  })

  it('select all takes every selectable exam; 取消选择 takes none', async () => {
    stubApi()
    const w = await mountQueue()
    await checkbox(w, '李建国').setValue(true)
    expect(button(w, '发布所选（1）')).toBeDefined()
    await button(w, '全选')!.trigger('click')
    expect(button(w, '发布所选（3）')).toBeDefined()
    expect(button(w, '全选')!.attributes('disabled')).toBeDefined()
    expect((checkbox(w, '张伟').element as HTMLInputElement).checked).toBe(false)
    await button(w, '取消选择')!.trigger('click')
    expect(w.find('section').exists()).toBe(false)
  })

  it('releases the selected exams one after another with the shared comment; they leave the queue and the page sums up', async () => {
    const calls = stubApi()
    const w = await mountQueue()
    await checkbox(w, '王秀英').setValue(true)
    await checkbox(w, '赵兰').setValue(true)
    await releaseSelected(w, 2, '  请下周来门诊复查。 ')
    expect(calls.filter(c => c.url.startsWith('POST'))).toEqual([
      { url: 'POST /api/doctor/exams/1/release', body: { comment: '请下周来门诊复查。' } },
      { url: 'POST /api/doctor/exams/4/release', body: { comment: '请下周来门诊复查。' } },
    ])
    expect(cardNames(w)).toEqual(['李建国', '张伟'])
    expect(w.find('section').exists()).toBe(false)
    const status = w.find('.review-queue__notice')
    expect(status.text()).toBe('已发布 2 份体检结果')
    expect(document.activeElement).toBe(status.element)
  })

  it('shows "正在发布 2/3" while the second of three is on its way', async () => {
    let answer: (r: Response) => void = () => {}
    stubApi({ 2: () => new Promise<Response>((resolve) => { answer = resolve }) })
    const w = await mountQueue()
    await checkbox(w, '王秀英').setValue(true)
    await button(w, '全选')!.trigger('click')
    await button(w, '发布所选（3）')!.trigger('click')
    await button(w, '确认发布（3）')!.trigger('click')
    await flushPromises()
    expect(w.find('[role="status"].batch-bar__progress').text()).toBe('正在发布 2/3')
    expect(cardNames(w)).toEqual(['李建国', '张伟', '赵兰'])
    expect((checkbox(w, '赵兰').element as HTMLInputElement).disabled).toBe(true)
    answer(json(200, summaryOf('2')))
    await flushPromises()
    expect(w.find('.review-queue__notice').text()).toBe('已发布 3 份体检结果')
    expect(cardNames(w)).toEqual(['张伟'])
  })

  it('counts an exam another doctor released meanwhile as done, and says so', async () => {
    stubApi({ 1: () => error(409, 'ALREADY_RELEASED') })
    const w = await mountQueue()
    await checkbox(w, '王秀英').setValue(true)
    await checkbox(w, '李建国').setValue(true)
    await releaseSelected(w, 2)
    expect(w.find('.review-queue__notice').text()).toBe('已发布 2 份体检结果，其中 1 份（王秀英）已由其他医生先发布')
    expect(cardNames(w)).toEqual(['张伟', '赵兰'])
  })

  it('stops at a failure, says which exam failed, and leaves it and the rest selected', async () => {
    const calls = stubApi({ 2: () => error(500, 'INTERNAL') })
    const w = await mountQueue()
    await checkbox(w, '王秀英').setValue(true)
    await button(w, '全选')!.trigger('click')
    await releaseSelected(w, 3)
    expect(calls.filter(c => c.url.startsWith('POST')).map(c => c.url)).toEqual(['POST /api/doctor/exams/1/release', 'POST /api/doctor/exams/2/release'])
    expect(w.find('[role="alert"]').text()).toBe('李建国2026年11月5日的体检结果没有发布成功，发布已停下：出错了，请稍后重试。仍选中 2 份，可以再试。')
    expect(w.find('.review-queue__notice').text()).toBe('已发布 1 份体检结果')
    expect(cardNames(w)).toEqual(['李建国', '张伟', '赵兰'])
    expect((checkbox(w, '李建国').element as HTMLInputElement).checked).toBe(true)
    expect((checkbox(w, '赵兰').element as HTMLInputElement).checked).toBe(true)
    // the retry is one tap: still confirming, with the count of what is left
    expect(button(w, '确认发布（2）')).toBeDefined()
  })

  it('offers no selection to a nurse, who may not release', async () => {
    stubApi()
    const w = await mountQueue('nurse')
    expect(w.find('input[type="checkbox"]').exists()).toBe(false)
    expect(w.text()).toContain('只有医生可以发布体检结果')
  })
})
