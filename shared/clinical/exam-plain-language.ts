import { type ExamFlag, type ExamItem, examItemsByCode } from './exam-items'

/**
 * One plain-language line per abnormal exam item and direction (issue 5; product.md capability 3:
 * "a plain-language line for abnormal items"), written for a 75-year-old reader: what the flag
 * means in everyday words and one thing to do next. Advice follows the guidelines the catalogue
 * cites (2016 lipid, 2018 hypertension, 2019 gout, 2020 diabetes guidelines); it never replaces
 * the doctor's comment, which is shown above it. Items without a line of their own use the
 * fallback, which names the item and sends the reader to the family doctor.
 */

export interface PlainLine {
  zh: string
  en: string
}

export type PlainDirection = 'high' | 'low'

/** The lines of one item, by direction; a critical value adds its own where one is written. */
export interface ItemPlainLanguage {
  high?: PlainLine
  low?: PlainLine
  critical?: Partial<Record<PlainDirection, PlainLine>>
}

/** By the catalogue's short key (`shared/clinical/exam-items.ts`). */
export const examPlainLanguage: Readonly<Record<string, ItemPlainLanguage>> = {
  'fasting-glucose': {
    high: { zh: '空腹血糖偏高：少吃甜食和精米白面，按时吃药，一个月后复查。', en: 'Fasting glucose is high: eat fewer sweets and less white rice and white bread, take your medicine on time, and have it checked again in a month.' },
    low: { zh: '空腹血糖偏低：不要空着肚子太久，身上带几块糖；常头晕、手抖请告诉家庭医生。', en: 'Fasting glucose is low: do not go long without eating and carry a few sweets; tell your family doctor if you often feel dizzy or shaky.' },
    critical: {
      high: { zh: '空腹血糖太高，到了危急值：请今天就联系家庭医生，或马上去医院。', en: 'Fasting glucose is dangerously high: contact your family doctor today, or go to hospital now.' },
      low: { zh: '血糖太低，到了危急值：马上吃几块糖或喝一杯糖水，然后联系家庭医生。', en: 'Blood sugar is dangerously low: eat a few sweets or drink sugar water now, then contact your family doctor.' },
    },
  },
  'hba1c': {
    high: { zh: '糖化血红蛋白偏高：说明近三个月血糖控制得不够好，请和家庭医生商量饮食和用药。', en: 'HbA1c is high: your blood sugar was not well controlled over the last three months; talk with your family doctor about food and medicine.' },
  },
  'total-cholesterol': {
    high: { zh: '总胆固醇偏高：少吃肥肉、蛋黄和动物内脏，多吃蔬菜，多走路，三个月后复查。', en: 'Total cholesterol is high: eat less fatty meat, egg yolk and offal, more vegetables, walk more, and have it checked again in three months.' },
  },
  'ldl-c': {
    high: { zh: '低密度脂蛋白胆固醇（“坏胆固醇”）偏高：少吃肥肉、动物内脏和油炸食物，按医生说的吃药，三个月后复查。', en: 'LDL ("bad") cholesterol is high: eat less fatty meat, offal and fried food, take medicine as your doctor says, and have it checked again in three months.' },
  },
  'hdl-c': {
    low: { zh: '高密度脂蛋白胆固醇（“好胆固醇”）偏低：每天多走动，不吸烟，炒菜用植物油代替猪油。', en: 'HDL ("good") cholesterol is low: move about every day, do not smoke, and cook with vegetable oil instead of lard.' },
  },
  'triglycerides': {
    high: { zh: '甘油三酯偏高：少吃油腻和甜食，不喝酒，每天走路半小时，三个月后复查。', en: 'Triglycerides are high: eat less greasy and sweet food, do not drink alcohol, walk half an hour a day, and have them checked again in three months.' },
  },
  'sbp': {
    high: { zh: '收缩压（高压）偏高：少吃盐和咸菜，按时吃降压药，在家每天量血压并记下来。', en: 'The upper blood pressure is high: eat less salt and pickles, take your blood pressure medicine on time, and measure and note it at home every day.' },
    low: { zh: '收缩压（高压）偏低：起床、站起来时慢一点，头晕先坐下；请告诉家庭医生，降压药可能要调整。', en: 'The upper blood pressure is low: get up slowly and sit down if dizzy; tell your family doctor, as your medicine may need changing.' },
    critical: { high: { zh: '血压太高，到了危急值：请先坐下休息，今天就联系家庭医生；头痛、胸闷、说话不清请马上去医院。', en: 'Blood pressure is dangerously high: sit and rest, and contact your family doctor today; go to hospital at once with a headache, chest tightness or slurred speech.' } },
  },
  'dbp': {
    high: { zh: '舒张压（低压）偏高：少吃盐和咸菜，按时吃降压药，在家每天量血压并记下来。', en: 'The lower blood pressure is high: eat less salt and pickles, take your blood pressure medicine on time, and measure and note it at home every day.' },
    low: { zh: '舒张压（低压）偏低：起床、站起来时慢一点，头晕先坐下；请告诉家庭医生。', en: 'The lower blood pressure is low: get up slowly and sit down if dizzy; tell your family doctor.' },
    critical: { high: { zh: '血压太高，到了危急值：请先坐下休息，今天就联系家庭医生；头痛、胸闷、说话不清请马上去医院。', en: 'Blood pressure is dangerously high: sit and rest, and contact your family doctor today; go to hospital at once with a headache, chest tightness or slurred speech.' } },
  },
  'bmi': {
    high: { zh: '体质指数偏高（超重）：每餐吃七分饱，少吃油和甜食，每天走路半小时。', en: 'BMI is high (overweight): stop eating when 70% full, eat less oil and sugar, and walk half an hour a day.' },
    low: { zh: '体质指数偏低（偏瘦）：一日三餐要吃够，多吃鸡蛋、鱼、豆制品和牛奶；体重一直在降请告诉医生。', en: 'BMI is low (underweight): eat three full meals a day with eggs, fish, tofu and milk; tell your doctor if you keep losing weight.' },
  },
  'waist': {
    high: { zh: '腰围偏大：肚子上的脂肪对心脏和血糖都不好，少吃油和甜食，每天走路半小时。', en: 'Your waist is large: belly fat is bad for the heart and blood sugar; eat less oil and sugar and walk half an hour a day.' },
  },
  'uric-acid': {
    high: { zh: '血尿酸偏高：少吃动物内脏、海鲜和浓肉汤，不喝啤酒，多喝白开水。', en: 'Uric acid is high: eat less offal, seafood and rich meat broth, do not drink beer, and drink plenty of water.' },
    low: { zh: '血尿酸偏低：一般问题不大，下次体检时再看看。', en: 'Uric acid is low: usually nothing to worry about; it will be checked again next time.' },
  },
  'creatinine': {
    high: { zh: '血清肌酐偏高：肾脏可能累了，多喝水，不要自己吃止痛药和偏方，请家庭医生看看。', en: 'Creatinine is high: your kidneys may be under strain; drink enough water, take no painkillers or folk remedies on your own, and see your family doctor.' },
    low: { zh: '血清肌酐偏低：多和肌肉少有关，吃够鸡蛋、鱼、肉，适当活动。', en: 'Creatinine is low: this is often from having less muscle; eat enough eggs, fish and meat and stay active.' },
  },
  'urea': {
    high: { zh: '血尿素偏高：多喝水，肉不要吃太多，请家庭医生结合肌酐一起看看。', en: 'Urea is high: drink enough water, do not eat too much meat, and let your family doctor look at it with your creatinine.' },
    low: { zh: '血尿素偏低：一般问题不大，三餐要吃够。', en: 'Urea is low: usually nothing to worry about; eat three full meals a day.' },
  },
  'alt': {
    high: { zh: '谷丙转氨酶偏高：肝脏可能受了累，不喝酒，不乱吃保健品和偏方，一个月后复查。', en: 'ALT is high: your liver may be under strain; do not drink alcohol or take supplements or folk remedies, and have it checked again in a month.' },
    low: { zh: '谷丙转氨酶偏低：一般没有问题，不用担心。', en: 'ALT is low: usually nothing to worry about.' },
  },
  'ast': {
    high: { zh: '谷草转氨酶偏高：肝脏或心脏可能受了累，不喝酒，不乱吃保健品，一个月后复查。', en: 'AST is high: your liver or heart may be under strain; do not drink alcohol or take supplements, and have it checked again in a month.' },
    low: { zh: '谷草转氨酶偏低：一般没有问题，不用担心。', en: 'AST is low: usually nothing to worry about.' },
  },
  'total-bilirubin': {
    high: { zh: '总胆红素偏高：如果皮肤或眼白发黄、小便很黄，请尽快看医生；平时不喝酒。', en: 'Total bilirubin is high: see a doctor soon if your skin or the whites of your eyes turn yellow or your urine is very dark; do not drink alcohol.' },
  },
  'direct-bilirubin': {
    high: { zh: '直接胆红素偏高：请家庭医生看看肝胆有没有问题，皮肤发黄请尽快就医。', en: 'Direct bilirubin is high: let your family doctor check your liver and gallbladder; see a doctor soon if your skin turns yellow.' },
  },
  'albumin': {
    high: { zh: '白蛋白偏高：可能是喝水太少，多喝水，下次体检再看。', en: 'Albumin is high: you may be drinking too little; drink more water, and it will be checked next time.' },
    low: { zh: '白蛋白偏低：营养可能不够，每天吃鸡蛋、牛奶、鱼或豆制品。', en: 'Albumin is low: you may not be eating enough; have eggs, milk, fish or tofu every day.' },
  },
  'haemoglobin': {
    high: { zh: '血红蛋白偏高：多喝水，不吸烟，请家庭医生看看。', en: 'Haemoglobin is high: drink enough water, do not smoke, and see your family doctor.' },
    low: { zh: '血红蛋白偏低（贫血）：多吃瘦肉、动物血、鸡蛋和绿叶菜，请家庭医生查查原因。', en: 'Haemoglobin is low (anaemia): eat lean meat, animal blood, eggs and green vegetables, and ask your family doctor to find the cause.' },
    critical: { low: { zh: '血红蛋白太低，到了危急值：请今天就联系家庭医生，或马上去医院。', en: 'Haemoglobin is dangerously low: contact your family doctor today, or go to hospital now.' } },
  },
  'white-cells': {
    high: { zh: '白细胞偏高：身体可能有炎症，有发烧、咳嗽或哪里疼请去看医生。', en: 'White cells are high: there may be an infection; see a doctor if you have a fever, a cough or pain.' },
    low: { zh: '白细胞偏低：抵抗力可能差一些，注意保暖，少去人多的地方，请医生复查。', en: 'White cells are low: you may catch infections more easily; keep warm, avoid crowds, and have it checked again.' },
  },
  'red-cells': {
    high: { zh: '红细胞偏高：多喝水，不吸烟，请家庭医生看看。', en: 'Red cells are high: drink enough water, do not smoke, and see your family doctor.' },
    low: { zh: '红细胞偏低：可能有贫血，多吃瘦肉、鸡蛋和绿叶菜，请家庭医生看看。', en: 'Red cells are low: this may be anaemia; eat lean meat, eggs and green vegetables, and see your family doctor.' },
  },
  'platelets': {
    high: { zh: '血小板偏高：多喝水，请家庭医生看看要不要复查。', en: 'Platelets are high: drink enough water and ask your family doctor whether to check again.' },
    low: { zh: '血小板偏低：容易出血或身上青紫，刷牙轻一点，小心磕碰，请家庭医生看看。', en: 'Platelets are low: you may bleed or bruise easily; brush gently, avoid knocks, and see your family doctor.' },
    critical: { low: { zh: '血小板太低，到了危急值：请今天就联系家庭医生，或马上去医院。', en: 'Platelets are dangerously low: contact your family doctor today, or go to hospital now.' } },
  },
  'potassium': {
    high: { zh: '血钾偏高：少吃香蕉、橙子和土豆，请家庭医生看看用的药。', en: 'Potassium is high: eat fewer bananas, oranges and potatoes, and ask your family doctor to review your medicines.' },
    low: { zh: '血钾偏低：可以多吃香蕉、橙子和蔬菜，乏力、心慌请告诉家庭医生。', en: 'Potassium is low: eat bananas, oranges and vegetables, and tell your family doctor if you feel weak or your heart races.' },
  },
  'sodium': {
    high: { zh: '血钠偏高：多喝白开水，请家庭医生看看。', en: 'Sodium is high: drink plenty of water and see your family doctor.' },
    low: { zh: '血钠偏低：不要一下子喝太多水，乏力、头晕请告诉家庭医生。', en: 'Sodium is low: do not drink large amounts of water at once, and tell your family doctor if you feel weak or dizzy.' },
  },
  'pulse': {
    high: { zh: '脉搏偏快：先安静坐一会儿再量；常常心慌请告诉家庭医生。', en: 'Your pulse is fast: sit quietly and measure again; tell your family doctor if your heart often races.' },
    low: { zh: '脉搏偏慢：头晕、乏力请告诉家庭医生，可能要看看用的药。', en: 'Your pulse is slow: tell your family doctor if you feel dizzy or tired; your medicines may need checking.' },
  },
  'temperature': {
    high: { zh: '体温偏高：多喝水，多休息；发烧不退请去看医生。', en: 'Your temperature is high: drink water and rest; see a doctor if the fever does not go down.' },
    low: { zh: '体温偏低：注意保暖，喝点热水，过一会儿再量。', en: 'Your temperature is low: keep warm, drink something hot, and measure again later.' },
  },
  'respiratory-rate': {
    high: { zh: '呼吸偏快：休息一会儿再看；气短、胸闷请去看医生。', en: 'You breathe fast: rest for a while; see a doctor if you are short of breath or your chest feels tight.' },
    low: { zh: '呼吸偏慢：请家庭医生看看。', en: 'You breathe slowly: see your family doctor.' },
  },
  'urine-microalbumin': {
    high: { zh: '尿微量白蛋白偏高：肾脏可能受了血糖或血压的影响，请让家庭医生看看，控制好血糖和血压。', en: 'Urine microalbumin is high: your kidneys may be feeling your blood sugar or blood pressure; see your family doctor and keep both under control.' },
  },
  'afp': {
    high: { zh: '甲胎蛋白偏高：不一定是大问题，但请尽快让家庭医生看看，可能要复查或做B超。', en: 'Alpha-fetoprotein is high: it may be nothing serious, but see your family doctor soon; a repeat test or an ultrasound may be needed.' },
  },
}

