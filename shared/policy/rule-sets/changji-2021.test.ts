import { describe, expect, it } from 'vitest'
import { examItemsByKey } from '../../clinical/exam-items'
import { evaluateReminders } from '../evaluate'
import { changjiResident, ofKind, only, resident } from '../snapshot.fixtures'
import type { Snapshot } from '../snapshot'
import { CHANGJI_SEX_ULTRASOUND, changji2021, changjiEligibility, changjiExamDeadline, changjiExamItems, changjiExamStandardYuan } from './changji-2021'

const on = '2026-11-22'
// an in-migrant from Urumqi (650102) living in Changji city
const migrant = (overrides: Partial<Snapshot> = {}) => resident({ hukouRegion: '650102', residenceRegion: '652301', insurance: 'none', insuranceRegion: null, ...overrides })

describe('changji-2021 eligibility (seed 003 §一)', () => {
  const table: [string, Snapshot, ReturnType<typeof changjiEligibility>][] = [
    ['Changji 户籍, any age', changjiResident({ birthDate: '2024-01-01' }), 'hukou'],
    ['Changji 户籍 on employee insurance', changjiResident({ insurance: 'employee' }), 'hukou'],
    ['Xinjiang in-migrant with a permit of exactly 6 months', migrant({ residencePermitSince: '2026-05-22' }), 'residence-permit'],
    ['Xinjiang in-migrant with a permit one day short of 6 months', migrant({ residencePermitSince: '2026-05-23' }), null],
    ['Xinjiang in-migrant on resident insurance in Changji prefecture', migrant({ insurance: 'resident', insuranceRegion: '652302' }), 'insured'],
    ['Xinjiang in-migrant on employee insurance in Changji', migrant({ insurance: 'employee', insuranceRegion: '652301' }), null],
    ['Xinjiang in-migrant insured at home in Urumqi', migrant({ insurance: 'resident', insuranceRegion: '650102' }), null],
    ['Corps 户籍 (Shihezi 659001) with a permit', migrant({ hukouRegion: '659001', residencePermitSince: '2020-01-01' }), null],
    ['in-migrant from outside Xinjiang with a permit', migrant({ hukouRegion: '330681', residencePermitSince: '2020-01-01' }), null],
    ['child of 14 through a parent with a permit', migrant({ birthDate: '2012-01-01', parentResidence: { hukouRegion: '650102', residencePermitSince: '2025-01-01', insurance: 'none', insuranceRegion: null } }), 'through-parent'],
    ['child of 10 through a parent insured in Changji', migrant({ birthDate: '2016-01-01', parentResidence: { hukouRegion: '650102', residencePermitSince: null, insurance: 'resident', insuranceRegion: '652301' } }), 'through-parent'],
    ['young person of 15 with only a parent\'s permit', migrant({ birthDate: '2011-11-22', parentResidence: { hukouRegion: '650102', residencePermitSince: '2025-01-01', insurance: 'none', insuranceRegion: null } }), null],
    ['child whose parent\'s permit is 2 months old', migrant({ birthDate: '2016-01-01', parentResidence: { hukouRegion: '650102', residencePermitSince: '2026-09-22', insurance: 'none', insuranceRegion: null } }), null],
    ['child with no parent\'s facts', migrant({ birthDate: '2016-01-01' }), null],
  ]
  it.each(table)('%s', (_, snapshot, expected) => {
    expect(changjiEligibility(snapshot, on)).toBe(expected)
    expect(ofKind(evaluateReminders(snapshot, on, changji2021), 'health-exam')).toHaveLength(expected === null ? 0 : 1)
  })
})

describe('changji-2021 cohort deadlines (seed 003 §四(一))', () => {
  const table: [string, Partial<Snapshot>, number, string, string][] = [
    ['a child of 6', {}, 6, 'child', '06-30'],
    ['a primary pupil of 6', { schoolStage: 'primary' }, 6, 'child', '06-30'],
    ['a pupil of 10', { schoolStage: 'primary' }, 10, 'student', '09-30'],
    ['a child of 10 out of school', {}, 10, 'other', '10-10'],
    ['a secondary student of 16', { schoolStage: 'secondary' }, 16, 'student', '09-30'],
    ['a college student of 20', { schoolStage: 'college' }, 20, 'student', '09-30'],
    ['a resident of 15', {}, 15, 'working-age', '10-10'],
    ['a resident of 64', {}, 64, 'working-age', '10-10'],
    ['a public employee of 40', { publicEmployee: true }, 40, 'public-employee', '09-30'],
    ['a retired public employee of 66', { publicEmployee: true }, 66, 'elderly', '06-30'],
    ['a resident of 65', {}, 65, 'elderly', '06-30'],
  ]
  it.each(table)('%s', (_, overrides, age, cohort, monthDay) => {
    expect(changjiExamDeadline(changjiResident(overrides), age)).toEqual({ cohort, monthDay })
  })

  it('a 70-year-old without this year\'s exam is overdue after 30 June', () => {
    const r = changjiResident({ birthDate: '1956-03-10' })
    expect(only(evaluateReminders(r, '2026-06-30', changji2021), 'health-exam')).toMatchObject({ status: 'due', dueFrom: '2026-01-01', dueBy: '2026-06-30', free: true, ruleId: 'changji-2021/health-exam', reason: { key: 'health-exam.changji-yearly', params: { cohort: 'elderly', date: '2026-06-30' } } })
    expect(only(evaluateReminders(r, '2026-07-01', changji2021), 'health-exam').status).toBe('overdue')
  })

  it('an exam this year is done until 1 January, by next year\'s cohort deadline', () => {
    const r = changjiResident({ birthDate: '1962-01-01', events: [{ kind: 'exam', date: '2026-05-01' }] })
    // 64 now, 65 on 2027-01-01: next year's deadline is the elderly one
    expect(only(evaluateReminders(r, on, changji2021), 'health-exam')).toMatchObject({ status: 'done', dueFrom: '2027-01-01', dueBy: '2027-06-30' })
  })

  it('an exam last year does not count: every year', () => {
    const r = changjiResident({ birthDate: '1990-01-01', events: [{ kind: 'exam', date: '2025-12-31' }] })
    expect(only(evaluateReminders(r, '2026-03-01', changji2021), 'health-exam')).toMatchObject({ status: 'due', dueBy: '2026-10-10' })
  })

  it('gives no flu, colorectal or COPD reminders, which are Zhejiang\'s programmes', () => {
    const kinds = evaluateReminders(changjiResident({ birthDate: '1950-01-01' }), on, changji2021).map(r => r.kind)
    expect(kinds).toEqual(['health-exam'])
  })
})

