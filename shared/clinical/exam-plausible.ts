import { examItemsByCode } from './exam-items'

/**
 * What can be measured at all, per numeric exam item, in the catalogue unit. Limits sit at or
 * beyond the extremes reported in living people, so no real value is refused, yet close enough to
 * catch the usual import mistakes: a value in another unit (glucose 110 in mg/dL, temperature
 * 98.6 in °F) or a lost decimal point (612 for 6.12). Where a real extreme leaves no room for that
 * (enzymes, AFP) only impossible values are caught. These are judgements to verify, not standards.
 */
export interface PlausibleLimits {
  /** inclusive */
  min: number
  /** inclusive */
  max: number
  source: string
}

const entries: readonly (readonly [code: string, limits: PlausibleLimits])[] = [
  ['8302-2', { min: 40, max: 260, source: 'height: a premature newborn to the tallest living man (251 cm); heights in m or mm fall outside' }],
  ['29463-7', { min: 2, max: 300, source: 'weight: a small newborn to the range of a bariatric scale; heavier people exist but are rare enough to check by hand' }],
  ['39156-5', { min: 7, max: 100, source: 'BMI: severe anorexia nervosa (about 8) to extreme obesity; a height in cm instead of m gives values near 0.002' }],
  ['8280-0', { min: 30, max: 250, source: 'waist: an infant to extreme obesity; a value in inches of a small waist is not caught' }],
  ['8480-6', { min: 40, max: 300, source: 'systolic pressure: shock to hypertensive crisis; a cuff rarely reads beyond 300 mmHg' }],
  ['8462-4', { min: 20, max: 200, source: 'diastolic pressure: shock to malignant hypertension' }],
  ['8310-5', { min: 30, max: 45, source: 'body temperature: severe hypothermia to fatal hyperthermia; °F values (95–108) fall outside' }],
  ['9279-1', { min: 2, max: 80, source: 'respiratory rate: agonal breathing to a newborn in distress' }],
  ['8867-4', { min: 20, max: 300, source: 'pulse: complete heart block to supraventricular tachycardia' }],
  ['718-7', { min: 10, max: 250, source: 'haemoglobin: survivals reported below 20 g/L to severe polycythaemia; most g/dL values (< 10) fall outside' }],
  ['6690-2', { min: 0, max: 1000, source: 'white cells: aplasia (analysers print 0) to leukaemic hyperleukocytosis; a count per µL (thousands) falls outside' }],
  ['789-8', { min: 0.3, max: 10, source: 'red cells: extreme anaemia to polycythaemia; a lost decimal point (45 for 4.5) falls outside' }],
  ['777-3', { min: 0, max: 5000, source: 'platelets: aplasia (analysers print 0) to essential thrombocythaemia' }],
  ['1742-6', { min: 0, max: 20_000, source: 'ALT: ischaemic or toxic hepatitis passes 10 000 U/L, so only impossible values are caught' }],
  ['1920-8', { min: 0, max: 20_000, source: 'AST: ischaemic or toxic hepatitis passes 10 000 U/L, so only impossible values are caught' }],
  ['1751-7', { min: 5, max: 70, source: 'albumin: severe nephrotic syndrome to dehydration; g/dL values (< 5) fall outside' }],
  ['14631-6', { min: 0, max: 1500, source: 'total bilirubin: up to severe cholestasis and neonatal jaundice (about 1000 µmol/L)' }],
  ['14629-0', { min: 0, max: 1000, source: 'direct bilirubin: up to severe cholestasis' }],
  ['14682-9', { min: 5, max: 4000, source: 'creatinine: severe muscle wasting to untreated kidney failure or rhabdomyolysis; mg/dL values (< 5) fall outside' }],
  ['22664-7', { min: 0.2, max: 150, source: 'urea: liver failure to untreated uraemia' }],
  ['2823-3', { min: 1, max: 10, source: 'potassium: survivals reported near 1.5 and 9 mmol/L; a shifted decimal point falls outside' }],
  ['2951-2', { min: 80, max: 260, source: 'sodium: profound hyponatraemia (about 90) to salt poisoning (above 200 reported); a shifted decimal point falls outside' }],
  ['14771-0', { min: 0.5, max: 60, source: 'glucose: profound hypoglycaemia to hyperosmolar crisis (rarely above 60 mmol/L, then checked by hand); mg/dL values (70 and up) fall outside' }],
  ['4548-4', { min: 2, max: 25, source: 'HbA1c: haemolysis to the highest reported; IFCC mmol/mol values (above 25) fall outside' }],
  ['14647-2', { min: 0.5, max: 50, source: 'total cholesterol: abetalipoproteinaemia to homozygous familial hypercholesterolaemia and lipoprotein X; mg/dL values fall outside' }],
  ['14927-8', { min: 0.05, max: 250, source: 'triglycerides: abetalipoproteinaemia to chylomicronaemia syndrome (reported above 200 mmol/L)' }],
  ['14646-4', { min: 0.02, max: 6, source: 'HDL cholesterol: Tangier disease to CETP deficiency; mg/dL values (above 6) fall outside' }],
  ['22748-8', { min: 0.01, max: 40, source: 'LDL cholesterol: abetalipoproteinaemia or PCSK9 therapy to homozygous familial hypercholesterolaemia; mg/dL values (above 40) mostly fall outside' }],
  ['14933-6', { min: 0, max: 2000, source: 'uric acid: undetectable after rasburicase to tumour lysis, so a value in mg/dL cannot be caught; a lost decimal point can' }],
  ['1834-1', { min: 0, max: 10_000_000, source: 'AFP: hepatoblastoma and yolk-sac tumours reach millions of ng/mL, so only impossible values are caught' }],
  ['14957-5', { min: 0, max: 20_000, source: 'urine microalbumin: nephrotic-range proteinuria reaches several g/L, so only impossible values are caught (verify)' }],
]

/** By LOINC code, for every numeric item of the catalogue. */
export const plausibleLimits: ReadonlyMap<string, PlausibleLimits> = new Map(entries)

/**
 * Why a value cannot be a real measurement of item `code` in its catalogue unit, or null when
 * it can (or the item has no limits: not in the catalogue, or a text item). Written for the person
 * importing: it names the item, the limits and what to check.
 */
export function implausibleReason(code: string, value: number): string | null {
  const item = examItemsByCode.get(code)
  const limits = plausibleLimits.get(code)
  if (item === undefined || limits === undefined || (value >= limits.min && value <= limits.max))
    return null
  const unit = item.unit === null ? '' : ` ${item.unit}`
  return `${value}${unit} is outside what can be measured for ${item.zh} ${item.en} (${limits.min}–${limits.max}${unit}): check the unit or the decimal point`
}
