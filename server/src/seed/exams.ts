import { ageAt, dateOf, dayOfYmd, yearOf } from './calendar'
import { type ExamWriter, Item, type PrintedRange } from './exam-writer'
import { hasOn, type HealthProfile } from './health'
import type { Person } from './person'
import type { Rng } from './random'

/** Calendar years of exam history before the anchor's own year: with it, six cycles, at least three years as demo.md asks. */
export const examHistoryYears = 5

/**
 * Ranges printed on children's reports: the catalogue's defaults are adult intervals (WS/T 405
 * and 404 cover adults), so a school exam's report prints its own, as WS/T 779-2021 gives
 * them for ages 6–17, approximately (verify).
 */
export const childRanges = {
  haemoglobin: { low: 115, high: 160 },
  whiteCells: { low: 4.3, high: 11.3 },
  redCells: { low: 4.0, high: 5.5 },
  platelets: { low: 150, high: 407 },
  alt: { low: null, high: 40 },
} satisfies Record<string, PrintedRange>

/** Some centres' AFP kits print 0–20 ng/mL (clinical.md: vendor upper limit about 7–20). */
const afpWideRange: PrintedRange = { low: 0, high: 20 }

const ecgFindings = ['窦性心动过缓', 'ST-T改变', '左心室高电压', '完全性右束支传导阻滞', '房性早搏', '一度房室传导阻滞', '心房颤动']
const drFindings = ['两肺纹理增多', '主动脉弓钙化', '右肺小结节', '陈旧性肺结核灶']

// free exams cluster in spring and autumn; January and February hold Spring Festival
const monthWeights = [0.1, 0.1, 0.8, 1.2, 1.3, 1.1, 0.8, 0.6, 1.1, 1.2, 1.0, 0.5]
const schoolMonthWeights = [0, 0, 0.3, 0.6, 0.5, 0.1, 0, 0, 1.2, 1.4, 1.0, 0.3]

function drawMonth(rng: Rng, weights: readonly number[]): number {
  return rng.weighted(weights) + 1
}

function strip(rng: Rng, positive: number): string {
  if (!rng.chance(positive))
    return '-'
  const r = rng.float()
  return r < 0.45 ? '±' : r < 0.8 ? '+' : r < 0.95 ? '++' : '+++'
}

