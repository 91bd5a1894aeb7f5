import { parseArgs } from 'node:util'
import type { PolicyEvent, RuleSet, Snapshot } from '../shared/policy'
import { evaluateReminders, ruleSetForRegion } from '../shared/policy'

/**
 * `npm run bench:engine [-- --residents N] [--seconds S] [--seed K] [--on YYYY-MM-DD]`: how many
 * `evaluateReminders` calls one core runs per second, over a deterministic population shaped like
 * the demo county — ages 0–100, mostly Zhejiang 户籍 and some Changji residents (each evaluated
 * with the rule set `ruleSetForRegion` picks), hypertension in ~25% and diabetes in ~10% of
 * adults, 5–40 events each. Snapshots are built before the clock starts; a warm-up pass lets the
 * JIT settle. Goal: ≥ 200,000 evaluations/s, so the daily job over a county of 1.2 million
 * residents spends seconds, not minutes, in the engine.
 */
const goal = 200_000

const { values } = parseArgs({
  options: {
    residents: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
    on: { type: 'string', default: '2026-11-22' },
  },
})
const residents = Number(values.residents)
const seconds = Number(values.seconds)
const on = values.on

/** mulberry32: a small seeded PRNG, so every run measures the same population. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = prng(Number(values.seed))
const chance = (p: number) => random() < p
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
function pick<T>(items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!
}

const dayMs = 86_400_000
const onDay = Date.parse(on) / dayMs
const isoOf = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10)
/** A day within the last `years` years before the evaluation date, and since birth. */
const pastDay = (years: number, bornDay: number) => isoOf(onDay - int(0, Math.min(Math.round(years * 365), onDay - bornDay)))

const zhejiangCounties = ['330681', '330681', '330681', '330102', '330782', '331002']
const changjiCounties = ['652301', '652301', '652302', '652323']

function snapshotOf(id: number): Snapshot {
  const changji = chance(0.1)
  const age = Math.min(100, Math.floor(-Math.log(1 - random() * 0.97) * 38))
  const bornDay = onDay - age * 365 - int(0, 364)
  const residenceRegion = pick(changji ? changjiCounties : zhejiangCounties)
  // most Changji residents hold Changji 户籍; the rest are Xinjiang in-migrants with a permit
  const inMigrant = changji && chance(0.2)
  const hukouRegion = inMigrant ? pick(['650102', '652801', '654002']) : residenceRegion
  const insurance = age >= 22 && age < 60 && chance(0.35) ? 'employee' : chance(0.95) ? 'resident' : 'none'
  const adult = age >= 18
  const managed = () => chance(0.8)
  const conditions: Snapshot['conditions'] = []
  if (adult && chance(age >= 60 ? 0.5 : 0.15))
    conditions.push({ code: 'hypertension', managed: managed() })
  if (adult && chance(age >= 60 ? 0.2 : 0.06))
    conditions.push({ code: 'diabetes', managed: managed() })
  if (adult && chance(0.08))
    conditions.push({ code: 'dyslipidaemia', managed: managed() })
  if (age >= 40 && chance(0.03))
    conditions.push({ code: 'copd', managed: managed() })
  if (adult && chance(0.006))
    conditions.push({ code: 'severe-mental-disorder', managed: managed() })

  const events: PolicyEvent[] = []
  const count = int(5, 40)
  let exams = 0
  let bookings = 0
  while (events.length < count) {
    const roll = random()
    if (roll < 0.2) {
      const examId = `e${id}-${exams++}`
      const date = pastDay(6, bornDay)
      events.push({ kind: 'exam', date, examId })
      if (chance(0.85)) {
        const releasedOn = isoOf(Math.min(onDay, Date.parse(date) / dayMs + int(3, 20)))
        const worst = chance(0.02) ? 'critical' : chance(0.45) ? 'abnormal' : 'normal'
        events.push({ kind: 'exam-released', date: releasedOn, examId, releasedOn, worst })
        if (worst === 'critical' && chance(0.7))
          events.push({ kind: 'critical-acknowledged', date: releasedOn, examId })
      }
    }
    else if (roll < 0.4) {
      events.push({ kind: 'followup', date: pastDay(3, bornDay), mode: pick(['face-to-face', 'face-to-face', 'phone', 'home-visit'] as const) })
    }
    else if (roll < 0.55) {
      events.push({ kind: 'consultation', date: pastDay(4, bornDay) })
    }
    else if (roll < 0.67) {
      events.push({ kind: 'flu-shot', date: pastDay(5, bornDay), selfReported: chance(0.1) })
    }
    else if (roll < 0.77) {
      const date = pastDay(8, bornDay)
      const result = chance(0.08) ? 'positive' : 'negative'
      events.push(chance(0.6) ? { kind: 'crc-screening', date, result } : { kind: 'crc-questionnaire', date, result })
      if (result === 'positive' && chance(0.5))
        events.push({ kind: 'colonoscopy', date: pastDay(2, bornDay) })
    }
    else if (roll < 0.85) {
      events.push({ kind: 'copd-questionnaire', date: pastDay(8, bornDay), result: chance(0.15) ? 'positive' : 'negative' })
      if (chance(0.3))
        events.push({ kind: 'spirometry', date: pastDay(5, bornDay) })
    }
    else {
      const bookingId = `b${id}-${bookings++}`
      const date = pastDay(0.5, bornDay)
      const slotDate = isoOf(Date.parse(date) / dayMs + int(1, 60))
      events.push({ kind: 'booking', date, bookingId, status: 'open', slotDate })
      if (chance(0.5))
        events.push({ kind: 'booking', date: slotDate <= on ? slotDate : date, bookingId, status: chance(0.8) ? 'checked-in' : 'cancelled', slotDate })
    }
  }

  return {
    birthDate: isoOf(bornDay),
    sex: chance(0.5) ? 'male' : 'female',
    hukouRegion,
    residenceRegion,
    residencePermitSince: inMigrant ? pastDay(5, bornDay) : null,
    insurance,
    insuranceRegion: insurance === 'none' ? null : residenceRegion,
    schoolStage: age >= 6 && age <= 11 ? 'primary' : age >= 12 && age <= 17 ? 'secondary' : age >= 18 && age <= 22 && chance(0.5) ? 'college' : null,
    publicEmployee: age >= 22 && chance(0.06),
    signedDoctor: chance(age >= 65 ? 0.8 : 0.35),
    conditions,
    events,
  }
}

