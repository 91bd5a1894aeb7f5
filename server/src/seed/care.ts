import { createHash } from 'node:crypto'
import { dayOf, shanghaiInstant } from './calendar'
import { drawGivenName, drawSurname } from './names'
import { staffPersonas, type StaffPersonaKey } from './personas.data'
import { healthCentreName, townshipShare, townships, zhujiRegion } from './places'
import { Domain, Rng } from './random'
import type { Tables } from './tables'

export interface Team {
  id: string
  institutionId: string
  doctorId: string
  nurseId: string
}

export interface HealthCentre {
  institutionId: string
  teams: Team[]
}

/** The county's care side, as the population generator needs it. */
export interface CareNetwork {
  /** by township index */
  centres: HealthCentre[]
  hospitals: string[]
  /** staff and account ids of the staff personas */
  staffIds: Record<StaffPersonaKey, string>
  accountIds: Record<StaffPersonaKey, string>
  /** the team each doctor persona leads */
  teamOf: (doctor: 'chenMing' | 'liuFang') => Team
}

/** Demo machine API keys (demo.md); only their SHA-256 is stored. */
const demoApiKeys: Record<string, string> = { 枫桥镇卫生院: 'kb_demo_fengqiao', 暨阳街道社区卫生服务中心: 'kb_demo_jiyang' }

const hospitals = [
  { name: '诸暨市人民医院', address: '浙江省诸暨市暨阳街道大桥路9号' },
  { name: '诸暨市中医医院', address: '浙江省诸暨市陶朱街道暨东路521号' },
]

// a team looks after about 4,000 residents, of whom a third to a half sign
const residentsPerTeam = 4000

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

function drawPhone(rng: Rng): string {
  return `0575-8${rng.between(7000000, 7999999)}`
}

interface StaffRow {
  id: string
  accountId: string | null
  name: string
  title: string
  replyTime: string | null
}

/** Institutions, family-doctor teams and staff: a health centre per township, teams in proportion to its residents. */
export function writeCareNetwork(tables: Tables, seed: number, residents: number): CareNetwork {
  const personaRng = new Rng(seed, Domain.CARE, 0)
  const keys = Object.keys(staffPersonas) as StaffPersonaKey[]
  const staffIds = Object.fromEntries(keys.map(k => [k, personaRng.id()])) as Record<StaffPersonaKey, string>
  const accountIds = Object.fromEntries(keys.map(k => [k, personaRng.id()])) as Record<StaffPersonaKey, string>
  for (const key of keys) {
    const p = staffPersonas[key]
    tables.accounts.add([accountIds[key], p.phone, null, p.name, 'active', shanghaiInstant(dayOf(p.accountSince), 9)])
  }
  const personaStaff = (key: StaffPersonaKey): StaffRow => {
    const p = staffPersonas[key]
    return { id: staffIds[key], accountId: accountIds[key], name: p.name, title: p.title, replyTime: p.replyTime }
  }
  const leadOf = (institution: string) => keys.find(k => staffPersonas[k].role === 'doctor' && staffPersonas[k].institution === institution)

  const centres: HealthCentre[] = townships.map((township, t) => {
    const rng = new Rng(seed, Domain.CARE, 100 + t)
    const institutionId = rng.id()
    const name = healthCentreName(township)
    const apiKey = demoApiKeys[name]
    tables.institutions.add([
      institutionId, name, township.kind === 'street' ? 'community-health-centre' : 'township-health-centre', zhujiRegion,
      `浙江省诸暨市${township.name}${rng.pick(['健康路', '卫生路', '中心路', '新街'])}${rng.between(1, 200)}号`, drawPhone(rng),
    ])
    if (apiKey !== undefined)
      tables.apiKeys.add([rng.id(), institutionId, sha256(apiKey), 'demo', shanghaiInstant(dayOf('2024-01-02'), 9)])

    const teamCount = Math.max(1, Math.ceil(residents * townshipShare(t) / residentsPerTeam))
    const teams: Team[] = []
    for (let j = 0; j < teamCount; j++) {
      const teamRng = new Rng(seed, Domain.CARE, 10_000 + t * 10_000 + j)
      const lead = j === 0 ? leadOf(name) : undefined
      const doctor: StaffRow = lead !== undefined
        ? personaStaff(lead)
        : { id: teamRng.id(), accountId: null, name: drawSurname(teamRng) + drawGivenName(teamRng, teamRng.chance(0.5) ? 'male' : 'female', 1975), title: teamRng.pick(['医师', '主治医师', '主治医师', '副主任医师']), replyTime: teamRng.pick(['1个工作日内', '2个工作日内', '当天']) }
      const nurse: StaffRow = lead === 'chenMing'
        ? personaStaff('sunTing')
        : { id: teamRng.id(), accountId: null, name: drawSurname(teamRng) + drawGivenName(teamRng, 'female', 1985), title: teamRng.pick(['护士', '护师', '主管护师']), replyTime: null }
      const team: Team = { id: teamRng.id(), institutionId, doctorId: doctor.id, nurseId: nurse.id }
      tables.careTeams.add([team.id, institutionId, `${doctor.name}家庭医生团队`])
      tables.staff.add([doctor.id, doctor.accountId, doctor.name, 'doctor', institutionId, team.id, doctor.title, doctor.replyTime])
      tables.staff.add([nurse.id, nurse.accountId, nurse.name, 'nurse', institutionId, team.id, nurse.title, nurse.replyTime])
      teams.push(team)
    }
    for (const key of keys) {
      const p = staffPersonas[key]
      if (p.role === 'institution-staff' && p.institution === name)
        tables.staff.add([staffIds[key], accountIds[key], p.name, p.role, institutionId, null, p.title, p.replyTime])
    }
    return { institutionId, teams }
  })

  const hospitalIds = hospitals.map((h, i) => {
    const rng = new Rng(seed, Domain.CARE, 200 + i)
    const id = rng.id()
    tables.institutions.add([id, h.name, 'hospital', zhujiRegion, h.address, drawPhone(rng)])
    return id
  })

  const teamOf = (doctor: 'chenMing' | 'liuFang') => {
    const t = townships.findIndex(tw => healthCentreName(tw) === staffPersonas[doctor].institution)
    return centres[t]!.teams[0]!
  }
  return { centres, hospitals: hospitalIds, staffIds, accountIds, teamOf }
}
