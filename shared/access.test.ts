import { describe, expect, it } from 'vitest'
import type { AccessFacts, ResidentAction } from './access'
import { decideResidentAccess, evaluateGrant } from './access'

const on = '2026-11-22'
const mother: AccessFacts['resident'] = { id: 'mother', birthDate: '1952-04-18', status: 'active', householdId: 'h-mother', relationToHead: 'head' }
const child: AccessFacts['resident'] = { id: 'child', birthDate: '2016-03-15', status: 'active', householdId: 'h-li', relationToHead: 'child' }
const teen: AccessFacts['resident'] = { id: 'teen', birthDate: '2012-11-22', status: 'active', householdId: 'h-li', relationToHead: 'child' }
const deceased: AccessFacts['resident'] = { ...mother, id: 'deceased', status: 'deceased' }

const nobody: AccessFacts['actor'] = { residentId: null, householdId: null, relationToHead: null, staff: null }
const jiyangExam = { institutionId: 'inst-jiyang' }
const contract = { doctorId: 'dr-chen', teamId: 'team-chen', startsOn: '2026-01-01', endsOn: '2026-12-31', endedOn: null }

const actors = {
  'the resident': { actor: { ...nobody, residentId: 'mother', householdId: 'h-mother', relationToHead: 'head' } },
  'proxy view+book+consult': { grants: [{ scopes: ['view', 'book', 'consult'], status: 'accepted', endsOn: null, confirmedOn: '2026-01-01', showSensitive: false }] },
  'proxy view only': { grants: [{ scopes: ['view'], status: 'accepted', endsOn: null, confirmedOn: '2026-01-01', showSensitive: false }] },
  'proxy view+consult (family account)': { grants: [{ scopes: ['view', 'consult'], status: 'accepted', endsOn: null, confirmedOn: '2026-01-01', showSensitive: false }] },
  'proxy with an expired grant': { grants: [{ scopes: ['view', 'book'], status: 'accepted', endsOn: '2026-11-21', confirmedOn: '2026-01-01', showSensitive: false }] },
  'proxy on the grant\'s last day': { grants: [{ scopes: ['view'], status: 'accepted', endsOn: '2026-11-22', confirmedOn: '2026-01-01', showSensitive: false }] },
  'proxy with a revoked grant': { grants: [{ scopes: ['view'], status: 'revoked', endsOn: null, confirmedOn: '2026-01-01', showSensitive: false }] },
  'proxy with a pending grant': { grants: [{ scopes: ['view'], status: 'pending', endsOn: null, confirmedOn: '2026-01-01', showSensitive: false }] },
  'the signed family doctor': { actor: { ...nobody, staff: { id: 'dr-chen', role: 'doctor', teamId: 'team-chen', institutionId: 'inst-fengqiao' } }, contracts: [contract] },
  'a nurse of the team': { actor: { ...nobody, staff: { id: 'nurse-sun', role: 'nurse', teamId: 'team-chen', institutionId: 'inst-fengqiao' } }, contracts: [contract] },
  'another doctor of the team': { actor: { ...nobody, staff: { id: 'dr-wu', role: 'doctor', teamId: 'team-chen', institutionId: 'inst-fengqiao' } }, contracts: [contract] },
  'a doctor of another team': { actor: { ...nobody, staff: { id: 'dr-liu', role: 'doctor', teamId: 'team-liu', institutionId: 'inst-jiyang' } }, contracts: [contract] },
  'the doctor after the contract ended': { actor: { ...nobody, staff: { id: 'dr-chen', role: 'doctor', teamId: 'team-chen', institutionId: 'inst-fengqiao' } }, contracts: [{ ...contract, endsOn: '2026-06-30' }] },
  'the doctor after the contract was ended early': { actor: { ...nobody, staff: { id: 'dr-chen', role: 'doctor', teamId: 'team-chen', institutionId: 'inst-fengqiao' } }, contracts: [{ ...contract, endedOn: '2026-11-01' }] },
  'institution staff': { actor: { ...nobody, staff: { id: 'zhou', role: 'institution-staff', teamId: null, institutionId: 'inst-fengqiao' } }, contracts: [contract] },
  'a stranger': {},
  // the exam in question was done at 暨阳 (the fact is given only for an action on one exam)
  'a doctor of the institution that did the exam': { actor: { ...nobody, staff: { id: 'dr-liu', role: 'doctor', teamId: 'team-liu', institutionId: 'inst-jiyang' } }, exam: jiyangExam },
  'a doctor of that institution in no team': { actor: { ...nobody, staff: { id: 'dr-qian', role: 'doctor', teamId: null, institutionId: 'inst-jiyang' } }, exam: jiyangExam },
  'a nurse of the institution that did the exam': { actor: { ...nobody, staff: { id: 'nurse-he', role: 'nurse', teamId: 'team-liu', institutionId: 'inst-jiyang' } }, exam: jiyangExam },
  'staff of the institution that did the exam': { actor: { ...nobody, staff: { id: 'qian', role: 'institution-staff', teamId: null, institutionId: 'inst-jiyang' } }, exam: jiyangExam },
  'a doctor of another institution than the exam\'s': { actor: { ...nobody, staff: { id: 'dr-chen', role: 'doctor', teamId: 'team-chen', institutionId: 'inst-fengqiao' } }, exam: jiyangExam },
  'the signed family doctor, for an exam done elsewhere': { actor: { ...nobody, staff: { id: 'dr-chen', role: 'doctor', teamId: 'team-chen', institutionId: 'inst-fengqiao' } }, contracts: [contract], exam: jiyangExam },
  'a nurse of the team, for an exam done at her institution': { actor: { ...nobody, staff: { id: 'nurse-sun', role: 'nurse', teamId: 'team-chen', institutionId: 'inst-fengqiao' } }, contracts: [contract], exam: { institutionId: 'inst-fengqiao' } },
} satisfies Record<string, Partial<Omit<AccessFacts, 'on' | 'resident'>>>

