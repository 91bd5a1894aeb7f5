import { evaluateGrant, ResidentAction } from '../../../../shared/access'
import { ErrorCode } from '../../../../shared/errors'
import { maskPhone } from '../../../../shared/residents/id-number'
import { kinshipOfGrantor } from '../../../../shared/residents/kinship'
import { NotificationKind } from '../../../../shared/schemas/notifications'
import type { CreateProxyGrant, HeldGrant, ProxyGrant } from '../../../../shared/schemas/proxies'
import type { AppContext } from '../../context'
import type { Db } from '../../db/client'
import { AppError, notFound } from '../../errors'
import { newId } from '../../ids'
import type { ResidentAccess } from '../../plugins/access'
import type { Actor } from '../../plugins/session'
import { createNotificationsRepo, prepareNotify } from '../notifications/notifications.repo'
import type { GrantRow } from './proxies.repo'
import { createProxiesRepo, grantFactsOf } from './proxies.repo'

const isOpen = (state: string) => state === 'pending' || state === 'active'

/**
 * 亲情账户 (issue 7). The grantor's side goes through the access gate (grants are `manage`: the
 * resident or her household parent); the grantee's side is her own account's business. Every
 * write is one transaction with its notices.
 */
export function createProxiesService(ctx: AppContext, access: ResidentAccess) {
  const repo = createProxiesRepo(ctx.db)
  const notices = createNotificationsRepo(ctx.db)
  const notify = prepareNotify(ctx.db)

  function given(row: GrantRow, granteeName: string | null, on: string): ProxyGrant {
    const facts = grantFactsOf(row)
    const { state, lapsesOn, confirmDue } = evaluateGrant(facts, on)
    return {
      id: row.id,
      phoneMasked: maskPhone(row.granteePhone),
      // before she accepts, nothing tells the grantor whether the phone has a Kangban account
      granteeName: row.status === 'pending' ? null : granteeName,
      relationship: row.relationship as ProxyGrant['relationship'],
      scopes: [...facts.scopes],
      state,
      endsOn: row.endsOn,
      lapsesOn,
      confirmDue,
      showSensitive: row.showSensitive,
      endedBy: row.endedBy,
      createdAt: new Date(row.createdAt).toISOString(),
    }
  }

  function held(row: GrantRow, name: string, sex: 'male' | 'female', on: string): HeldGrant {
    const facts = grantFactsOf(row)
    const { state, lapsesOn } = evaluateGrant(facts, on)
    return {
      id: row.id,
      residentId: row.residentId,
      grantorName: name,
      grantorSex: sex,
      kinship: kinshipOfGrantor(row.relationship, sex),
      scopes: [...facts.scopes],
      state,
      endsOn: row.endsOn,
      lapsesOn,
      showSensitive: row.showSensitive,
      createdAt: new Date(row.createdAt).toISOString(),
    }
  }

  function findGivenOr404(residentId: string, grantId: string): GrantRow {
    const row = repo.findGiven(residentId, grantId)
    if (row === null)
      throw notFound()
    return row
  }

  return {
    list(actor: Actor, residentId: string): ProxyGrant[] {
      access.authorize(actor, residentId, ResidentAction.MANAGE, 'read', 'proxies')
      const on = ctx.clock.today()
      return repo.listGiven(residentId).map(r => given(r.grant, r.granteeResidentName ?? r.granteeDisplayName, on))
    },

    /**
     * A pending grant to a phone number. The answer is the same whether or not the phone has a
     * Kangban account: only the grantee's own inbox learns of it.
     */
    create(actor: Actor, residentId: string, body: CreateProxyGrant): ProxyGrant {
      return ctx.db.transaction(() => {
        const { resident } = access.authorize(actor, residentId, ResidentAction.MANAGE, 'change', 'proxies')
        const on = ctx.clock.today()
        if (body.endsOn !== null && body.endsOn < on)
          throw new AppError(ErrorCode.VALIDATION_FAILED, 'endsOn: the end date has passed; choose today or later, or none', { field: 'endsOn' })
        if (body.phone === resident.phone || body.phone === actor.phone)
          throw new AppError(ErrorCode.VALIDATION_FAILED, 'phone: this phone already acts for the record; grant someone else', { field: 'phone' })
        const open = repo.listGiven(residentId).some(r => r.grant.granteePhone === body.phone && isOpen(evaluateGrant(grantFactsOf(r.grant), on).state))
        if (open)
          throw new AppError(ErrorCode.ALREADY_GRANTED, 'This phone holds an open grant already: end it first to give another')
        const at = ctx.clock.now()
        const granteeAccountId = repo.findAccountIdByPhone(body.phone)
        const row: GrantRow = {
          id: newId(),
          residentId,
          granteePhone: body.phone,
          granteeAccountId,
          relationship: body.relationship,
          scopes: body.scopes.join(','),
          status: 'pending',
          createdAt: at,
          acceptedAt: null,
          endsOn: body.endsOn,
          revokedAt: null,
          showSensitive: body.showSensitive,
          confirmedOn: on,
          confirmAskedOn: null,
          endedBy: null,
        }
        repo.create(row)
        if (granteeAccountId !== null)
          notices.createForAccount(granteeAccountId, NotificationKind.GRANT_OFFERED, { grantorName: resident.name, grantId: row.id }, at)
        return given(row, null, on)
      })
    },

    /** The grantor ends a grant, pending or active, effective on the next request. Ending an ended one changes nothing. */
    revoke(actor: Actor, residentId: string, grantId: string): void {
      ctx.db.transaction(() => {
        const { resident } = access.authorize(actor, residentId, ResidentAction.MANAGE, 'change', 'proxies')
        const row = findGivenOr404(residentId, grantId)
        if (!isOpen(evaluateGrant(grantFactsOf(row), ctx.clock.today()).state))
          return
        const at = ctx.clock.now()
        repo.update(grantId, { status: 'revoked', revokedAt: at, endedBy: 'grantor' })
        if (row.granteeAccountId !== null)
          notices.createForAccount(row.granteeAccountId, NotificationKind.GRANT_ENDED, { name: resident.name, by: 'grantor' }, at)
      })
    },

    /** The grantor keeps an open grant going for another 18 months. */
    confirm(actor: Actor, residentId: string, grantId: string): ProxyGrant {
      return ctx.db.transaction(() => {
        access.authorize(actor, residentId, ResidentAction.MANAGE, 'change', 'proxies')
        const row = findGivenOr404(residentId, grantId)
        const on = ctx.clock.today()
        if (!isOpen(evaluateGrant(grantFactsOf(row), on).state))
          throw new AppError(ErrorCode.GRANT_ENDED, 'This grant has ended; give a new one instead')
        const updated = repo.update(grantId, { confirmedOn: on, confirmAskedOn: null })!
        const names = repo.listGiven(residentId).find(r => r.grant.id === grantId)
        return given(updated, names?.granteeResidentName ?? names?.granteeDisplayName ?? null, on)
      })
    },

    /** Grants offered to or held by this account that still count: pending ones to accept, active ones to end. */
    listHeld(actor: Actor): HeldGrant[] {
      const on = ctx.clock.today()
      return repo.listHeld(actor.accountId, actor.phone)
        .map(r => held(r.grant, r.name, r.sex, on))
        .filter(g => isOpen(g.state))
    },

    /** The grantee accepts in her own Kangban; from the next request she acts within the scopes. */
    accept(actor: Actor, grantId: string): HeldGrant {
      return ctx.db.transaction(() => {
        const found = repo.findHeld(actor.accountId, actor.phone, grantId)
        const on = ctx.clock.today()
        const state = found === null ? null : evaluateGrant(grantFactsOf(found.grant), on).state
        if (found === null || !isOpen(state!))
          throw notFound()
        if (state === 'active')
          return held(found.grant, found.name, found.sex, on)
        const at = ctx.clock.now()
        const updated = repo.update(grantId, { status: 'accepted', acceptedAt: at, granteeAccountId: actor.accountId })!
        notify(found.grant.residentId, NotificationKind.GRANT_ACCEPTED, { name: actor.name }, at)
        return held(updated, found.name, found.sex, on)
      })
    },

    /** The grantee declines an offer or ends a grant she holds. */
    endHeld(actor: Actor, grantId: string): void {
      ctx.db.transaction(() => {
        const found = repo.findHeld(actor.accountId, actor.phone, grantId)
        if (found === null)
          throw notFound()
        const state = evaluateGrant(grantFactsOf(found.grant), ctx.clock.today()).state
        if (!isOpen(state))
          return
        const at = ctx.clock.now()
        repo.update(grantId, state === 'pending'
          ? { status: 'declined', revokedAt: at, endedBy: 'grantee', granteeAccountId: actor.accountId }
          : { status: 'revoked', revokedAt: at, endedBy: 'grantee' })
        notify(found.grant.residentId, NotificationKind.GRANT_ENDED, { name: actor.name, by: 'grantee' }, at)
      })
    },
  }
}

