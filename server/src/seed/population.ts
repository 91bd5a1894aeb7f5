import type { CareNetwork } from './care'
import { ageAt, birthdayAt, dateOf, dayOfYmd } from './calendar'
import type { ExamWriter } from './exam-writer'
import { writeExamHistory } from './exams'
import { drawHealthProfile } from './health'
import { drawHousehold } from './households'
import type { IdNumbers } from './id-numbers'
import { drawGivenName, drawSurname } from './names'
import type { Person } from './person'
import { drawAddress, otherZhejiangRegions, outOfProvinceRegions, townships, townshipWeights, zhujiRegion } from './places'
import { writeFollowups, writeImmunizations, writeScreenings } from './programmes'
import { Domain, Rng } from './random'
import { writeConditionsAndMedication, writeContracts, writeEncounters } from './record'
import type { Tables } from './tables'

export interface PopulationOptions {
  seed: number
  residents: number
  anchorDay: number
  care: CareNetwork
  idNumbers: IdNumbers
  /** called after every household with the number of residents written so far */
  progress: (written: number) => void
}

/** Demo hook (demo.md): generated resident k has the phone 137 followed by k in 8 digits. */
export function generatedPhone(k: number): string {
  return `137${String(k).padStart(8, '0')}`
}

// health records were opened county-wide from 2009 (基本公共卫生服务 began that year)
const recordsFrom = dayOfYmd(2009, 1, 1)

function drawOrigin(rng: Rng): { region: string, zhejiang: boolean, migrant: boolean } {
  const r = rng.float()
  if (r < 0.935)
    return { region: zhujiRegion, zhejiang: true, migrant: false }
  if (r < 0.955)
    return { region: rng.pick(otherZhejiangRegions), zhejiang: true, migrant: false }
  return { region: rng.pick(outOfProvinceRegions), zhejiang: false, migrant: true }
}

function drawInsurance(rng: Rng, age: number, street: boolean, migrant: boolean, origin: string): [insurance: 'resident' | 'employee' | 'none', region: string | null] {
  if (migrant) {
    const r = rng.float()
    return r < 0.55 ? ['employee', zhujiRegion] : r < 0.85 ? ['resident', rng.chance(0.5) ? zhujiRegion : origin] : ['none', null]
  }
  if (age < 18)
    return ['resident', zhujiRegion]
  if (age >= 60)
    return rng.chance(street ? 0.25 : 0.1) ? ['employee', zhujiRegion] : ['resident', zhujiRegion]
  const r = rng.float()
  return r < (street ? 0.42 : 0.26) ? ['employee', zhujiRegion] : r < 0.99 ? ['resident', zhujiRegion] : ['none', null]
}

/** Generates residents 1..N household by household, each with their whole history. */
export function writePopulation(t: Tables, exams: ExamWriter, options: PopulationOptions): void {
  const { seed, residents, anchorDay, care, idNumbers } = options
  let k = 0
  for (let h = 1; k < residents; h++) {
    const hh = new Rng(seed, Domain.HOUSEHOLD, h)
    const townshipIndex = hh.weighted(townshipWeights)
    const township = townships[townshipIndex]!
    const centre = care.centres[townshipIndex]!
    const team = centre.teams[hh.int(centre.teams.length)]!
    const origin = drawOrigin(hh)
    const householdId = hh.id()
    const address = drawAddress(hh, township)
    const surname = drawSurname(hh)
    t.households.add([householdId, address, origin.region])

    for (const member of drawHousehold(hh)) {
      if (k === residents)
        break
      k += 1
      const rng = new Rng(seed, Domain.RESIDENT, k)
      const birthDay = anchorDay - Math.floor((member.age + rng.float()) * 365.2425) - 1
      const age = ageAt(birthDay, anchorDay)
      const birthDate = dateOf(birthDay)
      const sameName = member.relation === 'head' || member.relation === 'child' || member.relation === 'grandchild' || member.relation === 'parent'
      const name = (sameName ? surname : drawSurname(rng)) + drawGivenName(rng, member.sex, Number(birthDate.slice(0, 4)))
      const [insurance, insuranceRegion] = drawInsurance(rng, age, township.kind === 'street', origin.migrant, origin.region)

      const dies = rng.chance(age >= 80 ? 0.04 : age >= 65 ? 0.012 : 0.001)
      const leaves = !dies && rng.chance(age >= 18 && age < 60 ? 0.02 : 0.005)
      const statusDay = dies || leaves ? Math.max(birthDay + 1, anchorDay - rng.between(20, 1000)) : null
      const lastDay = statusDay ?? anchorDay - 1
      const recordOpenedDay = Math.min(lastDay, Math.max(birthDay + rng.between(3, 40), recordsFrom + rng.int(6 * 365)))
      const profile = drawHealthProfile(rng, member.sex, birthDay, age, anchorDay)
      const adult = age >= 18
      const schoolStage = age >= 6 && age <= 11 ? 'primary' : age >= 12 && age <= 17 ? 'secondary' : age >= 18 && age <= 21 && rng.chance(0.55) ? 'college' : null
      const residentId = rng.id()

      t.residents.add([
        residentId, name, member.sex, birthDate, idNumbers.issue(origin.region, birthDate, member.sex), generatedPhone(k), householdId, member.relation,
        origin.region, zhujiRegion, township.name, address,
        origin.migrant ? dateOf(Math.max(birthdayAt(birthDay, 16), anchorDay - rng.between(200, 3000))) : null,
        insurance, insuranceRegion, schoolStage,
        insurance === 'employee' && adult && age < 60 && rng.chance(0.12) ? 1 : 0,
        adult ? (profile.smoker ? 1 : 0) : null, adult ? (profile.familyHistoryCvd ? 1 : 0) : null,
        dies ? 'deceased' : leaves ? 'moved-away' : 'active', statusDay === null ? null : dateOf(statusDay), dateOf(recordOpenedDay),
      ])

      const person: Person = {
        id: residentId,
        profile,
        age,
        zhejiangHukou: origin.zhejiang,
        insured: insurance === 'resident' && insuranceRegion === zhujiRegion,
        centre,
        team,
        wideAfp: townshipIndex % 3 === 1,
        lastDay,
        active: statusDay === null,
        recordOpenedDay,
      }
      writeConditionsAndMedication(t, rng, person)
      writeContracts(t, rng, person, anchorDay)
      writeEncounters(t, rng, person, anchorDay, care.hospitals)
      writeFollowups(t, rng, person, anchorDay)
      writeImmunizations(t, rng, person, anchorDay)
      writeScreenings(t, rng, person, anchorDay)
      writeExamHistory(exams, rng, person, anchorDay)
    }
    options.progress(k)
  }
}
