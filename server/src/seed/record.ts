import { dateOf } from './calendar'
import type { HealthProfile } from './health'
import type { Person } from './person'
import type { Rng } from './random'
import type { Tables } from './tables'

type ConditionKey = 'hypertension' | 'diabetes' | 'dyslipidaemia' | 'copd' | 'mental' | 'tuberculosis' | 'hiv'

const conditionRows: readonly { key: ConditionKey, code: string, name: string, sensitive: boolean, diagnosis: string, department: string }[] = [
  { key: 'hypertension', code: 'hypertension', name: '高血压', sensitive: false, diagnosis: '高血压病', department: '心血管内科' },
  { key: 'diabetes', code: 'diabetes', name: '2型糖尿病', sensitive: false, diagnosis: '2型糖尿病', department: '内分泌科' },
  { key: 'dyslipidaemia', code: 'dyslipidaemia', name: '血脂异常', sensitive: false, diagnosis: '高脂血症', department: '心血管内科' },
  { key: 'copd', code: 'copd', name: '慢性阻塞性肺疾病', sensitive: false, diagnosis: '慢性阻塞性肺疾病', department: '呼吸内科' },
  // severe mental disorder, tuberculosis and HIV are hidden from proxies (product.md capability 7)
  { key: 'mental', code: 'severe-mental-disorder', name: '严重精神障碍', sensitive: true, diagnosis: '精神分裂症', department: '精神科' },
  { key: 'tuberculosis', code: 'tuberculosis', name: '肺结核', sensitive: true, diagnosis: '继发性肺结核', department: '感染科' },
  { key: 'hiv', code: 'hiv', name: '艾滋病病毒感染', sensitive: true, diagnosis: '艾滋病病毒感染', department: '感染科' },
]

function managed(p: HealthProfile, key: ConditionKey): boolean {
  return key === 'hypertension' ? p.hypertensionManaged : key === 'diabetes' ? p.diabetesManaged : key === 'mental' ? p.mentalManaged : key === 'tuberculosis'
}

type Drug = readonly [name: string, dose: string, frequency: string]

const antihypertensives: readonly Drug[] = [
  ['苯磺酸氨氯地平片', '5 mg', '每日1次'],
  ['硝苯地平控释片', '30 mg', '每日1次'],
  ['缬沙坦胶囊', '80 mg', '每日1次'],
  ['厄贝沙坦片', '150 mg', '每日1次'],
  ['琥珀酸美托洛尔缓释片', '47.5 mg', '每日1次'],
  ['氢氯噻嗪片', '12.5 mg', '每日1次'],
]
const metformin: Drug = ['盐酸二甲双胍片', '0.5 g', '每日3次']
const otherGlucoseDrugs: readonly Drug[] = [['格列齐特缓释片', '30 mg', '每日1次'], ['阿卡波糖片', '50 mg', '每日3次']]
const statins: readonly Drug[] = [['阿托伐他汀钙片', '20 mg', '每晚1次'], ['瑞舒伐他汀钙片', '10 mg', '每晚1次']]
const inhaler: Drug = ['噻托溴铵粉吸入剂', '18 μg', '每日1次']
const antipsychotic: Drug = ['利培酮片', '2 mg', '每日2次']

const allergens = [['青霉素', '皮疹'], ['磺胺类药物', '皮疹'], ['头孢类抗生素', '荨麻疹'], ['花粉', '过敏性鼻炎'], ['海鲜', '荨麻疹'], ['阿司匹林', '哮喘']] as const

const everydayIllnesses = [
  ['急性上呼吸道感染', '全科'], ['急性支气管炎', '呼吸内科'], ['急性胃肠炎', '消化内科'], ['腰椎间盘突出症', '骨科'],
  ['膝骨关节炎', '骨科'], ['慢性胃炎', '消化内科'], ['湿疹', '皮肤科'], ['龋齿', '口腔科'], ['失眠', '神经内科'],
  ['慢性咽炎', '耳鼻喉科'], ['结膜炎', '眼科'], ['尿路感染', '泌尿外科'],
] as const

