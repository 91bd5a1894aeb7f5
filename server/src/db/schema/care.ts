import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { accounts } from './accounts'
import { accessLog } from './activity'
import { residents } from './residents'

export const institutions = sqliteTable('institutions', {
  id: text().primaryKey(),
  name: text().notNull(),
  kind: text({ enum: ['township-health-centre', 'community-health-centre', 'hospital', 'exam-centre'] }).notNull(),
  region: text().notNull(),
  address: text().notNull(),
  phone: text().notNull(),
})

/**
 * An institution's machine API key (POST /api/import/exams): only its SHA-256 is kept, the key
 * is shown once when an admin creates it. A key acts for its one institution and nothing else.
 */
export const apiKeys = sqliteTable('api_keys', {
  id: text().primaryKey(),
  institutionId: text().notNull().references(() => institutions.id),
  keyHash: text().notNull().unique(),
  label: text().notNull(),
  createdAt: integer().notNull(),
  revokedAt: integer(),
})

export const careTeams = sqliteTable('care_teams', {
  id: text().primaryKey(),
  institutionId: text().notNull().references(() => institutions.id),
  name: text().notNull(),
}, t => [index('care_teams_institution_idx').on(t.institutionId)])

/** Doctors, nurses and institution staff. A doctor or nurse belongs to a family-doctor team. */
export const staff = sqliteTable('staff', {
  id: text().primaryKey(),
  accountId: text().references(() => accounts.id).unique(),
  name: text().notNull(),
  role: text({ enum: ['doctor', 'nurse', 'institution-staff'] }).notNull(),
  institutionId: text().notNull().references(() => institutions.id),
  teamId: text().references(() => careTeams.id),
  title: text(),
  replyTime: text(),
}, t => [index('staff_team_idx').on(t.teamId)])

/** 家庭医生签约: runs from startsOn to endsOn unless ended early (endedOn). */
export const contracts = sqliteTable('contracts', {
  id: text().primaryKey(),
  residentId: text().notNull().references(() => residents.id),
  doctorId: text().notNull().references(() => staff.id),
  teamId: text().notNull().references(() => careTeams.id),
  servicePackage: text().notNull(),
  signedOn: text().notNull(),
  startsOn: text().notNull(),
  endsOn: text().notNull(),
  endedOn: text(),
}, t => [
  index('contracts_resident_idx').on(t.residentId, t.endsOn, t.startsOn, t.endedOn),
  index('contracts_team_idx').on(t.teamId, t.endsOn),
])

export const grantScopes = ['view', 'book', 'consult'] as const

/**
 * 亲情账户 (issue 7): a resident lets the holder of a phone number act for her. The grant waits
 * (pending) until that person accepts in her own Kangban; either side ends it (revoked).
 */
export const proxyGrants = sqliteTable('proxy_grants', {
  id: text().primaryKey(),
  residentId: text().notNull().references(() => residents.id),
  granteePhone: text().notNull(),
  granteeAccountId: text().references(() => accounts.id),
  relationship: text(),
  // comma-separated subset of grantScopes, always including view
  scopes: text().notNull(),
  status: text({ enum: ['pending', 'accepted', 'declined', 'revoked'] }).notNull(),
  createdAt: integer().notNull(),
  acceptedAt: integer(),
  endsOn: text(),
  revokedAt: integer(),
  showSensitive: integer({ mode: 'boolean' }).notNull().default(false),
  // the day the grantor gave or last re-confirmed it (YYYY-MM-DD); older rows fall back to createdAt's day
  confirmedOn: text(),
  // the day the grantor was last asked to re-confirm (once per 18-month cycle)
  confirmAskedOn: text(),
  endedBy: text({ enum: ['grantor', 'grantee'] }),
}, t => [
  index('proxy_grants_grantee_idx').on(t.granteeAccountId),
  index('proxy_grants_resident_idx').on(t.residentId),
  index('proxy_grants_phone_idx').on(t.granteePhone),
])

/**
 * "这不是我认识的人": a resident reports an access-log entry; her family doctor's institution
 * (when she reported) sees it. One report per entry.
 */
export const accessReports = sqliteTable('access_reports', {
  id: text().primaryKey(),
  accessLogId: integer().notNull().references(() => accessLog.id).unique(),
  residentId: text().notNull().references(() => residents.id),
  institutionId: text().references(() => institutions.id),
  reportedByAccountId: text().notNull().references(() => accounts.id),
  reportedAt: integer().notNull(),
}, t => [index('access_reports_institution_idx').on(t.institutionId, t.reportedAt)])
