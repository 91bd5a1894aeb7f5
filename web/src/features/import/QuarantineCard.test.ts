// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { Button } from 'vant'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { QuarantineEntry } from '../../../../shared/schemas/import'
import { i18n } from '../../i18n'
import QuarantineCard from './QuarantineCard.vue'

const entry: QuarantineEntry = {
  id: 'aaaaaaaaaaaaaaaa',
  externalId: 'FQ-2026-1103-007',
  receivedAt: '2026-11-22T02:15:00.000Z',
  reason: 'identity-mismatch',
  subject: { idNumber: '330681195204183620', name: '王秀芳', birthDate: '1952-04-18' },
  examDate: '2026-11-03',
  items: 4,
  status: 'open',
  resolvedAt: null,
  resolutionNote: null,
  examId: null,
}

function mountCard(shown: QuarantineEntry = entry) {
  return mount(QuarantineCard, { props: { entry: shown }, global: { plugins: [i18n, Button] } })
}

function answer(status: number, body: unknown) {
  const calls: { url: string, body: unknown }[] = []
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    calls.push({ url, body: JSON.parse(String(init?.body)) })
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
  }))
  return calls
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('QuarantineCard', () => {
  it('says who the exam names and why it waits, with the ID number masked until asked for', async () => {
    const wrapper = mountCard()
    const text = wrapper.text()
    expect(text).toContain('王秀芳')
    expect(text).toContain('体检编号 FQ-2026-1103-007')
    expect(text).toContain('姓名或出生日期与档案不符')
    expect(text).toContain('2026年11月3日')
    expect(text).toContain('4 项')
    expect(text).toContain('3306**********3620')
    expect(text).not.toContain('330681195204183620')

    const reveal = wrapper.findAll('button').find(b => b.text() === '显示完整号码')!
    await reveal.trigger('click')
    expect(reveal.attributes('aria-expanded')).toBe('true')
    // in the ID card's groups, which copy as one number
    expect(wrapper.findAll('.quarantine-card__id-group').map(g => g.text())).toEqual(['330681', '19520418', '3620'])
    expect(wrapper.text()).toContain('330681195204183620')
  })

  it('matches it with the facts prefilled and the register\'s disagreement under its field', async () => {
    const calls = answer(400, { error: { code: 'VALIDATION_FAILED', message: 'No resident of the register has this ID number, name and birth date together', field: 'name' } })
    const wrapper = mountCard()
    await wrapper.findAll('button').find(b => b.text() === '匹配到居民')!.trigger('click')
    const [idNumber, name] = wrapper.findAll('input[type="text"]')
    expect((idNumber!.element as HTMLInputElement).value).toBe('330681195204183620')
    expect((name!.element as HTMLInputElement).value).toBe('王秀芳')
    expect((wrapper.find('input[type="date"]').element as HTMLInputElement).value).toBe('1952-04-18')

    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(calls).toEqual([{ url: `/api/import/quarantine/${entry.id}/match`, body: { idNumber: '330681195204183620', name: '王秀芳', birthDate: '1952-04-18' } }])
    expect(wrapper.text()).toContain('姓名或出生日期与档案不符，请核对')
    expect(name!.attributes('aria-invalid')).toBe('true')
    expect(wrapper.emitted('resolved')).toBeUndefined()
  })

  it('sends nothing while a field is plainly wrong', async () => {
    const calls = answer(200, {})
    const wrapper = mountCard()
    await wrapper.findAll('button').find(b => b.text() === '匹配到居民')!.trigger('click')
    await wrapper.findAll('input[type="text"]')[0]!.setValue('330681195204183621')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(calls).toEqual([])
    expect(wrapper.text()).toContain('这个身份证号的最后一位对不上')
  })

  it('tells the page once it is matched', async () => {
    answer(200, { ...entry, status: 'matched', resolvedAt: '2026-11-22T03:00:00.000Z', examId: '123456' })
    const wrapper = mountCard()
    await wrapper.findAll('button').find(b => b.text() === '匹配到居民')!.trigger('click')
    await wrapper.findAll('input[type="text"]')[1]!.setValue('王秀英')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const [resolved] = wrapper.emitted('resolved')!
    expect(resolved![1]).toBe('已把体检 FQ-2026-1103-007 匹配到王秀英，医生审核后居民就能看到。')
  })

  it('sends it back only with a reason', async () => {
    const calls = answer(200, { ...entry, status: 'rejected', resolvedAt: '2026-11-22T03:00:00.000Z', resolutionNote: '不是本院体检的居民' })
    const wrapper = mountCard()
    await wrapper.findAll('button').find(b => b.text() === '退回')!.trigger('click')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.text()).toContain('请写明退回原因')
    await wrapper.find('textarea').setValue('不是本院体检的居民')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(calls).toEqual([{ url: `/api/import/quarantine/${entry.id}/reject`, body: { reason: '不是本院体检的居民' } }])
    expect(wrapper.emitted('resolved')![0]![1]).toBe('已退回体检 FQ-2026-1103-007。')
  })

  it('asks the page to reload when someone else got there first', async () => {
    answer(409, { error: { code: 'ALREADY_RESOLVED', message: 'This exam was matched already; reload the quarantine list' } })
    const wrapper = mountCard()
    await wrapper.findAll('button').find(b => b.text() === '退回')!.trigger('click')
    await wrapper.find('textarea').setValue('重复上传')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.emitted('outdated')).toEqual([['这份体检已经有人处理过了，列表已刷新。']])
  })

  it('offers no action on one already resolved, and says how it was', () => {
    const wrapper = mountCard({ ...entry, status: 'rejected', resolvedAt: '2026-11-22T03:00:00.000Z', resolutionNote: '不是本院体检的居民' })
    expect(wrapper.text()).toContain('退回原因：不是本院体检的居民')
    expect(wrapper.findAll('button').map(b => b.text())).toEqual(['显示完整号码'])
  })
})
