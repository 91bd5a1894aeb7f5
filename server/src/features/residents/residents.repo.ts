import type { SQL } from 'drizzle-orm'
import { and, desc, eq, or, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Db } from '../../db/client'
import { allergies, careTeams, conditions, contracts, encounters, followups, immunizations, institutions, medications, staff } from '../../db/schema'
import { contractRunsOn } from '../../db/running-contract'

const on = sql.placeholder('on')
const residentId = sql.placeholder('residentId')

type FirstScreenPart = 'condition' | 'allergy' | 'contract'
type Condition = Pick<typeof conditions.$inferSelect, 'id' | 'code' | 'name' | 'diagnosedOn' | 'managed' | 'sensitive' | 'private'>
type Allergy = Pick<typeof allergies.$inferSelect, 'id' | 'substance' | 'reaction' | 'recordedOn'>
type RunningContract = Pick<typeof contracts.$inferSelect, 'doctorId' | 'teamId' | 'servicePackage' | 'signedOn' | 'startsOn' | 'endsOn'>

/** Columns as they read in a union whose other parts have none of them: each may be null. */
function nullable<T extends Record<string, SQLiteColumn>>(columns: T, present: boolean) {
  return Object.fromEntries(Object.entries(columns).map(([key, column]) => [key, present ? sql`${column}` : sql`null`])) as { [K in keyof T]: SQL<T[K]['_']['data'] | null> }
}

