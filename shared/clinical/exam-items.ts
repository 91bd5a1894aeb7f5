/**
 * The exam-item catalogue (clinical.md "Exam items"): what each item of the free health exam is,
 * its default unit and reference ranges, its critical limits, and where each fact comes from.
 * Ranges printed on an imported report always win over these defaults; the critical limits are
 * common Chinese laboratory practice that an institution may override, so both are plain data.
 */

export type Sex = 'male' | 'female'

/** The flags the database stores per item. */
export const ExamFlag = { NORMAL: 'normal', HIGH: 'high', LOW: 'low', CRITICAL: 'critical' } as const
export type ExamFlag = (typeof ExamFlag)[keyof typeof ExamFlag]

/** An exam's worst finding: `critical` if any item is, `abnormal` if any is high or low. */
export type ExamWorst = 'normal' | 'abnormal' | 'critical'

export type ExamItemGroup = 'physical' | 'blood-count' | 'urine' | 'liver' | 'kidney' | 'glucose' | 'lipids' | 'other-lab' | 'imaging'

/**
 * One reference interval. The first range whose sex and age match applies. A value below `low`
 * is low; above `high` is high, and so is a value equal to `high` when `highExclusive` (the
 * guidelines' "< 5.2" form). `null` means no limit on that side.
 */
export interface ReferenceRange {
  sex?: Sex
  /** 周岁, inclusive */
  minAge?: number
  /** 周岁, inclusive */
  maxAge?: number
  low: number | null
  high: number | null
  highExclusive?: boolean
}

/** 危急值: the doctor is told at once. */
export interface CriticalLimits {
  /** critical when the value is below this */
  below?: number
  /** critical when the value is at or above this */
  atOrAbove?: number
  /** critical when the value is strictly above this (potassium: "> 6.2") */
  above?: number
}

export interface ExamItem {
  /** LOINC code (molar variants, as Chinese reports use mmol/L and µmol/L) */
  code: string
  /** stable short name for code and charts */
  key: string
  zh: string
  en: string
  group: ExamItemGroup
  /** `numeric` items carry a value; `text` items a conclusion (ECG, ultrasound, DR, urine strip) */
  kind: 'numeric' | 'text'
  unit: string | null
  /** decimals a report prints */
  decimals: number
  ranges: readonly ReferenceRange[]
  critical?: CriticalLimits
  /** the conclusions of a text item that count as normal; any other conclusion is flagged */
  normalTexts?: readonly string[]
  /** where the range, critical limits and code come from */
  source: string
}

const adult = 18
const nationalStandard = '国家基本公共卫生服务规范（第三版）2017, 健康体检表'
const criticalSource = 'clinical.md 危急值 (common Chinese laboratory practice; verify against the institution\'s list)'

