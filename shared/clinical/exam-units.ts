import { examItems, examItemsByCode } from './exam-items'

/**
 * Units of imported exam results. Institutions print the same unit many ways (`umol/L`, `μmol/L`,
 * `10^9/L`, UCUM's `mm[Hg]`) and some report mass units (`mg/dL`) where the catalogue, like
 * Chinese reports, uses molar ones; both are brought to the catalogue's unit before a value is
 * stored or flagged against the catalogue's ranges.
 */

/**
 * One factor from a unit a report may print to an item's catalogue unit:
 * value in the catalogue unit = value in `unit` × `factor`. Kept as data, each with its source,
 * so a factor can be corrected without touching the logic.
 */
export interface ExamUnitConversion {
  /** LOINC codes of the catalogue items the factor holds for */
  codes: readonly string[]
  /** in `normalizeUnit`'s spelling */
  unit: string
  factor: number
  source: string
}

export const examUnitConversions: readonly ExamUnitConversion[] = [
  { codes: ['14771-0'], unit: 'mg/dL', factor: 1 / 18.016, source: 'molar mass of glucose 180.16 g/mol: mmol/L = mg/dL ÷ 18.016' },
  { codes: ['14647-2', '22748-8', '14646-4'], unit: 'mg/dL', factor: 0.02586, source: 'molar mass of cholesterol 386.65 g/mol: mmol/L = mg/dL × 0.02586' },
  { codes: ['14927-8'], unit: 'mg/dL', factor: 0.01129, source: 'molar mass of triolein 885.7 g/mol, the usual stand-in for triglycerides: mmol/L = mg/dL × 0.01129' },
  { codes: ['14682-9'], unit: 'mg/dL', factor: 88.42, source: 'molar mass of creatinine 113.12 g/mol (10000 ÷ 113.12 = 88.40); 88.42 is the factor laboratory tables print' },
  { codes: ['14933-6'], unit: 'mg/dL', factor: 59.48, source: 'molar mass of uric acid 168.11 g/mol: µmol/L = mg/dL × 59.48' },
  // a urea item printed in mg/dL comes from a report of urea nitrogen (BUN), as US-style reports give it
  { codes: ['22664-7'], unit: 'mg/dL', factor: 0.357, source: 'urea nitrogen (BUN), 2 N = 28.014 g/mol per urea: urea mmol/L = BUN mg/dL × 0.357' },
  { codes: ['14631-6', '14629-0'], unit: 'mg/dL', factor: 17.1, source: 'molar mass of bilirubin 584.66 g/mol: µmol/L = mg/dL × 17.1' },
  { codes: ['718-7', '1751-7'], unit: 'g/dL', factor: 10, source: '1 dL = 0.1 L: g/L = g/dL × 10' },
  { codes: ['2823-3', '2951-2'], unit: 'mEq/L', factor: 1, source: 'potassium and sodium are monovalent: 1 mEq = 1 mmol' },
]

/** Spellings whose key differs from the catalogue's, by the catalogue spelling they mean. */
const aliases: readonly (readonly [unit: string, aliases: readonly string[]])[] = [
  ['kg/m²', ['kg/m2']],
  // Celsius: UCUM `Cel`, and the bare `C` of reports typed without the degree sign
  ['℃', ['C', 'Cel']],
  ['mmHg', ['mm[Hg]']],
  ['次/分', ['/min', 'bpm', 'beats/min', '{beats}/min', '次/min', '次/分钟']],
  // an enzyme's international unit is the U of U/L; UCUM spells it [IU]
  ['U/L', ['[IU]/L', 'IU/L']],
]

const superscriptDigits = '⁰¹²³⁴⁵⁶⁷⁸⁹'

/**
 * What two spellings of one unit share. Superscripts become `^` exponents before NFKC, which
 * would otherwise read `10⁹` as `109`; NFKC folds the micro sign and Greek mu together, `℃` into
 * `°C` and full-width `／％` into ASCII; `×10^9`, `10E9` and UCUM's `10*9` are one power of ten.
 */
function spellingKey(unit: string): string {
  return unit
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, digits => `^${[...digits].map(d => superscriptDigits.indexOf(d)).join('')}`)
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .toLowerCase()
    .replaceAll('μ', 'u')
    .replace(/^[×x*]?10(?:\^|e|\*{1,2})(\d+)/, '10^$1')
}

const knownUnits = new Set([
  ...examItems.flatMap(item => item.unit === null ? [] : [item.unit]),
  ...examUnitConversions.map(conversion => conversion.unit),
])

const spellingsByKey: ReadonlyMap<string, string> = new Map([
  ...aliases.flatMap(([unit, spellings]) => spellings.map(spelling => [spellingKey(spelling), unit] as const)),
  ...[...knownUnits].map(unit => [spellingKey(unit), unit] as const),
])

/**
 * A unit in the catalogue's spelling (`µmol/L`, `10⁹/L`, `kg/m²`, `℃`, `mmHg`, `次/分`, `U/L`), or
 * in the spelling of the conversion table (`mg/dL`, `g/dL`, `mEq/L`) for the mass units the
 * catalogue does not use. A unit neither knows is returned trimmed as it was.
 */
export function normalizeUnit(unit: string): string {
  // an import reads the same few spellings forty times an exam: remember them (a bounded few)
  let normal = normalized.get(unit)
  if (normal === undefined) {
    normal = spellingsByKey.get(spellingKey(unit)) ?? unit.trim()
    if (normalized.size < 1000)
      normalized.set(unit, normal)
  }
  return normal
}
const normalized = new Map<string, string>()

export interface ExamValueInUnit {
  value: number
  unit: string
}

function factorTo(code: string, unit: string): number | undefined {
  return examUnitConversions.find(conversion => conversion.unit === unit && conversion.codes.includes(code))?.factor
}

function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals
  return Math.round(value * scale) / scale
}

/**
 * A value of item `code` printed in `unit` (any spelling `normalizeUnit` knows), in the item's
 * catalogue unit. A value already in that unit comes back unchanged; null when the item is not
 * in the catalogue, has no unit (text items), or no factor from `unit` is known.
 */
export function convertToCatalogueUnit(code: string, value: number, unit: string): ExamValueInUnit | null {
  const item = examItemsByCode.get(code)
  if (item === undefined || item.unit === null)
    return null
  const from = normalizeUnit(unit)
  if (from === item.unit)
    return { value, unit: item.unit }
  const factor = factorTo(code, from)
  if (factor === undefined)
    return null
  // one decimal beyond what a report prints: the converted value keeps the precision of the
  // printed one without float noise such as 6.199999
  return { value: roundTo(value * factor, item.decimals + 1), unit: item.unit }
}

/**
 * A value of item `code` in its catalogue unit, expressed in `unit` (for a reader or a score
 * that works in mass units, such as China-PAR's mg/dL); null as for `convertToCatalogueUnit`.
 */
export function convertFromCatalogueUnit(code: string, value: number, unit: string): ExamValueInUnit | null {
  const item = examItemsByCode.get(code)
  if (item === undefined || item.unit === null)
    return null
  const to = normalizeUnit(unit)
  if (to === item.unit)
    return { value, unit: to }
  const factor = factorTo(code, to)
  if (factor === undefined)
    return null
  // the precision of the catalogue's rounding carried over: a factor of about 100 (creatinine
  // mg/dL → µmol/L) needs two more decimals on the mass side, one of about 1/100 two fewer
  const decimals = Math.max(0, item.decimals + 1 + Math.round(Math.log10(factor)))
  return { value: roundTo(value / factor, decimals), unit: to }
}
