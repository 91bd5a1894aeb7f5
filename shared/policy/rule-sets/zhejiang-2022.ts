import { addDays, addMonths, dateOfAge } from '../../dates'
import type { Reason } from '../reminder'
import type { Rule, RuleContext, RuleSet } from '../rule-set'
import { dayOfYear, laterOf, makeReminder, statusOn, yearOf } from '../rule-set'
import { bookedExamRule } from '../rules/booked-exam'
import { chronicFollowupRule, severeMentalDisorderFollowupRule } from '../rules/chronic-followup'
import { abnormalResultRule, criticalResultRule } from '../rules/exam-results'
import type { Snapshot } from '../snapshot'

/**
 * Zhejiang's "三免费" programmes (seed 000 浙江省城乡居民“三免费三惠享”健康行动实施方案; seed 001,
 * seed 002 for the chronic-disease care, seed 004), as policy-rules.md reads them.
 */

/** seed 000 §二(二)/(三): 本省户籍居民 — the 户籍 province is Zhejiang */
function zhejiangHukou(snapshot: Snapshot): boolean {
  return snapshot.hukouRegion.startsWith('33')
}

/** Five years on, as the screening intervals count them (a 29 February falls on 28 February). */
function fiveYearsAfter(date: string): string {
  return addMonths(date, 60)
}

/** Why this resident's exam comes every year, or null for the two-year cycle (seed 000 §二(一), seed 002 §五(七)). */
function yearlyExamReason(ctx: RuleContext): Reason | null {
  const { snapshot, age } = ctx
  // seed 000 §二(一): 65周岁以上城乡参保老年人和中小学生体检周期为每年一次
  if (age >= 65)
    return { key: 'health-exam.yearly-age', params: { age: 65 } }
  if (snapshot.schoolStage === 'primary' || snapshot.schoolStage === 'secondary')
    return { key: 'health-exam.yearly-student', params: {} }
  // seed 002 §五(七): 慢病患者（高血压、2型糖尿病）… 每年进行1次全面的健康检查
  if (snapshot.conditions.some(c => c.managed && (c.code === 'hypertension' || c.code === 'diabetes')))
    return { key: 'health-exam.yearly-chronic', params: {} }
  return null
}

/** Free health exam (seed 000 §二(一), seed 001): insured residents, by calendar-year cycles. */
const healthExamRule: Rule = (ctx) => {
  // seed 000 §二(一): 居民医保参保人员 — employee insurance is another programme
  if (ctx.snapshot.insurance !== 'resident')
    return []
  const yearly = yearlyExamReason(ctx)
  const cycleYears = yearly === null ? 2 : 1
  const year = yearOf(ctx.on)
  const last = ctx.history('exam').at(-1)
  const common = { kind: 'health-exam', rule: 'health-exam', free: true, action: 'book-exam' } as const
  if (last !== undefined && yearOf(last.date) > year - cycleYears) {
    const next = yearOf(last.date) + cycleYears
    const dueFrom = dayOfYear(next, '01-01')
    return [makeReminder(ctx, { ...common, status: 'done', dueFrom, dueBy: dayOfYear(next, '12-31'), reason: { key: 'health-exam.done', params: { date: last.date, next: dueFrom } } })]
  }
  return [makeReminder(ctx, {
    ...common,
    status: 'due',
    dueFrom: dayOfYear(year, '01-01'),
    dueBy: dayOfYear(year, '12-31'),
    reason: yearly ?? { key: 'health-exam.every-two-years', params: {} },
  })]
}

/** Free flu shot (seed 000 §二(二)): 70周岁以上的本省户籍居民, once a season (1 September – 31 August). */
const fluShotRule: Rule = (ctx) => {
  const { snapshot, on, age } = ctx
  if (age < 70 || !zhejiangHukou(snapshot))
    return []
  const year = yearOf(on)
  const month = Number(on.slice(5, 7))
  const seasonYear = month >= 9 ? year : year - 1
  const seasonStart = dayOfYear(seasonYear, '09-01')
  const common = { kind: 'flu-shot', rule: 'flu', free: true, action: 'vaccinate' } as const
  const shots = ctx.history('flu-shot').filter(shot => shot.date >= seasonStart)
  // a shot given here is shown over one the resident reported, when the season has both
  const shot = shots.filter(s => !s.selfReported).at(-1) ?? shots.at(-1)
  if (shot !== undefined) {
    return [makeReminder(ctx, {
      ...common,
      status: 'done',
      dueFrom: dayOfYear(seasonYear + 1, '09-01'),
      dueBy: dayOfYear(seasonYear + 1, '10-31'),
      reason: { key: shot.selfReported ? 'flu-shot.done-reported' : 'flu-shot.done', params: { date: shot.date } },
    })]
  }
  // policy-rules.md: from 1 May the season is ending — point to the next one, never `overdue`
  if (month >= 5 && month <= 8) {
    const dueFrom = dayOfYear(year, '09-01')
    return [makeReminder(ctx, { ...common, status: 'upcoming', dueFrom, dueBy: dayOfYear(year, '10-31'), reason: { key: 'flu-shot.next-season', params: { date: dueFrom } } })]
  }
  // before the flu season, and a month at least for someone who turns 70 late in it
  const dueFrom = laterOf(seasonStart, dateOfAge(snapshot.birthDate, 70))
  const dueBy = laterOf(dayOfYear(seasonYear, '10-31'), addDays(dueFrom, 30))
  return [makeReminder(ctx, {
    ...common,
    status: statusOn(on, dueFrom, dueBy),
    dueFrom,
    dueBy,
    reason: { key: 'flu-shot.eligible', params: { age: 70 } },
    missingFact: { key: 'flu-shot.shot-elsewhere', params: {} },
  })]
}