/** Every item of the Zhejiang base package (clinical.md; seed 001 adds uric acid, AFP and chest DR). */
export const examItems: readonly ExamItem[] = [
  { code: '8302-2', key: 'height', zh: '身高', en: 'Height', group: 'physical', kind: 'numeric', unit: 'cm', decimals: 1, ranges: [], source: 'WS/T 428-2013' },
  { code: '29463-7', key: 'weight', zh: '体重', en: 'Weight', group: 'physical', kind: 'numeric', unit: 'kg', decimals: 1, ranges: [], source: 'WS/T 428-2013' },
  { code: '39156-5', key: 'bmi', zh: '体质指数', en: 'Body mass index', group: 'physical', kind: 'numeric', unit: 'kg/m²', decimals: 1, ranges: [{ minAge: adult, low: 18.5, high: 24.0, highExclusive: true }], source: 'WS/T 428-2013: < 18.5 underweight, ≥ 24.0 overweight (adults)' },
  {
    code: '8280-0', key: 'waist', zh: '腰围', en: 'Waist circumference', group: 'physical', kind: 'numeric', unit: 'cm', decimals: 1,
    ranges: [{ sex: 'male', minAge: adult, low: null, high: 90, highExclusive: true }, { sex: 'female', minAge: adult, low: null, high: 85, highExclusive: true }],
    source: 'WS/T 428-2013: central obesity ≥ 90 cm men, ≥ 85 cm women',
  },
  { code: '8480-6', key: 'sbp', zh: '收缩压', en: 'Systolic blood pressure', group: 'physical', kind: 'numeric', unit: 'mmHg', decimals: 0, ranges: [{ minAge: adult, low: 90, high: 140, highExclusive: true }], critical: { atOrAbove: 180 }, source: '2018 Chinese hypertension guideline: hypertension ≥ 140; hypotension < 90 (verify); critical: ' + criticalSource },
  { code: '8462-4', key: 'dbp', zh: '舒张压', en: 'Diastolic blood pressure', group: 'physical', kind: 'numeric', unit: 'mmHg', decimals: 0, ranges: [{ minAge: adult, low: 60, high: 90, highExclusive: true }], critical: { atOrAbove: 110 }, source: '2018 Chinese hypertension guideline: hypertension ≥ 90; hypotension < 60 (verify); critical: ' + criticalSource },
  { code: '8310-5', key: 'temperature', zh: '体温', en: 'Body temperature', group: 'physical', kind: 'numeric', unit: '℃', decimals: 1, ranges: [{ low: 36.0, high: 37.2 }], source: nationalStandard + ' (axillary 36.0–37.2, verify)' },
  { code: '9279-1', key: 'respiratory-rate', zh: '呼吸频率', en: 'Respiratory rate', group: 'physical', kind: 'numeric', unit: '次/分', decimals: 0, ranges: [{ minAge: adult, low: 12, high: 20 }], source: nationalStandard + ' (12–20, verify)' },
  { code: '8867-4', key: 'pulse', zh: '脉率', en: 'Pulse rate', group: 'physical', kind: 'numeric', unit: '次/分', decimals: 0, ranges: [{ minAge: adult, low: 60, high: 100 }], source: nationalStandard + ' (60–100, verify)' },
  {
    code: '718-7', key: 'haemoglobin', zh: '血红蛋白', en: 'Haemoglobin', group: 'blood-count', kind: 'numeric', unit: 'g/L', decimals: 0,
    ranges: [{ sex: 'male', minAge: adult, low: 130, high: 175 }, { sex: 'female', minAge: adult, low: 115, high: 150 }],
    critical: { below: 60 }, source: 'WS/T 405-2012; critical: ' + criticalSource,
  },
  { code: '6690-2', key: 'white-cells', zh: '白细胞', en: 'White cells', group: 'blood-count', kind: 'numeric', unit: '10⁹/L', decimals: 2, ranges: [{ minAge: adult, low: 3.5, high: 9.5 }], source: 'WS/T 405-2012' },
  {
    code: '789-8', key: 'red-cells', zh: '红细胞', en: 'Red cells', group: 'blood-count', kind: 'numeric', unit: '10¹²/L', decimals: 2,
    ranges: [{ sex: 'male', minAge: adult, low: 4.3, high: 5.8 }, { sex: 'female', minAge: adult, low: 3.8, high: 5.1 }], source: 'WS/T 405-2012',
  },
  { code: '777-3', key: 'platelets', zh: '血小板', en: 'Platelets', group: 'blood-count', kind: 'numeric', unit: '10⁹/L', decimals: 0, ranges: [{ minAge: adult, low: 125, high: 350 }], critical: { below: 30 }, source: 'WS/T 405-2012; critical: ' + criticalSource },
  { code: '20454-5', key: 'urine-protein', zh: '尿蛋白', en: 'Urine protein', group: 'urine', kind: 'text', unit: null, decimals: 0, ranges: [], normalTexts: ['-', '阴性'], source: nationalStandard + ': 尿常规, test strip, negative is normal' },
  { code: '25428-4', key: 'urine-glucose', zh: '尿糖', en: 'Urine glucose', group: 'urine', kind: 'text', unit: null, decimals: 0, ranges: [], normalTexts: ['-', '阴性'], source: nationalStandard + ': 尿常规, test strip, negative is normal' },
  { code: '2514-8', key: 'urine-ketones', zh: '尿酮体', en: 'Urine ketones', group: 'urine', kind: 'text', unit: null, decimals: 0, ranges: [], normalTexts: ['-', '阴性'], source: nationalStandard + ': 尿常规, test strip, negative is normal' },
  { code: '5794-3', key: 'urine-blood', zh: '尿潜血', en: 'Urine occult blood', group: 'urine', kind: 'text', unit: null, decimals: 0, ranges: [], normalTexts: ['-', '阴性'], source: nationalStandard + ': 尿常规, test strip, negative is normal' },
  { code: '14957-5', key: 'urine-microalbumin', zh: '尿微量白蛋白', en: 'Urine microalbumin', group: 'urine', kind: 'numeric', unit: 'mg/L', decimals: 1, ranges: [{ low: null, high: 30, highExclusive: true }], source: nationalStandard + ': 尿微量白蛋白 (diabetics); < 30 mg/L, 2020 Chinese diabetes guideline (verify: the guideline reads it as a ratio to creatinine)' },
  { code: '1742-6', key: 'alt', zh: '谷丙转氨酶', en: 'ALT', group: 'liver', kind: 'numeric', unit: 'U/L', decimals: 0, ranges: [{ sex: 'male', minAge: adult, low: 9, high: 50 }, { sex: 'female', minAge: adult, low: 7, high: 40 }], source: 'WS/T 404.1-2012' },
  { code: '1920-8', key: 'ast', zh: '谷草转氨酶', en: 'AST', group: 'liver', kind: 'numeric', unit: 'U/L', decimals: 0, ranges: [{ sex: 'male', minAge: adult, low: 15, high: 40 }, { sex: 'female', minAge: adult, low: 13, high: 35 }], source: 'WS/T 404.1-2012' },
  { code: '1751-7', key: 'albumin', zh: '白蛋白', en: 'Albumin', group: 'liver', kind: 'numeric', unit: 'g/L', decimals: 1, ranges: [{ minAge: 20, maxAge: 59, low: 40, high: 55 }, { minAge: 60, low: 38, high: 54 }], source: 'WS/T 404.2-2012 (verify; the ≥ 60 interval is the standard\'s 60–79 one)' },
  { code: '14631-6', key: 'total-bilirubin', zh: '总胆红素', en: 'Total bilirubin', group: 'liver', kind: 'numeric', unit: 'µmol/L', decimals: 1, ranges: [{ minAge: adult, low: null, high: 23.0 }], source: 'WS/T 404.4-2018 (verify sex split)' },
  { code: '14629-0', key: 'direct-bilirubin', zh: '直接胆红素', en: 'Direct bilirubin', group: 'liver', kind: 'numeric', unit: 'µmol/L', decimals: 1, ranges: [{ minAge: adult, low: null, high: 8.0 }], source: 'WS/T 404.4-2018 (verify)' },
  {
    code: '14682-9', key: 'creatinine', zh: '血清肌酐', en: 'Creatinine', group: 'kidney', kind: 'numeric', unit: 'µmol/L', decimals: 0,
    ranges: [
      { sex: 'male', minAge: 20, maxAge: 59, low: 57, high: 97 },
      { sex: 'female', minAge: 20, maxAge: 59, low: 41, high: 73 },
      { sex: 'male', minAge: 60, low: 57, high: 111 },
      { sex: 'female', minAge: 60, low: 41, high: 81 },
    ],
    source: 'WS/T 404.5-2015 (verify; the ≥ 60 interval is the standard\'s 60–79 one)',
  },
  {
    code: '22664-7', key: 'urea', zh: '血尿素', en: 'Urea', group: 'kidney', kind: 'numeric', unit: 'mmol/L', decimals: 1,
    ranges: [
      { sex: 'male', minAge: 20, maxAge: 59, low: 3.1, high: 8.0 },
      { sex: 'female', minAge: 20, maxAge: 59, low: 2.6, high: 7.5 },
      { sex: 'male', minAge: 60, low: 3.6, high: 9.5 },
      { sex: 'female', minAge: 60, low: 3.1, high: 8.8 },
    ],
    source: 'WS/T 404.5-2015 (verify; the ≥ 60 interval is the standard\'s 60–79 one)',
  },
  { code: '2823-3', key: 'potassium', zh: '血钾', en: 'Potassium', group: 'kidney', kind: 'numeric', unit: 'mmol/L', decimals: 2, ranges: [{ minAge: adult, low: 3.5, high: 5.3 }], critical: { below: 2.8, above: 6.2 }, source: 'WS/T 404.3-2012; critical: ' + criticalSource },
  { code: '2951-2', key: 'sodium', zh: '血钠', en: 'Sodium', group: 'kidney', kind: 'numeric', unit: 'mmol/L', decimals: 1, ranges: [{ minAge: adult, low: 137, high: 147 }], source: 'WS/T 404.3-2012' },
  { code: '14771-0', key: 'fasting-glucose', zh: '空腹血糖', en: 'Fasting glucose', group: 'glucose', kind: 'numeric', unit: 'mmol/L', decimals: 2, ranges: [{ low: 3.9, high: 6.1, highExclusive: true }], critical: { below: 2.8, atOrAbove: 16.7 }, source: '2020 Chinese diabetes guideline: normal < 6.1; critical: ' + criticalSource },
  { code: '4548-4', key: 'hba1c', zh: '糖化血红蛋白', en: 'HbA1c', group: 'glucose', kind: 'numeric', unit: '%', decimals: 1, ranges: [{ low: null, high: 6.5, highExclusive: true }], source: '2020 Chinese diabetes guideline' },
  { code: '14647-2', key: 'total-cholesterol', zh: '总胆固醇', en: 'Total cholesterol', group: 'lipids', kind: 'numeric', unit: 'mmol/L', decimals: 2, ranges: [{ minAge: adult, low: null, high: 5.2, highExclusive: true }], source: '2016 Chinese adult dyslipidaemia guideline' },
  { code: '14927-8', key: 'triglycerides', zh: '甘油三酯', en: 'Triglycerides', group: 'lipids', kind: 'numeric', unit: 'mmol/L', decimals: 2, ranges: [{ minAge: adult, low: null, high: 1.7, highExclusive: true }], source: '2016 Chinese adult dyslipidaemia guideline' },
  { code: '14646-4', key: 'hdl-c', zh: '高密度脂蛋白胆固醇', en: 'HDL cholesterol', group: 'lipids', kind: 'numeric', unit: 'mmol/L', decimals: 2, ranges: [{ minAge: adult, low: 1.0, high: null }], source: '2016 Chinese adult dyslipidaemia guideline' },
  { code: '22748-8', key: 'ldl-c', zh: '低密度脂蛋白胆固醇', en: 'LDL cholesterol', group: 'lipids', kind: 'numeric', unit: 'mmol/L', decimals: 2, ranges: [{ minAge: adult, low: null, high: 3.4, highExclusive: true }], source: '2016 Chinese adult dyslipidaemia guideline' },
  { code: '14933-6', key: 'uric-acid', zh: '血尿酸', en: 'Uric acid', group: 'other-lab', kind: 'numeric', unit: 'µmol/L', decimals: 0, ranges: [{ sex: 'male', minAge: adult, low: 208, high: 428 }, { sex: 'female', minAge: adult, low: 155, high: 357 }], source: '2019 Chinese gout guideline, common kit ranges (verify)' },
  { code: '1834-1', key: 'afp', zh: '甲胎蛋白', en: 'Alpha-fetoprotein', group: 'other-lab', kind: 'numeric', unit: 'ng/mL', decimals: 1, ranges: [{ low: null, high: 7 }], source: 'vendor upper limit, about 7–20: the report\'s own range wins (verify)' },
  { code: '2335-8', key: 'faecal-occult-blood', zh: '大便潜血', en: 'Faecal occult blood', group: 'other-lab', kind: 'text', unit: null, decimals: 0, ranges: [], normalTexts: ['-', '阴性'], source: nationalStandard + ': 大便潜血, negative is normal' },
  { code: '5196-1', key: 'hbsag', zh: '乙肝表面抗原', en: 'Hepatitis B surface antigen', group: 'other-lab', kind: 'text', unit: null, decimals: 0, ranges: [], normalTexts: ['-', '阴性'], source: nationalStandard + ': 乙型肝炎表面抗原, negative is normal' },
  { code: '11524-6', key: 'ecg', zh: '心电图', en: 'ECG', group: 'imaging', kind: 'text', unit: null, decimals: 0, ranges: [], normalTexts: ['窦性心律，正常心电图'], source: nationalStandard },
  { code: '24558-9', key: 'abdominal-ultrasound', zh: '腹部B超', en: 'Abdominal ultrasound', group: 'imaging', kind: 'text', unit: null, decimals: 0, ranges: [], normalTexts: ['肝胆胰脾未见明显异常'], source: nationalStandard + ' (LOINC verify)' },
  { code: '36554-4', key: 'chest-dr', zh: '胸部DR', en: 'Chest X-ray (DR)', group: 'imaging', kind: 'text', unit: null, decimals: 0, ranges: [], normalTexts: ['心肺膈未见明显异常'], source: 'seed 001 (added to the Zhejiang base package in 2022); LOINC verify' },
]