function decide(who: keyof typeof actors, action: ResidentAction, resident = mother) {
  const a: Partial<Omit<AccessFacts, 'on' | 'resident'>> = actors[who]
  return decideResidentAccess({ on, resident, actor: a.actor ?? nobody, grants: a.grants ?? [], contracts: a.contracts ?? [], ...(a.exam ? { exam: a.exam } : {}) }, action)
}

// product.md "API shape": 'allow' | 'forbidden' | 'not-found' per action
const table: [keyof typeof actors, Record<ResidentAction, 'allow' | 'forbidden' | 'not-found'>][] = [
  ['the resident', { 'read': 'allow', 'book': 'allow', 'consult-read': 'allow', 'consult-write': 'allow', 'consult-reply': 'forbidden', 'self-care': 'allow', 'manage': 'allow', 'release-exam': 'forbidden', 'sign-report': 'forbidden' }],
  ['proxy view+book+consult', { 'read': 'allow', 'book': 'allow', 'consult-read': 'allow', 'consult-write': 'allow', 'consult-reply': 'forbidden', 'self-care': 'allow', 'manage': 'forbidden', 'release-exam': 'forbidden', 'sign-report': 'forbidden' }],
  ['proxy view only', { 'read': 'allow', 'book': 'forbidden', 'consult-read': 'allow', 'consult-write': 'forbidden', 'consult-reply': 'forbidden', 'self-care': 'forbidden', 'manage': 'forbidden', 'release-exam': 'forbidden', 'sign-report': 'forbidden' }],
  ['proxy view+consult (family account)', { 'read': 'allow', 'book': 'forbidden', 'consult-read': 'allow', 'consult-write': 'allow', 'consult-reply': 'forbidden', 'self-care': 'allow', 'manage': 'forbidden', 'release-exam': 'forbidden', 'sign-report': 'forbidden' }],
  ['proxy with an expired grant', { 'read': 'not-found', 'book': 'not-found', 'consult-read': 'not-found', 'consult-write': 'not-found', 'consult-reply': 'not-found', 'self-care': 'not-found', 'manage': 'not-found', 'release-exam': 'not-found', 'sign-report': 'not-found' }],
  ['proxy on the grant\'s last day', { 'read': 'allow', 'book': 'forbidden', 'consult-read': 'allow', 'consult-write': 'forbidden', 'consult-reply': 'forbidden', 'self-care': 'forbidden', 'manage': 'forbidden', 'release-exam': 'forbidden', 'sign-report': 'forbidden' }],
  ['proxy with a revoked grant', { 'read': 'not-found', 'book': 'not-found', 'consult-read': 'not-found', 'consult-write': 'not-found', 'consult-reply': 'not-found', 'self-care': 'not-found', 'manage': 'not-found', 'release-exam': 'not-found', 'sign-report': 'not-found' }],
  ['proxy with a pending grant', { 'read': 'not-found', 'book': 'not-found', 'consult-read': 'not-found', 'consult-write': 'not-found', 'consult-reply': 'not-found', 'self-care': 'not-found', 'manage': 'not-found', 'release-exam': 'not-found', 'sign-report': 'not-found' }],
  ['the signed family doctor', { 'read': 'allow', 'book': 'forbidden', 'consult-read': 'allow', 'consult-write': 'forbidden', 'consult-reply': 'allow', 'self-care': 'forbidden', 'manage': 'forbidden', 'release-exam': 'allow', 'sign-report': 'allow' }],
  ['a nurse of the team', { 'read': 'allow', 'book': 'forbidden', 'consult-read': 'allow', 'consult-write': 'forbidden', 'consult-reply': 'allow', 'self-care': 'forbidden', 'manage': 'forbidden', 'release-exam': 'forbidden', 'sign-report': 'forbidden' }],
  ['another doctor of the team', { 'read': 'allow', 'book': 'forbidden', 'consult-read': 'allow', 'consult-write': 'forbidden', 'consult-reply': 'allow', 'self-care': 'forbidden', 'manage': 'forbidden', 'release-exam': 'forbidden', 'sign-report': 'forbidden' }],
  ['a doctor of another team', { 'read': 'not-found', 'book': 'not-found', 'consult-read': 'not-found', 'consult-write': 'not-found', 'consult-reply': 'not-found', 'self-care': 'not-found', 'manage': 'not-found', 'release-exam': 'not-found', 'sign-report': 'not-found' }],
  ['the doctor after the contract ended', { 'read': 'not-found', 'book': 'not-found', 'consult-read': 'not-found', 'consult-write': 'not-found', 'consult-reply': 'not-found', 'self-care': 'not-found', 'manage': 'not-found', 'release-exam': 'not-found', 'sign-report': 'not-found' }],
  ['the doctor after the contract was ended early', { 'read': 'not-found', 'book': 'not-found', 'consult-read': 'not-found', 'consult-write': 'not-found', 'consult-reply': 'not-found', 'self-care': 'not-found', 'manage': 'not-found', 'release-exam': 'not-found', 'sign-report': 'not-found' }],
  ['institution staff', { 'read': 'not-found', 'book': 'not-found', 'consult-read': 'not-found', 'consult-write': 'not-found', 'consult-reply': 'not-found', 'self-care': 'not-found', 'manage': 'not-found', 'release-exam': 'not-found', 'sign-report': 'not-found' }],
  ['a stranger', { 'read': 'not-found', 'book': 'not-found', 'consult-read': 'not-found', 'consult-write': 'not-found', 'consult-reply': 'not-found', 'self-care': 'not-found', 'manage': 'not-found', 'release-exam': 'not-found', 'sign-report': 'not-found' }],
  // an exam's institution gives its doctors the release of that exam and nothing else (they know of the exam, so the rest is forbidden, not hidden)
  ['a doctor of the institution that did the exam', { 'read': 'forbidden', 'book': 'forbidden', 'consult-read': 'forbidden', 'consult-write': 'forbidden', 'consult-reply': 'forbidden', 'self-care': 'forbidden', 'manage': 'forbidden', 'release-exam': 'allow', 'sign-report': 'forbidden' }],
  ['a doctor of that institution in no team', { 'read': 'forbidden', 'book': 'forbidden', 'consult-read': 'forbidden', 'consult-write': 'forbidden', 'consult-reply': 'forbidden', 'self-care': 'forbidden', 'manage': 'forbidden', 'release-exam': 'allow', 'sign-report': 'forbidden' }],
  ['a nurse of the institution that did the exam', { 'read': 'not-found', 'book': 'not-found', 'consult-read': 'not-found', 'consult-write': 'not-found', 'consult-reply': 'not-found', 'self-care': 'not-found', 'manage': 'not-found', 'release-exam': 'not-found', 'sign-report': 'not-found' }],
  ['staff of the institution that did the exam', { 'read': 'not-found', 'book': 'not-found', 'consult-read': 'not-found', 'consult-write': 'not-found', 'consult-reply': 'not-found', 'self-care': 'not-found', 'manage': 'not-found', 'release-exam': 'not-found', 'sign-report': 'not-found' }],
  ['a doctor of another institution than the exam\'s', { 'read': 'not-found', 'book': 'not-found', 'consult-read': 'not-found', 'consult-write': 'not-found', 'consult-reply': 'not-found', 'self-care': 'not-found', 'manage': 'not-found', 'release-exam': 'not-found', 'sign-report': 'not-found' }],
  ['the signed family doctor, for an exam done elsewhere', { 'read': 'allow', 'book': 'forbidden', 'consult-read': 'allow', 'consult-write': 'forbidden', 'consult-reply': 'allow', 'self-care': 'forbidden', 'manage': 'forbidden', 'release-exam': 'allow', 'sign-report': 'allow' }],
  ['a nurse of the team, for an exam done at her institution', { 'read': 'allow', 'book': 'forbidden', 'consult-read': 'allow', 'consult-write': 'forbidden', 'consult-reply': 'allow', 'self-care': 'forbidden', 'manage': 'forbidden', 'release-exam': 'forbidden', 'sign-report': 'forbidden' }],
]

