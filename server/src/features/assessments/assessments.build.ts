import type { ChinaParInput } from '../../../../shared/clinical/china-par'
import { chinaPar10y, chinaParIdeal, isNorthRegion } from '../../../../shared/clinical/china-par'
import { examItemsByCode, examItemsByKey } from '../../../../shared/clinical/exam-items'
import type { Sex } from '../../../../shared/clinical/health-categories'
import { bmiCategory, bpCategory, controlTargets, fastingGlucoseCategory, lipidCategory, waistCategory } from '../../../../shared/clinical/health-categories'
import { ageOn } from '../../../../shared/dates'
import type { AssessmentContent, AssessmentMeasure, AssessmentMeasureKey, EligibilityReason } from '../../../../shared/schemas/assessments'
import type { ExamItemValue } from '../../../../shared/schemas/exams'

/** seed 000 §三(三): every signed older resident (65+, the national elderly programme's age) and every 三高 patient. */
export const ELIGIBLE_AGE = 65
export const ELIGIBLE_CONDITIONS = ['hypertension', 'diabetes', 'dyslipidaemia'] as const


export interface HomeReadingFact {
  kind: 'bp' | 'glucose' | 'weight' | 'waist'
  sbp: number | null
  dbp: number | null
  glucose: number | null
  timing: 'fasting' | 'after-meal' | null
  weightKg: number | null
  waistCm: number | null
}

export interface ReminderFact {
  kind: string
  status: 'overdue' | 'due' | 'upcoming' | 'done'
  dueFrom: string
  free: boolean
}

/** Everything one report is made of, as the generator reads it. */
export interface AssessmentFacts {
  year: number
  /** the evaluation date */
  on: string
  resident: {
    name: string
    sex: Sex
    birthDate: string
    smoker: boolean | null
    familyHistoryCvd: boolean | null
    residenceRegion: string
    township: string
  }
  /** condition codes on her record */
  conditions: readonly string[]
  /** a running family-doctor contract on `on` */
  signed: boolean
  /** she takes a blood-pressure medicine now (China-PAR's "treated") */
  onAntihypertensive: boolean
  exam: { date: string, items: readonly ExamItemValue[] } | null
  previousExam: { date: string, items: readonly ExamItemValue[] } | null
  /** her home readings dated in the year */
  home: readonly HomeReadingFact[]
  reminders: readonly ReminderFact[]
  /**
   * codes abnormal in the previous exam and normal in this one, when `exam` holds only the
   * measures and abnormal items (the generator reads no more)
   */
  backToNormal?: readonly string[]
}

/** Why she gets a report; empty when she does not. */
export function eligibilityOf(facts: Pick<AssessmentFacts, 'on' | 'signed' | 'conditions'> & { resident: { birthDate: string } }): EligibilityReason[] {
  const reasons: EligibilityReason[] = []
  if (facts.signed && ageOn(facts.resident.birthDate, facts.on) >= ELIGIBLE_AGE)
    reasons.push('signed-65')
  for (const code of ELIGIBLE_CONDITIONS) {
    if (facts.conditions.includes(code))
      reasons.push(code)
  }
  return reasons
}

/**
 * Medicine names (generic stems, as Chinese prescriptions print them) that lower blood pressure:
 * calcium-channel blockers, ACE inhibitors, ARBs, beta blockers, diuretics. A stem list to verify
 * with the county's formulary; it decides only China-PAR's "treated" term.
 */
export const ANTIHYPERTENSIVE_STEMS = ['地平', '普利', '沙坦', '洛尔', '噻嗪', '吲达帕胺', '螺内酯', '利血平', '可乐定', '哌唑嗪', '特拉唑嗪'] as const

export function isAntihypertensive(name: string): boolean {
  return ANTIHYPERTENSIVE_STEMS.some(stem => name.includes(stem))
}

/** A 街道 (sub-district) is urban; a 镇 or 乡 is rural (GB/T 2260's township naming). */
export function isUrbanTownship(township: string): boolean {
  return township.endsWith('街道')
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals
  return Math.round(value * f) / f
}

function average(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length
}

/** A measure's catalogue item (its LOINC code and unit): the catalogue is the one place codes live. */
function item(key: string): { code: string, unit: string } {
  const found = examItemsByKey.get(key)
  if (found?.unit == null)
    throw new Error(`the exam-item catalogue has no measured ${key}`)
  return { code: found.code, unit: found.unit }
}

