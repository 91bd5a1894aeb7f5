import type { CareNetwork, Team } from './care'
import { ageAt, dayOf, shanghaiInstant } from './calendar'
import { type ExamWriter, Item, type PrintedRange } from './exam-writer'
import { childRanges } from './exams'
import type { IdNumbers } from './id-numbers'
import { familyAccountPersona, type ResidentPersonaKey, residentPersonas, wangGrants } from './personas.data'
import { townships, zhujiRegion } from './places'
import { Domain, Rng } from './random'
import type { Tables } from './tables'

type Values = Partial<Record<keyof typeof Item, number | string>>

// 王秀英's 2026-05-19 exam: fasting glucose and LDL-C high, everything else normal (demo.md)
const wang2026: Values = {
  height: 156.0, weight: 56.0, bmi: 23.0, waist: 82.0, sbp: 132, dbp: 78, pulse: 72,
  haemoglobin: 128, whiteCells: 5.8, redCells: 4.3, platelets: 210,
  urineProtein: '-', urineGlucose: '-', urineKetones: '-', urineBlood: '-',
  alt: 18, ast: 22, albumin: 42.5, totalBilirubin: 11.2, directBilirubin: 3.1,
  creatinine: 68, urea: 5.6, potassium: 4.12, sodium: 140.5,
  fastingGlucose: 7.42, hba1c: 6.3, totalCholesterol: 5.05, triglycerides: 1.45, hdl: 1.32, ldl: 3.62,
  uricAcid: 312, afp: 2.8, ecg: '窦性心律，正常心电图', ultrasound: '肝胆胰脾未见明显异常', chestDr: '心肺膈未见明显异常',
}
const wang2025: Values = { ...wang2026, weight: 57.2, bmi: 23.5, waist: 83.5, sbp: 138, dbp: 82, fastingGlucose: 7.1, hba1c: 6.6, triglycerides: 1.82, ldl: 3.3, ultrasound: '肝囊肿' }
const wang2024: Values = { ...wang2026, weight: 58.0, bmi: 23.8, waist: 84.0, sbp: 142, dbp: 84, fastingGlucose: 7.8, hba1c: 7.1, ldl: 3.5, ultrasound: '肝囊肿' }
const wangPending: Values = { ...wang2026, weight: 55.6, bmi: 22.8, waist: 81.5, sbp: 136, dbp: 80, fastingGlucose: 6.9, hba1c: 6.4, ldl: 3.1 }

const liJianguo: Values = {
  ...wang2026, height: 171.0, weight: 75.0, bmi: 25.6, waist: 91.0, sbp: 134, dbp: 86, pulse: 76, haemoglobin: 152, redCells: 5.0,
  alt: 35, ast: 26, albumin: 46.0, totalBilirubin: 14.5, directBilirubin: 4.2, creatinine: 84, urea: 5.1,
  fastingGlucose: 5.6, hba1c: undefined, totalCholesterol: 5.4, triglycerides: 2.1, hdl: 1.08, ldl: 3.3, uricAcid: 405, ultrasound: '脂肪肝',
}
const zhangWei: Values = {
  ...liJianguo, height: 175.5, weight: 72.0, bmi: 23.4, waist: 84.0, sbp: 124, dbp: 78, alt: 62, ast: 33, totalCholesterol: 4.9,
  triglycerides: 2.05, hdl: 1.12, ldl: 2.9, uricAcid: 452, fastingGlucose: 5.2, ultrasound: '肝胆胰脾未见明显异常',
}
const zhaoLi: Values = {
  ...wang2026, height: 160.0, weight: 54.0, bmi: 21.1, waist: 72.0, sbp: 114, dbp: 72, haemoglobin: 112, redCells: 3.9,
  albumin: 45.0, creatinine: 55, urea: 4.6, fastingGlucose: 4.9, hba1c: undefined, totalCholesterol: 4.6, triglycerides: 0.9, hdl: 1.6, ldl: 2.5, uricAcid: 260,
}
const pupil = (height: number, weight: number): Values => ({
  height, weight, bmi: weight / (height / 100) ** 2, pulse: 86, haemoglobin: 126, whiteCells: 6.9, redCells: 4.5, platelets: 268, alt: 13,
  urineProtein: '-', urineGlucose: '-', urineKetones: '-', urineBlood: '-',
})

const childPrinted: Partial<Record<keyof typeof Item, PrintedRange>> = childRanges

function writeValues(w: ExamWriter, values: Values, printed: Partial<Record<keyof typeof Item, PrintedRange>> = {}): void {
  for (const key of Object.keys(Item) as (keyof typeof Item)[]) {
    const value = values[key]
    if (typeof value === 'string')
      w.text(Item[key], value)
    else if (typeof value === 'number')
      w.value(Item[key], value, printed[key])
  }
}