const population: { snapshot: Snapshot, ruleSet: RuleSet }[] = []
for (let id = 0; id < residents; id++) {
  const snapshot = snapshotOf(id)
  population.push({ snapshot, ruleSet: ruleSetForRegion(snapshot.residenceRegion)! })
}

/** Evaluates residents round-robin for `ms` milliseconds of wall time. */
function run(ms: number): { evaluations: number, reminders: number, elapsed: number, cpu: number } {
  const cpuStarted = process.cpuUsage()
  const started = performance.now()
  let evaluations = 0
  let reminders = 0
  let elapsed = 0
  while (elapsed < ms) {
    // read the clock once per batch, not per call
    for (let i = 0; i < 1000; i++) {
      const { snapshot, ruleSet } = population[evaluations % population.length]!
      reminders += evaluateReminders(snapshot, on, ruleSet).length
      evaluations++
    }
    elapsed = performance.now() - started
  }
  const cpu = process.cpuUsage(cpuStarted)
  return { evaluations, reminders, elapsed, cpu: (cpu.user + cpu.system) / 1000 }
}

run(Math.min(1000, seconds * 300))
const { evaluations, reminders, elapsed, cpu } = run(seconds * 1000)
// Per second of this process's CPU time (GC threads included), not of wall time: on a shared
// machine the process gets less than a core, and wall time would measure the neighbours.
const rate = Math.round(evaluations / (cpu / 1000))
const wallRate = Math.round(evaluations / (elapsed / 1000))
const events = population.reduce((sum, { snapshot }) => sum + snapshot.events.length, 0)
const adults = population.filter(({ snapshot }) => snapshot.birthDate <= `${Number(on.slice(0, 4)) - 18}${on.slice(4)}`)
const share = (items: readonly unknown[], of: readonly unknown[]) => `${Math.round(100 * items.length / of.length)}%`
const adultsWith = (code: string) => adults.filter(({ snapshot }) => snapshot.conditions.some(c => c.code === code))
console.log([
  `population: ${residents.toLocaleString('en')} residents (${share(population.filter(p => p.ruleSet.id === 'changji-2021'), population)} changji-2021),`,
  `hypertension ${share(adultsWith('hypertension'), adults)} and diabetes ${share(adultsWith('diabetes'), adults)} of adults,`,
  `${(events / residents).toFixed(1)} events and ${(reminders / evaluations).toFixed(1)} reminders each, evaluated on ${on}`,
].join(' '))
console.log(`wall: ${wallRate.toLocaleString('en')} evaluations/s over ${(elapsed / 1000).toFixed(1)} s, with ${Math.round(100 * cpu / elapsed)}% of a core`)
console.log(`engine: ${rate.toLocaleString('en')} evaluations/s (n=${evaluations.toLocaleString('en')}, ${(cpu / 1000).toFixed(1)} s) goal ≥ ${goal.toLocaleString('en')}`)
