import type { Relation } from '../../../../shared/access'
import { ResidentAction } from '../../../../shared/access'
import { ageOn } from '../../../../shared/dates'
import { maskIdNumber, maskPhone } from '../../../../shared/residents/id-number'
import type { PageQuery } from '../../../../shared/schemas/common'
import type { Contract, ResidentSummary } from '../../../../shared/schemas/residents'
import type { AppContext } from '../../context'
import { decodeCursor, pageFrom } from '../../paging'
import type { ResidentAccess } from '../../plugins/access'
import type { Actor } from '../../plugins/session'
import type { RecordSection, SectionRows } from './residents.repo'
import { createResidentsRepo } from './residents.repo'

/** How a reader of the record stands to it. An exam's institution releases one exam and reads nothing: a bug to reach here that way. */
function readerRelation(relation: Relation): ResidentSummary['viewerRelation'] {
  if (relation === 'exam-institution')
    throw new Error('an exam institution\'s doctor was let read a record; the access decision allows it only RELEASE_EXAM')
  return relation
}

/** How long a contract's doctor and team serve again without asking the database: the county's directory changes seldom. */
export const CARE_TEAM_CACHE_MS = 5_000

/** What a contract shows of the county's directory: its doctor, team and institution. */
export type CareTeamCard = Pick<Contract, 'doctor' | 'team' | 'institution'>

export function createResidentsService(ctx: AppContext, access: ResidentAccess) {
  const repo = createResidentsRepo(ctx.db)

  /** A contract's doctor and team as the record shows them: the county's directory, shared by thousands of records. */
  function careTeamCard(doctorId: string, teamId: string): CareTeamCard | null {
    const key = `${doctorId} ${teamId}`
    const now = ctx.clock.now()
    const cached = ctx.careTeamCache.get(key, now)
    if (cached !== null)
      return cached
    const team = repo.findCareTeam(teamId)
    const doctor = repo.findDoctor(doctorId)
    if (team === undefined || doctor === undefined)
      return null
    const card = { doctor, team: { ...team.team, members: team.members }, institution: team.institution }
    ctx.careTeamCache.set(key, card, now)
    return card
  }

  /** The record header and its first screen, for a reader the gate allows. */
  function summaryOf(actor: Actor, residentId: string): ResidentSummary {
    const allowed = access.authorize(actor, residentId, ResidentAction.READ, 'read', 'record')
    const r = allowed.resident
    const today = ctx.clock.today()
    const { conditions: allConditions, allergies, contract: running } = repo.firstScreenOf(residentId, today)
    // product.md capability 7: sensitive and private items are hidden from proxies
    const shown = allowed.hideSensitive ? allConditions.filter(c => !c.sensitive && !c.private) : allConditions
    const card = running && careTeamCard(running.doctorId, running.teamId)
    return {
      id: r.id,
      name: r.name,
      sex: r.sex,
      birthDate: r.birthDate,
      age: ageOn(r.birthDate, today),
      idNumberMasked: maskIdNumber(r.idNumber),
      phoneMasked: r.phone === null ? null : maskPhone(r.phone),
      township: r.township,
      address: r.address,
      insurance: r.insurance,
      hukouRegion: r.hukouRegion,
      status: r.status,
      statusSince: r.statusSince,
      recordOpenedOn: r.recordOpenedOn,
      viewerRelation: readerRelation(allowed.relation),
      sensitiveHidden: shown.length < allConditions.length,
      conditions: shown.map(c => ({ id: c.id, code: c.code, name: c.name, diagnosedOn: c.diagnosedOn, managed: c.managed })),
      allergies,
      contract: running && card && {
        ...card,
        servicePackage: running.servicePackage,
        signedOn: running.signedOn,
        startsOn: running.startsOn,
        endsOn: running.endsOn,
      },
      syncedAt: new Date(ctx.clock.now()).toISOString(),
    }
  }

  return {
    // No transaction, as for a section: the first screen is one statement, so one consistent
    // read, and the access-log row of a reader other than the resident is a write complete in itself.
    summary: summaryOf,

    /** One page of a record section, newest first. */
    section<S extends RecordSection>(actor: Actor, residentId: string, section: S, query: PageQuery) {
      const allowed = access.authorize(actor, residentId, ResidentAction.READ, 'read', section)
      const cursor = decodeCursor(query.cursor, ['string', 'string'] as const)
      const statement = repo.sections[section] as { all: (params: Record<string, string | number>) => { id: string, date: string, sensitive?: boolean }[] }
      const rows = statement.all({ residentId, limit: query.limit + 1, date: cursor?.[0] ?? '9999-12-31', id: cursor?.[1] ?? '' })
      const page = pageFrom(rows, query.limit, r => [r.date, r.id])
      // product.md capability 7: sensitive visits are hidden from proxies
      const items = allowed.hideSensitive ? page.items.filter(r => r.sensitive !== true) : page.items
      return { items: items as SectionRows[S], nextCursor: page.nextCursor }
    },
  }
}
