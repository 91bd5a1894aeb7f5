import { and, desc, eq, isNull, or } from 'drizzle-orm'
import type { GrantFacts, GrantScope } from '../../../../shared/access'
import { shanghaiDateOf } from '../../../../shared/dates'
import type { Db } from '../../db/client'
import { accounts, proxyGrants, residents } from '../../db/schema'

export type GrantRow = typeof proxyGrants.$inferSelect

/** The grant as shared/access.ts decides on it; rows older than re-confirmation count from their creation day. */
export function grantFactsOf(row: Pick<GrantRow, 'scopes' | 'status' | 'endsOn' | 'confirmedOn' | 'createdAt' | 'showSensitive'>): GrantFacts {
  return {
    scopes: row.scopes.split(',') as GrantScope[],
    status: row.status,
    endsOn: row.endsOn,
    confirmedOn: row.confirmedOn ?? shanghaiDateOf(new Date(row.createdAt)),
    showSensitive: row.showSensitive,
  }
}

/** proxy_grants, and what a grant shows of the people on either side. Nothing here decides access. */
export function createProxiesRepo(db: Db) {
  return {
    /** Every grant the resident gave, newest first, with the grantee's name when her account has a record. */
    listGiven(residentId: string) {
      return db.select({ grant: proxyGrants, granteeResidentName: residents.name, granteeDisplayName: accounts.displayName })
        .from(proxyGrants)
        .leftJoin(accounts, eq(accounts.id, proxyGrants.granteeAccountId))
        .leftJoin(residents, eq(residents.id, accounts.residentId))
        .where(eq(proxyGrants.residentId, residentId))
        .orderBy(desc(proxyGrants.createdAt), desc(proxyGrants.id))
        .all()
    },
    findGiven(residentId: string, grantId: string): GrantRow | null {
      return db.select().from(proxyGrants).where(and(eq(proxyGrants.id, grantId), eq(proxyGrants.residentId, residentId))).get() ?? null
    },
    /** Grants made to this account, or to its phone before it claimed them, with the grantor. */
    listHeld(accountId: string, phone: string) {
      return db.select({ grant: proxyGrants, name: residents.name, sex: residents.sex })
        .from(proxyGrants)
        .innerJoin(residents, eq(residents.id, proxyGrants.residentId))
        .where(heldBy(accountId, phone))
        .orderBy(desc(proxyGrants.createdAt), desc(proxyGrants.id))
        .all()
    },
    findHeld(accountId: string, phone: string, grantId: string) {
      return db.select({ grant: proxyGrants, name: residents.name, sex: residents.sex })
        .from(proxyGrants)
        .innerJoin(residents, eq(residents.id, proxyGrants.residentId))
        .where(and(eq(proxyGrants.id, grantId), heldBy(accountId, phone)))
        .get() ?? null
    },
    /** The open account of a phone number, if any: used to address a notice, never to answer the grantor. */
    findAccountIdByPhone(phone: string): string | null {
      return db.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.phone, phone), eq(accounts.status, 'active'))).get()?.id ?? null
    },
    create(row: typeof proxyGrants.$inferInsert) {
      db.insert(proxyGrants).values(row).run()
    },
    update(grantId: string, change: Partial<Pick<GrantRow, 'status' | 'granteeAccountId' | 'acceptedAt' | 'revokedAt' | 'endedBy' | 'confirmedOn' | 'confirmAskedOn'>>): GrantRow | null {
      return db.update(proxyGrants).set(change).where(eq(proxyGrants.id, grantId)).returning().get() ?? null
    },
    /** Grants made to this phone before its owner first signed in now belong to the account. */
    claim(phone: string, accountId: string): GrantRow[] {
      return db.update(proxyGrants).set({ granteeAccountId: accountId })
        .where(and(eq(proxyGrants.granteePhone, phone), isNull(proxyGrants.granteeAccountId)))
        .returning()
        .all()
    },
    /** Open grants without an end date: the daily job asks their grantors to re-confirm. */
    listOpenEnded() {
      return db.select({ grant: proxyGrants, granteeResidentName: residents.name, granteeDisplayName: accounts.displayName })
        .from(proxyGrants)
        .leftJoin(accounts, eq(accounts.id, proxyGrants.granteeAccountId))
        .leftJoin(residents, eq(residents.id, accounts.residentId))
        .where(and(isNull(proxyGrants.endsOn), or(eq(proxyGrants.status, 'pending'), eq(proxyGrants.status, 'accepted'))))
        .all()
    },
  }
}

function heldBy(accountId: string, phone: string) {
  return or(eq(proxyGrants.granteeAccountId, accountId), and(isNull(proxyGrants.granteeAccountId), eq(proxyGrants.granteePhone, phone)))
}