/** The catalogue by LOINC code. */
export const examItemsByCode: ReadonlyMap<string, ExamItem> = new Map(examItems.map(item => [item.code, item]))

/** The catalogue by short key (`fasting-glucose`, `ldl-c`, ...). */
export const examItemsByKey: ReadonlyMap<string, ExamItem> = new Map(examItems.map(item => [item.key, item]))

/** Who was measured: reference ranges depend on sex and 周岁. */
export interface Subject {
  sex: Sex
  age: number
}

/** The catalogue's default range for this subject, or null when none applies (children, free-text items). */
export function defaultRange(item: ExamItem, subject: Subject): ReferenceRange | null {
  for (const range of item.ranges) {
    if (range.sex !== undefined && range.sex !== subject.sex)
      continue
    if (range.minAge !== undefined && subject.age < range.minAge)
      continue
    if (range.maxAge !== undefined && subject.age > range.maxAge)
      continue
    return range
  }
  return null
}

/** What a value is read against: its unit and reference range. */
export interface ValueReference {
  unit: string | null
  refLow: number | null
  refHigh: number | null
}

/**
 * The unit and range a stored value was flagged with: what the report printed, else the
 * catalogue's default for this person (the values the catalogue's own unit and range fit are
 * stored without them, as the demo county is). An item the catalogue lacks keeps what it has.
 */