/** The fixed personas of demo.md with their whole records, at fixed dates. */
export function writePersonas(t: Tables, exams: ExamWriter, care: CareNetwork, seed: number, idNumbers: IdNumbers): void {
  const rng = new Rng(seed, Domain.PERSONAS, 0)
  const centreOf = (township: string) => care.centres[townships.findIndex(tw => tw.name === township)]!
  const ids = {} as Record<ResidentPersonaKey, string>
  const accountIds = {} as Record<ResidentPersonaKey | 'wangLei', string>
  const households = { wang: rng.id(), li: rng.id(), zhang: rng.id(), zhao: rng.id() }
  const householdOf: Record<ResidentPersonaKey, [string, 'head' | 'child']> = {
    wangXiuying: [households.wang, 'head'],
    liJianguo: [households.li, 'head'],
    liXiaoyu: [households.li, 'child'],
    zhangWei: [households.zhang, 'head'],
    zhaoLi: [households.zhao, 'head'],
  }
  for (const [key, head] of [['wangXiuying', households.wang], ['liJianguo', households.li], ['zhangWei', households.zhang], ['zhaoLi', households.zhao]] as const)
    t.households.add([head, residentPersonas[key].address, zhujiRegion])

  for (const key of Object.keys(residentPersonas) as ResidentPersonaKey[]) {
    const p = residentPersonas[key]
    ids[key] = rng.id()
    idNumbers.reserve(p.idNumber)
    const [householdId, relation] = householdOf[key]
    t.residents.add([ids[key], p.name, p.sex, p.birthDate, p.idNumber, p.phone, householdId, relation, zhujiRegion, zhujiRegion, p.township, p.address,
      null, p.insurance, zhujiRegion, p.schoolStage, 0, p.smoker === null ? null : Number(p.smoker), p.familyHistoryCvd === null ? null : Number(p.familyHistoryCvd),
      'active', null, p.recordOpenedOn])
    if (p.phone !== null) {
      accountIds[key] = rng.id()
      t.accounts.add([accountIds[key], p.phone, ids[key], p.name, 'active', shanghaiInstant(dayOf('2026-01-10'), 9)])
    }
  }
  accountIds.wangLei = rng.id()
  t.accounts.add([accountIds.wangLei, familyAccountPersona.phone, null, familyAccountPersona.name, 'active', shanghaiInstant(dayOf(familyAccountPersona.accountSince), 20)])

  for (const grant of wangGrants) {
    const created = dayOf(grant.createdAt)
    t.proxyGrants.add([rng.id(), ids.wangXiuying, grant.phone, accountIds[grant.grantee], grant.relationship, grant.scopes, 'accepted',
      shanghaiInstant(created, 10), shanghaiInstant(created, 10, 30)])
  }

  const fengqiao = centreOf('枫桥镇').institutionId
  const chen = care.teamOf('chenMing')
  const liu = care.teamOf('liuFang')
  const contract = (resident: string, team: Team, servicePackage: string, signed: string, starts: string, ends: string) =>
    t.contracts.add([rng.id(), resident, team.doctorId, team.id, servicePackage, signed, starts, ends, null])
  contract(ids.wangXiuying, chen, '慢病管理服务包', '2024-02-26', '2024-03-01', '2025-02-28')
  contract(ids.wangXiuying, chen, '慢病管理服务包', '2025-02-24', '2025-03-01', '2026-02-28')
  contract(ids.wangXiuying, chen, '慢病管理服务包', '2026-02-25', '2026-03-01', '2027-02-28')
  contract(ids.liJianguo, chen, '基础服务包', '2026-02-25', '2026-03-01', '2027-02-28')
  contract(ids.liXiaoyu, chen, '儿童健康管理服务包', '2026-02-25', '2026-03-01', '2027-02-28')
  contract(ids.zhangWei, liu, '基础服务包', '2026-01-08', '2026-01-10', '2027-01-09')

  const exam = (resident: ResidentPersonaKey, institutionId: string, date: string, values: Values, release: { on: string, by: string } | null, externalId: string | null, printed?: Partial<Record<keyof typeof Item, PrintedRange>>) => {
    const p = residentPersonas[resident]
    exams.start(p.sex, ageAt(dayOf(p.birthDate), dayOf(date)))
    writeValues(exams, values, printed)
    exams.finish(ids[resident], institutionId, externalId, date, release)
  }
  const byChen = (on: string) => ({ on, by: chen.doctorId })
  exam('wangXiuying', fengqiao, '2024-05-20', wang2024, byChen('2024-05-28'), 'FQ-20240520-0117')
  exam('wangXiuying', fengqiao, '2025-05-22', wang2025, byChen('2025-05-30'), 'FQ-20250522-0093')
  exam('wangXiuying', fengqiao, '2026-05-19', wang2026, byChen('2026-05-27'), 'FQ-20260519-0088')
  exam('wangXiuying', fengqiao, '2026-10-28', wangPending, null, 'FQ-20261028-0356')
  exam('liJianguo', fengqiao, '2023-06-12', { ...liJianguo, sbp: 128, dbp: 82, alt: 31 }, byChen('2023-06-20'), 'FQ-20230612-0041')
  exam('liJianguo', fengqiao, '2025-06-18', liJianguo, byChen('2025-06-26'), 'FQ-20250618-0052')
  exam('liXiaoyu', fengqiao, '2023-09-08', pupil(122.5, 23.0), byChen('2023-09-15'), 'FQ-20230908-0302', childPrinted)
  exam('liXiaoyu', fengqiao, '2024-09-12', pupil(128.0, 25.8), byChen('2024-09-20'), 'FQ-20240912-0288', childPrinted)
  exam('liXiaoyu', fengqiao, '2025-09-10', pupil(133.6, 28.9), byChen('2025-09-18'), 'FQ-20250910-0315', childPrinted)
  const jiyang = centreOf('暨阳街道').institutionId
  exam('zhangWei', jiyang, '2022-11-15', { ...zhangWei, alt: 44, triglycerides: 1.6, uricAcid: 418 }, { on: '2022-11-25', by: liu.doctorId }, 'JY-20221115-0210')
  exam('zhangWei', jiyang, '2024-12-31', zhangWei, { on: '2025-01-08', by: liu.doctorId }, 'JY-20241231-0007')
  const taozhu = centreOf('陶朱街道')
  exam('zhaoLi', taozhu.institutionId, '2025-08-06', zhaoLi, { on: '2025-08-14', by: taozhu.teams[0]!.doctorId }, 'TZ-20250806-0166')

  writeWangRecord(t, rng, ids.wangXiuying, fengqiao, care, chen)
  writeFamilyRecords(t, rng, ids, fengqiao, care.hospitals)
  writeWangHomeReadings(t, rng, ids.wangXiuying, accountIds.wangXiuying)
}

