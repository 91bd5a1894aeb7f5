import { and, asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { equalsConstant } from '../../db/constant'
import { examItemValueColumns } from '../exams/exams.repo'
import { allergies, conditions, encounters, examItems, exams, followups, immunizations, institutions, medications, questionnaireResponses } from '../../db/schema'

const residentId = sql.placeholder('residentId')

/**
 * The whole record of one resident, one prepared statement per table: a fixed number of queries
 * however long the record is. Released exams only: the values of an exam under review stay in
 * the database (seed 001).
 */
export function createExportRepo(db: Db) {
  const conditionRows = db.select({ id: conditions.id, code: conditions.code, name: conditions.name, diagnosedOn: conditions.diagnosedOn })
    .from(conditions).where(eq(conditions.residentId, residentId)).orderBy(asc(conditions.id)).prepare()
  const allergyRows = db.select({ id: allergies.id, substance: allergies.substance, reaction: allergies.reaction, recordedOn: allergies.recordedOn })
    .from(allergies).where(eq(allergies.residentId, residentId)).orderBy(asc(allergies.id)).prepare()
  const encounterRows = db.select({ id: encounters.id, date: encounters.date, kind: encounters.kind, institutionId: encounters.institutionId, department: encounters.department, diagnosis: encounters.diagnosis })
    .from(encounters).where(eq(encounters.residentId, residentId)).orderBy(asc(encounters.date), asc(encounters.id)).prepare()
  const immunizationRows = db.select({ id: immunizations.id, date: immunizations.date, vaccine: immunizations.vaccine, institutionId: immunizations.institutionId, selfReported: immunizations.selfReported })
    .from(immunizations).where(eq(immunizations.residentId, residentId)).orderBy(asc(immunizations.date), asc(immunizations.id)).prepare()
  const medicationRows = db.select({ id: medications.id, name: medications.name, dose: medications.dose, frequency: medications.frequency, startedOn: medications.startedOn, stoppedOn: medications.stoppedOn })
    .from(medications).where(eq(medications.residentId, residentId)).orderBy(asc(medications.startedOn), asc(medications.id)).prepare()
  const followupRows = db.select({ id: followups.id, date: followups.date, programme: followups.programme, sbp: followups.sbp, dbp: followups.dbp, fastingGlucose: followups.fastingGlucose })
    .from(followups).where(eq(followups.residentId, residentId)).orderBy(asc(followups.date), asc(followups.id)).prepare()
  const questionnaireRows = db.select({ id: questionnaireResponses.id, questionnaire: questionnaireResponses.questionnaire, takenOn: questionnaireResponses.takenOn, score: questionnaireResponses.score, result: questionnaireResponses.result })
    .from(questionnaireResponses).where(eq(questionnaireResponses.residentId, residentId)).orderBy(asc(questionnaireResponses.takenAt), asc(questionnaireResponses.id)).prepare()
  // one row per item of each released exam, the exam's columns repeated
  const examRows = db.select({
    id: exams.id,
    externalId: exams.externalId,
    institutionId: exams.institutionId,
    date: exams.date,
    status: exams.status,
    releasedOn: exams.releasedOn,
    releaseComment: exams.releaseComment,
    code: examItems.code,
    ...examItemValueColumns,
  }).from(exams)
    .leftJoin(examItems, eq(examItems.examId, exams.id))
    .where(and(eq(exams.residentId, residentId), equalsConstant(exams.status, 'released')))
    .orderBy(asc(exams.date), asc(exams.id), asc(examItems.code))
    .prepare()
  // the institutions the record points at, for its Organization resources
  const institutionRows = db.select({ id: institutions.id, name: institutions.name, phone: institutions.phone, address: institutions.address })
    .from(institutions)
    .where(sql`${institutions.id} in (
      select institution_id from encounters where resident_id = ${residentId}
      union select institution_id from immunizations where resident_id = ${residentId} and institution_id is not null
      union select institution_id from exams where resident_id = ${residentId} and status = 'released')`)
    .prepare()

  return {
    conditions: (id: string) => conditionRows.all({ residentId: id }),
    allergies: (id: string) => allergyRows.all({ residentId: id }),
    encounters: (id: string) => encounterRows.all({ residentId: id }),
    immunizations: (id: string) => immunizationRows.all({ residentId: id }),
    medications: (id: string) => medicationRows.all({ residentId: id }),
    followups: (id: string) => followupRows.all({ residentId: id }),
    questionnaires: (id: string) => questionnaireRows.all({ residentId: id }),
    examRows: (id: string) => examRows.all({ residentId: id }),
    institutions: (id: string) => institutionRows.all({ residentId: id }),
  }
}

export type ExportRepo = ReturnType<typeof createExportRepo>
