import { addMonths, ageOn } from '../../dates'
import type { Rule, RuleSet, RuleSource } from '../rule-set'
import { dayOfYear, makeReminder, statusOn, yearOf } from '../rule-set'
import { bookedExamRule, bookedExamSummary } from '../rules/booked-exam'
import { chronicFollowupRule, chronicFollowupSummary, severeMentalDisorderFollowupRule, severeMentalDisorderFollowupSummary } from '../rules/chronic-followup'
import { abnormalResultRule, abnormalResultSummary, criticalResultRule, criticalResultSummary } from '../rules/exam-results'
import type { Insurance, Snapshot } from '../snapshot'

/**
 * Changji's universal health exam (seed 003 昌吉市全民健康体检工作实施方案, 2021), as
 * policy-rules.md reads it: everyone eligible, every year, free, with a deadline by cohort and
 * items by age and sex.
 */

/** Why a resident is in Changji's programme (seed 003 §一). */
export const ChangjiEligibility = {
  /** §一(一) 昌吉市户籍的城乡居民 */
  HUKOU: 'hukou',
  /** §一(二) 持有昌吉市《居住证》并居住6个月以上(含6个月) */
  RESIDENCE_PERMIT: 'residence-permit',
  /** §一(二) 办理昌吉州城乡居民医疗保险的人员 */
  INSURED: 'insured',
  /** §一(二) 0-14岁(含14周岁)的流动人口可提供家长的相关居住证明 */
  THROUGH_PARENT: 'through-parent',
} as const
export type ChangjiEligibility = (typeof ChangjiEligibility)[keyof typeof ChangjiEligibility]

interface InMigrantFacts {
  hukouRegion: string
  residencePermitSince: string | null
  insurance: Insurance
  insuranceRegion: string | null
}

/**
 * 新疆籍, not 兵团 (seed 003 §一(二): 不包含兵团人口). The Corps' cities are the autonomous region's
 * directly administered county-level cities, codes 6590xx; Changji's own residents are natives.
 */
function xinjiangInMigrant(hukouRegion: string): boolean {
  return hukouRegion.startsWith('65') && !hukouRegion.startsWith('6590') && !hukouRegion.startsWith('652301')
}

function holdsPermit(facts: InMigrantFacts, on: string): boolean {
  return facts.residencePermitSince !== null && addMonths(facts.residencePermitSince, 6) <= on
}

/** 昌吉州城乡居民医疗保险: resident insurance held in the prefecture (6523). */
function insuredInChangji(facts: InMigrantFacts): boolean {
  return facts.insurance === 'resident' && facts.insuranceRegion !== null && facts.insuranceRegion.startsWith('6523')
}

/**
 * Whether, and by which clause, a resident is in Changji's universal exam on `on`; null when not.
 * A child's parent is read from `snapshot.parentResidence`.
 */
export function changjiEligibility(snapshot: Snapshot, on: string): ChangjiEligibility | null {
  if (snapshot.hukouRegion.startsWith('652301'))
    return ChangjiEligibility.HUKOU
  if (!xinjiangInMigrant(snapshot.hukouRegion))
    return null
  if (holdsPermit(snapshot, on))
    return ChangjiEligibility.RESIDENCE_PERMIT
  if (insuredInChangji(snapshot))
    return ChangjiEligibility.INSURED
  const parent = snapshot.parentResidence
  if (ageOn(snapshot.birthDate, on) <= 14 && parent != null && xinjiangInMigrant(parent.hukouRegion) && (holdsPermit(parent, on) || insuredInChangji(parent)))
    return ChangjiEligibility.THROUGH_PARENT
  return null
}

/** The exam cohorts of seed 003 §四(一), each with its deadline (`MM-DD`). */
export type ChangjiCohort = 'child' | 'elderly' | 'student' | 'public-employee' | 'working-age' | 'other'

