import { birthdayAt } from './calendar'
import type { Rng } from './random'

/**
 * A resident's lasting health traits: chronic conditions with their diagnosis days, and the
 * personal baselines every exam and follow-up varies around, so one resident's results are
 * consistent from year to year and correlated with their conditions.
 */
export interface HealthProfile {
  sex: 'male' | 'female'
  birthDay: number
  smoker: boolean
  familyHistoryCvd: boolean
  /** diagnosis day, or NaN when the resident does not have the condition */
  hypertension: number
  diabetes: number
  dyslipidaemia: number
  copd: number
  mental: number
  tuberculosis: number
  hiv: number
  /** under management by the family-doctor team (seed 002 §五(七)) */
  hypertensionManaged: boolean
  diabetesManaged: boolean
  mentalManaged: boolean
  /** takes a statin: lowers the cholesterol every exam measures */
  statin: boolean
  heightCm: number
  bmi: number
  sbpShift: number
  fpg: number
  tc: number
  hdl: number
  tgFactor: number
  uricAcid: number
  haemoglobin: number
  platelets: number
  creatinine: number
  altFactor: number
  /** a lasting ultrasound finding (fatty liver, gallstones, ...) or null */
  ultrasound: string | null
  /** likelihood of turning up to a free exam when due */
  examPropensity: number
  fluPropensity: number
  screeningPropensity: number
}

const none = Number.NaN

/** Prevalence by age band (18–34, 35–44, 45–54, 55–64, 65–74, 75+), tuned to demo.md: hypertension ~25% and diabetes ~10% of adults. */
const hypertensionByAge = [0.04, 0.11, 0.24, 0.38, 0.5, 0.57]
const diabetesByAge = [0.012, 0.045, 0.09, 0.14, 0.18, 0.19]
const dyslipidaemiaByAge = [0.04, 0.09, 0.14, 0.18, 0.2, 0.18]
const copdByAge = [0, 0.005, 0.015, 0.035, 0.07, 0.1]

function band(age: number): number {
  return age < 35 ? 0 : age < 45 ? 1 : age < 55 ? 2 : age < 65 ? 3 : age < 75 ? 4 : 5
}

const ultrasoundFindings = ['胆囊结石', '肝囊肿', '胆囊息肉', '肾囊肿']

/** Diagnosed some time between `earliestAge` and the anchor, never more than 25 years ago. */
function diagnosis(rng: Rng, birthDay: number, age: number, earliestAge: number, anchorDay: number): number {
  const from = Math.max(birthdayAt(birthDay, Math.min(earliestAge, age)), anchorDay - 25 * 365)
  return from + rng.int(Math.max(1, anchorDay - 30 - from))
}

export function drawHealthProfile(rng: Rng, sex: 'male' | 'female', birthDay: number, age: number, anchorDay: number): HealthProfile {
  const male = sex === 'male'
  const adult = age >= 18
  const smoker = adult && rng.chance(male ? 0.45 : 0.02)
  const b = band(age)
  const bmi = age < 18 ? 17 : Math.min(38, Math.max(16, rng.gauss(male ? 23.8 : 23.2, 3.1)))
  const heavy = bmi >= 28 ? 1.6 : bmi >= 24 ? 1.25 : 0.85
  const hasHt = adult && rng.chance(hypertensionByAge[b]! * heavy)
  const hasDm = adult && rng.chance(diabetesByAge[b]! * heavy * (hasHt ? 1.4 : 0.9))
  const hasDl = adult && rng.chance(dyslipidaemiaByAge[b]! * (hasDm ? 1.6 : 1))
  const hasCopd = adult && age >= 40 && rng.chance(copdByAge[b]! * (smoker ? 2.5 : 0.6))
  const fattyLiver = adult && rng.chance(bmi >= 28 ? 0.55 : bmi >= 24 ? 0.3 : 0.06)
  let ultrasound: string | null = null
  if (fattyLiver)
    ultrasound = '脂肪肝'
  else if (adult && rng.chance(0.04 + age * 0.002))
    ultrasound = rng.pick(ultrasoundFindings)
  const keen = rng.float()
  return {
    sex,
    birthDay,
    smoker,
    familyHistoryCvd: adult && rng.chance(0.15),
    hypertension: hasHt ? diagnosis(rng, birthDay, age, 30, anchorDay) : none,
    diabetes: hasDm ? diagnosis(rng, birthDay, age, 35, anchorDay) : none,
    dyslipidaemia: hasDl ? diagnosis(rng, birthDay, age, 30, anchorDay) : none,
    copd: hasCopd ? diagnosis(rng, birthDay, age, 45, anchorDay) : none,
    mental: adult && rng.chance(0.005) ? diagnosis(rng, birthDay, age, 18, anchorDay) : none,
    tuberculosis: adult && rng.chance(0.0006) ? anchorDay - rng.int(900) - 30 : none,
    hiv: adult && rng.chance(0.0002) ? diagnosis(rng, birthDay, age, 20, anchorDay) : none,
    hypertensionManaged: rng.chance(0.62),
    diabetesManaged: rng.chance(0.65),
    mentalManaged: rng.chance(0.92),
    statin: hasDl && rng.chance(0.45),
    heightCm: male ? rng.gauss(168.5, 6) : rng.gauss(157.5, 5.5),
    bmi,
    sbpShift: rng.gauss(0, 8),
    fpg: rng.gauss(0, 0.06),
    tc: rng.gauss(4.4, 0.72) + (hasDl ? 1.0 : 0),
    hdl: rng.gauss(male ? 1.22 : 1.45, 0.24) - (bmi >= 28 ? 0.1 : 0),
    tgFactor: Math.exp(rng.gauss(0, 0.35)) * (hasDl ? 1.45 : 1) * (1 + (bmi - 23) * 0.05),
    uricAcid: (male ? rng.gauss(362, 68) : rng.gauss(272, 52)) + (bmi - 23) * 6,
    haemoglobin: male ? rng.gauss(148, 10) : rng.gauss(131, 10),
    platelets: rng.gauss(228, 48),
    creatinine: male ? rng.gauss(77, 11) : rng.gauss(57, 8.5),
    altFactor: Math.exp(rng.gauss(0, 0.35)) * (fattyLiver ? 1.7 : 1),
    ultrasound,
    // a quarter never come, the rest come with a steady personal likelihood: tuned to ~51% overall and ~70% of key groups (seed 001)
    examPropensity: keen < 0.22 ? 0 : 0.55 + keen * 0.45,
    fluPropensity: rng.chance(0.35) ? 0 : rng.float() * 0.9 + 0.1,
    screeningPropensity: rng.float(),
  }
}

/** Whether a condition (a diagnosis day or NaN) was known on `day`. */
export function hasOn(diagnosedDay: number, day: number): boolean {
  return diagnosedDay <= day
}
