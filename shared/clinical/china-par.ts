/**
 * China-PAR 10-year ASCVD risk (clinical.md "China-PAR 10-year ASCVD risk"): Yang X et al.,
 * Circulation 2016;134:1430–1440, Supplementary Table 1, as a Cox model
 * `risk = 1 − S10 ^ exp(Σ βᵢxᵢ − mean)`. The coefficients are data with their source beside
 * them; the logic below never names a number of the model.
 */

export type ChinaParSex = 'male' | 'female'

export interface ChinaParInput {
  sex: ChinaParSex
  /** years */
  age: number
  /** mmHg */
  sbp: number
  /** antihypertensive drugs in the last 2 weeks */
  treated: boolean
  /** total cholesterol, mmol/L */
  tcMmol: number
  /** HDL cholesterol, mmol/L */
  hdlMmol: number
  /** cm */
  waistCm: number
  smoker: boolean
  /** FPG ≥ 7.0 mmol/L or on glucose-lowering drugs */
  diabetes: boolean
  /** north of the Yangtze (Zhejiang is south) */
  north: boolean
  urban: boolean
  /** a parent or sibling with MI or stroke */
  familyHistory: boolean
}

export type ChinaParInputName = keyof ChinaParInput

/** 2019 Chinese CVD risk guideline: < 5% low, 5–< 10% medium, ≥ 10% high. */
export type ChinaParCategory = 'low' | 'medium' | 'high'

export interface ChinaParResult {
  /** percent, one decimal; null when an input is missing or the age is outside 35–74 */
  risk: number | null
  category: ChinaParCategory | null
  /** the inputs that were absent, in the contract's order */
  missing: ChinaParInputName[]
  /** the model is derived for ages 35–74: outside them it gives no number */
  ageOutOfRange: boolean
}

interface Coefficients {
  lnAge: number
  lnSbpTreated: number
  lnSbpUntreated: number
  lnTc: number
  lnHdl: number
  lnWaist: number
  smoker: number
  diabetes: number
  north: number
  urban: number
  familyHistory: number
  lnAgeLnSbpTreated: number
  lnAgeLnSbpUntreated: number
  lnAgeSmoker: number
  lnAgeFamilyHistory: number
  mean: number
  s10: number
}

/**
 * clinical.md's table. The men's ln age, ln SBP untreated, ln TC, ln HDL-C, ln waist,
 * ln age × ln SBP untreated and the women's S10 = 0.9851 are reconstructed from the paper's
 * worked example (its printed two-decimal values put men about 6% high and women a third low);
 * the rest are as printed. Terms the paper gives women none of are 0.
 */
export const CHINA_PAR_COEFFICIENTS: Readonly<Record<ChinaParSex, Coefficients>> = {
  male: {
    lnAge: 31.96604,
    lnSbpTreated: 27.39,
    lnSbpUntreated: 26.14876,
    lnTc: 0.62090,
    lnHdl: -0.69373,
    lnWaist: -0.71200,
    smoker: 3.96,
    diabetes: 0.36,
    north: 0.48,
    urban: -0.16,
    familyHistory: 6.22,
    lnAgeLnSbpTreated: -6.02,
    lnAgeLnSbpUntreated: -5.73074,
    lnAgeSmoker: -0.94,
    lnAgeFamilyHistory: -1.53,
    mean: 140.68,
    s10: 0.9707,
  },
  female: {
    lnAge: 24.87,
    lnSbpTreated: 20.71,
    lnSbpUntreated: 19.98,
    lnTc: 0.06,
    lnHdl: -0.22,
    lnWaist: 1.48,
    smoker: 0.49,
    diabetes: 0.57,
    north: 0.54,
    urban: 0,
    familyHistory: 0,
    lnAgeLnSbpTreated: -4.53,
    lnAgeLnSbpUntreated: -4.36,
    lnAgeSmoker: 0,
    lnAgeFamilyHistory: 0,
    mean: 117.26,
    s10: 0.9851,
  },
}

/** clinical.md: the model takes cholesterol in mg/dL (mg/dL = mmol/L ÷ 0.0259). */
export const MMOL_PER_MG_DL_CHOLESTEROL = 0.0259

export const CHINA_PAR_MIN_AGE = 35
export const CHINA_PAR_MAX_AGE = 74

const inputNames: readonly ChinaParInputName[] = ['sex', 'age', 'sbp', 'treated', 'tcMmol', 'hdlMmol', 'waistCm', 'smoker', 'diabetes', 'north', 'urban', 'familyHistory']