/** The adult package of the Zhejiang base exam (clinical.md; seed 001 adds uric acid, AFP and chest DR). */
export function measureAdult(w: ExamWriter, rng: Rng, p: HealthProfile, age: number, day: number, wideAfp: boolean): void {
  const male = p.sex === 'male'
  const ht = hasOn(p.hypertension, day)
  const dm = hasOn(p.diabetes, day)
  const dl = hasOn(p.dyslipidaemia, day)
  const older = Math.max(0, age - 55)

  const height = p.heightCm - older * 0.12 + rng.gauss(0, 0.4)
  const bmi = p.bmi + (age - 50) * 0.02 + rng.gauss(0, 0.5)
  const weight = bmi * (height / 100) ** 2
  w.value(Item.height, height)
  w.value(Item.weight, weight)
  w.value(Item.bmi, weight / (height / 100) ** 2)
  w.value(Item.waist, (male ? 2.75 * bmi + 19 : 2.6 * bmi + 19) + (age - 40) * 0.12 + rng.gauss(0, 2.5))

  let sbp = 108 + Math.max(0, age - 25) * 0.55 + (male ? 4 : 0) + p.sbpShift
  if (ht)
    sbp = (p.hypertensionManaged ? 136 : 152) + p.sbpShift * 0.6
  else if (!Number.isNaN(p.hypertension) && p.hypertension - day < 3 * 365)
    sbp = Math.max(sbp, 134)
  sbp += rng.gauss(0, !ht ? 7 : p.hypertensionManaged ? 11 : 15)
  w.value(Item.sbp, sbp)
  w.value(Item.dbp, 0.42 * sbp + 22 - older * 0.15 + rng.gauss(0, 5.5))
  w.value(Item.temperature, rng.gauss(36.5, 0.2))
  w.value(Item.respiratoryRate, rng.gauss(17, 1.4))
  w.value(Item.pulse, rng.gauss(74, 8))

  const hb = p.haemoglobin - older * (male ? 0.35 : 0.12) + rng.gauss(0, 4)
  w.value(Item.haemoglobin, hb)
  w.value(Item.whiteCells, rng.logNormal(6.0, 0.22))
  w.value(Item.redCells, hb / (male ? 30.5 : 29.5) + rng.gauss(0, 0.15))
  w.value(Item.platelets, p.platelets - older * 0.6 + rng.gauss(0, 14))

  w.text(Item.urineProtein, strip(rng, dm ? 0.14 : ht ? 0.08 : 0.04))
  w.text(Item.urineGlucose, strip(rng, dm ? (p.diabetesManaged ? 0.2 : 0.4) : 0.005))
  w.text(Item.urineKetones, strip(rng, 0.006))
  w.text(Item.urineBlood, strip(rng, male ? 0.05 : 0.11))

  const alt = (male ? 22 : 16) * p.altFactor * rng.logNormal(1, 0.15)
  w.value(Item.alt, alt)
  w.value(Item.ast, (male ? 20 : 18) * Math.sqrt(p.altFactor) * rng.logNormal(1, 0.15))
  w.value(Item.albumin, 45.5 - older * 0.12 + rng.gauss(0, 2.3))
  const tbil = (male ? 13 : 10) * rng.logNormal(1, 0.3)
  w.value(Item.totalBilirubin, tbil)
  w.value(Item.directBilirubin, tbil * 0.3 * rng.logNormal(1, 0.15))

  w.value(Item.creatinine, p.creatinine + older * (male ? 0.45 : 0.3) + (dm || ht ? 5 : 0) + rng.gauss(0, 5))
  w.value(Item.urea, rng.gauss(5.0 + older * 0.03, 1.0))
  w.value(Item.potassium, rng.gauss(4.15, 0.3))
  w.value(Item.sodium, rng.gauss(141, 1.9))

  let fpg: number
  if (dm)
    fpg = p.diabetesManaged ? rng.logNormal(7.1, 0.24) : rng.logNormal(8.2, 0.3)
  else if (!Number.isNaN(p.diabetes) && p.diabetes - day < 3 * 365)
    fpg = rng.logNormal(6.3, 0.07)
  else
    fpg = (4.85 + older * 0.012 + Math.max(0, bmi - 24) * 0.05) * Math.exp(p.fpg + rng.gauss(0, 0.06))
  w.value(Item.fastingGlucose, fpg)
  if (dm)
    w.value(Item.hba1c, 2.7 + 0.55 * fpg + rng.gauss(0, 0.3))

  const tc = p.tc + Math.min(age, 60) * 0.008 - (dl && p.statin ? 0.9 : 0) + rng.gauss(0, 0.3)
  const hdl = p.hdl + rng.gauss(0, 0.08)
  const tg = 1.2 * p.tgFactor * rng.logNormal(1, 0.2)
  w.value(Item.totalCholesterol, tc)
  w.value(Item.triglycerides, tg)
  w.value(Item.hdl, hdl)
  w.value(Item.ldl, Math.max(0.5, tc - hdl - tg / 2.2 + rng.gauss(0, 0.12)))

  w.value(Item.uricAcid, p.uricAcid + (male ? 0 : older * 1.2) + rng.gauss(0, 25))
  if (wideAfp)
    w.value(Item.afp, rng.logNormal(2.8, 0.4), afpWideRange)
  else
    w.value(Item.afp, rng.logNormal(2.8, 0.4))

  w.text(Item.ecg, rng.chance(0.06 + older * 0.006 + (ht ? 0.08 : 0)) ? rng.pick(ecgFindings) : '窦性心律，正常心电图')
  w.text(Item.ultrasound, p.ultrasound ?? '肝胆胰脾未见明显异常')
  w.text(Item.chestDr, rng.chance(0.04 + older * 0.004 + (p.smoker ? 0.06 : 0)) ? rng.pick(drFindings) : '心肺膈未见明显异常')
}