describe('changji-2021 items by age and sex (seed 003 §二(三))', () => {
  it('under 15: no chest DR, no lipids, no abdominal ultrasound', () => {
    const items = changjiExamItems({ age: 14, sex: 'male', chronicManaged: false })
    expect(items).not.toContain('chest-dr')
    expect(items.filter(i => ['ldl-c', 'hdl-c', 'total-cholesterol', 'triglycerides', 'abdominal-ultrasound'].includes(i))).toEqual([])
  })

  it('15 to 44: chest DR, still no lipids or abdominal ultrasound', () => {
    const items = changjiExamItems({ age: 44, sex: 'female', chronicManaged: false })
    expect(items).toContain('chest-dr')
    expect(items).not.toContain('ldl-c')
    expect(items).not.toContain('abdominal-ultrasound')
    expect(items).not.toContain('breast-ultrasound')
  })

  it('45 and over: LDL-C and HDL-C (not TC or TG), and the ultrasound for their sex', () => {
    const man = changjiExamItems({ age: 45, sex: 'male', chronicManaged: false })
    const woman = changjiExamItems({ age: 45, sex: 'female', chronicManaged: false })
    expect(man).toEqual(expect.arrayContaining(['chest-dr', 'ldl-c', 'hdl-c', 'abdominal-ultrasound', 'prostate-bladder-ultrasound']))
    expect(man).not.toContain('total-cholesterol')
    expect(man).not.toContain('breast-ultrasound')
    expect(woman).toEqual(expect.arrayContaining(['ldl-c', 'hdl-c', 'breast-ultrasound']))
    expect(woman).not.toContain('prostate-bladder-ultrasound')
  })

  it('a managed chronic patient gets the full national package, all four lipids', () => {
    expect(changjiExamItems({ age: 30, sex: 'male', chronicManaged: true })).toEqual(expect.arrayContaining(['total-cholesterol', 'triglycerides', 'ldl-c', 'hdl-c', 'abdominal-ultrasound']))
  })

  it('names only items of the catalogue, besides the two sex-specific ultrasounds', () => {
    const sexUltrasounds: string[] = Object.values(CHANGJI_SEX_ULTRASOUND)
    const unknown = changjiExamItems({ age: 70, sex: 'female', chronicManaged: true }).filter(key => !examItemsByKey.has(key) && !sexUltrasounds.includes(key))
    expect(unknown).toEqual([])
  })

  it('pays 100 yuan, 132 from 80 (seed 003 §三)', () => {
    expect([changjiExamStandardYuan(0), changjiExamStandardYuan(79), changjiExamStandardYuan(80)]).toEqual([100, 100, 132])
  })

  it('plans a resident\'s exam on the day she books for: her age then, her sex, her managed conditions', () => {
    const plan = changji2021.examPlan!
    // 80 on 2027-03-01: a booking for that day is paid at 132 yuan
    const elder = changjiResident({ birthDate: '1947-03-01', sex: 'female', conditions: [{ code: 'hypertension', managed: true }] })
    expect(plan(elder, '2027-02-28').standardFen).toBe(10000)
    expect(plan(elder, '2027-03-01')).toEqual({ standardFen: 13200, items: changjiExamItems({ age: 80, sex: 'female', chronicManaged: true }) })
    expect(plan(elder, '2027-03-01').items).toContain('triglycerides')
    const unmanaged = changjiResident({ birthDate: '1990-06-01', sex: 'male', conditions: [{ code: 'hypertension', managed: false }] })
    expect(plan(unmanaged, on).items).not.toContain('total-cholesterol')
    expect(plan(unmanaged, on).items).toContain('chest-dr')
  })
})
