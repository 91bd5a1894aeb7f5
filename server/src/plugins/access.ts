import { and, eq, sql } from 'drizzle-orm'
import type { AccessDecision, AccessFacts, ResidentAction } from '../../../shared/access'
import { decideResidentAccess } from '../../../shared/access'
import { ErrorCode } from '../../../shared/errors'
import { NotificationKind } from '../../../shared/schemas/notifications'
import type { AppContext } from '../context'
import { accessLog, contracts, proxyGrants, residents } from '../db/schema'
import { AppError, notFound } from '../errors'
import { prepareNotify } from '../features/notifications/notifications.repo'
import { grantFactsOf } from '../features/proxies/proxies.repo'
import type { Actor } from './session'

export type AccessKind = 'read' | 'change'
export type AllowedAccess = Extract<AccessDecision, { outcome: 'allow' }> & { resident: ResidentFacts }
/**
 * The record header as the gate reads it, so routes that show it need not read it again. Only
 * the columns someone uses: each text column read costs the hot path time (a Chinese string
 * made for each).
 */
const residentFactColumns = {
  id: residents.id,
  name: residents.name,
  sex: residents.sex,
  birthDate: residents.birthDate,
  idNumber: residents.idNumber,
  phone: residents.phone,
  householdId: residents.householdId,
  relationToHead: residents.relationToHead,
  hukouRegion: residents.hukouRegion,
  residenceRegion: residents.residenceRegion,
  township: residents.township,
  address: residents.address,
  insurance: residents.insurance,
  status: residents.status,
  statusSince: residents.statusSince,
  recordOpenedOn: residents.recordOpenedOn,
}
export type ResidentFacts = { [K in keyof typeof residentFactColumns]: (typeof residents.$inferSelect)[K] }

/**
 * The one gate of every resident route: gathers the facts, asks the pure decision in
 * shared/access.ts, and writes the access log (and, for a change, a notice to the resident)
 * for anyone but the resident. Call it inside the transaction of the change it guards, so the
 * log row and the change stand or fall together.
 */
/** How long a record header read by the gate serves again without asking the database. */
export const RESIDENT_FACTS_CACHE_MS = 5_000

export function createResidentAccess({ db, clock, residentFactsCache }: AppContext) {
  const findResident = db.select(residentFactColumns).from(residents).where(eq(residents.id, sql.placeholder('id'))).prepare()
  // never cached: a grant accepted, ended or lapsed counts from the very next request (issue 7)
  const findGrants = db.select({ scopes: proxyGrants.scopes, status: proxyGrants.status, endsOn: proxyGrants.endsOn, confirmedOn: proxyGrants.confirmedOn, createdAt: proxyGrants.createdAt, showSensitive: proxyGrants.showSensitive })
    .from(proxyGrants)
    .where(and(eq(proxyGrants.residentId, sql.placeholder('residentId')), eq(proxyGrants.granteeAccountId, sql.placeholder('accountId'))))
    .prepare()
  const findContracts = db.select({ doctorId: contracts.doctorId, teamId: contracts.teamId, startsOn: contracts.startsOn, endsOn: contracts.endsOn, endedOn: contracts.endedOn })
    .from(contracts).where(eq(contracts.residentId, sql.placeholder('residentId'))).prepare()
  const insertLog = db.insert(accessLog).values({
    residentId: sql.placeholder('residentId'),
    actorAccountId: sql.placeholder('actorAccountId'),
    actorName: sql.placeholder('actorName'),
    actorRole: sql.placeholder('actorRole'),
    onBehalfOf: sql.placeholder('residentId'),
    action: sql.placeholder('action'),
    what: sql.placeholder('what'),
    at: sql.placeholder('at'),
  }).prepare()
  const notify = prepareNotify(db)

  function facts(actor: Actor, resident: ResidentFacts, on: string, exam: AccessFacts['exam']): AccessFacts {
    const self = actor.residentId === resident.id
    return {
      ...(exam === undefined ? {} : { exam }),
      on,
      actor: { residentId: actor.residentId, householdId: actor.householdId, relationToHead: actor.relationToHead, staff: actor.staff },
      resident,
      // the resident herself may do everything a grant or contract could add: skip two queries on the hot path
      grants: self
        ? []
        : findGrants.all({ residentId: resident.id, accountId: actor.accountId }).map(grantFactsOf),
      contracts: self || actor.staff === null ? [] : findContracts.all({ residentId: resident.id }),
    }
  }

  return {
    /**
     * @param what what was read or changed, as the access log shows it (`record`, `encounters`, ...)
     * @param exam the exam an action on one exam is about (RELEASE_EXAM: its institution's doctors may release it)
     * @throws AppError NOT_FOUND when the actor may not know the resident exists, FORBIDDEN when a scope is missing
     */
    authorize(actor: Actor, residentId: string, action: ResidentAction, kind: AccessKind, what: string, exam?: AccessFacts['exam']): AllowedAccess {
      // the header is read by nearly every request and changes seldom (no route writes it yet;
      // one that does calls ctx.residentFactsCache.forget())
      const now = clock.now()
      let resident = residentFactsCache.get(residentId, now)
      if (resident === null) {
        resident = findResident.get({ id: residentId }) ?? null
        if (resident === null)
          throw notFound()
        residentFactsCache.set(residentId, resident, now)
      }
      const on = clock.today()
      const decision = decideResidentAccess(facts(actor, resident, on, exam), action)
      if (decision.outcome === 'not-found')
        throw notFound()
      if (decision.outcome === 'forbidden') {
        throw decision.reason === 'resident-inactive'
          ? new AppError(ErrorCode.RESIDENT_INACTIVE, 'This record is no longer active, so it cannot be changed')
          : new AppError(ErrorCode.FORBIDDEN, `Your access to this record does not include ${action}`)
      }
      if (decision.relation !== 'self') {
        const at = clock.now()
        const actorRole = decision.relation === 'exam-institution' ? 'doctor' : decision.relation === 'care-team' ? (actor.staff?.role === 'nurse' ? 'nurse' : 'doctor') : decision.relation
        insertLog.run({ residentId, actorAccountId: actor.accountId, actorName: actor.name, actorRole, action: kind, what, at })
        // product.md: only active residents get notices
        if (kind === 'change' && resident.status === 'active')
          notify(resident.id, NotificationKind.ACTED_FOR_YOU, { actorName: actor.name, what }, at)
      }
      return { ...decision, resident }
    },
  }
}

export type ResidentAccess = ReturnType<typeof createResidentAccess>