/** 2019 Chinese CVD risk guideline categories of a 10-year risk in percent. */
export function chinaParCategory(riskPercent: number): ChinaParCategory {
  return riskPercent < 5 ? 'low' : riskPercent < 10 ? 'medium' : 'high'
}

/** The unrounded 10-year risk in percent of a complete input, whatever the age. */
export function chinaParRiskUnrounded(input: ChinaParInput): number {
  const c = CHINA_PAR_COEFFICIENTS[input.sex]
  const lnAge = Math.log(input.age)
  const lnSbp = Math.log(input.sbp)
  const mgDl = (mmol: number) => mmol / MMOL_PER_MG_DL_CHOLESTEROL
  const flag = (b: boolean) => (b ? 1 : 0)
  // clinical.md: exactly one of the treated / untreated SBP terms
  const sbpTerms = input.treated
    ? c.lnSbpTreated * lnSbp + c.lnAgeLnSbpTreated * lnAge * lnSbp
    : c.lnSbpUntreated * lnSbp + c.lnAgeLnSbpUntreated * lnAge * lnSbp
  const sum = c.lnAge * lnAge
    + sbpTerms
    + c.lnTc * Math.log(mgDl(input.tcMmol))
    + c.lnHdl * Math.log(mgDl(input.hdlMmol))
    + c.lnWaist * Math.log(input.waistCm)
    + c.smoker * flag(input.smoker)
    + c.diabetes * flag(input.diabetes)
    + c.north * flag(input.north)
    + c.urban * flag(input.urban)
    + c.familyHistory * flag(input.familyHistory)
    + c.lnAgeSmoker * lnAge * flag(input.smoker)
    + c.lnAgeFamilyHistory * lnAge * flag(input.familyHistory)
  return (1 - c.s10 ** Math.exp(sum - c.mean)) * 100
}

/**
 * The contract of clinical.md: `risk` rounded to one decimal, or null with the names of the
 * absent inputs in `missing` (so the page can say what to measure), or null for an age outside
 * 35–74 (`ageOutOfRange`). An input is absent when it is undefined, null or not a finite number.
 */
export function chinaPar10y(input: Partial<{ [K in ChinaParInputName]: ChinaParInput[K] | null }>): ChinaParResult {
  const missing = inputNames.filter((name) => {
    const value = input[name]
    return value === undefined || value === null || (typeof value === 'number' && !Number.isFinite(value))
  })
  const age = input.age
  const ageOutOfRange = typeof age === 'number' && Number.isFinite(age) && (age < CHINA_PAR_MIN_AGE || age > CHINA_PAR_MAX_AGE)
  if (missing.length > 0 || ageOutOfRange)
    return { risk: null, category: null, missing, ageOutOfRange }
  const risk = Math.round(chinaParRiskUnrounded(input as ChinaParInput) * 10) / 10
  return { risk, category: chinaParCategory(risk), missing, ageOutOfRange }
}

/**
 * What the risk would be at ideal values, as the official China-PAR calculator computes it
 * (clinical.md): age, sex, region and urban/rural kept; TC 200 mg/dL, HDL-C 40 mg/dL, SBP 120
 * untreated, waist 90 cm (men) / 85 cm (women), no diabetes, non-smoker, no family history.
 */
export function chinaParIdeal(input: Pick<ChinaParInput, 'sex' | 'age' | 'north' | 'urban'>): ChinaParResult {
  return chinaPar10y({
    ...input,
    sbp: 120,
    treated: false,
    tcMmol: 200 * MMOL_PER_MG_DL_CHOLESTEROL,
    hdlMmol: 40 * MMOL_PER_MG_DL_CHOLESTEROL,
    waistCm: input.sex === 'male' ? 90 : 85,
    smoker: false,
    diabetes: false,
    familyHistory: false,
  })
}

/**
 * China-PAR's "north": north of the Yangtze. GB/T 2260 province codes lying wholly north of it;
 * Jiangsu, Anhui and Hubei straddle the river and count as south here (verify against the
 * cohort's own split, which was by study site). Zhejiang (33) is south (clinical.md).
 */
export const NORTH_PROVINCE_CODES: ReadonlySet<string> = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '37', '41', '61', '62', '63', '64', '65'])

/** Whether a GB/T 2260 region code (of where she lives) lies north of the Yangtze. */
export function isNorthRegion(regionCode: string): boolean {
  return NORTH_PROVINCE_CODES.has(regionCode.slice(0, 2))
}
