import { addDays, addMonths, ageOn } from './dates'

/**
 * Who may do what with a resident's data: pure decisions over facts the server gathers, so the
 * phone can explain the same answer. The table is product.md "API shape"; every resident route
 * asks `decideResidentAccess` before it reads or writes.
 */

export const ResidentAction = {
  /** record, exams, reminders, reports, measurements, questionnaires */
  READ: 'read',
  BOOK: 'book',
  CONSULT_READ: 'consult-read',
  CONSULT_WRITE: 'consult-write',
  CONSULT_REPLY: 'consult-reply',
  /** write home measurements, take questionnaires */
  SELF_CARE: 'self-care',
  /** grants, access log, calendar feed, export, consent */
  MANAGE: 'manage',
  RELEASE_EXAM: 'release-exam',
  SIGN_REPORT: 'sign-report',
} as const
export type ResidentAction = (typeof ResidentAction)[keyof typeof ResidentAction]

export const GrantScope = { VIEW: 'view', BOOK: 'book', CONSULT: 'consult' } as const
export type GrantScope = (typeof GrantScope)[keyof typeof GrantScope]

/**
 * How the actor stands to the resident. `exam-institution`: a doctor of the institution that did
 * the exam in question, who may release it (product.md capability 3) and do nothing else.
 */
export type Relation = 'self' | 'household-parent' | 'care-team' | 'proxy' | 'exam-institution'

/** Children under this age are acted for by their household parents (product.md capability 7). */
export const HOUSEHOLD_CHILD_AGE_LIMIT = 14

export type RelationToHead = 'head' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'other'

export interface AccessFacts {
  /** evaluation date, YYYY-MM-DD in Asia/Shanghai */
  on: string
  actor: {
    residentId: string | null
    householdId: string | null
    relationToHead: RelationToHead | null
    staff: { id: string, role: 'doctor' | 'nurse' | 'institution-staff', teamId: string | null, institutionId: string } | null
  }
  resident: {
    id: string
    birthDate: string
    status: 'active' | 'moved-away' | 'deceased'
    householdId: string | null
    relationToHead: RelationToHead | null
  }
  /** the actor's grants on this resident, whatever their state */
  grants: GrantFacts[]
  /** the resident's family-doctor contracts */
  contracts: { doctorId: string, teamId: string, startsOn: string, endsOn: string, endedOn: string | null }[]
  /** the exam the action is about, given only for an action on one exam (RELEASE_EXAM) */
  exam?: { institutionId: string }
}

export type GrantStatus = 'pending' | 'accepted' | 'declined' | 'revoked'

/** A grant as its holder's access is decided on. */
export interface GrantFacts {
  scopes: readonly GrantScope[]
  status: GrantStatus
  /** the last day it counts, or null for no end date */
  endsOn: string | null
  /** the day the grantor gave it or last re-confirmed it (a grant with no end date lapses 18 months on) */
  confirmedOn: string
  /** the resident chose to let this grantee see her sensitive items */
  showSensitive: boolean
}

/** Issue 7: a grant with no end date is re-confirmed by the grantor every 18 months; unanswered, it lapses. */
export const GRANT_RECONFIRM_MONTHS = 18
/** How long before a lapse the grantor is asked to re-confirm. */
export const GRANT_RECONFIRM_NOTICE_DAYS = 30

export type GrantState = 'pending' | 'active' | 'expired' | 'lapsed' | 'declined' | 'revoked'

export interface GrantEvaluation {
  state: GrantState
  /** the first day an open-ended grant no longer counts unless re-confirmed; null with an end date */
  lapsesOn: string | null
  /** the grantor should re-confirm now (the notice asks; the page shows the button) */
  confirmDue: boolean
}

/**
 * Where a grant stands on `on`: pending until the grantee accepts; then active until its end
 * date (included), or, with no end date, until 18 months after the grantor last confirmed it.
 * Declined and revoked are final. Nothing is cached: the server asks on every request.
 */