/** Conditions (问题列表), continuous medication (连续用药) and allergies. */
export function writeConditionsAndMedication(t: Tables, rng: Rng, r: Person): void {
  const p = r.profile
  for (const c of conditionRows) {
    const since = p[c.key]
    if (Number.isNaN(since) || since > r.lastDay)
      continue
    t.conditions.add([rng.id(), r.id, c.code, c.name, dateOf(since), managed(p, c.key) ? 1 : 0, c.sensitive ? 1 : 0])
  }
  const prescribe = (drug: Drug, from: number, to: number | null) => {
    if (from <= r.lastDay)
      t.medications.add([rng.id(), r.id, drug[0], drug[1], drug[2], dateOf(from), to === null || to > r.lastDay ? null : dateOf(to)])
  }
  if (!Number.isNaN(p.hypertension) && rng.chance(p.hypertensionManaged ? 0.95 : 0.5)) {
    const start = p.hypertension + rng.between(0, 60)
    const first = rng.pick(antihypertensives)
    if (rng.chance(0.25)) {
      const switched = start + rng.between(200, 2000)
      prescribe(first, start, switched)
      prescribe(rng.pick(antihypertensives.filter(d => d !== first)), switched, null)
    }
    else {
      prescribe(first, start, null)
    }
  }
  if (!Number.isNaN(p.diabetes) && rng.chance(p.diabetesManaged ? 0.95 : 0.6)) {
    const start = p.diabetes + rng.between(0, 60)
    prescribe(rng.chance(0.8) ? metformin : rng.pick(otherGlucoseDrugs), start, null)
    if (rng.chance(0.3))
      prescribe(rng.pick(otherGlucoseDrugs), start + rng.between(300, 1500), null)
  }
  if (p.statin)
    prescribe(rng.pick(statins), p.dyslipidaemia + rng.between(0, 90), null)
  if (!Number.isNaN(p.copd) && rng.chance(0.5))
    prescribe(inhaler, p.copd + rng.between(0, 60), null)
  if (!Number.isNaN(p.mental) && p.mentalManaged)
    prescribe(antipsychotic, p.mental + rng.between(0, 30), null)

  if (rng.chance(0.07)) {
    const [substance, reaction] = rng.pick(allergens)
    t.allergies.add([rng.id(), r.id, substance, reaction, dateOf(r.recordOpenedDay + rng.int(Math.max(1, r.lastDay - r.recordOpenedDay)))])
  }
}

/** 诊疗记录 of the last three years: more for the old and the chronically ill. */
export function writeEncounters(t: Tables, rng: Rng, r: Person, anchorDay: number, hospitals: readonly string[]): void {
  const p = r.profile
  const own = conditionRows.filter(c => p[c.key] <= r.lastDay)
  const mean = 0.7 + own.length * 0.7 + (r.age >= 65 ? 0.6 : 0)
  const from = Math.max(anchorDay - 3 * 365, p.birthDay)
  if (from > r.lastDay)
    return
  while (rng.chance(mean / (mean + 1))) {
    const day = from + rng.int(r.lastDay - from + 1)
    const chronic = own.length > 0 && rng.chance(0.55) ? rng.pick(own) : null
    const [diagnosis, department] = chronic === null ? rng.pick(everydayIllnesses) : [chronic.diagnosis, chronic.department]
    const atHospital = rng.chance(chronic === null ? 0.3 : 0.45)
    const kind = rng.chance(0.05) ? 'inpatient' : rng.chance(0.04) ? 'emergency' : 'outpatient'
    t.encounters.add([rng.id(), r.id, atHospital ? rng.pick(hospitals) : r.centre.institutionId, dateOf(day), kind,
      kind === 'emergency' ? '急诊科' : atHospital ? department : '全科', diagnosis, chronic?.sensitive === true ? 1 : 0])
  }
}

/** 家庭医生签约: key groups mostly sign (seed 000), a contract runs a year and most renew. */
export function writeContracts(t: Tables, rng: Rng, r: Person, anchorDay: number): void {
  const p = r.profile
  const chronic = (p.hypertensionManaged && p.hypertension <= r.lastDay) || (p.diabetesManaged && p.diabetes <= r.lastDay) || (p.mentalManaged && p.mental <= r.lastDay)
  const key = r.age >= 65 || r.age <= 6 || chronic
  if (!rng.chance(key ? 0.78 : r.age < 18 ? 0.3 : 0.2))
    return
  const servicePackage = chronic ? '慢病管理服务包' : r.age >= 65 ? '老年人健康管理服务包' : r.age <= 6 ? '儿童健康管理服务包' : '基础服务包'
  let starts = anchorDay - rng.between(0, 364)
  let terms = rng.chance(0.65) ? 2 : 1
  // a resident who died or moved away signed their last contract before that
  while (starts > r.lastDay)
    starts -= 365
  for (; terms > 0; terms--, starts -= 365) {
    if (starts < r.recordOpenedDay)
      break
    const ends = starts + 364
    t.contracts.add([rng.id(), r.id, r.team.doctorId, r.team.id, servicePackage, dateOf(starts - rng.between(0, 10)), dateOf(starts), dateOf(ends),
      ends > r.lastDay && !r.active ? dateOf(r.lastDay) : null])
  }
}
