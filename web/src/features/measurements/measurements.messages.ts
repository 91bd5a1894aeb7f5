import { defineFeatureI18n } from '../../i18n'

/**
 * Home measurements' words (product.md capability 15), loaded with their pages. What to do now
 * after a dangerous reading is said plainly and first (clinical.md "Home readings that need action now").
 */
const zhCN = {
  measurements: {
    title: '居家监测',
    titleFor: '{name}的居家监测',
    add: '记录一次',
    addTitle: '记录居家测量',
    history: '测量记录',
    empty: '还没有居家测量记录。量完血压、血糖、体重或腰围，点"记录一次"记下来。',
    kind: { bp: '血压', glucose: '血糖', weight: '体重', waist: '腰围' },
    field: {
      sbp: '高压（收缩压）',
      dbp: '低压（舒张压）',
      pulse: '心率（可不填）',
      glucose: '血糖',
      weightKg: '体重',
      waistCm: '腰围',
    },
    unit: { sbp: 'mmHg', dbp: 'mmHg', pulse: '次/分', glucose: 'mmol/L', weightKg: '公斤', waistCm: '厘米' },
    timing: { fasting: '空腹', 'after-meal': '饭后' },
    timingLabel: '什么时候量的',
    problem: {
      required: '请填写{field}',
      range: '{field}应在 {min}–{max} {unit} 之间，请看清仪器上的数字再填',
      order: '低压应比高压小，请看看是不是填反了',
    },
    keypad: '数字键盘',
    delete: '删除',
    save: '保存',
    saved: '已保存',
    again: '再记一次',
    cannotWrite: '您可以查看{name}的居家测量，但没有为TA记录的权限。',
    recordedBy: '{name} 记录',
    home: '居家测量',
    doctorNotified: '已通知家庭医生',
    danger: {
      title: '这个数值需要马上处理',
      'bp-crisis': '血压很高（高压≥180或低压≥110）。请马上坐下休息，不要走动；5分钟后再量一次。如果仍然很高，或者头痛、胸痛、说话不清、手脚无力，请立即拨打120。',
      hypoglycaemia: '血糖过低（低于3.9）。请马上吃15克糖：半杯果汁或3块方糖，15分钟后再量。如果头晕、出冷汗、意识不清，请立即拨打120。',
      hyperglycaemia: '血糖很高（16.7及以上）。请多喝白开水，马上联系家庭医生；如果口渴得厉害、恶心呕吐、昏昏沉沉，请立即拨打120。',
      told: '您的家庭医生已收到通知。',
      call: '拨打120',
    },
  },
}

const en: typeof zhCN = {
  measurements: {
    title: 'Home readings',
    titleFor: '{name}\'s home readings',
    add: 'Record a reading',
    addTitle: 'Record a home reading',
    history: 'Readings',
    empty: 'No home readings yet. After measuring blood pressure, glucose, weight or waist, tap "Record a reading".',
    kind: { bp: 'Blood pressure', glucose: 'Blood glucose', weight: 'Weight', waist: 'Waist' },
    field: {
      sbp: 'Upper (systolic)',
      dbp: 'Lower (diastolic)',
      pulse: 'Pulse (optional)',
      glucose: 'Glucose',
      weightKg: 'Weight',
      waistCm: 'Waist',
    },
    unit: { sbp: 'mmHg', dbp: 'mmHg', pulse: '/min', glucose: 'mmol/L', weightKg: 'kg', waistCm: 'cm' },
    timing: { fasting: 'Fasting', 'after-meal': 'After a meal' },
    timingLabel: 'When was it measured',
    problem: {
      required: 'Please enter the {field}',
      range: 'The {field} should be {min}–{max} {unit}; check the number on the device',
      order: 'The lower number must be below the upper one; are they the wrong way round?',
    },
    keypad: 'Number pad',
    delete: 'Delete',
    save: 'Save',
    saved: 'Saved',
    again: 'Record another',
    cannotWrite: 'You can see {name}\'s home readings but may not record them.',
    recordedBy: 'recorded by {name}',
    home: 'Home reading',
    doctorNotified: 'Family doctor notified',
    danger: {
      title: 'This reading needs action now',
      'bp-crisis': 'Your blood pressure is very high (upper ≥ 180 or lower ≥ 110). Sit down and rest; measure again in 5 minutes. If it is still this high, or you have a headache, chest pain, slurred speech or weak arms or legs, call 120 now.',
      hypoglycaemia: 'Your blood glucose is too low (below 3.9). Eat 15 g of sugar now: half a glass of juice or 3 sugar cubes, and measure again in 15 minutes. If you feel dizzy, sweat or feel confused, call 120 now.',
      hyperglycaemia: 'Your blood glucose is very high (16.7 or more). Drink water and contact your family doctor now; if you are very thirsty, sick or drowsy, call 120 now.',
      told: 'Your family doctor has been notified.',
      call: 'Call 120',
    },
  },
}

export const useMeasurementsI18n = defineFeatureI18n({ 'zh-CN': zhCN, 'en': en })
