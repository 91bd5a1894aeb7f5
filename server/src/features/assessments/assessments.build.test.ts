import { describe, expect, it } from 'vitest'
import type { ExamItemValue } from '../../../../shared/schemas/exams'
import type { AssessmentFacts } from './assessments.build'
import { buildAssessment, eligibilityOf, isAntihypertensive, isUrbanTownship } from './assessments.build'

const item = (code: string, value: number, flag: ExamItemValue['flag'] = 'normal'): ExamItemValue => ({ code, value, valueText: null, unit: null, refLow: null, refHigh: null, flag })

describe('eligibilityOf (seed 000 §三(三): signed residents 65+ and every 三高 patient)', () => {
  const on = '2026-11-22'
  it.each([
    ['signed, 65 today', { signed: true, conditions: [], birthDate: '1961-11-22' }, ['signed-65']],
    ['signed, 65 tomorrow', { signed: true, conditions: [], birthDate: '1961-11-23' }, []],
    ['not signed, 80', { signed: false, conditions: [], birthDate: '1946-01-01' }, []],
    ['hypertension at 40, not signed', { signed: false, conditions: ['hypertension'], birthDate: '1986-01-01' }, ['hypertension']],
    ['diabetes and dyslipidaemia', { signed: false, conditions: ['diabetes', 'dyslipidaemia'], birthDate: '1986-01-01' }, ['diabetes', 'dyslipidaemia']],
    ['COPD only', { signed: true, conditions: ['copd'], birthDate: '1970-01-01' }, []],
    ['王秀英: signed, 74, hypertension and diabetes', { signed: true, conditions: ['hypertension', 'diabetes'], birthDate: '1952-04-18' }, ['signed-65', 'hypertension', 'diabetes']],
  ])('%s', (_, { signed, conditions, birthDate }, expected) => {
    expect(eligibilityOf({ on, signed, conditions, resident: { birthDate } })).toEqual(expected)
  })
})

describe('the facts China-PAR reads', () => {
  it('blood-pressure medicines by their generic stem', () => {
    expect(['苯磺酸氨氯地平片', '厄贝沙坦片', '二甲双胍片'].map(isAntihypertensive)).toEqual([true, true, false])
  })
  it('a 街道 is urban, a 镇 rural', () => {
    expect([isUrbanTownship('暨阳街道'), isUrbanTownship('枫桥镇')]).toEqual([true, false])
  })
})

function facts(extra: Partial<AssessmentFacts> = {}): AssessmentFacts {
  return {
    year: 2026,
    on: '2026-11-22',
    resident: { name: '王秀英', sex: 'female', birthDate: '1952-04-18', smoker: false, familyHistoryCvd: false, residenceRegion: '330681', township: '枫桥镇' },
    conditions: ['hypertension', 'diabetes'],
    signed: true,
    onAntihypertensive: true,
    exam: { date: '2026-05-19', items: [item('8480-6', 132), item('8462-4', 78), item('14771-0', 7.42, 'high'), item('14647-2', 5.05), item('14646-4', 1.32), item('22748-8', 3.62, 'high'), item('8280-0', 82), item('39156-5', 23.0)] },
    previousExam: { date: '2025-05-22', items: [item('8480-6', 138), item('8462-4', 82), item('14771-0', 7.1, 'high'), item('22748-8', 3.3), item('8280-0', 83.5), item('39156-5', 23.5), item('14927-8', 1.82, 'high')] },
    home: [],
    reminders: [
      { kind: 'flu-shot', status: 'due', dueFrom: '2026-09-01', free: true },
      { kind: 'health-exam', status: 'upcoming', dueFrom: '2027-01-01', free: true },
      { kind: 'crc-screening', status: 'done', dueFrom: '2031-06-10', free: true },
    ],
    ...extra,
  }
}

describe('buildAssessment', () => {
  const report = buildAssessment(facts())
  const measure = (key: string) => report.measures.find(m => m.key === key)!

  it('BP 132/78 from the exam: high-normal, target < 140/90 met, 6 and 4 lower than last year', () => {
    expect(measure('bp')).toMatchObject({ value: 132, value2: 78, source: 'exam', previous: 138, change: -6, change2: -4, category: 'high-normal', targetBelow: 140, targetBelow2: 90, metTarget: true })
  })

  it('glucose 7.42 in the diabetes range misses < 7.0; LDL-C 3.62 misses a diabetic\'s < 2.6; waist 1.5 cm smaller', () => {
    expect(measure('fastingGlucose')).toMatchObject({ category: 'diabetes-range', metTarget: false, change: 0.32 })
    expect(measure('ldl')).toMatchObject({ category: 'borderline', targetBelow: 2.6, metTarget: false })
    expect(measure('waist')).toMatchObject({ value: 82, change: -1.5, category: 'pre-central', metTarget: true })
  })

  it('China-PAR from the exam, treated, diabetic, south, rural; with the ideal-values risk below it', () => {
    expect(report.risk.missing).toEqual([])
    expect(report.risk.risk).toBeGreaterThan(report.risk.ideal!)
    expect(report.risk.category).toBe('high')
  })

  it('abnormal items and what changed: LDL-C newly high, TG back to normal is not claimed without a value, the flu shot newly due', () => {
    expect(report.abnormal.map(a => a.code)).toEqual(['14771-0', '22748-8'])
    expect(report.changes).toEqual({ newAbnormal: ['22748-8'], backToNormal: [], newlyDue: ['flu-shot'] })
    expect(report.due.map(d => d.kind)).toEqual(['flu-shot', 'health-exam'])
  })

  it('home readings feed the averages and stand in for a missing exam value', () => {
    const withHome = buildAssessment(facts({
      exam: null,
      home: [
        { kind: 'bp', sbp: 150, dbp: 92, glucose: null, timing: null, weightKg: null, waistCm: null },
        { kind: 'bp', sbp: 141, dbp: 85, glucose: null, timing: null, weightKg: null, waistCm: null },
        { kind: 'glucose', sbp: null, dbp: null, glucose: 9.0, timing: 'after-meal', weightKg: null, waistCm: null },
      ],
    }))
    const bp = withHome.measures.find(m => m.key === 'bp')!
    expect(bp).toMatchObject({ value: 146, value2: 89, source: 'home', category: 'grade-1', metTarget: false, home: { average: 146, average2: 89, count: 2 } })
    // an after-meal glucose is not a fasting one
    expect(withHome.measures.find(m => m.key === 'fastingGlucose')).toMatchObject({ value: null, home: null })
  })

  it('without TC and HDL-C the risk names what is missing, and no ideal is shown', () => {
    const partial = buildAssessment(facts({ exam: { date: '2026-05-19', items: [item('8480-6', 132), item('8462-4', 78), item('8280-0', 82)] }, resident: { ...facts().resident, smoker: null } }))
    expect(partial.risk).toEqual({ risk: null, category: null, ideal: null, missing: ['tcMmol', 'hdlMmol', 'smoker'], ageOutOfRange: false })
  })

  it('at 75 and over, China-PAR gives no number (derived for 35–74)', () => {
    const older = buildAssessment(facts({ resident: { ...facts().resident, birthDate: '1950-01-01' } }))
    expect(older.risk).toMatchObject({ risk: null, ideal: null, ageOutOfRange: true })
  })
})