/** The school-exam subset for pupils aged 6–17, with their own printed ranges. */
export function measurePupil(w: ExamWriter, rng: Rng, p: HealthProfile, age: number): void {
  const male = p.sex === 'male'
  const grown = Math.min(age, male ? 17 : 16) - 6
  const height = (male ? 116 : 115) + grown * (male ? 5.4 : 4.6) + (p.heightCm - (male ? 168.5 : 157.5)) * 0.8
  const bmi = 15.4 + grown * 0.45 + (p.bmi - 17) + rng.gauss(0, 1.8)
  const weight = bmi * (height / 100) ** 2
  w.value(Item.height, height)
  w.value(Item.weight, weight)
  w.value(Item.bmi, weight / (height / 100) ** 2)
  w.value(Item.pulse, rng.gauss(88 - grown * 1.2, 8))
  const hb = rng.gauss(128 + grown * (male ? 2 : 0.6), 8)
  w.value(Item.haemoglobin, hb, childRanges.haemoglobin)
  w.value(Item.whiteCells, rng.logNormal(6.8, 0.22), childRanges.whiteCells)
  w.value(Item.redCells, hb / 28.5 + rng.gauss(0, 0.15), childRanges.redCells)
  w.value(Item.platelets, rng.gauss(275, 55), childRanges.platelets)
  w.value(Item.alt, 14 * rng.logNormal(1, 0.3), childRanges.alt)
  w.text(Item.urineProtein, strip(rng, 0.03))
  w.text(Item.urineGlucose, strip(rng, 0.003))
  w.text(Item.urineKetones, strip(rng, 0.01))
  w.text(Item.urineBlood, strip(rng, 0.04))
}

/**
 * Exam history per the cycle rules of policy-rules.md: every calendar year at 65+, for school
 * pupils and for managed hypertension or diabetes, every two calendar years otherwise.
 * Exams of the last two weeks or so are still awaiting a doctor's review.
 */
export function writeExamHistory(w: ExamWriter, rng: Rng, r: Person, anchorDay: number): void {
  if (!r.insured || r.profile.examPropensity === 0)
    return
  const p = r.profile
  const anchorYear = yearOf(anchorDay)
  let lastYear = -1
  for (let year = anchorYear - examHistoryYears; year <= anchorYear; year++) {
    const age = ageAt(p.birthDay, dayOfYmd(year, 7, 1))
    if (age < 6)
      continue
    const pupil = age <= 17
    const managed = (p.hypertensionManaged && hasOn(p.hypertension, dayOfYmd(year, 1, 1)))
      || (p.diabetesManaged && hasOn(p.diabetes, dayOfYmd(year, 1, 1)))
    const yearly = pupil || age >= 65 || managed
    if (!yearly && lastYear === year - 1)
      continue
    const attends = pupil ? rng.chance(0.85) : rng.chance(yearly ? Math.min(1, p.examPropensity * 1.15) : p.examPropensity * 0.48)
    if (!attends)
      continue
    const day = dayOfYmd(year, drawMonth(rng, pupil ? schoolMonthWeights : monthWeights), rng.between(1, 28))
    if (day >= anchorDay || day > r.lastDay)
      continue
    const examAge = ageAt(p.birthDay, day)
    const id = w.start(p.sex, examAge)
    if (pupil)
      measurePupil(w, rng, p, examAge)
    else
      measureAdult(w, rng, p, examAge, day, r.wideAfp)
    const releasedDay = day + rng.between(3, 14)
    const release = releasedDay > anchorDay ? null : { on: dateOf(releasedDay), by: r.team.doctorId }
    w.finish(r.id, r.centre.institutionId, `PE${dateOf(day).replaceAll('-', '')}-${id}`, dateOf(day), release)
    lastYear = year
  }
}
