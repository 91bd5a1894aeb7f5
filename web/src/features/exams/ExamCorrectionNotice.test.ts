// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { ExamCorrection, ExamSummary } from '../../../../shared/schemas/exams'
import { i18n } from '../../i18n'
import ExamCorrectionNotice from './ExamCorrectionNotice.vue'
import ExamRetractionNotice from './ExamRetractionNotice.vue'

const correction: ExamCorrection = {
  version: 2,
  correctedAt: '2026-11-22T02:00:00.000Z',
  changes: [
    { code: '14771-0', before: { value: 7.8, valueText: null, unit: 'mmol/L', flag: 'high' }, after: { value: 6.0, valueText: null, unit: 'mmol/L', flag: 'normal' } },
    { code: '11524-6', before: null, after: { value: null, valueText: '<img src=x onerror=alert(1)>', unit: null, flag: 'high' } },
  ],
}

describe('ExamCorrectionNotice', () => {
  it('says the results were corrected, each item before and after with its unit and flag in words', () => {
    const wrapper = mount(ExamCorrectionNotice, { props: { corrections: [correction] }, global: { plugins: [i18n] } })
    expect(wrapper.find('h2').text()).toMatch(/结果已更正$/)
    const [glucose, ecg] = wrapper.findAll('li')
    expect(glucose!.text()).toMatch(/空腹血糖\s*原来\s*7\.80 mmol\/L\s*↑偏高\s*→\s*改为\s*6\.00 mmol\/L\s*✓正常/)
    expect(ecg!.text()).toContain('新增')
    expect(ecg!.text()).not.toContain('原来')
  })

  it('keeps an item\'s text as text', () => {
    const wrapper = mount(ExamCorrectionNotice, { props: { corrections: [correction] }, global: { plugins: [i18n] } })
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.text()).toContain('<img src=x onerror=alert(1)>')
  })
})

describe('ExamRetractionNotice', () => {
  const exam: Pick<ExamSummary, 'retractedOn' | 'retractionReason' | 'institution'> = { retractedOn: '2026-11-22', retractionReason: '这份结果录入到了别人名下', institution: { id: 'i', name: '枫桥镇卫生院' } }

  it('says when and why the institution withdrew it, and whom to ask', () => {
    const text = mount(ExamRetractionNotice, { props: { exam, titled: true }, global: { plugins: [i18n] } }).text()
    expect(text).toContain('这份体检结果已撤回')
    expect(text).toContain('体检机构于2026年11月22日撤回了这份结果，其中的数值不再显示。')
    expect(text).toContain('撤回原因：这份结果录入到了别人名下')
    expect(text).toContain('如有疑问，请联系枫桥镇卫生院。')
  })
})