export function valueReference(code: string, printed: ValueReference, subject: Subject): ValueReference {
  const item = examItemsByCode.get(code)
  if (item === undefined)
    return printed
  const range = printed.refLow === null && printed.refHigh === null ? defaultRange(item, subject) : null
  return {
    unit: printed.unit ?? item.unit,
    refLow: range === null ? printed.refLow : range.low,
    refHigh: range === null ? printed.refHigh : range.high,
  }
}

/** Whether a value passes an item's critical limits. */
export function isCritical(critical: CriticalLimits | undefined, value: number): boolean {
  if (critical === undefined)
    return false
  return (critical.below !== undefined && value < critical.below)
    || (critical.atOrAbove !== undefined && value >= critical.atOrAbove)
    || (critical.above !== undefined && value > critical.above)
}

/**
 * Flags a measured value. Critical limits come first; then the range printed on the report
 * (`printed`, which always wins) or else the catalogue default for the subject. With no range
 * at all the value is `normal`: there is nothing to compare it with.
 */
export function flagExamValue(item: ExamItem, value: number, subject: Subject, printed?: Pick<ReferenceRange, 'low' | 'high'>): ExamFlag {
  if (isCritical(item.critical, value))
    return ExamFlag.CRITICAL
  // a printed range reads as a closed interval, the way reports print "3.9–6.1"
  const range: ReferenceRange | null = printed === undefined ? defaultRange(item, subject) : { low: printed.low, high: printed.high }
  if (range === null)
    return ExamFlag.NORMAL
  if (range.low !== null && value < range.low)
    return ExamFlag.LOW
  if (range.high !== null && (value > range.high || (range.highExclusive === true && value === range.high)))
    return ExamFlag.HIGH
  return ExamFlag.NORMAL
}

/**
 * Flags a text conclusion (urine strip, ECG, ultrasound, DR). The stored flags have no
 * "abnormal", so an abnormal or positive conclusion is `high`, which the display words as
 * "异常" for text items.
 */
export function flagExamText(item: ExamItem, text: string): ExamFlag {
  return item.normalTexts?.includes(text.trim()) === true ? ExamFlag.NORMAL : ExamFlag.HIGH
}

/** An exam's `worst` from its items' flags. */
export function worstOf(flags: Iterable<ExamFlag>): ExamWorst {
  let worst: ExamWorst = 'normal'
  for (const flag of flags) {
    if (flag === ExamFlag.CRITICAL)
      return 'critical'
    if (flag !== ExamFlag.NORMAL)
      worst = 'abnormal'
  }
  return worst
}
