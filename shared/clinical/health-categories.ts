/**
 * Adult categories and chronic-disease control targets (clinical.md "Categories for adults"), as
 * data beside their sources, so a guideline update changes one table and no logic.
 */

export type Sex = 'male' | 'female'

/** A category scale: the first band whose `below` the value is under wins; the last has none. */
interface Band<C extends string> {
  category: C
  below?: number
}

function bandOf<C extends string>(bands: readonly Band<C>[], value: number): C {
  return (bands.find(b => b.below === undefined || value < b.below) ?? bands[bands.length - 1]!).category
}

export type BmiCategory = 'underweight' | 'normal' | 'overweight' | 'obese'
/** WS/T 428-2013 */
const bmiBands: readonly Band<BmiCategory>[] = [
  { category: 'underweight', below: 18.5 },
  { category: 'normal', below: 24.0 },
  { category: 'overweight', below: 28.0 },
  { category: 'obese' },
]
export const bmiCategory = (bmi: number): BmiCategory => bandOf(bmiBands, bmi)

export type WaistCategory = 'normal' | 'pre-central' | 'central-obesity'
/** WS/T 428-2013: central obesity ≥ 90 cm men, ≥ 85 cm women; pre-central 85–< 90, 80–< 85 */
const waistBands: Record<Sex, readonly Band<WaistCategory>[]> = {
  male: [{ category: 'normal', below: 85 }, { category: 'pre-central', below: 90 }, { category: 'central-obesity' }],
  female: [{ category: 'normal', below: 80 }, { category: 'pre-central', below: 85 }, { category: 'central-obesity' }],
}
export const waistCategory = (sex: Sex, waistCm: number): WaistCategory => bandOf(waistBands[sex], waistCm)

export type BpCategory = 'normal' | 'high-normal' | 'grade-1' | 'grade-2' | 'grade-3'
/** 2018 hypertension guideline; when SBP and DBP fall in different grades the higher counts */
const bpOrder: readonly BpCategory[] = ['normal', 'high-normal', 'grade-1', 'grade-2', 'grade-3']
const sbpBands: readonly Band<BpCategory>[] = [
  { category: 'normal', below: 120 },
  { category: 'high-normal', below: 140 },
  { category: 'grade-1', below: 160 },
  { category: 'grade-2', below: 180 },
  { category: 'grade-3' },
]
const dbpBands: readonly Band<BpCategory>[] = [
  { category: 'normal', below: 80 },
  { category: 'high-normal', below: 90 },
  { category: 'grade-1', below: 100 },
  { category: 'grade-2', below: 110 },
  { category: 'grade-3' },
]
export function bpCategory(sbp: number, dbp: number): BpCategory {
  return bpOrder[Math.max(bpOrder.indexOf(bandOf(sbpBands, sbp)), bpOrder.indexOf(bandOf(dbpBands, dbp)))]!
}

export type GlucoseCategory = 'normal' | 'impaired-fasting' | 'diabetes-range'
/** 2020 diabetes guideline, fasting plasma glucose in mmol/L */
const fastingGlucoseBands: readonly Band<GlucoseCategory>[] = [
  { category: 'normal', below: 6.1 },
  { category: 'impaired-fasting', below: 7.0 },
  { category: 'diabetes-range' },
]
export const fastingGlucoseCategory = (mmol: number): GlucoseCategory => bandOf(fastingGlucoseBands, mmol)

export type LipidCategory = 'desirable' | 'borderline' | 'high' | 'low'
/** 2016 lipid guideline, mmol/L; HDL-C is "low" below 1.0, else desirable */
const lipidBands: Record<'tc' | 'ldl' | 'tg' | 'hdl', readonly Band<LipidCategory>[]> = {
  tc: [{ category: 'desirable', below: 5.2 }, { category: 'borderline', below: 6.2 }, { category: 'high' }],
  ldl: [{ category: 'desirable', below: 3.4 }, { category: 'borderline', below: 4.1 }, { category: 'high' }],
  tg: [{ category: 'desirable', below: 1.7 }, { category: 'borderline', below: 2.3 }, { category: 'high' }],
  hdl: [{ category: 'low', below: 1.0 }, { category: 'desirable' }],
}
export const lipidCategory = (lipid: keyof typeof lipidBands, mmol: number): LipidCategory => bandOf(lipidBands[lipid], mmol)

/** The category names each measure of the annual report uses, for one switch in the page. */
export type MeasureCategory = BmiCategory | WaistCategory | BpCategory | GlucoseCategory | LipidCategory

/** The targets a resident is held to: upper limits, exclusive ("< 140/90"). */
export interface ControlTargets {
  sbpBelow: number
  dbpBelow: number
  fastingGlucoseBelow: number
  ldlBelow: number
  /** WS/T 428-2013 normal range, the same for everyone */
  bmiBelow: number
  /** central obesity starts here */
  waistBelow: number
}

/** The age from which the 2018 guideline's elderly section accepts < 150/90. */
export const ELDERLY_BP_TARGET_AGE = 80

/**
 * clinical.md "Chronic-disease control targets": BP < 140/90 (< 150/90 at 80+); fasting glucose
 * < 7.0; LDL-C < 2.6 for diabetics (high risk), < 3.4 otherwise.
 */
export function controlTargets(subject: { sex: Sex, age: number, diabetes: boolean }): ControlTargets {
  return {
    sbpBelow: subject.age >= ELDERLY_BP_TARGET_AGE ? 150 : 140,
    dbpBelow: 90,
    fastingGlucoseBelow: 7.0,
    ldlBelow: subject.diabetes ? 2.6 : 3.4,
    bmiBelow: 24.0,
    waistBelow: subject.sex === 'male' ? 90 : 85,
  }
}
