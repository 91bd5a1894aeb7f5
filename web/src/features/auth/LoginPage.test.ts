// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { Button, CellGroup, Checkbox, Field, Skeleton } from 'vant'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '../../i18n'
import LoginPage from './LoginPage.vue'

type Answers = Record<string, { status: number, body: unknown }>

function stubApi(answers: Answers) {
  const calls: string[] = []
  vi.stubGlobal('fetch', vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(async (url, init) => {
    const key = `${init?.method ?? 'GET'} ${url}`
    calls.push(key)
    const answer = answers[key] ?? { status: 404, body: { error: { code: 'NOT_FOUND', message: 'no route' } } }
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json' } })
  }))
  return calls
}

async function mountLogin() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/login', component: LoginPage }, { path: '/:any(.*)*', component: { template: '<p>elsewhere</p>' } }] })
  await router.push('/login')
  const wrapper = mount(LoginPage, { global: { plugins: [createPinia(), i18n, router, Button, CellGroup, Checkbox, Field, Skeleton] } })
  await flushPromises()
  return wrapper
}

const health = { 'GET /api/health': { status: 200, body: { status: 'ok', database: 'ok', mode: 'demo' } } }
const notRemembered = { 'GET /api/auth/device': { status: 200, body: { remembered: false, phoneMasked: null, displayName: null } } }

afterEach(() => vi.unstubAllGlobals())

describe('LoginPage', () => {
  it('offers the PIN first on a remembered device, and SMS on request', async () => {
    stubApi({ ...health, 'GET /api/auth/device': { status: 200, body: { remembered: true, phoneMasked: '138****0001', displayName: '王秀英' } } })
    const wrapper = await mountLogin()
    expect(wrapper.find('h2').text()).toBe('欢迎回来，王秀英')
    expect(wrapper.find('label').text()).toBe('输入6位密码')
    const sms = wrapper.findAll('button').find(b => b.text() === '改用短信验证码登录')!
    await sms.trigger('click')
    expect(wrapper.find('h2').text()).toBe('登录康伴')
  })

  it('shows the demo notice and the code from the dev outbox in demo mode', async () => {
    const calls = stubApi({ ...health, ...notRemembered, 'GET /api/dev/outbox?phone=13800000001': { status: 200, body: { phone: '13800000001', code: '482913', sentAt: '2026-11-22T01:00:00Z' } } })
    const wrapper = await mountLogin()
    expect(wrapper.text()).toContain('演示模式')
    await wrapper.find('input[type="tel"]').setValue('13800000001')
    await wrapper.findAll('button').find(b => b.text() === '查看演示验证码')!.trigger('click')
    await flushPromises()
    expect(calls).toContain('GET /api/dev/outbox?phone=13800000001')
    expect(wrapper.text()).toContain('演示验证码：482913')
  })

  it('asks to wait a minute when codes are rate limited', async () => {
    stubApi({ ...health, ...notRemembered, 'POST /api/auth/otp': { status: 429, body: { error: { code: 'RATE_LIMITED', message: 'one code a minute' } } } })
    const wrapper = await mountLogin()
    await wrapper.find('input[type="tel"]').setValue('13800000001')
    await wrapper.findAll('button').find(b => b.text() === '获取验证码')!.trigger('click')
    await flushPromises()
    expect(wrapper.find('[role="alert"]').text()).toBe('请求太频繁，请等一分钟再试')
    expect(wrapper.findAll('button').some(b => /秒后可重新获取/.test(b.text()))).toBe(true)
  })

  it('rejects a malformed phone number before asking the server', async () => {
    const calls = stubApi({ ...health, ...notRemembered })
    const wrapper = await mountLogin()
    await wrapper.find('input[type="tel"]').setValue('12345')
    await wrapper.findAll('button').find(b => b.text() === '获取验证码')!.trigger('click')
    expect(wrapper.text()).toContain('请输入正确的11位手机号')
    expect(calls.some(c => c.startsWith('POST'))).toBe(false)
  })
})
