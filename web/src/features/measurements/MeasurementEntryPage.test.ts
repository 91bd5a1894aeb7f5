// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { Button, Tag } from 'vant'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Me } from '../../../../shared/schemas/me'
import { i18n } from '../../i18n'
import { useSessionStore } from '../auth/session.store'
import { usePrefsStore } from '../prefs/prefs.store'
import MeasurementEntryPage from './MeasurementEntryPage.vue'

const id = 'aaaaaaaaaaaaaaaa'

function me(scopes: Me['actingFor'][number]['scopes'], relation: Me['actingFor'][number]['relation']): Me {
  return {
    account: { id: 'acc', phoneMasked: '138****0001', displayName: '王秀英' },
    mode: 'demo',
    consent: { required: false, noticeVersion: '2026-1' },
    actingFor: [{ residentId: id, name: '王秀英', sex: 'female', age: 74, status: 'active', relation, kinship: null, scopes }],
    staff: null,
    unreadNotifications: 0,
    deviceRemembered: false,
  } as Me
}

let posted: unknown[] = []

beforeEach(() => {
  posted = []
  vi.stubGlobal('scrollTo', () => {})
  vi.stubGlobal('fetch', vi.fn(async (_url: string, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { sbp: number, dbp: number }
    posted.push(body)
    return new Response(JSON.stringify({
      id: 'bbbbbbbbbbbbbbbb', kind: 'bp', takenAt: '2026-11-22T02:00:00.000Z', takenOn: '2026-11-22', sbp: body.sbp, dbp: body.dbp, pulse: null, glucose: null, timing: null, weightKg: null, waistCm: null,
      recordedBy: '王秀英', danger: body.sbp >= 180 ? 'bp-crisis' : null, doctorNotified: body.sbp >= 180,
    }), { status: 201, headers: { 'Content-Type': 'application/json' } })
  }))
})

afterEach(() => vi.unstubAllGlobals())

async function open(account: Me, elder: boolean) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().signedIn(account)
  usePrefsStore().elder = elder
  const page = { template: '<p>page</p>' }
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', name: 'home', component: page }, { path: '/:any(.*)*', name: 'measurements', component: page }] })
  await router.push('/')
  const wrapper = mount(MeasurementEntryPage, { props: { id }, global: { plugins: [pinia, i18n, router, Button, Tag] } })
  await flushPromises()
  return wrapper
}

const key = (wrapper: Awaited<ReturnType<typeof open>>, text: string) => {
  const found = wrapper.find('.number-pad').findAll('button').find(b => b.text() === text || b.attributes('aria-label') === text)
  if (found === undefined)
    throw new Error(`no key "${text}"`)
  return found
}

describe('MeasurementEntryPage in elder mode', () => {
  it('types on the big pad; a BP of 400 is refused on the phone with the range; 186/112 is sent and says what to do now', async () => {
    const wrapper = await open(me([], 'self'), true)
    const [sbp, dbp] = wrapper.findAll('input')
    expect(sbp!.attributes('readonly')).toBeDefined()
    await sbp!.trigger('focus')
    for (const digit of ['4', '0', '0'])
      await key(wrapper, digit).trigger('click')
    await dbp!.trigger('focus')
    for (const digit of ['1', '1', '2'])
      await key(wrapper, digit).trigger('click')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.text()).toContain('高压（收缩压）应在 40–300 mmHg 之间')
    expect(posted).toEqual([])

    await sbp!.trigger('focus')
    for (let i = 0; i < 3; i++)
      await key(wrapper, '删除').trigger('click')
    for (const digit of ['1', '8', '6'])
      await key(wrapper, digit).trigger('click')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(posted).toEqual([{ kind: 'bp', sbp: 186, dbp: 112 }])
    expect(wrapper.text()).toContain('这个数值需要马上处理')
    expect(wrapper.text()).toContain('请立即拨打120')
    expect(wrapper.text()).toContain('您的家庭医生已收到通知。')
  })

  it('a family member with view only may not record: she is told so, and no form is shown', async () => {
    const wrapper = await open(me(['view'], 'proxy'), false)
    expect(wrapper.text()).toContain('您可以查看王秀英的居家测量，但没有为TA记录的权限。')
    expect(wrapper.find('form').exists()).toBe(false)
  })
})
