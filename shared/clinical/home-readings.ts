import { plausibleLimits } from './exam-plausible'

/**
 * Home measurements (product.md capability 15): what a resident can record, what a home device
 * can read at all, and which readings need action now (clinical.md "Home readings that need
 * action now"). Thresholds are data, so an institution's own list can replace them.
 */

export const MeasurementKind = { BP: 'bp', GLUCOSE: 'glucose', WEIGHT: 'weight', WAIST: 'waist' } as const
export type MeasurementKind = (typeof MeasurementKind)[keyof typeof MeasurementKind]

export const GlucoseTiming = { FASTING: 'fasting', AFTER_MEAL: 'after-meal' } as const
export type GlucoseTiming = (typeof GlucoseTiming)[keyof typeof GlucoseTiming]

/** Inclusive limits of what a home reading can be. */
export interface ReadingLimits {
  min: number
  max: number
  unit: string
}

const limitsOf = (code: string, unit: string): ReadingLimits => {
  const limits = plausibleLimits.get(code)!
  return { min: limits.min, max: limits.max, unit }
}

/**
 * The exam catalogue's plausible limits (shared/clinical/exam-plausible.ts) for BP, weight and
 * waist; glucose takes a home meter's own range instead: meters show "LO" below 1.1 and "HI"
 * above 33.3 mmol/L, so a number outside it was typed wrong (often a mg/dL value).
 */
export const homeReadingLimits = {
  sbp: limitsOf('8480-6', 'mmHg'),
  dbp: limitsOf('8462-4', 'mmHg'),
  pulse: limitsOf('8867-4', '/min'),
  glucose: { min: 1.1, max: 33.3, unit: 'mmol/L' },
  weightKg: limitsOf('29463-7', 'kg'),
  waistCm: limitsOf('8280-0', 'cm'),
} as const satisfies Record<string, ReadingLimits>

/** The exam item a home reading sits beside in the trend charts (after-meal glucose has none). */
export const homeReadingExamCode = {
  sbp: '8480-6',
  dbp: '8462-4',
  fastingGlucose: '14771-0',
  weightKg: '29463-7',
  waistCm: '8280-0',
} as const

export type DangerReason = 'bp-crisis' | 'hypoglycaemia' | 'hyperglycaemia'

/** clinical.md: SBP ≥ 180 or DBP ≥ 110; glucose < 3.9 or ≥ 16.7 mmol/L (fasting or not). */
export const DANGER_THRESHOLDS = {
  sbpAtOrAbove: 180,
  dbpAtOrAbove: 110,
  glucoseBelow: 3.9,
  glucoseAtOrAbove: 16.7,
} as const

export interface HomeReadingValues {
  sbp?: number | null
  dbp?: number | null
  glucose?: number | null
}

/** Why a reading needs action now, or null. Weight and waist never do. */
export function dangerOf(reading: HomeReadingValues): DangerReason | null {
  const t = DANGER_THRESHOLDS
  if ((reading.sbp != null && reading.sbp >= t.sbpAtOrAbove) || (reading.dbp != null && reading.dbp >= t.dbpAtOrAbove))
    return 'bp-crisis'
  if (reading.glucose != null && reading.glucose < t.glucoseBelow)
    return 'hypoglycaemia'
  if (reading.glucose != null && reading.glucose >= t.glucoseAtOrAbove)
    return 'hyperglycaemia'
  return null
}
