import { addDays, addMonths, dateOfAge } from '../../dates'
import type { Reason, Reminder } from '../reminder'
import type { Rule, RuleContext, RuleSet, RuleSource } from '../rule-set'
import { dayOfYear, laterOf, makeReminder, statusOn, yearOf } from '../rule-set'
import { bookedExamRule, bookedExamSummary } from '../rules/booked-exam'
import { chronicFollowupRule, chronicFollowupSummary, severeMentalDisorderFollowupRule, severeMentalDisorderFollowupSummary } from '../rules/chronic-followup'
import { abnormalResultRule, abnormalResultSummary, criticalResultRule, criticalResultSummary } from '../rules/exam-results'
import type { PolicyEvent, Snapshot } from '../snapshot'

/**
 * Zhejiang's "三免费" programmes (seed 000 浙江省城乡居民“三免费三惠享”健康行动实施方案; seed 001,
 * seed 002 for the chronic-disease care, seed 004), as policy-rules.md reads them.
 */

/** The seeds' titles: the policy documents the rules cite. */
const seed000 = {
  'zh-CN': '浙江省城乡居民“三免费三惠享”健康行动实施方案',
  'en': 'Zhejiang implementation plan for the "Three Free Services, Three Benefits" health action for urban and rural residents',
}
const seed001 = {
  'zh-CN': '浙江省参保城乡居民健康体检管理办法',
  'en': 'Zhejiang measures for the health exams of insured urban and rural residents',
}
const seed002 = {
  'zh-CN': '诸暨市2024年国家基本公共卫生服务项目实施方案（征求意见稿）',
  'en': 'Zhuji 2024 implementation plan for the national basic public health services (draft for comment)',
}

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
  if (last !== undefined && yearOf(last.date) > year - cycleYears) {
    const next = yearOf(last.date) + cycleYears
    const dueFrom = dayOfYear(next, '01-01')
    return [makeReminder(ctx, { kind: 'health-exam', rule: 'health-exam', free: true, action: 'book-exam', status: 'done', dueFrom, dueBy: dayOfYear(next, '12-31'), reason: { key: 'health-exam.done', params: { date: last.date, next: dueFrom } } })]
  }
  return [makeReminder(ctx, {
    kind: 'health-exam',
    rule: 'health-exam',
    free: true,
    action: 'book-exam',
    status: 'due',
    dueFrom: dayOfYear(year, '01-01'),
    dueBy: dayOfYear(year, '12-31'),
    reason: yearly ?? { key: 'health-exam.every-two-years', params: {} },
  })]
}

type FluShot = Extract<PolicyEvent, { kind: 'flu-shot' }>

/** The season's last shot; one given here is shown over one the resident reported, when the season has both. */
function seasonShot(shots: readonly FluShot[], seasonStart: string): FluShot | undefined {
  let reported: FluShot | undefined
  for (let i = shots.length - 1; i >= 0 && shots[i]!.date >= seasonStart; i--) {
    if (!shots[i]!.selfReported)
      return shots[i]
    reported ??= shots[i]
  }
  return reported
}

const healthExamSource: RuleSource = {
  policy: seed000,
  seed: '000',
  section: '§二(一)',
  summary: {
    'zh-CN': '参加城乡居民医保的居民可免费健康体检：65周岁以上老年人、中小学生和纳入管理的高血压、2型糖尿病患者每年一次，其他人每两年一次',
    'en': 'Residents with resident medical insurance get a free health exam: every year from age 65, for school pupils and for managed hypertension or type 2 diabetes patients, every two years for everyone else.',
  },
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
  const shot = seasonShot(ctx.history('flu-shot'), seasonStart)
  if (shot !== undefined) {
    return [makeReminder(ctx, {
      kind: 'flu-shot',
      rule: 'flu',
      free: true,
      action: 'vaccinate',
      status: 'done',
      dueFrom: dayOfYear(seasonYear + 1, '09-01'),
      dueBy: dayOfYear(seasonYear + 1, '10-31'),
      reason: { key: shot.selfReported ? 'flu-shot.done-reported' : 'flu-shot.done', params: { date: shot.date } },
    })]
  }
  // policy-rules.md: from 1 May the season is ending — point to the next one, never `overdue`
  if (month >= 5 && month <= 8) {
    const dueFrom = dayOfYear(year, '09-01')
    return [makeReminder(ctx, { kind: 'flu-shot', rule: 'flu', free: true, action: 'vaccinate', status: 'upcoming', dueFrom, dueBy: dayOfYear(year, '10-31'), reason: { key: 'flu-shot.next-season', params: { date: dueFrom } } })]
  }
  // before the flu season, and a month at least for someone who turns 70 late in it
  const dueFrom = laterOf(seasonStart, dateOfAge(snapshot.birthDate, 70))
  const dueBy = laterOf(dayOfYear(seasonYear, '10-31'), addDays(dueFrom, 30))
  return [makeReminder(ctx, {
    kind: 'flu-shot',
    rule: 'flu',
    free: true,
    action: 'vaccinate',
    status: statusOn(on, dueFrom, dueBy),
    dueFrom,
    dueBy,
    reason: { key: 'flu-shot.eligible', params: { age: 70 } },
    missingFact: { key: 'flu-shot.shot-elsewhere', params: {} },
  })]
}

const fluShotSource: RuleSource = {
  policy: seed000,
  seed: '000',
  section: '§二(二)',
  summary: {
    'zh-CN': '70周岁以上本省户籍老年人每年免费接种一剂流感疫苗',
    'en': 'Residents aged 70 or over with Zhejiang household registration get one free flu shot every year.',
  },
}

