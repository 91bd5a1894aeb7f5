// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { Button } from 'vant'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { ReminderItem } from '../../../../shared/schemas/reminders'
import { i18n, loadLanguage } from '../../i18n'
import ReminderCard from './ReminderCard.vue'
import { fluReminder } from './reminders.fixtures'

const residentId = 'aaaaaaaaaaaaaaaa'
const flu = fluReminder()

async function mountCard(reminder: ReminderItem, context: { canAnswer: boolean, doctorPhone: string | null } = { canAnswer: true, doctorPhone: '0575-87001234' }) {
  const page = { template: '<p>page</p>' }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'home', component: page },
      { path: '/residents/:id/reminders/:reminderId', name: 'reminder', component: page },
      { path: '/residents/:id/questionnaires/:questionnaire', name: 'questionnaire', component: page },
    ],
  })
  await router.push('/')
  const wrapper = mount(ReminderCard, { props: { reminder, residentId, on: '2026-11-22', context }, global: { plugins: [i18n, router, Button] } })
  await flushPromises()
  return wrapper
}

afterEach(async () => {
  vi.unstubAllGlobals()
  await loadLanguage('zh-CN')
})

describe('ReminderCard', () => {
  it('says in words that the free flu shot is overdue, why, and since when', async () => {
    const text = (await mountCard(flu)).text()
    expect(text).toContain('流感疫苗接种')
    expect(text).toContain('已逾期')
    expect(text).toContain('免费')
    expect(text).toContain('您已满70周岁，本季可免费接种流感疫苗')
    expect(text).toContain('已过期限：2026年10月31日')
    expect(text).toContain('如果您已在别处打过本季流感疫苗，请告诉我们')
  })

  it('reports a shot given elsewhere on the evaluation date by default, then asks for a refresh', async () => {
    const calls: { url: string, body: unknown }[] = []
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, body: JSON.parse(String(init?.body)) })
      return new Response(JSON.stringify({ id: 'imm1', vaccine: 'influenza', date: '2026-11-22', selfReported: true }), { status: 201, headers: { 'Content-Type': 'application/json' } })
    }))
    const wrapper = await mountCard(flu)
    await wrapper.findAll('button').find(b => b.text() === '我已在别处接种')!.trigger('click')
    const date = wrapper.find('input[type="date"]')
    expect((date.element as HTMLInputElement).value).toBe('2026-11-22')
    expect(date.attributes('min')).toBe('2026-09-01')
    expect(date.attributes('max')).toBe('2026-11-22')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(calls).toEqual([{ url: `/api/residents/${residentId}/immunizations/self-reported`, body: { vaccine: 'influenza', date: '2026-11-22' } }])
    expect(wrapper.emitted('changed')).toHaveLength(1)
  })

  it('offers no report to a viewer who may not answer for her', async () => {
    const wrapper = await mountCard(flu, { canAnswer: false, doctorPhone: null })
    expect(wrapper.text()).not.toContain('我已在别处接种')
  })

  it('shows a reported shot as done, reported by her, with when the next season opens', async () => {
    const text = (await mountCard({ ...flu, status: 'done', dueFrom: '2027-09-01', dueBy: '2027-10-31', missingFact: undefined, reason: { key: 'flu-shot.done-reported', params: { date: '2026-11-22' } } })).text()
    expect(text).toContain('已登记（本人报告）')
    expect(text).toContain('下一次从 2027年9月1日 开始')
  })

  it('calls the family doctor with a real tel: link', async () => {
    const reason = { key: 'colonoscopy.high-risk-questionnaire', params: { date: '2026-11-22' } } as const
    const wrapper = await mountCard({ ...flu, kind: 'colonoscopy', action: 'contact-doctor', status: 'due', dueBy: '2027-02-22', missingFact: undefined, free: false, priority: 'high', reason })
    const call = wrapper.find('a[href^="tel:"]')
    expect(call.attributes('href')).toBe('tel:0575-87001234')
    expect(call.text()).toBe('打电话给家庭医生')
    expect(wrapper.text()).toContain('要紧')
    expect(wrapper.text()).toContain('非免费项目')
  })

  it('reads in English, the date by Intl', async () => {
    await loadLanguage('en')
    const text = (await mountCard(flu)).text()
    expect(text).toContain('Flu shot')
    expect(text).toContain('Overdue')
    expect(text).toContain('Free')
    expect(text).toContain('Deadline passed: Oct 31, 2026')
    expect(text).toContain('this season\'s flu shot is free for you')
  })
})
