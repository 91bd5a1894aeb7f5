import type { Reason, ReasonKey } from './reminder'

/**
 * The words of every reason and missing fact, in each locale. Written for a 75-year-old reading
 * on a phone: short, plain, kind, saying what to do. `{name}` is a parameter: `date` and `next`
 * are dates, `cohort` a Changji exam cohort, anything else a number.
 */

export const Locale = { ZH_CN: 'zh-CN', EN: 'en' } as const
export type Locale = (typeof Locale)[keyof typeof Locale]

/** Every reason key in every locale; the type makes a missing one a compile error. */
export const reasonMessages: Record<ReasonKey, Record<Locale, string>> = {
  'health-exam.yearly-age': {
    'zh-CN': '您已满{age}周岁，每年可以免费体检一次',
    'en': 'You are {age} or older, so you can have a free health check every year.',
  },
  'health-exam.yearly-student': {
    'zh-CN': '中小学生每年可以免费体检一次',
    'en': 'Primary and secondary school pupils can have a free health check every year.',
  },
  'health-exam.yearly-chronic': {
    'zh-CN': '家庭医生在帮您管理血压或血糖，您每年可以免费做一次全面体检',
    'en': 'Your family doctor looks after your blood pressure or blood sugar, so you can have a full free health check every year.',
  },
  'health-exam.every-two-years': {
    'zh-CN': '参加城乡居民医保的居民每两年可以免费体检一次，今年轮到您了',
    'en': 'With resident medical insurance you can have a free health check every two years, and this year is your turn.',
  },
  'health-exam.changji-yearly': {
    'zh-CN': '昌吉市全民健康体检每年免费一次，{cohort}请在{date}前完成',
    'en': 'Changji\'s health check is free every year. {cohort} have it by {date}.',
  },
  'health-exam.done': {
    'zh-CN': '您{date}已经做过体检，{next}起可以再约下一次',
    'en': 'You had your health check on {date}. You can book the next one from {next}.',
  },
  'flu-shot.eligible': {
    'zh-CN': '您已满{age}周岁，本季可免费接种流感疫苗',
    'en': 'You are {age} or older, so this season\'s flu shot is free for you.',
  },
  'flu-shot.next-season': {
    'zh-CN': '这一季流感疫苗接种快结束了，新一季{date}开始，到时您可以免费接种',
    'en': 'This flu season is nearly over. The new season starts on {date}, and your flu shot will be free.',
  },
  'flu-shot.done': {
    'zh-CN': '您{date}已经接种了本季流感疫苗',
    'en': 'You had this season\'s flu shot on {date}.',
  },
  'flu-shot.done-reported': {
    'zh-CN': '您告诉我们，{date}已在别处接种了本季流感疫苗',
    'en': 'You told us you had this season\'s flu shot elsewhere on {date}.',
  },
  'flu-shot.shot-elsewhere': {
    'zh-CN': '如果您已在别处打过本季流感疫苗，请告诉我们',
    'en': 'If you have already had this season\'s flu shot somewhere else, please tell us.',
  },
  'crc-screening.never-screened': {
    'zh-CN': '{from}至{to}周岁的浙江户籍居民可以免费做肠癌筛查（填一份问卷、查一次大便潜血），您还没有做过',
    'en': 'Zhejiang residents aged {from} to {to} can be screened for bowel cancer free of charge (a short questionnaire and a stool test). You have not been screened yet.',
  },
  'crc-screening.five-years': {
    'zh-CN': '您上次肠癌筛查是{date}，已经满5年，可以免费再查一次',
    'en': 'Your last bowel cancer screening was on {date}. It has been 5 years, so you can be screened again free of charge.',
  },
  'crc-screening.done': {
    'zh-CN': '您{date}做过肠癌筛查，下一次从{next}开始',
    'en': 'You were screened for bowel cancer on {date}. The next screening opens on {next}.',
  },
  'colonoscopy.positive-fobt': {
    'zh-CN': '您{date}的大便潜血检查需要进一步查清楚，请联系家庭医生，尽快安排肠镜检查',
    'en': 'Your stool test on {date} needs a closer look. Please contact your family doctor to arrange a colonoscopy soon.',
  },
  'colonoscopy.high-risk-questionnaire': {
    'zh-CN': '您{date}填的肠癌风险问卷提示需要进一步检查，请联系家庭医生，尽快安排肠镜检查',
    'en': 'Your bowel cancer questionnaire on {date} shows you should be checked further. Please contact your family doctor to arrange a colonoscopy soon.',
  },
  'copd-questionnaire.due': {
    'zh-CN': '您已满{age}周岁，可以免费做慢阻肺筛查：先在手机上答几道题，需要时再免费查肺功能',
    'en': 'You are {age} or older, so you can be checked for COPD, a long-term lung disease, free of charge: first answer a few questions here, then have a free breathing test if needed.',
  },
  'copd-questionnaire.done': {
    'zh-CN': '您{date}做过慢阻肺筛查，下一次从{next}开始',
    'en': 'You were checked for COPD on {date}. The next check opens on {next}.',
  },
  'spirometry.positive-questionnaire': {
    'zh-CN': '您{date}填的慢阻肺问卷提示需要查一查肺功能，这项检查免费，请预约',
    'en': 'Your COPD questionnaire on {date} shows you should have a breathing test. It is free; please book it.',
  },
  'chronic-followup.first': {
    'zh-CN': '家庭医生在帮您管理血压或血糖，每年至少要当面随访您4次，请联系医生约第一次',
    'en': 'Your family doctor looks after your blood pressure or blood sugar and should see you in person at least 4 times a year. Please contact them to arrange the first visit.',
  },
  'chronic-followup.next': {
    'zh-CN': '您上次当面随访是{date}，该约下一次了',
    'en': 'Your last visit with your doctor was on {date}. It is time to arrange the next one.',
  },
  'chronic-followup.done': {
    'zh-CN': '您{date}已经随访过，{next}起再约下一次',
    'en': 'You saw your doctor on {date}. Arrange the next visit from {next}.',
  },
  'care-visit.first': {
    'zh-CN': '家庭医生会定期关心您的身体和生活，请和医生约个时间聊一聊',
    'en': 'Your family doctor would like to keep in touch about how you are. Please arrange a time to talk.',
  },
  'care-visit.next': {
    'zh-CN': '您上次和家庭医生聊是{date}，可以再约个时间聊一聊了',
    'en': 'You last talked with your family doctor on {date}. It is a good time to talk again.',
  },
  'care-visit.done': {
    'zh-CN': '您{date}已经和家庭医生聊过，{next}起再约下一次',
    'en': 'You talked with your family doctor on {date}. Arrange the next talk from {next}.',
  },
  'critical-result.released': {
    'zh-CN': '您{date}出来的体检结果中有一项需要马上处理，请今天就联系家庭医生',
    'en': 'Your results from {date} include one that needs attention now. Please contact your family doctor today.',
  },
  'critical-result.done': {
    'zh-CN': '医生已经看过您{date}出来的体检结果',
    'en': 'A doctor has seen your results from {date}.',
  },
  'abnormal-result.released': {
    'zh-CN': '您{date}出来的体检结果有的项目不在正常范围，请在一个月内找家庭医生看看',
    'en': 'Some of your results from {date} are outside the normal range. Please see your family doctor within a month.',
  },
  'abnormal-result.done': {
    'zh-CN': '您已经就{date}出来的体检结果和医生沟通过',
    'en': 'You have talked with your doctor about your results from {date}.',
  },
  'booked-exam.open': {
    'zh-CN': '您预约了{date}体检，请带上身份证按时去，当天早上请不要吃早饭',
    'en': 'You have a health check booked on {date}. Please bring your ID card, come on time, and do not eat breakfast that morning.',
  },
  'booked-exam.checked-in': {
    'zh-CN': '您{date}的体检已经签到',
    'en': 'You checked in for your health check on {date}.',
  },
  'booked-exam.cancelled': {
    'zh-CN': '您{date}的体检预约已取消',
    'en': 'Your health check booking for {date} was cancelled.',
  },
}