/** Rows strictly after the cursor (date, id) in newest-first order; the first page passes the largest key. */
function after(date: SQLiteColumn, id: SQLiteColumn): SQL {
  return or(sql`${date} < ${sql.placeholder('date')}`, and(sql`${date} = ${sql.placeholder('date')}`, sql`${id} < ${sql.placeholder('id')}`))!
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Hot reads of one record, as prepared statements (house-style.md: a query built per request costs 3.7× the CPU). */
export function createResidentsRepo(db: Db) {
  // The first screen (conditions, allergies, the running contract) is one statement. One
  // statement reads one state of the database without a transaction; three needed one, and its
  // BEGIN and COMMIT with their file locks were a tenth of the request. Each part's rows carry
  // every part's columns, null where they are another part's; `part` says whose a row is.
  // No ORDER BY: SQLite's sorter costs more than the search itself, so the few rows are sorted here.
  const conditionColumns = { code: conditions.code, name: conditions.name, diagnosedOn: conditions.diagnosedOn, managed: conditions.managed, sensitive: conditions.sensitive, private: conditions.private }
  const allergyColumns = { substance: allergies.substance, reaction: allergies.reaction, recordedOn: allergies.recordedOn }
  // only the contract's own columns: the doctor, team and institution are the county's
  // directory, read through the service's care-team cache
  const contractColumns = { doctorId: contracts.doctorId, teamId: contracts.teamId, servicePackage: contracts.servicePackage, signedOn: contracts.signedOn, startsOn: contracts.startsOn, endsOn: contracts.endsOn }
  const partOf = (part: FirstScreenPart, id: SQLiteColumn | null) => ({
    part: sql<FirstScreenPart>`${sql.raw(`'${part}'`)}`,
    id: id === null ? sql<string | null>`null` : sql<string | null>`${id}`,
    ...nullable(conditionColumns, part === 'condition'),
    ...nullable(allergyColumns, part === 'allergy'),
    ...nullable(contractColumns, part === 'contract'),
  })
  const firstScreen = db.select(partOf('condition', conditions.id)).from(conditions).where(eq(conditions.residentId, residentId))
    .unionAll(db.select(partOf('allergy', allergies.id)).from(allergies).where(eq(allergies.residentId, residentId)))
    .unionAll(db.select(partOf('contract', null)).from(contracts).where(and(eq(contracts.residentId, residentId), contractRunsOn(contracts, on))))
    .prepare()
  const careTeam = db.select({
    team: { id: careTeams.id, name: careTeams.name },
    institution: { id: institutions.id, name: institutions.name, phone: institutions.phone },
  }).from(careTeams)
    .innerJoin(institutions, eq(institutions.id, careTeams.institutionId))
    .where(eq(careTeams.id, sql.placeholder('teamId')))
    .prepare()
  const doctor = db.select({ id: staff.id, name: staff.name, title: staff.title, replyTime: staff.replyTime }).from(staff)
    .where(eq(staff.id, sql.placeholder('staffId'))).prepare()
  const teamMembers = db.select({ name: staff.name, role: staff.role, title: staff.title }).from(staff)
    .where(eq(staff.teamId, sql.placeholder('teamId'))).prepare()

  const limit = sql.placeholder('limit')
  const encounterPage = db.select({
    id: encounters.id,
    date: encounters.date,
    kind: encounters.kind,
    institution: institutions.name,
    department: encounters.department,
    diagnosis: encounters.diagnosis,
    sensitive: encounters.sensitive,
  }).from(encounters)
    .innerJoin(institutions, eq(institutions.id, encounters.institutionId))
    .where(and(eq(encounters.residentId, residentId), after(encounters.date, encounters.id)))
    .orderBy(desc(encounters.date), desc(encounters.id)).limit(limit).prepare()
  const followupPage = db.select({
    id: followups.id,
    date: followups.date,
    programme: followups.programme,
    mode: followups.mode,
    sbp: followups.sbp,
    dbp: followups.dbp,
    fastingGlucose: followups.fastingGlucose,
    classification: followups.classification,
    nextDate: followups.nextDate,
    staffName: staff.name,
  }).from(followups)
    .leftJoin(staff, eq(staff.id, followups.staffId))
    .where(and(eq(followups.residentId, residentId), after(followups.date, followups.id)))
    .orderBy(desc(followups.date), desc(followups.id)).limit(limit).prepare()
  const immunizationPage = db.select({
    id: immunizations.id,
    date: immunizations.date,
    vaccine: immunizations.vaccine,
    institution: institutions.name,
    selfReported: immunizations.selfReported,
  }).from(immunizations)
    .leftJoin(institutions, eq(institutions.id, immunizations.institutionId))
    .where(and(eq(immunizations.residentId, residentId), after(immunizations.date, immunizations.id)))
    .orderBy(desc(immunizations.date), desc(immunizations.id)).limit(limit).prepare()
  const medicationPage = db.select({
    id: medications.id,
    // the keyset cursor of every section is (date, id)
    date: medications.startedOn,
    name: medications.name,
    dose: medications.dose,
    frequency: medications.frequency,
    startedOn: medications.startedOn,
    stoppedOn: medications.stoppedOn,
  }).from(medications)
    .where(and(eq(medications.residentId, residentId), after(medications.startedOn, medications.id)))
    .orderBy(desc(medications.startedOn), desc(medications.id)).limit(limit).prepare()

  return {
    /**
     * A record's conditions in the order they were diagnosed (undated last), its allergies, and
     * the contract that runs on `today` (of overlapping ones, a renewal signed early, the latest to start).
     */
    firstScreenOf: (id: string, today: string) => {
      const found = { conditions: [] as Condition[], allergies: [] as Allergy[], contract: null as RunningContract | null }
      for (const row of firstScreen.all({ residentId: id, on: today })) {
        if (row.part === 'condition')
          found.conditions.push({ id: row.id!, code: row.code!, name: row.name!, diagnosedOn: row.diagnosedOn, managed: Boolean(row.managed), sensitive: Boolean(row.sensitive), private: Boolean(row.private) })
        else if (row.part === 'allergy')
          found.allergies.push({ id: row.id!, substance: row.substance!, reaction: row.reaction, recordedOn: row.recordedOn })
        else if (found.contract === null || row.startsOn! > found.contract.startsOn)
          found.contract = { doctorId: row.doctorId!, teamId: row.teamId!, servicePackage: row.servicePackage!, signedOn: row.signedOn!, startsOn: row.startsOn!, endsOn: row.endsOn! }
      }
      found.conditions.sort((a, b) => compareText(a.diagnosedOn ?? '\uffff', b.diagnosedOn ?? '\uffff') || compareText(a.id, b.id))
      return found
    },
    /** A team with its institution, and its members: doctors first, then nurses, each by name. */
    findCareTeam: (teamId: string) => {
      const row = careTeam.get({ teamId })
      return row && { ...row, members: teamMembers.all({ teamId }).sort((a, b) => compareText(a.role, b.role) || compareText(a.name, b.name)) }
    },
    findDoctor: (staffId: string) => doctor.get({ staffId }),
    sections: {
      encounters: encounterPage,
      followups: followupPage,
      immunizations: immunizationPage,
      medications: medicationPage,
    },
  }
}

export type ResidentsRepo = ReturnType<typeof createResidentsRepo>
export type RecordSection = keyof ResidentsRepo['sections']
export type SectionRows = { [S in RecordSection]: ReturnType<ResidentsRepo['sections'][S]['all']> }