export function evaluateGrant(grant: Pick<GrantFacts, 'status' | 'endsOn' | 'confirmedOn'>, on: string): GrantEvaluation {
  const lapsesOn = grant.endsOn === null ? addMonths(grant.confirmedOn, GRANT_RECONFIRM_MONTHS) : null
  const open = grant.status === 'pending' || grant.status === 'accepted'
  let state: GrantState
  if (!open)
    state = grant.status as 'declined' | 'revoked'
  else if (grant.endsOn !== null && on > grant.endsOn)
    state = 'expired'
  else if (lapsesOn !== null && on >= lapsesOn)
    state = 'lapsed'
  else
    state = grant.status === 'pending' ? 'pending' : 'active'
  const confirmDue = (state === 'active' || state === 'pending') && lapsesOn !== null && on >= addDays(lapsesOn, -GRANT_RECONFIRM_NOTICE_DAYS)
  return { state, lapsesOn, confirmDue }
}

export type AccessDecision =
  | { outcome: 'allow', relation: Relation, hideSensitive: boolean, familyDoctor: boolean }
  | { outcome: 'forbidden', relation: Relation, reason: 'scope-missing' | 'resident-inactive' }
  | { outcome: 'not-found', reason: 'no-relation' }

const writes: ReadonlySet<ResidentAction> = new Set([
  ResidentAction.BOOK,
  ResidentAction.CONSULT_WRITE,
  ResidentAction.SELF_CARE,
])

const proxyScopeFor: Partial<Record<ResidentAction, GrantScope>> = {
  [ResidentAction.READ]: GrantScope.VIEW,
  [ResidentAction.CONSULT_READ]: GrantScope.VIEW,
  [ResidentAction.BOOK]: GrantScope.BOOK,
  [ResidentAction.CONSULT_WRITE]: GrantScope.CONSULT,
  [ResidentAction.SELF_CARE]: GrantScope.CONSULT,
}

const careTeamActions: ReadonlySet<ResidentAction> = new Set([
  ResidentAction.READ,
  ResidentAction.CONSULT_READ,
  ResidentAction.CONSULT_REPLY,
])

const familyDoctorOnly: ReadonlySet<ResidentAction> = new Set([ResidentAction.RELEASE_EXAM, ResidentAction.SIGN_REPORT])

/** A grant counts while accepted, not revoked, on or before its end date, and not lapsed unconfirmed. */
export function isGrantActive(grant: Pick<GrantFacts, 'status' | 'endsOn' | 'confirmedOn'>, on: string): boolean {
  return evaluateGrant(grant, on).state === 'active'
}

/** A contract runs from its start to its end date, both included, unless ended early. */
export function isContractRunning(contract: AccessFacts['contracts'][number], on: string): boolean {
  return contract.startsOn <= on && on <= contract.endsOn && (contract.endedOn === null || on < contract.endedOn)
}

/** 与户主关系 of a parent and a child in one register: the head or spouse and their child, or a child and the head's grandchild. */
export function isParentRelation(parent: RelationToHead | null, child: RelationToHead | null): boolean {
  return ((parent === 'head' || parent === 'spouse') && child === 'child')
    || (parent === 'child' && child === 'grandchild')
}

