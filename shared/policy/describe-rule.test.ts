import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { describeRule } from './describe-rule'
import { evaluateReminders } from './evaluate'
import { Locale } from './messages'
import { changji2021 } from './rule-sets/changji-2021'
import { ruleSets } from './rule-sets/registry'
import { zhejiang2022 } from './rule-sets/zhejiang-2022'
import type { PolicyEvent, Snapshot } from './snapshot'
import { changjiResident, event, resident } from './snapshot.fixtures'

const on = '2026-11-22'

/** Residents who between them meet every rule of both rule sets, each with a history that opens every step. */
function everyProgramme(base: (overrides: Partial<Snapshot>) => Snapshot): Snapshot[] {
  const managed = [{ code: 'hypertension' as const, managed: true }, { code: 'severe-mental-disorder' as const, managed: true }]
  const results: PolicyEvent[] = [event.released('e1', '2026-11-01', 'critical'), event.released('e2', '2026-11-02', 'abnormal'), event.booking('b1', '2026-11-01', '2026-11-30')]
  return [
    base({ birthDate: '1954-03-10', conditions: managed, events: results }),
    base({ birthDate: '1954-03-10', events: [event.fobt('2026-10-01', 'positive'), event.copdQuestionnaire('2026-10-01', 'positive')] }),
    base({ birthDate: '2020-05-01' }),
  ]
}

/** Every rule id the rule set emits for these residents, from a few dates across the flu season. */
function emittedRuleIds(snapshots: readonly Snapshot[], ruleSet = zhejiang2022): Set<string> {
  const ids = new Set<string>()
  for (const snapshot of snapshots) {
    for (const day of ['2026-03-01', '2026-06-15', on]) {
      for (const reminder of evaluateReminders(snapshot, day, ruleSet))
        ids.add(reminder.ruleId)
    }
  }
  return ids
}

const describedRuleIds = (ruleSetId: string) => Object.keys(ruleSets.find(r => r.id === ruleSetId)!.ruleSources).map(rule => `${ruleSetId}/${rule}`)

describe('describeRule', () => {
  it('describes the flu rule by its policy, its seed, the section the policy numbers, and a summary', () => {
    expect(describeRule('zhejiang-2022/flu')).toEqual({
      ruleSetId: 'zhejiang-2022',
      policy: { 'zh-CN': '浙江省城乡居民“三免费三惠享”健康行动实施方案', 'en': expect.any(String) },
      seed: '000',
      section: '§二(二)',
      summary: { 'zh-CN': '70周岁以上本省户籍老年人每年免费接种一剂流感疫苗', 'en': expect.any(String) },
    })
  })

  it('cites a shared rule by the rule set that applies it', () => {
    expect(describeRule('zhejiang-2022/chronic-followup')).toMatchObject({ seed: '002', section: '§五(七)', policy: { 'zh-CN': '诸暨市2024年国家基本公共卫生服务项目实施方案（征求意见稿）' } })
    expect(describeRule('changji-2021/chronic-followup')).toMatchObject({ ruleSetId: 'changji-2021', policy: { 'zh-CN': '昌吉市全民健康体检工作实施方案' } })
    expect(describeRule('changji-2021/chronic-followup')!.summary).toEqual(describeRule('zhejiang-2022/chronic-followup')!.summary)
  })

  it('has no section where the document numbers none', () => {
    expect(describeRule('zhejiang-2022/critical-result')).toMatchObject({ seed: '001', section: null })
  })

  it('returns null for a rule set or rule this build does not ship', () => {
    const unknown = ['guangdong-2030/flu', 'changji-2021/flu', 'zhejiang-2022/', 'zhejiang-2022/constructor', 'zhejiang-2022', 'flu', '']
    expect(unknown.filter(ruleId => describeRule(ruleId) !== null)).toEqual([])
  })

  it('describes exactly the rules each rule set emits', () => {
    expect(emittedRuleIds(everyProgramme(resident), zhejiang2022)).toEqual(new Set(describedRuleIds('zhejiang-2022')))
    expect(emittedRuleIds(everyProgramme(changjiResident), changji2021)).toEqual(new Set(describedRuleIds('changji-2021')))
  })

  it('words every description in every locale', () => {
    const problems: string[] = []
    for (const ruleSet of ruleSets) {
      for (const ruleId of describedRuleIds(ruleSet.id)) {
        const { seed, section, policy, summary } = describeRule(ruleId)!
        // each source cites one of the rule set's own seeds, as policy-rules.md does
        if (!ruleSet.sources.includes(`seed ${seed}`))
          problems.push(`${ruleId}: seed "${seed}"`)
        // a section is only the article as the document numbers it: residents never see our seed ids
        if (section !== null && (/seed/i.test(section) || !section.startsWith('§')))
          problems.push(`${ruleId}: section "${section}"`)
        for (const locale of Object.values(Locale)) {
          if (!policy[locale] || !summary[locale])
            problems.push(`${ruleId}: no ${locale}`)
        }
      }
    }
    expect(problems).toEqual([])
  })

  it('has a description for every reminder of any resident, on any date, under either rule set', () => {
    const date = fc.integer({ min: Date.UTC(1930, 0, 1) / 86_400_000, max: Date.UTC(2027, 11, 31) / 86_400_000 }).map(d => new Date(d * 86_400_000).toISOString().slice(0, 10))
    const anyEvent: fc.Arbitrary<PolicyEvent> = fc.oneof(
      date.map(d => event.exam(d)),
      fc.tuple(date, fc.constantFrom('normal' as const, 'abnormal' as const, 'critical' as const)).map(([d, worst]) => event.released('e1', d, worst)),
      fc.tuple(date, fc.boolean()).map(([d, self]) => event.flu(d, self)),
      fc.tuple(date, fc.constantFrom('positive' as const, 'negative' as const)).map(([d, r]) => event.fobt(d, r)),
      fc.tuple(date, fc.constantFrom('positive' as const, 'negative' as const)).map(([d, r]) => event.copdQuestionnaire(d, r)),
      fc.tuple(date, fc.constantFrom('face-to-face' as const, 'phone' as const)).map(([d, mode]) => event.followup(d, mode)),
      fc.tuple(date, date).map(([d, slot]) => event.booking('b1', d, slot)),
    )
    const snapshot = fc.record({
      birthDate: date,
      hukouRegion: fc.constantFrom('330681', '652301', '650102'),
      insurance: fc.constantFrom('resident' as const, 'employee' as const),
      conditions: fc.subarray([{ code: 'hypertension' as const, managed: true }, { code: 'severe-mental-disorder' as const, managed: true }, { code: 'copd' as const, managed: true }]),
      events: fc.array(anyEvent, { maxLength: 8 }),
    }).map(facts => resident({ ...facts, residenceRegion: facts.hukouRegion, insuranceRegion: facts.hukouRegion }))
    fc.assert(fc.property(snapshot, date, fc.constantFrom(...ruleSets), (someone, day, ruleSet) => {
      const undescribed = evaluateReminders(someone, day, ruleSet).filter(reminder => describeRule(reminder.ruleId) === null)
      expect(undescribed.map(reminder => reminder.ruleId)).toEqual([])
    }), { numRuns: 1000 })
  })
})