/** At first sign-in: grants made to this phone belong to the new account, and each open offer is in its inbox. */
export function claimGrants(db: Db, phone: string, accountId: string, now: number, on: string) {
  const repo = createProxiesRepo(db)
  const notices = createNotificationsRepo(db)
  for (const row of repo.claim(phone, accountId)) {
    const found = repo.findHeld(accountId, phone, row.id)
    if (found !== null && evaluateGrant(grantFactsOf(row), on).state === 'pending')
      notices.createForAccount(accountId, NotificationKind.GRANT_OFFERED, { grantorName: found.name, grantId: row.id }, now)
  }
}

/**
 * The daily job's part (issue 7): a grant with no end date is re-confirmed every 18 months. In
 * its last 30 days the grantor gets one notice asking her to; unanswered, the grant lapses on
 * its own (shared/access.ts evaluateGrant), with nothing to run.
 * @returns how many grantors were asked
 */
export function askGrantConfirmations(db: Db, on: string, now: number): number {
  const repo = createProxiesRepo(db)
  const notify = prepareNotify(db)
  return db.transaction(() => {
    let asked = 0
    for (const { grant, granteeResidentName, granteeDisplayName } of repo.listOpenEnded()) {
      const facts = grantFactsOf(grant)
      const { confirmDue, lapsesOn } = evaluateGrant(facts, on)
      if (!confirmDue || lapsesOn === null || (grant.confirmAskedOn !== null && grant.confirmAskedOn >= facts.confirmedOn))
        continue
      const name = grant.status === 'pending' ? maskPhone(grant.granteePhone) : (granteeResidentName ?? granteeDisplayName ?? maskPhone(grant.granteePhone))
      notify(grant.residentId, NotificationKind.GRANT_CONFIRM_DUE, { name, lapsesOn, grantId: grant.id }, now)
      repo.update(grant.id, { confirmAskedOn: on })
      asked++
    }
    return asked
  })
}