/** Changji's exam cohorts as the `{cohort}` parameter reads (seed 003 §四(一)); `other` says nothing. */
const cohortWords: Record<string, Record<Locale, string>> = {
  'child': { 'zh-CN': '0至6岁的孩子', 'en': 'For children aged 0 to 6, please' },
  'elderly': { 'zh-CN': '65周岁以上的老人', 'en': 'For people aged 65 or older, please' },
  'student': { 'zh-CN': '在校学生', 'en': 'For pupils and students, please' },
  'public-employee': { 'zh-CN': '机关企事业单位人员', 'en': 'For staff of public bodies, please' },
  'working-age': { 'zh-CN': '15至64周岁的居民', 'en': 'For residents aged 15 to 64, please' },
  'other': { 'zh-CN': '', 'en': 'Please' },
}

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  'en': new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
}

function formatParam(name: string, value: string | number, locale: Locale): string {
  if (name === 'date' || name === 'next') {
    const [y, m, d] = String(value).split('-').map(Number)
    return dateFormats[locale].format(new Date(Date.UTC(y!, m! - 1, d!)))
  }
  if (name === 'cohort') {
    const words = cohortWords[String(value)]
    if (words === undefined)
      throw new Error(`renderReason: unknown cohort "${String(value)}"; add its words to cohortWords in shared/policy/messages.ts`)
    return words[locale]
  }
  return String(value)
}

/**
 * A reason (or missing fact) in plain words, e.g. `flu-shot.eligible` `{ age: 70 }` in zh-CN:
 * "您已满70周岁，本季可免费接种流感疫苗". Throws when a parameter its message needs is absent,
 * which is a bug in the rule that made the reason.
 */
export function renderReason(reason: Reason, locale: Locale): string {
  return reasonMessages[reason.key][locale].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = reason.params[name]
    if (value === undefined)
      throw new Error(`renderReason: "${reason.key}" needs the parameter "${name}"; the rule that made it must pass it`)
    return formatParam(name, value, locale)
  })
}