/** The first positive result dated after `after` (a date, or '' for none). */
function firstPositiveAfter<E extends { date: string, result: 'positive' | 'negative' }>(events: readonly E[], after: string): E | undefined {
  return events.find(event => event.result === 'positive' && event.date > after)
}

function crcScreeningReminder(ctx: RuleContext, status: 'due' | 'done', dueFrom: string, reason: Reason): Reminder {
  return makeReminder(ctx, { kind: 'crc-screening', rule: 'colorectal-screening', status, dueFrom, dueBy: null, free: true, reason, action: 'book-exam' })
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
  const fobt = firstPositiveAfter(fobts, lastColonoscopy)
  const questionnaire = firstPositiveAfter(ctx.history('crc-questionnaire'), lastColonoscopy)
  const positive = fobt !== undefined && (questionnaire === undefined || fobt.date <= questionnaire.date) ? fobt : questionnaire
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
  if (last === '')
    return [crcScreeningReminder(ctx, 'due', dateOfAge(snapshot.birthDate, 50), { key: 'crc-screening.never-screened', params: { from: 50, to: 74 } })]
  const next = fiveYearsAfter(last)
  if (next > on)
    return [crcScreeningReminder(ctx, 'done', next, { key: 'crc-screening.done', params: { date: last, next } })]
  return [crcScreeningReminder(ctx, 'due', next, { key: 'crc-screening.five-years', params: { date: last } })]
}

const colorectalScreeningSource: RuleSource = {
  policy: seed000,
  seed: '000',
  section: '§二(三)1',
  summary: {
    'zh-CN': '50-74周岁本省户籍居民每5年免费做一次结直肠癌筛查（风险问卷和粪便潜血检测）',
    'en': 'Residents aged 50 to 74 with Zhejiang household registration get free colorectal cancer screening (a risk questionnaire and a stool test) every 5 years.',
  },
}

const colonoscopySource: RuleSource = {
  policy: seed000,
  seed: '000',
  section: '§二(三)1',
  summary: {
    'zh-CN': '结直肠癌筛查阳性的居民应尽快做结肠镜检查，进一步明确诊断',
    'en': 'Residents with a positive colorectal cancer screen should have a colonoscopy soon to make the diagnosis clear.',
  },
}

function copdQuestionnaireReminder(ctx: RuleContext, status: 'due' | 'done', dueFrom: string, reason: Reason): Reminder {
  return makeReminder(ctx, { kind: 'copd-questionnaire', rule: 'copd-screening', status, dueFrom, dueBy: null, free: true, reason, action: 'questionnaire' })
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
    // policy-rules.md, the engine's contract: the questionnaire step is done when taken, and the
    // spirometry it leads to gets its own reminder
    const next = fiveYearsAfter(questionnaire.date)
    return [copdQuestionnaireReminder(ctx, 'done', next, { key: 'copd-questionnaire.done', params: { date: questionnaire.date, next } }), makeReminder(ctx, {
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
  const last = laterOf(questionnaire?.date ?? '', spirometry?.date ?? '')
  if (last === '')
    return [copdQuestionnaireReminder(ctx, 'due', dateOfAge(snapshot.birthDate, 65), { key: 'copd-questionnaire.due', params: { age: 65 } })]
  const next = fiveYearsAfter(last)
  if (next > on)
    return [copdQuestionnaireReminder(ctx, 'done', next, { key: 'copd-questionnaire.done', params: { date: last, next } })]
  return [copdQuestionnaireReminder(ctx, 'due', next, { key: 'copd-questionnaire.due', params: { age: 65 } })]
}

const copdScreeningSource: RuleSource = {
  policy: seed000,
  seed: '000',
  section: '§二(三)2',
  summary: {
    'zh-CN': '65周岁以上参加城乡居民医保的居民每5年做一次慢阻肺筛查，问卷提示高风险的免费做肺功能检查',
    'en': 'Residents aged 65 or over with resident medical insurance are screened for COPD every 5 years, with a free lung function test when the questionnaire shows a high risk.',
  },
}

/** The `zhejiang-2022` rule set. */
export const zhejiang2022: RuleSet = {
  id: 'zhejiang-2022',
  regionPrefixes: ['33'],
  title: { 'zh-CN': '浙江省城乡居民“三免费三惠享”健康行动（2022）', 'en': 'Zhejiang "Three Free Services" health programme (2022)' },
  sources: ['seed 000', 'seed 001', 'seed 002', 'seed 004'],
  examRule: healthExamRule,
  rules: [healthExamRule, fluShotRule, colorectalRule, copdRule, chronicFollowupRule, severeMentalDisorderFollowupRule, criticalResultRule, abnormalResultRule, bookedExamRule],
  ruleSources: {
    'health-exam': healthExamSource,
    'flu': fluShotSource,
    'colorectal-screening': colorectalScreeningSource,
    'colonoscopy': colonoscopySource,
    'copd-screening': copdScreeningSource,
    'chronic-followup': { policy: seed002, seed: '002', section: '§五(七)', summary: chronicFollowupSummary },
    'care-visit': { policy: seed002, seed: '002', section: '§五(八)', summary: severeMentalDisorderFollowupSummary },
    // seed 001: 探索体检异常提醒、随访提醒等功能应用
    'critical-result': { policy: seed001, seed: '001', section: null, summary: criticalResultSummary },
    'abnormal-result-review': { policy: seed001, seed: '001', section: null, summary: abnormalResultSummary },
    // a booking is for the programme's free exam
    'booked-exam': { policy: seed000, seed: '000', section: '§二(一)', summary: bookedExamSummary },
  },
}