/** 王秀英's home readings of her last month (issue 9): morning BP every few days, fasting glucose weekly, her weight; none past the danger thresholds. */
function writeWangHomeReadings(t: Tables, rng: Rng, id: string, accountId: string): void {
  const bp: [date: string, sbp: number, dbp: number, pulse: number][] = [
    ['2026-10-24', 136, 80, 72], ['2026-10-27', 138, 82, 74], ['2026-10-30', 132, 78, 70], ['2026-11-02', 134, 80, 71], ['2026-11-05', 129, 76, 70],
    ['2026-11-08', 133, 79, 73], ['2026-11-11', 137, 81, 72], ['2026-11-14', 131, 78, 69], ['2026-11-17', 135, 80, 71], ['2026-11-20', 130, 77, 70],
  ]
  for (const [date, sbp, dbp, pulse] of bp)
    t.homeMeasurements.add([rng.id(), id, 'bp', shanghaiInstant(dayOf(date), 7), date, sbp, dbp, pulse, null, null, null, null, accountId, '王秀英'])
  for (const [date, glucose, timing] of [['2026-10-25', 7.1, 'fasting'], ['2026-11-01', 6.8, 'fasting'], ['2026-11-08', 7.3, 'fasting'], ['2026-11-12', 9.4, 'after-meal'], ['2026-11-15', 6.9, 'fasting']] as const)
    t.homeMeasurements.add([rng.id(), id, 'glucose', shanghaiInstant(dayOf(date), timing === 'fasting' ? 6 : 9), date, null, null, null, glucose, timing, null, null, accountId, '王秀英'])
  for (const [date, weight] of [['2026-10-26', 55.8], ['2026-11-16', 55.6]] as const)
    t.homeMeasurements.add([rng.id(), id, 'weight', shanghaiInstant(dayOf(date), 7), date, null, null, null, null, null, weight, null, accountId, '王秀英'])
}