/**
 * Numeric items that have no range to leave, so no flag and no line of their own: height and
 * weight are read through BMI.
 */
export const plainLanguageFallbackItems: ReadonlySet<string> = new Set(['height', 'weight'])

/** The fallback lines; `{name}` is the item's name in the same language. */
export const plainLanguageFallback = {
  high: { zh: '{name}偏高：请带上报告给家庭医生看看，问问要不要复查。', en: '{name} is high: show this report to your family doctor and ask whether to check again.' },
  low: { zh: '{name}偏低：请带上报告给家庭医生看看，问问要不要复查。', en: '{name} is low: show this report to your family doctor and ask whether to check again.' },
  critical: { zh: '{name}到了危急值：请今天就联系家庭医生，或马上去医院。', en: '{name} is at a dangerous level: contact your family doctor today, or go to hospital now.' },
  text: { zh: '{name}结果有异常：请带上报告给家庭医生看看。', en: '{name} shows something unusual: show this report to your family doctor.' },
} as const satisfies Record<string, PlainLine>

export type PlainLocale = 'zh-CN' | 'en'

function fill(line: PlainLine, item: ExamItem | undefined, fallbackName: string): PlainLine {
  return {
    zh: line.zh.replace('{name}', item?.zh ?? fallbackName),
    en: line.en.replace('{name}', item?.en ?? fallbackName),
  }
}

