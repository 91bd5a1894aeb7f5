// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { defineFeatureI18n, i18n, loadLanguage } from '.'

const useFeatureI18n = defineFeatureI18n({
  'zh-CN': { feature: { hello: '您好，功能' } },
  'en': { feature: { hello: 'Hello, feature' } },
})

const Probe = defineComponent(() => {
  const { t } = useFeatureI18n()
  return () => h('p', `${t('feature.hello')} | ${t('app.retry')}`)
})

describe('feature words', () => {
  it('arrive with their feature and read in Chinese', () => {
    expect(mount(Probe, { global: { plugins: [i18n] } }).text()).toBe('您好，功能 | 重试')
  })

  it('survive English being fetched after them, and English\'s own words still load', async () => {
    mount(Probe, { global: { plugins: [i18n] } })
    await loadLanguage('en')
    expect(mount(Probe, { global: { plugins: [i18n] } }).text()).toBe('Hello, feature | Try again')
    await loadLanguage('zh-CN')
  })
})