const cohorts: readonly { cohort: ChangjiCohort, monthDay: string, applies: (snapshot: Snapshot, age: number) => boolean }[] = [
  // §四(一)1: 6月30日前完成0-6岁（含6周岁）儿童、65岁以上（含65岁）城乡居民体检
  { cohort: 'child', monthDay: '06-30', applies: (_, age) => age <= 6 },
  { cohort: 'elderly', monthDay: '06-30', applies: (_, age) => age >= 65 },
  // §四(一)2: 9月30日前完成 … 在校学生、高等学校 … 在校学生体检
  { cohort: 'student', monthDay: '09-30', applies: snapshot => snapshot.schoolStage !== null },
  // §四(一)4: 机关企事业单位人员 … 于9月30日之前完成
  { cohort: 'public-employee', monthDay: '09-30', applies: snapshot => snapshot.publicEmployee },
  // §四(一)3: 10月10日前完成15岁(含15岁)至64岁的城乡居民体检
  { cohort: 'working-age', monthDay: '10-10', applies: (_, age) => age >= 15 && age <= 64 },
]

/**
 * A resident's exam deadline: the earliest of the cohorts they belong to; for anyone in none
 * (a child of 7–14 out of school), the programme's own end, §四(一)5: 10月10日前完成体检任务的100%.
 */
export function changjiExamDeadline(snapshot: Snapshot, age: number): { cohort: ChangjiCohort, monthDay: string } {
  let best: { cohort: ChangjiCohort, monthDay: string } = { cohort: 'other', monthDay: '10-10' }
  for (const { cohort, monthDay, applies } of cohorts) {
    if (applies(snapshot, age) && (best.cohort === 'other' || monthDay < best.monthDay))
      best = { cohort, monthDay }
  }
  return best
}

/** Items every exam has (规范第三版 健康体检表), as keys of the exam-item catalogue. */
const coreItems = [
  'height', 'weight', 'bmi', 'waist', 'sbp', 'dbp', 'pulse',
  'haemoglobin', 'white-cells', 'red-cells', 'platelets',
  'urine-protein', 'urine-glucose', 'urine-ketones', 'urine-blood',
  'alt', 'ast', 'total-bilirubin', 'creatinine', 'urea', 'fasting-glucose', 'ecg',
] as const

/** Items the seed adds by sex from 45; not yet in the catalogue, so named here. */
export const CHANGJI_SEX_ULTRASOUND = { male: 'prostate-bladder-ultrasound', female: 'breast-ultrasound' } as const

/**
 * The exam items that apply to a resident, for the booking screen (seed 003 §二(三), (四)):
 * chest DR from 15 (结核病筛查); under 45 no blood lipids and no abdominal ultrasound; from 45
 * LDL-C and HDL-C, the abdominal ultrasound the national package holds, and a prostate/bladder
 * (men) or breast (women) ultrasound. Managed hypertension or diabetes patients get the full
 * national package (§二(四)), all four lipids included.
 */
export function changjiExamItems(subject: { age: number, sex: 'male' | 'female', chronicManaged: boolean }): string[] {
  const items: string[] = [...coreItems]
  if (subject.age >= 15)
    items.push('chest-dr')
  if (subject.chronicManaged)
    items.push('total-cholesterol', 'triglycerides', 'ldl-c', 'hdl-c', 'abdominal-ultrasound')
  else if (subject.age >= 45)
    items.push('ldl-c', 'hdl-c', 'abdominal-ultrasound')
  if (subject.age >= 45)
    items.push(CHANGJI_SEX_ULTRASOUND[subject.sex])
  return items
}

/** What the government pays per exam (seed 003 §三): 100 yuan; 132 yuan from 80 周岁. */
export function changjiExamStandardYuan(age: number): number {
  return age >= 80 ? 132 : 100
}

/** Seed 003's title: the policy document the rules cite. */
const seed003 = {
  'zh-CN': '昌吉市全民健康体检工作实施方案',
  'en': 'Changji implementation plan for universal health exams',
}

