import { ageAt, birthdayAt, dateOf, dayOfYmd, yearOf } from './calendar'
import { hasOn } from './health'
import type { Person } from './person'
import type { Rng } from './random'
import type { Tables } from './tables'

/** Ten years of immunizations, screenings and follow-ups (demo.md). */
export const programmeHistoryDays = 3652

const visitModes = ['face-to-face', 'home-visit', 'phone'] as const
const visitModeWeights = [0.78, 0.08, 0.14]

/**
 * 随访: managed hypertension and diabetes patients about every quarter, face to face mostly
 * (seed 002 §五(七): 每年至少面访4次); one visit serves both programmes for a patient with both.
 * Classified against the control targets of clinical.md: BP < 140/90 (< 150/90 at 80+),
 * fasting glucose < 7.0.
 */
export function writeFollowups(t: Tables, rng: Rng, r: Person, anchorDay: number): void {
  const p = r.profile
  const ht = p.hypertensionManaged ? p.hypertension : Number.NaN
  const dm = p.diabetesManaged ? p.diabetes : Number.NaN
  const mental = p.mentalManaged ? p.mental : Number.NaN
  const earliest = anchorDay - programmeHistoryDays
  const first = Math.min(Number.isNaN(ht) ? Infinity : ht, Number.isNaN(dm) ? Infinity : dm)
  if (first !== Infinity) {
    for (let day = Math.max(first + rng.between(7, 60), earliest + rng.int(90)); day <= r.lastDay; day += rng.between(80, 100)) {
      if (!rng.chance(0.93))
        continue
      const mode = visitModes[rng.weighted(visitModeWeights)]!
      const staffId = rng.chance(0.6) ? r.team.doctorId : r.team.nurseId
      const sbp = Math.round(134 + p.sbpShift * 0.6 + rng.gauss(0, 11))
      const dbp = Math.round(0.42 * sbp + 22 + rng.gauss(0, 5))
      const bpControlled = sbp < (ageAt(p.birthDay, day) >= 80 ? 150 : 140) && dbp < 90
      const odd = rng.float()
      const special = odd < 0.015 ? 'adverse-reaction' : odd < 0.03 ? 'complication' : null
      const next = (controlled: boolean) => dateOf(day + (controlled && special === null ? 90 : 14))
      if (hasOn(ht, day)) {
        const classification = special ?? (bpControlled ? 'controlled' : 'uncontrolled')
        t.followups.add([rng.id(), r.id, staffId, dateOf(day), 'hypertension', mode, sbp, dbp, null, classification, next(bpControlled)])
      }
      if (hasOn(dm, day)) {
        const fpg = Math.round(rng.logNormal(6.7, 0.2) * 10) / 10
        const controlled = fpg < 7.0 && bpControlled
        t.followups.add([rng.id(), r.id, staffId, dateOf(day), 'diabetes', mode, sbp, dbp, fpg, special ?? (controlled ? 'controlled' : 'uncontrolled'), next(controlled)])
      }
    }
  }
  if (!Number.isNaN(mental)) {
    for (let day = Math.max(mental + rng.between(14, 60), earliest + rng.int(90)); day <= r.lastDay; day += rng.between(80, 100)) {
      const controlled = rng.chance(0.85)
      t.followups.add([rng.id(), r.id, r.team.doctorId, dateOf(day), 'severe-mental-disorder', rng.chance(0.6) ? 'home-visit' : 'face-to-face',
        null, null, null, controlled ? 'controlled' : 'uncontrolled', dateOf(day + (controlled ? 90 : 14))])
    }
  }
}