describe('decideResidentAccess', () => {
  for (const [who, expected] of table) {
    for (const [action, outcome] of Object.entries(expected) as [ResidentAction, string][]) {
      it(`${who}: ${action} → ${outcome}`, () => {
        expect(decide(who, action).outcome).toBe(outcome)
      })
    }
  }

  it('names the relation that lets a doctor release an exam', () => {
    expect(decide('the signed family doctor', 'release-exam')).toMatchObject({ relation: 'care-team', familyDoctor: true })
    expect(decide('a doctor of the institution that did the exam', 'release-exam')).toMatchObject({ relation: 'exam-institution', familyDoctor: false })
  })

  it('never lets a doctor release his own exam through his institution', () => {
    const doctor: AccessFacts['actor'] = { ...nobody, residentId: mother.id, staff: { id: 'dr-liu', role: 'doctor', teamId: 'team-liu', institutionId: 'inst-jiyang' } }
    expect(decideResidentAccess({ on, resident: mother, actor: doctor, grants: [], contracts: [], exam: { institutionId: 'inst-jiyang' } }, 'release-exam'))
      .toMatchObject({ outcome: 'forbidden', relation: 'self' })
  })

  it('hides sensitive items from proxies only', () => {
    expect(decide('proxy view only', 'read')).toMatchObject({ relation: 'proxy', hideSensitive: true })
    expect(decide('the resident', 'read')).toMatchObject({ relation: 'self', hideSensitive: false })
    expect(decide('a nurse of the team', 'read')).toMatchObject({ relation: 'care-team', hideSensitive: false })
  })

  const father: AccessFacts['actor'] = { ...nobody, residentId: 'father', householdId: 'h-li', relationToHead: 'head' }
  const asFather = (resident: AccessFacts['resident'], action: ResidentAction) =>
    decideResidentAccess({ on, resident, actor: father, grants: [], contracts: [] }, action)

  it('lets a household parent act fully for a child under 14', () => {
    expect(asFather(child, 'book')).toMatchObject({ outcome: 'allow', relation: 'household-parent', hideSensitive: false })
    expect(asFather(child, 'manage').outcome).toBe('allow')
  })

  it('ends a household parent\'s access on the child\'s 14th birthday', () => {
    expect(decideResidentAccess({ on: '2026-11-21', resident: teen, actor: father, grants: [], contracts: [] }, 'read').outcome).toBe('allow')
    expect(asFather(teen, 'read').outcome).toBe('not-found')
  })

  it('gives a sibling in the household no access', () => {
    const sibling = { ...nobody, residentId: 'sib', householdId: 'h-li', relationToHead: 'child' as const }
    expect(decideResidentAccess({ on, resident: child, actor: sibling, grants: [], contracts: [] }, 'read').outcome).toBe('not-found')
  })

  it('keeps a deceased resident\'s record readable but refuses changes', () => {
    const grants: AccessFacts['grants'] = [{ scopes: ['view', 'book'], status: 'accepted', endsOn: null, confirmedOn: '2026-01-01', showSensitive: false }]
    expect(decideResidentAccess({ on, resident: deceased, actor: nobody, grants, contracts: [] }, 'read').outcome).toBe('allow')
    expect(decideResidentAccess({ on, resident: deceased, actor: nobody, grants, contracts: [] }, 'book')).toMatchObject({ outcome: 'forbidden', reason: 'resident-inactive' })
  })
})