function relationsOf(facts: AccessFacts) {
  const { actor, resident, on } = facts
  const found: { relation: Relation, allows: (a: ResidentAction) => boolean, hideSensitive: boolean, familyDoctor: boolean }[] = []
  if (actor.residentId === resident.id)
    found.push({ relation: 'self', allows: a => !careTeamOnly(a), hideSensitive: false, familyDoctor: false })

  if (actor.householdId !== null && actor.householdId === resident.householdId
    && isParentRelation(actor.relationToHead, resident.relationToHead)
    && ageOn(resident.birthDate, on) < HOUSEHOLD_CHILD_AGE_LIMIT) {
    found.push({ relation: 'household-parent', allows: a => !careTeamOnly(a), hideSensitive: false, familyDoctor: false })
  }

  const { staff } = actor
  if (staff !== null && staff.teamId !== null && (staff.role === 'doctor' || staff.role === 'nurse')) {
    const running = facts.contracts.filter(c => c.teamId === staff.teamId && isContractRunning(c, on))
    if (running.length > 0) {
      const familyDoctor = staff.role === 'doctor' && running.some(c => c.doctorId === staff.id)
      found.push({
        relation: 'care-team',
        allows: a => careTeamActions.has(a) || (familyDoctor && familyDoctorOnly.has(a)),
        hideSensitive: false,
        familyDoctor,
      })
    }
  }

  // product.md capability 3 and issue 5 point 4: exams are also released by the doctors of the
  // institution that did them, so that no exam of a resident without a family doctor waits for
  // ever; never a doctor's own
  if (staff !== null && staff.role === 'doctor' && facts.exam !== undefined && facts.exam.institutionId === staff.institutionId && actor.residentId !== resident.id)
    found.push({ relation: 'exam-institution', allows: a => a === ResidentAction.RELEASE_EXAM, hideSensitive: false, familyDoctor: false })

  const active = facts.grants.filter(g => isGrantActive(g, on))
  const scopes = new Set(active.flatMap(g => g.scopes))
  if (scopes.size > 0) {
    found.push({
      relation: 'proxy',
      allows: (a) => {
        const needed = proxyScopeFor[a]
        return needed !== undefined && scopes.has(needed)
      },
      // product.md capability 7: sensitive items only when she chose to share them with this grantee
      hideSensitive: !active.some(g => g.showSensitive),
      familyDoctor: false,
    })
  }
  return found
}

function careTeamOnly(action: ResidentAction) {
  return action === ResidentAction.CONSULT_REPLY || familyDoctorOnly.has(action)
}

/**
 * Decides whether the actor may take `action` on the resident.
 * No relation at all → `not-found`, so a stranger cannot tell a real id from a made-up one;
 * a relation without the right → `forbidden`. Writes on a resident who is no longer active
 * are refused; reads of a deceased resident's record stay open to those entitled.
 */
export function decideResidentAccess(facts: AccessFacts, action: ResidentAction): AccessDecision {
  const relations = relationsOf(facts)
  if (relations.length === 0)
    return { outcome: 'not-found', reason: 'no-relation' }
  const allowing = relations.filter(r => r.allows(action))
  if (allowing.length === 0)
    return { outcome: 'forbidden', relation: relations[0]!.relation, reason: 'scope-missing' }
  const chosen = allowing[0]!
  if (writes.has(action) && facts.resident.status !== 'active')
    return { outcome: 'forbidden', relation: chosen.relation, reason: 'resident-inactive' }
  return {
    outcome: 'allow',
    relation: chosen.relation,
    hideSensitive: allowing.every(r => r.hideSensitive),
    familyDoctor: allowing.some(r => r.familyDoctor),
  }
}

/**
 * Who acts for an institution on its machine import (issue 5: its quarantine, its retractions):
 * its API key, or a signed-in doctor or staff member of it. Anyone else is told the thing does
 * not exist, as for resident routes.
 */
export interface InstitutionActor {
  /** the institution whose API key made the request */
  apiKeyInstitutionId: string | null
  staff: { role: 'doctor' | 'nurse' | 'institution-staff', institutionId: string } | null
}

export function decideInstitutionAccess(actor: InstitutionActor, institutionId: string): 'allow' | 'not-found' {
  if (actor.apiKeyInstitutionId === institutionId)
    return 'allow'
  const { staff } = actor
  return staff !== null && staff.institutionId === institutionId && (staff.role === 'doctor' || staff.role === 'institution-staff') ? 'allow' : 'not-found'
}