const changjiExamSource: RuleSource = {
  policy: seed003,
  seed: '003',
  section: '§一, §四(一)',
  summary: {
    'zh-CN': '昌吉市户籍居民和符合条件的疆内流入人口每年免费健康体检一次，按人群在6月30日、9月30日或10月10日前完成',
    'en': 'Residents with Changji household registration and eligible in-migrants from Xinjiang get a free health exam every year, by 30 June, 30 September or 10 October depending on their group.',
  },
}

/** The universal exam: every calendar year, free, by the cohort's deadline. */
const changjiExamRule: Rule = (ctx) => {
  const { snapshot, on } = ctx
  if (changjiEligibility(snapshot, on) === null)
    return []
  const year = yearOf(on)
  const last = ctx.history('exam').at(-1)
  if (last !== undefined && yearOf(last.date) === year) {
    const dueFrom = dayOfYear(year + 1, '01-01')
    const next = changjiExamDeadline(snapshot, ageOn(snapshot.birthDate, dueFrom))
    return [makeReminder(ctx, { kind: 'health-exam', rule: 'health-exam', free: true, action: 'book-exam', status: 'done', dueFrom, dueBy: dayOfYear(year + 1, next.monthDay), reason: { key: 'health-exam.done', params: { date: last.date, next: dueFrom } } })]
  }
  const { cohort, monthDay } = changjiExamDeadline(snapshot, ctx.age)
  const dueFrom = dayOfYear(year, '01-01')
  const dueBy = dayOfYear(year, monthDay)
  return [makeReminder(ctx, { kind: 'health-exam', rule: 'health-exam', free: true, action: 'book-exam', status: statusOn(on, dueFrom, dueBy), dueFrom, dueBy, reason: { key: 'health-exam.changji-yearly', params: { cohort, date: dueBy } } })]
}

/** The `changji-2021` rule set. */
export const changji2021: RuleSet = {
  id: 'changji-2021',
  regionPrefixes: ['6523'],
  title: { 'zh-CN': '昌吉市全民健康体检工作实施方案（2021）', 'en': 'Changji universal health exam plan (2021)' },
  sources: ['seed 003'],
  examRule: changjiExamRule,
  rules: [changjiExamRule, chronicFollowupRule, severeMentalDisorderFollowupRule, criticalResultRule, abnormalResultRule, bookedExamRule],
  examPlan: (snapshot, on) => {
    const age = ageOn(snapshot.birthDate, on)
    // §二(四): 已纳入基本公共卫生管理的慢性病人 — the hypertension and diabetes patients the team manages
    const chronicManaged = snapshot.conditions.some(c => c.managed && (c.code === 'hypertension' || c.code === 'diabetes'))
    return { items: changjiExamItems({ age, sex: snapshot.sex, chronicManaged }), standardFen: changjiExamStandardYuan(age) * 100 }
  },
  ruleSources: {
    'health-exam': changjiExamSource,
    // §二(四), §五(三): 已纳入基本公共卫生管理的慢性病人 … 纳入慢性病管理体系; the visits are the national standard's
    'chronic-followup': { policy: seed003, seed: '003', section: '§二(四)', summary: chronicFollowupSummary },
    'care-visit': { policy: seed003, seed: '003', section: '§二(四)', summary: severeMentalDisorderFollowupSummary },
    // §五(三): 对体检结果异常居民,要及时进行随访,重要异常结果要及时告知
    'critical-result': { policy: seed003, seed: '003', section: '§五(三)', summary: criticalResultSummary },
    'abnormal-result-review': { policy: seed003, seed: '003', section: '§五(三)', summary: abnormalResultSummary },
    // a booking is for the programme's free exam (§三: 每人每年100元)
    'booked-exam': { policy: seed003, seed: '003', section: '§三', summary: bookedExamSummary },
  },
}
