import { and, eq, isNull, ne, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { hasConsent } from '../../plugins/session'
import { accounts, careTeams, consents, institutions, proxyGrants, residents, staff } from '../../db/schema'

const p = (name: string) => sql.placeholder(name)

/** The account's own facts, read by /api/me on every start of the app: prepared statements (house-style.md). */
export function createMeRepo(db: Db) {
  const account = db.select({
    id: accounts.id,
    phone: accounts.phone,
    displayName: accounts.displayName,
    residentId: accounts.residentId,
    consented: hasConsent,
  }).from(accounts).where(eq(accounts.id, p('accountId'))).prepare()
  const resident = db.select({
    id: residents.id,
    name: residents.name,
    sex: residents.sex,
    birthDate: residents.birthDate,
    status: residents.status,
    householdId: residents.householdId,
    relationToHead: residents.relationToHead,
  }).from(residents).where(eq(residents.id, p('id'))).prepare()
  const household = db.select({
    id: residents.id,
    name: residents.name,
    sex: residents.sex,
    birthDate: residents.birthDate,
    status: residents.status,
    relationToHead: residents.relationToHead,
  }).from(residents).where(and(eq(residents.householdId, p('householdId')), ne(residents.id, p('exceptId')))).prepare()
  const grants = db.select({
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
    .where(eq(proxyGrants.granteeAccountId, p('accountId')))
    .prepare()
  const staffProfile = db.select({
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
    .where(eq(staff.accountId, p('accountId')))
    .prepare()

  return {
    findAccount: (accountId: string) => account.get({ accountId }) ?? null,
    findResident: (id: string) => resident.get({ id }) ?? null,
    householdMembers: (householdId: string, exceptId: string) => household.all({ householdId, exceptId }),
    grantsHeld: (accountId: string) => grants.all({ accountId }),
    findStaffProfile: (accountId: string) => staffProfile.get({ accountId }) ?? null,
    giveConsent(row: typeof consents.$inferInsert) {
      db.insert(consents).values(row).run()
    },
    withdrawConsents(accountId: string, at: number) {
      db.update(consents).set({ withdrawnAt: at }).where(and(eq(consents.accountId, accountId), isNull(consents.withdrawnAt))).run()
    },
  }
}
