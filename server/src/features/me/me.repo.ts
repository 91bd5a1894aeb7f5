import { and, eq, isNull, ne } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { hasConsent } from '../../plugins/session'
import { accounts, careTeams, consents, institutions, proxyGrants, residents, staff } from '../../db/schema'

export function createMeRepo(db: Db) {
  return {
    findAccount(accountId: string) {
      return db.select({
        id: accounts.id,
        phone: accounts.phone,
        displayName: accounts.displayName,
        residentId: accounts.residentId,
        consented: hasConsent,
      }).from(accounts).where(eq(accounts.id, accountId)).get() ?? null
    },
    findResident(id: string) {
      return db.select({
        id: residents.id,
        name: residents.name,
        sex: residents.sex,
        birthDate: residents.birthDate,
        status: residents.status,
        householdId: residents.householdId,
        relationToHead: residents.relationToHead,
      }).from(residents).where(eq(residents.id, id)).get() ?? null
    },
    householdMembers(householdId: string, exceptId: string) {
      return db.select({
        id: residents.id,
        name: residents.name,
        sex: residents.sex,
        birthDate: residents.birthDate,
        status: residents.status,
        relationToHead: residents.relationToHead,
      }).from(residents).where(and(eq(residents.householdId, householdId), ne(residents.id, exceptId))).all()
    },
    grantsHeld(accountId: string) {
      return db.select({
        residentId: residents.id,
        name: residents.name,
        sex: residents.sex,
        birthDate: residents.birthDate,
        status: residents.status,
        scopes: proxyGrants.scopes,
        relationship: proxyGrants.relationship,
        grantStatus: proxyGrants.status,
        endsOn: proxyGrants.endsOn,
        confirmedOn: proxyGrants.confirmedOn,
        createdAt: proxyGrants.createdAt,
        showSensitive: proxyGrants.showSensitive,
      }).from(proxyGrants)
        .innerJoin(residents, eq(residents.id, proxyGrants.residentId))
        .where(eq(proxyGrants.granteeAccountId, accountId))
        .all()
    },
    findStaffProfile(accountId: string) {
      return db.select({
        id: staff.id,
        name: staff.name,
        role: staff.role,
        title: staff.title,
        institutionId: institutions.id,
        institutionName: institutions.name,
        teamId: careTeams.id,
        teamName: careTeams.name,
      }).from(staff)
        .innerJoin(institutions, eq(institutions.id, staff.institutionId))
        .leftJoin(careTeams, eq(careTeams.id, staff.teamId))
        .where(eq(staff.accountId, accountId))
        .get() ?? null
    },
    giveConsent(row: typeof consents.$inferInsert) {
      db.insert(consents).values(row).run()
    },
    withdrawConsents(accountId: string, at: number) {
      db.update(consents).set({ withdrawnAt: at }).where(and(eq(consents.accountId, accountId), isNull(consents.withdrawnAt))).run()
    },
  }
}