/** 王秀英: two managed conditions, quarterly follow-ups up to 2026-08-15, flu shots to 2025-10-12, one negative FOBT in 2021. */
function writeWangRecord(t: Tables, rng: Rng, id: string, fengqiao: string, care: CareNetwork, chen: Team): void {
  t.conditions.add([rng.id(), id, 'hypertension', '高血压', '2016-03-08', 1, 0])
  t.conditions.add([rng.id(), id, 'diabetes', '2型糖尿病', '2019-07-22', 1, 0])
  t.medications.add([rng.id(), id, '苯磺酸氨氯地平片', '5 mg', '每日1次', '2016-03-20', null])
  t.medications.add([rng.id(), id, '盐酸二甲双胍片', '0.5 g', '每日3次', '2019-08-05', null])
  t.allergies.add([rng.id(), id, '青霉素', '皮疹', '1998-06-03'])

  const visits: [date: string, sbp: number, dbp: number, fpg: number, next: string][] = [
    ['2024-02-20', 144, 86, 7.6, '2024-05-20'], ['2024-05-20', 142, 84, 7.8, '2024-08-19'], ['2024-08-19', 136, 80, 7.2, '2024-11-18'],
    ['2024-11-18', 134, 80, 6.9, '2025-02-17'], ['2025-02-17', 138, 82, 7.0, '2025-05-22'], ['2025-05-22', 138, 82, 7.1, '2025-08-20'],
    ['2025-08-20', 132, 78, 6.8, '2025-11-19'], ['2025-11-19', 130, 78, 6.7, '2026-02-16'], ['2026-02-16', 134, 80, 7.2, '2026-05-19'],
    ['2026-05-19', 132, 78, 7.4, '2026-08-15'], ['2026-08-15', 130, 76, 6.8, '2026-11-15'],
  ]
  visits.forEach(([date, sbp, dbp, fpg, next], i) => {
    const staffId = i % 2 === 0 ? chen.doctorId : chen.nurseId
    const bp = sbp < 140 && dbp < 90
    t.followups.add([rng.id(), id, staffId, date, 'hypertension', 'face-to-face', sbp, dbp, null, bp ? 'controlled' : 'uncontrolled', next])
    t.followups.add([rng.id(), id, staffId, date, 'diabetes', 'face-to-face', sbp, dbp, fpg, bp && fpg < 7.0 ? 'controlled' : 'uncontrolled', next])
  })

  for (const date of ['2022-10-15', '2023-10-20', '2024-10-09', '2025-10-12'])
    t.immunizations.add([rng.id(), id, 'influenza', date, fengqiao, 0])
  for (const date of ['2021-04-20', '2021-05-25'])
    t.immunizations.add([rng.id(), id, 'covid-19', date, fengqiao, 0])
  t.immunizations.add([rng.id(), id, 'pneumococcal', '2023-03-16', fengqiao, 0])
  t.screenings.add([rng.id(), id, 'crc-screening', '2021-06-10', 'negative'])

  const [hospital] = care.hospitals
  for (const [institution, date, kind, department, diagnosis] of [
    [hospital!, '2024-07-08', 'inpatient', '骨科', '腰椎间盘突出症'],
    [fengqiao, '2025-03-12', 'outpatient', '全科', '高血压病；2型糖尿病'],
    [hospital!, '2025-12-03', 'outpatient', '内分泌科', '2型糖尿病'],
    [fengqiao, '2026-01-15', 'outpatient', '全科', '急性上呼吸道感染'],
    [fengqiao, '2026-06-20', 'outpatient', '全科', '高血压病'],
  ] as const)
    t.encounters.add([rng.id(), id, institution, date, kind, department, diagnosis, 0])
}

/** The other personas: a few visits and vaccinations each, so their record pages are not empty. */
function writeFamilyRecords(t: Tables, rng: Rng, ids: Record<ResidentPersonaKey, string>, fengqiao: string, hospitals: readonly string[]): void {
  const [hospital] = hospitals
  for (const [vaccine, date] of [
    ['hepatitis-b', '2016-03-15'], ['hepatitis-b', '2016-04-15'], ['hepatitis-b', '2016-09-15'], ['dtap', '2016-06-15'], ['dtap', '2016-07-15'],
    ['dtap', '2016-08-16'], ['mmr', '2016-11-15'], ['mmr', '2017-09-15'], ['dtap', '2017-09-15'],
  ] as const)
    t.immunizations.add([rng.id(), ids.liXiaoyu, vaccine, date, fengqiao, 0])
  for (const key of ['liJianguo', 'zhangWei', 'zhaoLi'] as const) {
    t.immunizations.add([rng.id(), ids[key], 'covid-19', '2021-05-10', key === 'liJianguo' ? fengqiao : null, key === 'liJianguo' ? 0 : 1])
    t.immunizations.add([rng.id(), ids[key], 'covid-19', '2021-06-12', key === 'liJianguo' ? fengqiao : null, key === 'liJianguo' ? 0 : 1])
  }
  t.encounters.add([rng.id(), ids.liXiaoyu, hospital!, '2025-12-20', 'outpatient', '儿科', '急性支气管炎', 0])
  t.encounters.add([rng.id(), ids.liJianguo, fengqiao, '2025-04-10', 'outpatient', '全科', '慢性咽炎', 0])
  t.encounters.add([rng.id(), ids.zhangWei, hospital!, '2024-08-02', 'emergency', '急诊科', '急性胃肠炎', 0])
  t.allergies.add([rng.id(), ids.zhaoLi, '头孢类抗生素', '荨麻疹', '2015-04-21'])
}
