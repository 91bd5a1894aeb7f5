import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { accessLogWords } from './access-log.messages'
import { sectionName } from './section-name'

describe('sectionName', () => {
  it('names the parts of a record the server logs, in each language, and passes an unknown word through', () => {
    const i18n = createI18n({ legacy: false, locale: 'zh-CN', missingWarn: false, fallbackWarn: false, messages: accessLogWords })
    const t = (key: string) => i18n.global.t(key)
    expect(['exams', 'bookings', 'booking', 'record', 'proxies', 'followups'].map(w => sectionName(w, t))).toEqual(['体检结果', '体检预约', '体检预约', '档案', '亲情账户授权', '随访记录'])
    expect(sectionName('dashboards', t)).toBe('dashboards')
    i18n.global.locale.value = 'en'
    expect(sectionName('bookings', t)).toBe('exam bookings')
  })
})
