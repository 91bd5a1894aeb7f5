// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Me } from '../../../../shared/schemas/me'
import type { ResidentSummary } from '../../../../shared/schemas/residents'
import { i18n } from '../../i18n'
import { useSessionStore } from '../auth/session.store'
import RecordViewerBanner from './RecordViewerBanner.vue'

const ids = { self: 'aaaaaaaaaaaaaaaa', mother: 'bbbbbbbbbbbbbbbb', daughter: 'cccccccccccccccc', stranger: 'dddddddddddddddd' }

const me: Me = {
  account: { id: 'acc', phoneMasked: '138****0002', displayName: '李建国' },
  mode: 'demo',
  consent: { required: false, noticeVersion: '2026-1' },
  actingFor: [
    { residentId: ids.self, name: '李建国', sex: 'male', age: 48, status: 'active', relation: 'self', kinship: null, scopes: ['view', 'book', 'consult'] },
    { residentId: ids.mother, name: '王秀英', sex: 'female', age: 74, status: 'active', relation: 'proxy', kinship: 'mother', scopes: ['view', 'book', 'consult'] },
    { residentId: ids.daughter, name: '李小雨', sex: 'female', age: 10, status: 'active', relation: 'household-parent', kinship: 'daughter', scopes: ['view', 'book', 'consult'] },
  ],
  staff: null,
  unreadNotifications: 0,
  deviceRemembered: false,
  today: '2026-11-22',
}

function banner(residentId: string, summary: ResidentSummary | null = null) {
  return mount(RecordViewerBanner, { props: { residentId, summary }, global: { plugins: [i18n] } })
}

beforeEach(() => {
  setActivePinia(createPinia())
  useSessionStore().signedIn(me)
})

describe('RecordViewerBanner', () => {
  it('says nothing on the account holder\'s own record', () => {
    expect(banner(ids.self).text()).toBe('')
  })

  it('names the mother whose grant he uses', () => {
    expect(banner(ids.mother).text()).toBe('您正在查看：王秀英（母亲）的档案')
  })

  it('names the daughter he acts for as her household parent', () => {
    expect(banner(ids.daughter).text()).toBe('您正在查看：李小雨（女儿）的档案')
  })

  it('falls back to the record itself for a doctor\'s signed resident', () => {
    const summary = { name: '张伟', sex: 'male', viewerRelation: 'care-team' } as ResidentSummary
    expect(banner(ids.stranger, summary).text()).toBe('您正在查看：张伟（签约居民）的档案')
  })
})