describe('evaluateGrant — a grant\'s life', () => {
  const open = { status: 'accepted', endsOn: null, confirmedOn: '2025-05-22' } as const
  it.each([
    ['pending until the grantee accepts', { ...open, status: 'pending' }, '2026-11-21', { state: 'pending', lapsesOn: '2026-11-22', confirmDue: true }],
    ['an open grant on the day before its 18 months end', open, '2026-11-21', { state: 'active', lapsesOn: '2026-11-22', confirmDue: true }],
    ['an open grant lapses 18 months after the grantor confirmed it', open, '2026-11-22', { state: 'lapsed', lapsesOn: '2026-11-22', confirmDue: false }],
    ['no re-confirmation asked earlier than 30 days ahead', open, '2026-10-22', { state: 'active', lapsesOn: '2026-11-22', confirmDue: false }],
    ['asked from 30 days ahead', open, '2026-10-23', { state: 'active', lapsesOn: '2026-11-22', confirmDue: true }],
    ['a grant with an end date never asks and ends after that day', { ...open, endsOn: '2026-11-21' }, '2026-11-22', { state: 'expired', lapsesOn: null, confirmDue: false }],
    ['a grant with an end date years away stays', { ...open, confirmedOn: '2020-01-01', endsOn: '2030-01-01' }, '2026-11-22', { state: 'active', lapsesOn: null, confirmDue: false }],
    ['revoked is final', { ...open, status: 'revoked' }, '2026-01-01', { state: 'revoked', lapsesOn: '2026-11-22', confirmDue: false }],
    ['declined is final', { ...open, status: 'declined' }, '2026-01-01', { state: 'declined', lapsesOn: '2026-11-22', confirmDue: false }],
  ] as const)('%s', (_, grant, day, expected) => {
    expect(evaluateGrant(grant, day)).toEqual(expected)
  })

  it('a lapsed grant gives no access; re-confirmed, it does again', () => {
    const grant = { scopes: ['view'], status: 'accepted', endsOn: null, confirmedOn: '2025-05-22', showSensitive: false } as const
    expect(decideResidentAccess({ on, resident: mother, actor: nobody, grants: [grant], contracts: [] }, 'read').outcome).toBe('not-found')
    expect(decideResidentAccess({ on, resident: mother, actor: nobody, grants: [{ ...grant, confirmedOn: on }], contracts: [] }, 'read').outcome).toBe('allow')
  })

  it('shows a proxy sensitive items only when the resident chose to share them', () => {
    const grant = { scopes: ['view'], status: 'accepted', endsOn: null, confirmedOn: '2026-01-01', showSensitive: true } as const
    expect(decideResidentAccess({ on, resident: mother, actor: nobody, grants: [grant], contracts: [] }, 'read')).toMatchObject({ relation: 'proxy', hideSensitive: false })
    // sharing on an ended grant shares nothing
    expect(decideResidentAccess({ on, resident: mother, actor: nobody, grants: [{ ...grant, status: 'revoked' }, { ...grant, showSensitive: false }], contracts: [] }, 'read')).toMatchObject({ hideSensitive: true })
  })
})
