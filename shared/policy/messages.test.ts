import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../dates'
import { evaluateReminders } from './evaluate'
import { Locale, reasonMessages, renderReason } from './messages'
import { ReasonKey } from './reminder'
import { changji2021 } from './rule-sets/changji-2021'
import { changjiResident, event, only, resident } from './snapshot.fixtures'

const locales = Object.values(Locale)
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort()

describe('reason messages', () => {
  it.each(Object.values(ReasonKey))('%s has words in zh-CN and en, with the same parameters', (key) => {
    const zh = reasonMessages[key]['zh-CN']
    const en = reasonMessages[key].en
    expect(zh.trim()).not.toBe('')
    expect(en.trim()).not.toBe('')
    expect(zh).toMatch(/[\u4E00-\u9FFF]/)
    expect(en).not.toMatch(/[\u4E00-\u9FFF]/)
    expect(placeholders(zh)).toEqual(placeholders(en))
  })

  it('has no words for a key the engine cannot emit', () => {
    expect(Object.keys(reasonMessages).sort()).toEqual(Object.values(ReasonKey).sort())
  })

  it('says why in plain words: 王秀英\'s flu shot', () => {
    const flu = only(evaluateReminders(resident({ birthDate: '1956-03-10' }), '2026-11-22'), 'flu-shot')
    expect(renderReason(flu.reason, 'zh-CN')).toBe('您已满70周岁，本季可免费接种流感疫苗')
    expect(renderReason(flu.reason, 'en')).toBe('You are 70 or older, so this season\'s flu shot is free for you.')
    expect(renderReason(flu.missingFact!, 'zh-CN')).toBe('如果您已在别处打过本季流感疫苗，请告诉我们')
  })

  it('writes dates the way each language reads them', () => {
    const r = resident({ birthDate: '1990-01-01', events: [event.exam('2025-06-01')] })
    const exam = only(evaluateReminders(r, '2026-11-22'), 'health-exam')
    expect(renderReason(exam.reason, 'zh-CN')).toBe('您2025年6月1日已经做过体检，2027年1月1日起可以再约下一次')
    expect(renderReason(exam.reason, 'en')).toBe('You had your health check on 1 June 2025. You can book the next one from 1 January 2027.')
  })

  it('names the Changji cohort and its deadline', () => {
    const exam = only(evaluateReminders(changjiResident({ birthDate: '1956-03-10' }), '2026-03-01', changji2021), 'health-exam')
    expect(renderReason(exam.reason, 'zh-CN')).toBe('昌吉市全民健康体检每年免费一次，65周岁以上的老人请在2026年6月30日前完成')
    expect(renderReason(exam.reason, 'en')).toBe('Changji\'s health check is free every year. For people aged 65 or older, please have it by 30 June 2026.')
  })

  it('fails loudly when a rule forgets a parameter', () => {
    expect(() => renderReason({ key: 'flu-shot.eligible', params: {} }, 'en')).toThrow(/needs the parameter "age"/)
  })

  it('renders every reason the engine gives, in both languages, with every parameter filled', () => {
    const dates = fc.integer({ min: 0, max: 2500 }).map(d => addDays('2020-01-01', d))
    const history = fc.array(fc.oneof(
      dates.map(d => event.exam(d)),
      fc.tuple(dates, fc.boolean()).map(([d, self]) => event.flu(d, self)),
      fc.tuple(dates, fc.constantFrom('positive' as const, 'negative' as const)).map(([d, r]) => event.fobt(d, r)),
      fc.tuple(dates, fc.constantFrom('positive' as const, 'negative' as const)).map(([d, r]) => event.crcQuestionnaire(d, r)),
      fc.tuple(dates, fc.constantFrom('positive' as const, 'negative' as const)).map(([d, r]) => event.copdQuestionnaire(d, r)),
      dates.map(d => event.colonoscopy(d)),
      dates.map(d => event.spirometry(d)),
      fc.tuple(dates, fc.constantFrom('face-to-face' as const, 'phone' as const)).map(([d, mode]) => event.followup(d, mode)),
      dates.map(d => event.consultation(d)),
      fc.tuple(dates, fc.constantFrom('normal' as const, 'abnormal' as const, 'critical' as const)).map(([d, worst]) => event.released('e1', d, worst)),
      fc.tuple(dates, fc.nat(60), fc.constantFrom('open' as const, 'checked-in' as const, 'cancelled' as const)).map(([d, wait, status]) => event.booking('b1', d, addDays(d, wait), status)),
    ), { maxLength: 8 })
    const seen = new Set<string>()
    const birthDate = fc.integer({ min: 1930, max: 2020 }).map(year => `${year}-03-15`)
    const conditions = fc.subarray([{ code: 'hypertension' as const, managed: true }, { code: 'severe-mental-disorder' as const, managed: true }])
    fc.assert(fc.property(birthDate, dates, history, fc.boolean(), fc.constantFrom(null, 'primary' as const), conditions, (born, on, events, changji, schoolStage, managed) => {
      const facts = { birthDate: born, events, conditions: managed, schoolStage }
      const snapshot = changji ? changjiResident(facts) : resident(facts)
      for (const reminder of evaluateReminders(snapshot, on, changji ? changji2021 : undefined)) {
        for (const reason of [reminder.reason, ...(reminder.missingFact === undefined ? [] : [reminder.missingFact])]) {
          seen.add(reason.key)
          for (const locale of locales)
            expect(renderReason(reason, locale)).not.toMatch(/[{}]|undefined|NaN/)
        }
      }
    }), {
      numRuns: 3000,
      // some reasons are rare among random histories (a negative FOBT five years before the day,
      // a cancelled booking whose day is still ahead): residents who reach them always run, so
      // the key check below does not depend on luck
      examples: [
        ['1960-03-15', '2026-06-01', [event.fobt('2020-02-01', 'negative')], false, null, []],
        ['1960-03-15', '2026-06-01', [event.booking('b1', '2026-05-20', '2026-06-10', 'cancelled')], false, null, []],
        ['1960-03-15', '2026-06-01', [event.booking('b1', '2026-05-20', '2026-06-10', 'checked-in')], false, null, []],
      ],
    })
    // the generated residents reach every key, so none goes unrendered
    expect(Object.values(ReasonKey).filter(key => !seen.has(key))).toEqual([])
  })
})
