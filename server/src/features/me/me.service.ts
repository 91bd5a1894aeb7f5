import type { GrantScope } from '../../../../shared/access'
import { HOUSEHOLD_CHILD_AGE_LIMIT, isGrantActive, isParentRelation } from '../../../../shared/access'
import { ageOn } from '../../../../shared/dates'
import { ErrorCode } from '../../../../shared/errors'
import { maskPhone } from '../../../../shared/residents/id-number'
import { kinshipOfChild, kinshipOfGrantor } from '../../../../shared/residents/kinship'
import type { ActingFor, Me } from '../../../../shared/schemas/me'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { newId } from '../../ids'
import { createAuthService } from '../auth/auth.service'
import { createNotificationsRepo } from '../notifications/notifications.repo'
import { grantFactsOf } from '../proxies/proxies.repo'
import { createMeRepo } from './me.repo'

/** The version of the privacy notice the web shows; a new version asks everyone again. */
export const PRIVACY_NOTICE_VERSION = '2026-11'

const allScopes: GrantScope[] = ['view', 'book', 'consult']
const scopeOrder = new Map(allScopes.map((s, i) => [s, i]))

export function createMeService(ctx: AppContext) {
  const repo = createMeRepo(ctx.db)
  const notices = createNotificationsRepo(ctx.db)
  const auth = createAuthService(ctx)

  /** Everyone this account may act for: itself, its children under 14 in its household, and active grants. */
  function actingFor(ownResidentId: string | null, accountId: string): ActingFor[] {
    const on = ctx.clock.today()
    const people: ActingFor[] = []
    const own = ownResidentId === null ? null : repo.findResident(ownResidentId)
    if (own) {
      people.push({ residentId: own.id, name: own.name, sex: own.sex, age: ageOn(own.birthDate, on), status: own.status, relation: 'self', kinship: null, scopes: allScopes })
      if (own.householdId !== null) {
        for (const m of repo.householdMembers(own.householdId, own.id)) {
          const age = ageOn(m.birthDate, on)
          if (isParentRelation(own.relationToHead, m.relationToHead) && age < HOUSEHOLD_CHILD_AGE_LIMIT)
            people.push({ residentId: m.id, name: m.name, sex: m.sex, age, status: m.status, relation: 'household-parent', kinship: kinshipOfChild(m.sex), scopes: allScopes })
        }
      }
    }
    const byResident = new Map<string, ActingFor>()
    for (const g of repo.grantsHeld(accountId)) {
      if (!isGrantActive(grantFactsOf({ ...g, status: g.grantStatus }), on) || people.some(p => p.residentId === g.residentId))
        continue
      const entry = byResident.get(g.residentId)
        ?? { residentId: g.residentId, name: g.name, sex: g.sex, age: ageOn(g.birthDate, on), status: g.status, relation: 'proxy' as const, kinship: kinshipOfGrantor(g.relationship, g.sex), scopes: [] }
      const scopes = new Set([...entry.scopes, ...(g.scopes.split(',') as GrantScope[])])
      entry.scopes = [...scopes].sort((a, b) => scopeOrder.get(a)! - scopeOrder.get(b)!)
      byResident.set(g.residentId, entry)
    }
    return [...people, ...byResident.values()]
  }

  function forAccount(accountId: string, deviceRemembered: boolean): Me {
    const account = repo.findAccount(accountId)
    if (!account)
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in first')
    const staffProfile = repo.findStaffProfile(accountId)
    const people = actingFor(account.residentId, accountId)
    return {
      account: { id: account.id, phoneMasked: maskPhone(account.phone), displayName: staffProfile?.name ?? people.find(p => p.relation === 'self')?.name ?? account.displayName },
      mode: ctx.config.mode,
      consent: { required: account.consented !== 1, noticeVersion: PRIVACY_NOTICE_VERSION },
      actingFor: people,
      staff: staffProfile && {
        id: staffProfile.id,
        name: staffProfile.name,
        role: staffProfile.role,
        title: staffProfile.title,
        institution: { id: staffProfile.institutionId, name: staffProfile.institutionName },
        team: staffProfile.teamId !== null && staffProfile.teamName !== null ? { id: staffProfile.teamId, name: staffProfile.teamName } : null,
      },
      unreadNotifications: notices.countUnread(accountId, account.residentId),
      deviceRemembered,
      today: ctx.clock.today(),
    }
  }

  return {
    forAccount,

    giveConsent(accountId: string, noticeVersion: string, deviceRemembered: boolean): Me {
      if (noticeVersion !== PRIVACY_NOTICE_VERSION)
        throw new AppError(ErrorCode.VALIDATION_FAILED, `noticeVersion: the current notice is ${PRIVACY_NOTICE_VERSION}`, { field: 'noticeVersion' })
      const account = repo.findAccount(accountId)
      if (account?.consented !== 1)
        repo.giveConsent({ id: newId(), accountId, kind: 'health-information', noticeVersion, givenAt: ctx.clock.now() })
      ctx.sessionCache.forget()
      return forAccount(accountId, deviceRemembered)
    },

    withdrawConsent(accountId: string) {
      ctx.db.transaction(() => {
        repo.withdrawConsents(accountId, ctx.clock.now())
        auth.closeAccount(accountId)
      })
    },
  }
}