/** Flu shots (free at 70+ with Zhejiang 户籍, seed 000 §二(二)), COVID-19, pneumococcal and the childhood schedule. */
export function writeImmunizations(t: Tables, rng: Rng, r: Person, anchorDay: number): void {
  const p = r.profile
  const earliest = anchorDay - programmeHistoryDays
  const give = (vaccine: string, day: number, selfReported = false) => {
    if (day >= earliest && day <= r.lastDay && day >= p.birthDay)
      t.immunizations.add([rng.id(), r.id, vaccine, dateOf(day), selfReported ? null : r.centre.institutionId, selfReported ? 1 : 0])
  }
  const anchorYear = yearOf(anchorDay)
  for (let season = anchorYear - 10; season <= anchorYear; season++) {
    const day = dayOfYmd(season, 9, 1) + rng.between(8, 110)
    const age = ageAt(p.birthDay, day)
    if (age >= 70 && r.zhejiangHukou ? rng.chance(p.fluPropensity) : age >= 18 && rng.chance(0.02))
      give('influenza', day, rng.chance(0.04))
  }
  if (ageAt(p.birthDay, dayOfYmd(2021, 6, 1)) >= 3 && rng.chance(0.88)) {
    const first = dayOfYmd(2021, 3, 15) + rng.int(200)
    give('covid-19', first)
    give('covid-19', first + rng.between(21, 56))
    if (rng.chance(0.5))
      give('covid-19', dayOfYmd(2021, 11, 1) + rng.int(240))
  }
  if (r.age >= 60 && rng.chance(0.08))
    give('pneumococcal', Math.max(birthdayAt(p.birthDay, 60), earliest) + rng.int(1500))
  // 国家免疫规划: hepatitis B at birth, 1 and 6 months; DTaP at 3, 4, 5 and 18 months; MMR at 8 and 18 months
  if (p.birthDay >= earliest - 600 && rng.chance(0.97)) {
    for (const [vaccine, days] of [['hepatitis-b', [0, 30, 182]], ['dtap', [91, 122, 152, 548]], ['mmr', [243, 548]]] as const) {
      for (const after of days)
        give(vaccine, p.birthDay + after + rng.int(7))
    }
  }
}

/**
 * Colorectal screening every 5 years at 50–74 with Zhejiang 户籍 (questionnaire and FOBT, a
 * colonoscopy after a positive one), and COPD screening every 5 years at 65+ for the insured
 * without COPD (questionnaire, spirometry after a positive one): seed 000 §二(三).
 */
export function writeScreenings(t: Tables, rng: Rng, r: Person, anchorDay: number): void {
  const p = r.profile
  const earliest = anchorDay - programmeHistoryDays
  const screen = (kind: string, day: number, result: 'positive' | 'negative' | null) => {
    t.screenings.add([rng.id(), r.id, kind, dateOf(day), result])
  }
  const last = Math.min(r.lastDay, anchorDay - 1)
  if (r.zhejiangHukou) {
    let from = Math.max(earliest, birthdayAt(p.birthDay, 50))
    while (from <= last && ageAt(p.birthDay, from) <= 74) {
      const day = from + rng.int(700)
      if (day > last || ageAt(p.birthDay, day) > 74)
        break
      if (!rng.chance(0.15 + p.screeningPropensity * 0.5)) {
        from += rng.between(365, 900)
        continue
      }
      const questionnaire = rng.chance(p.familyHistoryCvd ? 0.15 : 0.09)
      const fobt = rng.chance(0.07)
      screen('crc-questionnaire', day, questionnaire ? 'positive' : 'negative')
      screen('crc-screening', day, fobt ? 'positive' : 'negative')
      const colonoscopy = day + rng.between(20, 100)
      if ((questionnaire || fobt) && colonoscopy <= last && rng.chance(0.6))
        screen('colonoscopy', colonoscopy, rng.chance(0.35) ? 'positive' : 'negative')
      from = day + 5 * 365 + rng.int(120)
    }
  }
  if (r.insured) {
    let from = Math.max(earliest, birthdayAt(p.birthDay, 65))
    while (from <= last) {
      const day = from + rng.int(700)
      if (day > last || hasOn(p.copd, day))
        break
      if (!rng.chance(0.1 + p.screeningPropensity * 0.4)) {
        from += rng.between(365, 900)
        continue
      }
      const positive = rng.chance(p.smoker ? 0.38 : 0.16)
      screen('copd-questionnaire', day, positive ? 'positive' : 'negative')
      const spirometry = day + rng.between(14, 60)
      if (positive && spirometry <= last && rng.chance(0.55))
        screen('spirometry', spirometry, rng.chance(0.4) ? 'positive' : 'negative')
      from = day + 5 * 365 + rng.int(120)
    }
  }
}
