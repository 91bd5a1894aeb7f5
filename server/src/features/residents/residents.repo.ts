import type { SQL } from 'drizzle-orm'
import { and, desc, eq, or, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Db } from '../../db/client'
import { allergies, careTeams, conditions, contracts, encounters, followups, immunizations, institutions, medications, staff } from '../../db/schema'
import { contractRunsOn } from '../../db/running-contract'

const on = sql.placeholder('on')

/** Rows strictly after the cursor (date, id) in newest-first order; the first page passes the largest key. */
function after(date: SQLiteColumn, id: SQLiteColumn): SQL {
  return or(sql`${date} < ${sql.placeholder('date')}`, and(sql`${date} = ${sql.placeholder('date')}`, sql`${id} < ${sql.placeholder('id')}`))!
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Hot reads of one record, as prepared statements (house-style.md: a query built per request costs 3.7× the CPU). */
export function createResidentsRepo(db: Db) {
  // no ORDER BY in the hot reads: SQLite's sorter costs more than the search itself, so the few
  // rows are sorted here
  const residentConditions = db.select({
    id: conditions.id,
    code: conditions.code,
    name: conditions.name,
    diagnosedOn: conditions.diagnosedOn,
    managed: conditions.managed,
    sensitive: conditions.sensitive,
    private: conditions.private,
  }).from(conditions).where(eq(conditions.residentId, sql.placeholder('residentId'))).prepare()
  const residentAllergies = db.select({ id: allergies.id, substance: allergies.substance, reaction: allergies.reaction, recordedOn: allergies.recordedOn })
    .from(allergies).where(eq(allergies.residentId, sql.placeholder('residentId'))).prepare()
  // only the contract's own columns: the doctor, team and institution are the county's
  // directory, read through the service's care-team cache
  const runningContract = db.select({
    doctorId: contracts.doctorId,
    teamId: contracts.teamId,
    servicePackage: contracts.servicePackage,
    signedOn: contracts.signedOn,
    startsOn: contracts.startsOn,
    endsOn: contracts.endsOn,
  }).from(contracts)
    .where(and(
      eq(contracts.residentId, sql.placeholder('residentId')),
      contractRunsOn(contracts, on),
    ))
    .prepare()
  type RunningContract = ReturnType<typeof runningContract.all>[number]
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
  const residentId = sql.placeholder('residentId')
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
    /** In the order they were diagnosed, undated last. */
    conditionsOf: (id: string) => residentConditions.all({ residentId: id })
      .sort((a, b) => compareText(a.diagnosedOn ?? '\uffff', b.diagnosedOn ?? '\uffff') || compareText(a.id, b.id)),
    allergiesOf: (id: string) => residentAllergies.all({ residentId: id }),
    /** The contract that runs on `today`; of overlapping ones (a renewal signed early), the latest to start. */
    runningContractOf: (id: string, today: string) => {
      let latest: RunningContract | null = null
      for (const row of runningContract.all({ residentId: id, on: today })) {
        if (latest === null || row.startsOn > latest.startsOn)
          latest = row
      }
      return latest
    },
    /** A team with its institution, and its members: doctors first, then nurses, each by name. */
    careTeam: (teamId: string) => {
      const row = careTeam.get({ teamId })
      return row && { ...row, members: teamMembers.all({ teamId }).sort((a, b) => compareText(a.role, b.role) || compareText(a.name, b.name)) }
    },
    doctor: (staffId: string) => doctor.get({ staffId }),
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