/**
 * Which way a critical value lies. The stored flag says only "critical", so the value is read
 * against the range printed on the report, then against the item's critical limits.
 */
export function criticalDirection(item: ExamItem | undefined, value: number | null, refLow: number | null, refHigh: number | null): PlainDirection {
  if (value === null)
    return 'high'
  if (refLow !== null && value < refLow)
    return 'low'
  if (refHigh !== null && value > refHigh)
    return 'high'
  const below = item?.critical?.below
  return below !== undefined && value < below ? 'low' : 'high'
}

/** What the line is about: an item's code, its flag, and for a critical value its direction. */
export interface PlainLineQuery {
  code: string
  flag: ExamFlag
  value: number | null
  refLow: number | null
  refHigh: number | null
}

/**
 * The plain-language line for one item of an exam, in both languages; null for a normal item.
 * Never empty for an abnormal one: items without their own line get the fallback by name.
 */
export function plainLanguageLine(query: PlainLineQuery): PlainLine | null {
  if (query.flag === 'normal')
    return null
  const item = examItemsByCode.get(query.code)
  const name = query.code
  if (item?.kind === 'text')
    return fill(plainLanguageFallback.text, item, name)
  const lines = item === undefined ? undefined : examPlainLanguage[item.key]
  if (query.flag === 'critical') {
    const direction = criticalDirection(item, query.value, query.refLow, query.refHigh)
    return lines?.critical?.[direction] ?? fill(plainLanguageFallback.critical, item, name)
  }
  return lines?.[query.flag] ?? fill(plainLanguageFallback[query.flag], item, name)
}
