// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { Button, Skeleton } from 'vant'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Me } from '../../../../shared/schemas/me'
import { i18n } from '../../i18n'
import { useSessionStore } from '../auth/session.store'
import QuestionnairePage from './QuestionnairePage.vue'

const id = 'aaaaaaaaaaaaaaaa'
const summary = {
  id,
  name: '王秀英',
  sex: 'female',
  birthDate: '1952-04-18',
  age: 74,
  idNumberMasked: '3306**********3620',
  phoneMasked: '138****0001',
  township: '枫桥镇',
  address: '枫桥镇',
  insurance: 'resident',
  hukouRegion: '330681',
  status: 'active',
  statusSince: null,
  recordOpenedOn: '2010-01-01',
  viewerRelation: 'self',
  sensitiveHidden: false,
  conditions: [],
  allergies: [],
  contract: null,
  syncedAt: '2026-11-22T02:00:00.000Z',
}

function me(scopes: Me['actingFor'][number]['scopes'], relation: Me['actingFor'][number]['relation'] = 'self'): Me {
  return {
    account: { id: 'acc', phoneMasked: '138****0001', displayName: '王秀英' },
    mode: 'demo',
    consent: { required: false, noticeVersion: '2026-1' },
    actingFor: [{ residentId: id, name: '王秀英', sex: 'female', age: 74, status: 'active', relation, kinship: null, scopes }],
    staff: null,
    unreadNotifications: 0,
    deviceRemembered: false,
    today: '2026-11-22',
  }
}

let posted: unknown[] = []

beforeEach(() => {
  posted = []
  setActivePinia(createPinia())
  vi.stubGlobal('scrollTo', () => {})
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    if (init?.method === 'POST') {
      const body = JSON.parse(String(init.body)) as { questionnaire: string, answers: Record<string, unknown> }
      posted.push(body)
      const positive = body.answers.chronicDiarrhoea === true
      return new Response(JSON.stringify({
        id: 'q1', questionnaire: body.questionnaire, takenOn: '2026-11-22', takenBy: '王秀英',
        result: positive ? 'positive' : 'negative', reasons: positive ? ['chronicDiarrhoea', 'mucusOrBloodyStool'] : [], answers: body.answers,
      }), { status: 201, headers: { 'Content-Type': 'application/json' } })
    }
    if (url === `/api/residents/${id}`)
      return new Response(JSON.stringify(summary), { status: 200, headers: { 'Content-Type': 'application/json' } })
    return new Response('{}', { status: 404 })
  }))
})

afterEach(() => vi.unstubAllGlobals())

async function open(questionnaire: string, account = me(['view', 'book', 'consult'])) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().signedIn(account)
  const page = { template: '<p>page</p>' }
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', name: 'home', component: page }, { path: '/:any(.*)*', component: page }] })
  await router.push('/')
  const wrapper = mount(QuestionnairePage, { props: { id, questionnaire }, global: { plugins: [pinia, i18n, router, Button, Skeleton] } })
  await flushPromises()
  return wrapper
}

const button = (wrapper: Awaited<ReturnType<typeof open>>, text: string) => {
  const found = wrapper.findAll('button').find(b => b.text() === text)
  if (found === undefined)
    throw new Error(`no button "${text}" in: ${wrapper.text()}`)
  return found
}

async function choose(wrapper: Awaited<ReturnType<typeof open>>, label: string) {
  const option = wrapper.findAll('label.q-option').find(l => l.text() === label)!
  await option.find('input').trigger('change')
}

describe('QuestionnairePage', () => {
  it('walks the colorectal questions one a screen, reviews them and sends the answers', async () => {
    const wrapper = await open('crc-high-risk')
    expect(wrapper.text()).toContain('共 9 题')
    await button(wrapper, '开始答题').trigger('click')
    expect(wrapper.text()).toContain('第 1 / 9 题')

    await button(wrapper, '下一题').trigger('click')
    expect(wrapper.text()).toContain('请选一个答案')
    expect(wrapper.text()).toContain('第 1 / 9 题')

    for (let i = 0; i < 9; i++) {
      await choose(wrapper, i === 3 || i === 5 ? '是' : '否')
      await button(wrapper, i === 8 ? '看一下我的回答' : '下一题').trigger('click')
    }
    expect(wrapper.text()).toContain('请确认您的回答')
    expect(wrapper.findAll('.q-review__item')).toHaveLength(9)

    await button(wrapper, '提交').trigger('click')
    await flushPromises()
    expect(posted).toEqual([{
      questionnaire: 'crc-high-risk',
      answers: {
        firstDegreeRelativeCrc: false,
        ownAdenomaOrPolyp: false,
        ownCancer: false,
        chronicDiarrhoea: true,
        chronicConstipation: false,
        mucusOrBloodyStool: true,
        chronicAppendicitisOrAppendectomy: false,
        chronicCholecystitisOrCholecystectomy: false,
        majorLifeEventOrDepression: false,
      },
    }])
    expect(wrapper.text()).toContain('建议您做肠镜检查')
    expect(wrapper.text()).toContain('提示风险的回答：经常拉肚子、黏液便或血便')
  })

  it('goes back from the first question to the opening screen', async () => {
    const wrapper = await open('copd-sq')
    expect(wrapper.text()).toContain('年龄：74岁（来自健康档案）')
    await button(wrapper, '开始答题').trigger('click')
    await button(wrapper, '上一题').trigger('click')
    expect(wrapper.text()).toContain('共 7 题')
  })

  it('asks a former smoker how much, and counts the two extra questions', async () => {
    const wrapper = await open('copd-sq')
    await button(wrapper, '开始答题').trigger('click')
    await choose(wrapper, '以前吸，现在戒了')
    expect(wrapper.text()).toContain('第 1 / 9 题')
    await button(wrapper, '下一题').trigger('click')
    expect(wrapper.text()).toContain('吸烟的时候，您平均每天吸几支烟？')
    await wrapper.find('input').setValue('0')
    await button(wrapper, '下一题').trigger('click')
    expect(wrapper.text()).toContain('请填写 1 到 100 之间的整数')
  })

  it('tells a friend with view only that she may not answer', async () => {
    const wrapper = await open('copd-sq', me(['view'], 'proxy'))
    expect(wrapper.text()).toContain('没有为TA填写问卷的权限')
    expect(wrapper.findAll('button').some(b => b.text() === '开始答题')).toBe(false)
  })

  it('knows no third questionnaire', async () => {
    const wrapper = await open('phq-9')
    expect(wrapper.text()).toContain('没有找到')
  })
})