const measureCodes: Record<AssessmentMeasureKey, { code: string, code2?: string, unit: string }> = {
  bp: { ...item('sbp'), code2: item('dbp').code },
  fastingGlucose: item('fasting-glucose'),
  hba1c: item('hba1c'),
  tc: item('total-cholesterol'),
  ldl: item('ldl-c'),
  hdl: item('hdl-c'),
  tg: item('triglycerides'),
  bmi: item('bmi'),
  weight: item('weight'),
  waist: item('waist'),
}

/** The exam items the report's measures read (each measure's code and BP's diastolic). */
export const MEASURE_CODES: readonly string[] = Object.values(measureCodes).flatMap(m => (m.code2 === undefined ? [m.code] : [m.code, m.code2]))

const decimalsOf = (code: string) => examItemsByCode.get(code)?.decimals ?? 1

function valueOf(items: readonly ExamItemValue[] | undefined, code: string | undefined): number | null {
  if (items === undefined || code === undefined)
    return null
  return items.find(i => i.code === code)?.value ?? null
}

// the ideal-values risk depends on four facts only: a county's run computes each of the few hundred once
const idealRisks = new Map<string, ReturnType<typeof chinaParIdeal>>()
function idealRiskOf(sex: Sex, age: number, north: boolean, urban: boolean) {
  const key = `${sex}${age}${north}${urban}`
  let ideal = idealRisks.get(key)
  if (ideal === undefined) {
    ideal = chinaParIdeal({ sex, age, north, urban })
    idealRisks.set(key, ideal)
  }
  return ideal
}

/**
 * The report's content from its facts: pure, so the same facts give the same report (and the
 * same hash: no new version when nothing changed). Values are the year's exam, else the
 * average of her home readings; changes are against last year's exam.
 */
