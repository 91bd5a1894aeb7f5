import { beforeAll, describe, expect, it } from 'vitest'
import { chinaParRiskUnrounded } from '../../../../shared/clinical/china-par'
import type { AssessmentContent } from '../../../../shared/schemas/assessments'
import type { Db, Sqlite } from '../../db/client'
import { openDb } from '../../db/client'
import { seedDemoCounty } from '../../seed/seed'
import { generateYearAssessments, runAssessmentsStep } from './assessments.generate'

/** The demo personas (demo.md) on KANGBAN_TODAY=2026-11-22, with no generated residents. */
let db: Db
let sqlite: Sqlite
const wangId = () => (sqlite.prepare('select id from residents where phone = \'13800000001\'').get() as { id: string }).id
const reportsOf = () => sqlite.prepare('select r.name, a.year, a.version, a.status from annual_assessments a join residents r on r.id = a.resident_id order by r.name').all()
const contentOf = (residentId: string, year = 2026) => JSON.parse((sqlite.prepare('select content from annual_assessments where resident_id = ? and year = ?').get(residentId, year) as { content: string }).content) as AssessmentContent

beforeAll(() => {
  ({ db, sqlite } = openDb(':memory:'))
  seedDemoCounty(sqlite, { residents: 0, seed: 42, today: '2026-11-22' })
})

describe('generation from the personas\' data on 2026-11-22', () => {
  it('the release catch-up makes 王秀英\'s 2026 report (her exam of 2026-05-19 is released); no one else\'s', async () => {
    const counts = await generateYearAssessments(db, { on: '2026-11-22', which: 'released' })
    expect(counts).toMatchObject({ created: 1 })
    expect(reportsOf()).toEqual([{ name: '王秀英', year: 2026, version: 1, status: 'draft' }])
  })

  it('her year: BP 132/78 (138/82 last year), glucose 7.42 and LDL-C 3.62 off target, waist 82 (83.5), BMI 23.0', () => {
    const report = contentOf(wangId())
    const m = (key: string) => report.measures.find(x => x.key === key)!
    expect(report).toMatchObject({ year: 2026, examDate: '2026-05-19', previousExamDate: '2025-05-22', subject: { name: '王秀英', sex: 'female', age: 74, eligibleBecause: ['signed-65', 'hypertension', 'diabetes'] } })
    expect(m('bp')).toMatchObject({ value: 132, value2: 78, previous: 138, change: -6, change2: -4, category: 'high-normal', metTarget: true })
    expect(m('fastingGlucose')).toMatchObject({ value: 7.42, previous: 7.1, change: 0.32, category: 'diabetes-range', metTarget: false })
    expect(m('ldl')).toMatchObject({ value: 3.62, previous: 3.3, change: 0.32, targetBelow: 2.6, metTarget: false })
    expect(m('tg')).toMatchObject({ value: 1.45, previous: 1.82, change: -0.37, category: 'desirable' })
    expect(m('waist')).toMatchObject({ value: 82, previous: 83.5, change: -1.5 })
    expect(m('bmi')).toMatchObject({ value: 23, category: 'normal', metTarget: true })
    expect(m('hba1c')).toMatchObject({ value: 6.3, previous: 6.6, change: -0.3 })
  })

  it('her home readings of October and November feed the averages beside the exam values (ten BPs, four fasting glucoses, two weights)', () => {
    const m = (key: string) => contentOf(wangId()).measures.find(x => x.key === key)!
    expect(m('bp').home).toEqual({ average: 134, average2: 79, count: 10 })
    expect(m('fastingGlucose').home?.count).toBe(4)
    expect(m('weight').home).toEqual({ average: 55.7, average2: null, count: 2 })
  })

  it('her China-PAR: 74, treated (amlodipine), diabetic, south, rural, non-smoker, no family history', () => {
    const { risk } = contentOf(wangId())
    const expected = chinaParRiskUnrounded({ sex: 'female', age: 74, sbp: 132, treated: true, tcMmol: 5.05, hdlMmol: 1.32, waistCm: 82, smoker: false, diabetes: true, north: false, urban: false, familyHistory: false })
    expect(risk).toMatchObject({ risk: Math.round(expected * 10) / 10, category: 'high', missing: [], ageOutOfRange: false })
    expect(risk.ideal).toBeLessThan(risk.risk!)
  })

  it('abnormal items and what changed: glucose and LDL-C high, LDL-C new; HbA1c, TG and the liver cyst of 2025 back to normal; the due list soonest first', () => {
    const report = contentOf(wangId())
    expect(report.abnormal.map(a => [a.code, a.flag])).toEqual([['14771-0', 'high'], ['22748-8', 'high']])
    expect(report.changes.newAbnormal).toEqual(['22748-8'])
    expect(report.changes.backToNormal).toEqual(['4548-4', '14927-8', '24558-9'])
    expect(report.due.map(d => d.dueFrom)).toEqual(report.due.map(d => d.dueFrom).sort())
    expect(report.due.map(d => d.kind)).toContain('copd-questionnaire')
  })

  it('run again on the same data: no new version', async () => {
    expect(await generateYearAssessments(db, { on: '2026-11-22', which: 'released' })).toMatchObject({ created: 0 })
    expect(await runAssessmentsStep(db, '2026-11-23')).toMatchObject({ created: 0, updated: 0 })
    expect(reportsOf()).toEqual([{ name: '王秀英', year: 2026, version: 1, status: 'draft' }])
  })

  it('a corrected exam value: the nightly step renews her draft as version 2; once signed, a change no longer reaches it', async () => {
    const sbpOf2026 = 'update exam_items set value = ? where code = \'8480-6\' and exam_id = (select id from exams where resident_id = ? and date = \'2026-05-19\')'
    sqlite.prepare(sbpOf2026).run(128, wangId())
    expect(await runAssessmentsStep(db, '2026-11-23')).toMatchObject({ updated: 1 })
    expect(reportsOf()).toEqual([{ name: '王秀英', year: 2026, version: 2, status: 'draft' }])
    expect(contentOf(wangId()).measures.find(m => m.key === 'bp')).toMatchObject({ value: 128, change: -10 })

    sqlite.prepare('update annual_assessments set status = \'signed\' where resident_id = ?').run(wangId())
    sqlite.prepare(sbpOf2026).run(132, wangId())
    expect(await runAssessmentsStep(db, '2026-11-24')).toMatchObject({ updated: 0 })
    expect(contentOf(wangId()).measures.find(m => m.key === 'bp')!.value).toBe(128)
    sqlite.prepare('update annual_assessments set status = \'draft\' where resident_id = ?').run(wangId())
  })

  it('on 1 December every eligible resident without one gets one, from whatever the year holds', async () => {
    const eligible = sqlite.prepare(`select count(distinct r.id) as n from residents r where r.status = 'active' and (
      exists (select 1 from conditions c where c.resident_id = r.id and c.code in ('hypertension', 'diabetes', 'dyslipidaemia'))
      or (r.birth_date <= '1961-12-01' and exists (select 1 from contracts k where k.resident_id = r.id and k.starts_on <= '2026-12-01' and k.ends_on >= '2026-12-01' and k.ended_on is null)))`).get() as { n: number }
    const counts = await runAssessmentsStep(db, '2026-12-01')
    expect(counts.created).toBe(eligible.n - 1)
    expect((sqlite.prepare('select count(*) as n from annual_assessments where year = 2026').get() as { n: number }).n).toBe(eligible.n)
    // one per resident per year: a second run makes none
    expect((await runAssessmentsStep(db, '2026-12-02')).created).toBe(0)
  })
})
