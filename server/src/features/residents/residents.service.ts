import type { Relation } from '../../../../shared/access'
import { ResidentAction } from '../../../../shared/access'
import { ageOn } from '../../../../shared/dates'
import { maskIdNumber, maskPhone } from '../../../../shared/residents/id-number'
import type { PageQuery } from '../../../../shared/schemas/common'
import type { ResidentSummary } from '../../../../shared/schemas/residents'
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

export function createResidentsService(ctx: AppContext, access: ResidentAccess) {
  const repo = createResidentsRepo(ctx.db)

  /** The record header and its first screen, for a reader the gate allows. */
  function summaryOf(actor: Actor, residentId: string): ResidentSummary {
    const allowed = access.authorize(actor, residentId, ResidentAction.READ, 'read', 'record')
    const r = allowed.resident
    const today = ctx.clock.today()
    const allConditions = repo.conditionsOf(residentId)
    // product.md capability 7: sensitive and private items are hidden from proxies
    const shown = allowed.hideSensitive ? allConditions.filter(c => !c.sensitive && !c.private) : allConditions
    const running = repo.runningContractOf(residentId, today)
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
      allergies: repo.allergiesOf(residentId).map(a => ({ id: a.id, substance: a.substance, reaction: a.reaction, recordedOn: a.recordedOn })),
      contract: running && {
        doctor: running.doctor,
        team: { ...running.team, members: repo.teamMembers(running.team.id) },
        institution: running.institution,
        servicePackage: running.contract.servicePackage,
        signedOn: running.contract.signedOn,
        startsOn: running.contract.startsOn,
        endsOn: running.contract.endsOn,
      },
      syncedAt: new Date(ctx.clock.now()).toISOString(),
    }
  }

  return {
    summary(actor: Actor, residentId: string): ResidentSummary {
      // one read transaction for the six reads: one consistent view of the record, and one
      // WAL read lock instead of six
      return ctx.db.transaction(() => summaryOf(actor, residentId))
    },

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