export function buildAssessment(facts: AssessmentFacts): AssessmentContent {
  const { resident } = facts
  const age = ageOn(resident.birthDate, facts.on)
  const diabetesCondition = facts.conditions.includes('diabetes')
  const examGlucose = valueOf(facts.exam?.items, measureCodes.fastingGlucose.code)
  // clinical.md: diabetes is FPG ≥ 7.0 or on glucose-lowering drugs (a managed diagnosis stands for the drugs)
  const diabetes = diabetesCondition || (examGlucose !== null && examGlucose >= 7.0)
  const targets = controlTargets({ sex: resident.sex, age, diabetes })

  const bpReadings = facts.home.filter(h => h.kind === 'bp' && h.sbp !== null && h.dbp !== null)
  const homeOf: Partial<Record<AssessmentMeasureKey, { values: number[], values2?: number[] }>> = {
    bp: { values: bpReadings.map(h => h.sbp!), values2: bpReadings.map(h => h.dbp!) },
    fastingGlucose: { values: facts.home.filter(h => h.kind === 'glucose' && h.timing === 'fasting' && h.glucose !== null).map(h => h.glucose!) },
    weight: { values: facts.home.filter(h => h.kind === 'weight' && h.weightKg !== null).map(h => h.weightKg!) },
    waist: { values: facts.home.filter(h => h.kind === 'waist' && h.waistCm !== null).map(h => h.waistCm!) },
  }

  const categoryOf: Partial<Record<AssessmentMeasureKey, (v: number, v2: number | null) => string>> = {
    bp: (v, v2) => bpCategory(v, v2 ?? 0),
    fastingGlucose: v => fastingGlucoseCategory(v),
    tc: v => lipidCategory('tc', v),
    ldl: v => lipidCategory('ldl', v),
    hdl: v => lipidCategory('hdl', v),
    tg: v => lipidCategory('tg', v),
    bmi: v => bmiCategory(v),
    waist: v => waistCategory(resident.sex, v),
  }
  const targetOf: Partial<Record<AssessmentMeasureKey, [number, number?]>> = {
    bp: [targets.sbpBelow, targets.dbpBelow],
    fastingGlucose: [targets.fastingGlucoseBelow],
    ldl: [targets.ldlBelow],
    bmi: [targets.bmiBelow],
    waist: [targets.waistBelow],
  }

  const measures: AssessmentMeasure[] = (Object.keys(measureCodes) as AssessmentMeasureKey[]).map((key) => {
    const { code, code2, unit } = measureCodes[key]
    const decimals = decimalsOf(code)
    const home = homeOf[key]
    const homeAverage = home === undefined ? null : average(home.values)
    const homeAverage2 = home?.values2 === undefined ? null : average(home.values2)
    const examValue = valueOf(facts.exam?.items, code)
    const examValue2 = valueOf(facts.exam?.items, code2)
    const fromExam = examValue !== null
    const value = fromExam ? examValue : homeAverage === null ? null : round(homeAverage, decimals)
    const value2 = code2 === undefined ? null : fromExam ? examValue2 : homeAverage2 === null ? null : round(homeAverage2, decimalsOf(code2))
    const previous = valueOf(facts.previousExam?.items, code)
    const previous2 = valueOf(facts.previousExam?.items, code2)
    const target = targetOf[key]
    const metTarget = target === undefined || value === null
      ? null
      : value < target[0] && (target[1] === undefined || value2 === null || value2 < target[1])
    return {
      key,
      code,
      unit,
      value,
      value2,
      source: value === null ? null : fromExam ? 'exam' : 'home',
      previous,
      previous2,
      change: value === null || previous === null ? null : round(value - previous, decimals),
      change2: value2 === null || previous2 === null ? null : round(value2 - previous2, decimals),
      category: value === null ? null : categoryOf[key]?.(value, value2) ?? null,
      targetBelow: target?.[0] ?? null,
      targetBelow2: target?.[1] ?? null,
      metTarget,
      home: homeAverage === null || home === undefined
        ? null
        : { average: round(homeAverage, decimals), average2: homeAverage2 === null ? null : round(homeAverage2, decimals), count: home.values.length },
    }
  })

  const measure = (key: AssessmentMeasureKey) => measures.find(m => m.key === key)!
  const mmolOf = (key: AssessmentMeasureKey) => measure(key).value
  const north = isNorthRegion(resident.residenceRegion)
  const urban = isUrbanTownship(resident.township)
  const parInput: Partial<{ [K in keyof ChinaParInput]: ChinaParInput[K] | null }> = {
    sex: resident.sex,
    age,
    sbp: measure('bp').value,
    treated: facts.onAntihypertensive,
    tcMmol: mmolOf('tc'),
    hdlMmol: mmolOf('hdl'),
    waistCm: measure('waist').value,
    smoker: resident.smoker,
    diabetes,
    north,
    urban,
    familyHistory: resident.familyHistoryCvd,
  }
  const par = chinaPar10y(parInput)
  const ideal = idealRiskOf(resident.sex, age, north, urban)

  const abnormal = (facts.exam?.items ?? []).filter(i => i.flag !== 'normal')
  const abnormalBefore = new Set((facts.previousExam?.items ?? []).filter(i => i.flag !== 'normal').map(i => i.code))
  const normalNow = new Set((facts.exam?.items ?? []).filter(i => i.flag === 'normal').map(i => i.code).concat(facts.backToNormal ?? []))
  const yearStart = `${facts.year}-01-01`
  const yearEnd = `${facts.year}-12-31`
  const open = facts.reminders.filter(r => r.status !== 'done')

  return {
    year: facts.year,
    asOf: facts.on,
    subject: {
      name: resident.name,
      sex: resident.sex,
      age,
      conditions: facts.conditions.filter(c => (ELIGIBLE_CONDITIONS as readonly string[]).includes(c) || c === 'copd'),
      eligibleBecause: eligibilityOf(facts),
    },
    examDate: facts.exam?.date ?? null,
    previousExamDate: facts.previousExam?.date ?? null,
    measures,
    risk: { risk: par.risk, category: par.category, ideal: par.risk === null ? null : ideal.risk, missing: par.missing, ageOutOfRange: par.ageOutOfRange },
    abnormal: abnormal.map(i => ({ code: i.code, value: i.value, valueText: i.valueText, unit: i.unit, refLow: i.refLow, refHigh: i.refHigh, flag: i.flag })),
    changes: {
      newAbnormal: facts.previousExam === null ? [] : abnormal.filter(i => !abnormalBefore.has(i.code)).map(i => i.code),
      backToNormal: [...abnormalBefore].filter(code => normalNow.has(code)),
      newlyDue: open.filter(r => (r.status === 'due' || r.status === 'overdue') && r.dueFrom >= yearStart && r.dueFrom <= yearEnd).map(r => r.kind),
    },
    due: open
      .map(r => ({ kind: r.kind, status: r.status as 'overdue' | 'due' | 'upcoming', dueFrom: r.dueFrom, free: r.free }))
      .sort((a, b) => a.dueFrom.localeCompare(b.dueFrom) || a.kind.localeCompare(b.kind)),
  }
}