/**
 * Colorectal cancer screening (seed 000 §二(三)1): 50-74周岁的本省户籍居民, 5年一次, questionnaire +
 * FOBT. A positive FOBT or high-risk questionnaire opens a colonoscopy reminder in its place
 * until a colonoscopy is recorded (动员筛查阳性的居民行结直肠镜检查); the next interval then runs
 * from the later of the last FOBT and the colonoscopy.
 */
const colorectalRule: Rule = (ctx) => {
  const { snapshot, on, age } = ctx
  if (age < 50 || age > 74 || !zhejiangHukou(snapshot))
    return []
  const fobts = ctx.history('crc-screening')
  const lastColonoscopy = ctx.history('colonoscopy').at(-1)?.date ?? ''
  // the first positive the last colonoscopy has not answered; an FOBT names it over a questionnaire of the same day
  const positive = [...fobts, ...ctx.history('crc-questionnaire')]
    .filter(event => event.result === 'positive' && event.date > lastColonoscopy)
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.kind === b.kind ? 0 : a.kind === 'crc-screening' ? -1 : 1))
    .at(0)
  if (positive !== undefined) {
    // policy-rules.md: 3 months is a product choice; the seed asks only that it be urged
    const dueBy = addMonths(positive.date, 3)
    return [makeReminder(ctx, {
      kind: 'colonoscopy',
      rule: 'colonoscopy',
      status: statusOn(on, positive.date, dueBy),
      priority: 'high',
      dueFrom: positive.date,
      dueBy,
      // the seed funds the screening, not the colonoscopy
      free: false,
      reason: { key: positive.kind === 'crc-screening' ? 'colonoscopy.positive-fobt' : 'colonoscopy.high-risk-questionnaire', params: { date: positive.date } },
      action: 'contact-doctor',
    })]
  }
  // the interval runs from the last FOBT, or from a later colonoscopy, which looks further than
  // the FOBT screens for: after one, the resident is not sent back for a stool test at once
  const last = laterOf(fobts.at(-1)?.date ?? '', lastColonoscopy)
  const common = { kind: 'crc-screening', rule: 'colorectal-screening', dueBy: null, free: true, action: 'book-exam' } as const
  if (last === '')
    return [makeReminder(ctx, { ...common, status: 'due', dueFrom: dateOfAge(snapshot.birthDate, 50), reason: { key: 'crc-screening.never-screened', params: { from: 50, to: 74 } } })]
  const next = fiveYearsAfter(last)
  if (next > on)
    return [makeReminder(ctx, { ...common, status: 'done', dueFrom: next, reason: { key: 'crc-screening.done', params: { date: last, next } } })]
  return [makeReminder(ctx, { ...common, status: 'due', dueFrom: next, reason: { key: 'crc-screening.five-years', params: { date: last } } })]
}

/**
 * COPD screening (seed 000 §二(三)2): 65周岁以上居民医保参保人员中的目标人群, 5年一次. Step 1 is the
 * COPD-SQ; at or above its cut-off a free spirometry is due. Diagnosed patients are not screened.
 */
const copdRule: Rule = (ctx) => {
  const { snapshot, on, age } = ctx
  if (age < 65 || snapshot.insurance !== 'resident' || snapshot.conditions.some(c => c.code === 'copd'))
    return []
  const questionnaire = ctx.history('copd-questionnaire').at(-1)
  const spirometry = ctx.history('spirometry').at(-1)
  if (questionnaire?.result === 'positive' && (spirometry === undefined || spirometry.date < questionnaire.date) && fiveYearsAfter(questionnaire.date) > on) {
    return [makeReminder(ctx, {
      kind: 'spirometry',
      rule: 'copd-screening',
      status: 'due',
      dueFrom: questionnaire.date,
      dueBy: null,
      free: true,
      reason: { key: 'spirometry.positive-questionnaire', params: { date: questionnaire.date } },
      action: 'book-exam',
    })]
  }
  const dates = [questionnaire?.date, spirometry?.date].filter(date => date !== undefined)
  const last = dates.length === 0 ? undefined : dates.reduce(laterOf)
  const common = { kind: 'copd-questionnaire', rule: 'copd-screening', dueBy: null, free: true, action: 'questionnaire' } as const
  if (last === undefined)
    return [makeReminder(ctx, { ...common, status: 'due', dueFrom: dateOfAge(snapshot.birthDate, 65), reason: { key: 'copd-questionnaire.due', params: { age: 65 } } })]
  const next = fiveYearsAfter(last)
  if (next > on)
    return [makeReminder(ctx, { ...common, status: 'done', dueFrom: next, reason: { key: 'copd-questionnaire.done', params: { date: last, next } } })]
  return [makeReminder(ctx, { ...common, status: 'due', dueFrom: next, reason: { key: 'copd-questionnaire.due', params: { age: 65 } } })]
}

/** The `zhejiang-2022` rule set. */
export const zhejiang2022: RuleSet = {
  id: 'zhejiang-2022',
  regionPrefixes: ['33'],
  title: { 'zh-CN': '浙江省城乡居民“三免费三惠享”健康行动（2022）', 'en': 'Zhejiang "Three Free Services" health programme (2022)' },
  sources: ['seed 000', 'seed 001', 'seed 002', 'seed 004'],
  rules: [healthExamRule, fluShotRule, colorectalRule, copdRule, chronicFollowupRule, severeMentalDisorderFollowupRule, criticalResultRule, abnormalResultRule, bookedExamRule],
}
