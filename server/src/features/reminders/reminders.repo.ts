import type { SQL } from 'drizzle-orm'
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Db } from '../../db/client'
import { bookings, conditions, contracts, examSlots, exams, followups, immunizations, questionnaireResponses, residents, screenings } from '../../db/schema'
import { newId } from '../../ids'
import { contractRunsOn } from '../../db/running-contract'

const on = sql.placeholder('on')

/** How a batch names its residents: the SQL that keeps a resident-id column inside the batch. */
type BatchFilter = (column: SQLiteColumn | SQL) => SQL

/**
 * `column` is one of the batch's resident ids, passed as one JSON array parameter: the statement
 * is prepared once for any batch size (a list of `?` would be a new statement per size, and
 * SQLite caps the number of parameters), and SQLite still looks each id up in the index.
 */
const byIds: BatchFilter = column => sql`${column} in (select value from json_each(${sql.placeholder('ids')}))`

/**
 * `column` lies in an id range: the daily job's batches are runs of consecutive ids, and SQLite
 * reads a range of the resident-id index in one pass, twice as fast as seeking each id.
 */
const byRange: BatchFilter = column => sql`${column} between ${sql.placeholder('first')} and ${sql.placeholder('last')}`

/** The whole history the engine reads, or only what its free-exam rule reads. */
export type HistoryScope = 'all' | 'exam'

/** One prepared statement per table for batches chosen by `within`. */
function prepareHistory(db: Db, within: BatchFilter) {
  const facts = db.select({
    id: residents.id,
    birthDate: residents.birthDate,
    sex: residents.sex,
    hukouRegion: residents.hukouRegion,
    residenceRegion: residents.residenceRegion,
    residencePermitSince: residents.residencePermitSince,
    insurance: residents.insurance,
    insuranceRegion: residents.insuranceRegion,
    schoolStage: residents.schoolStage,
    publicEmployee: residents.publicEmployee,
    householdId: residents.householdId,
    relationToHead: residents.relationToHead,
  }).from(residents)
    // policy-rules.md: the server builds snapshots for active residents only
    .where(and(within(residents.id), eq(residents.status, 'active')))
    .prepare()

  // the other members of the households of the batch's children (only a child borrows a
  // parent's residence, seed 003 §一(二)) who may be a parent (shared/access isParentRelation)
  const householdParents = db.select({
    id: residents.id,
    householdId: residents.householdId,
    relationToHead: residents.relationToHead,
    hukouRegion: residents.hukouRegion,
    residencePermitSince: residents.residencePermitSince,
    insurance: residents.insurance,
    insuranceRegion: residents.insuranceRegion,
  }).from(residents)
    .where(and(
      sql`${residents.householdId} in (select r.household_id from residents r where ${within(sql`r.id`)} and r.household_id is not null and r.birth_date > ${sql.placeholder('childBornAfter')})`,
      inArray(residents.relationToHead, ['head', 'spouse', 'child']),
      eq(residents.status, 'active'),
    ))
    .orderBy(residents.id)
    .prepare()

  const signed = db.selectDistinct({ residentId: contracts.residentId }).from(contracts)
    .where(and(
      within(contracts.residentId),
      contractRunsOn(contracts, on),
    ))
    .prepare()

  const conditionRows = db.select({ residentId: conditions.residentId, code: conditions.code, managed: conditions.managed, sensitive: conditions.sensitive, private: conditions.private })
    .from(conditions).where(within(conditions.residentId)).prepare()

  const examRows = db.select({ residentId: exams.residentId, id: exams.id, date: exams.date, status: exams.status, worst: exams.worst, releasedOn: exams.releasedOn, criticalAcknowledgedOn: exams.criticalAcknowledgedOn })
    .from(exams).where(within(exams.residentId)).prepare()

  const fluShots = db.select({ residentId: immunizations.residentId, date: immunizations.date, selfReported: immunizations.selfReported })
    .from(immunizations).where(and(within(immunizations.residentId), eq(immunizations.vaccine, 'influenza'))).prepare()

  const screeningRows = db.select({ residentId: screenings.residentId, kind: screenings.kind, date: screenings.date, result: screenings.result })
    .from(screenings).where(within(screenings.residentId)).prepare()

  const followupRows = db.select({ residentId: followups.residentId, date: followups.date, mode: followups.mode })
    .from(followups).where(within(followups.residentId)).prepare()

  const questionnaireRows = db.select({
    residentId: questionnaireResponses.residentId,
    questionnaire: questionnaireResponses.questionnaire,
    takenOn: questionnaireResponses.takenOn,
    result: questionnaireResponses.result,
    fobt: sql<'positive' | 'negative' | null>`json_extract(${questionnaireResponses.answers}, '$.fobt')`,
  }).from(questionnaireResponses).where(within(questionnaireResponses.residentId)).prepare()

  // a booking with its slot's date: a booked exam is reminded the day before, and a check-in is an exam done
  const bookingRows = db.select({ residentId: bookings.residentId, id: bookings.id, status: bookings.status, createdAt: bookings.createdAt, slotDate: examSlots.date })
    .from(bookings).innerJoin(examSlots, eq(examSlots.id, bookings.slotId)).where(within(bookings.residentId)).prepare()

  /**
   * Every statement's rows for the batch that `batch` names; for `exam`, only what the free
   * exam's rule reads (RuleSet.examRule): the facts, parents, conditions, exams and bookings.
   */
  return (batch: { ids: string } | { first: string, last: string }, today: string, scope: HistoryScope = 'all') => {
    // 0-14岁(含14周岁): born after this day fifteen years before
    const childBornAfter = `${String(Number(today.slice(0, 4)) - 15)}${today.slice(4)}`
    const all = scope === 'all'
    return {
      facts: facts.all(batch),
      householdParents: householdParents.all({ ...batch, childBornAfter }),
      signed: all ? signed.all({ ...batch, on: today }) : [],
      conditions: conditionRows.all(batch),
      exams: examRows.all(batch),
      fluShots: all ? fluShots.all(batch) : [],
      screenings: all ? screeningRows.all(batch) : [],
      followups: all ? followupRows.all(batch) : [],
      questionnaires: all ? questionnaireRows.all(batch) : [],
      bookings: bookingRows.all(batch),
    }
  }
}

/**
 * The history the reminder engine reads, for a whole batch of residents: one prepared statement
 * per table, whatever the batch size and however long the history (issue 4: no query per event).
 */
export function createRemindersRepo(db: Db) {
  const historyOfIds = prepareHistory(db, byIds)
  const historyOfRange = prepareHistory(db, byRange)

  const findFluShot = db.select({ id: immunizations.id }).from(immunizations)
    .where(and(eq(immunizations.residentId, sql.placeholder('residentId')), eq(immunizations.vaccine, 'influenza'), eq(immunizations.date, sql.placeholder('date'))))
    .limit(1)
    .prepare()
  const insertSelfReported = db.insert(immunizations).values({
    id: sql.placeholder('id'),
    residentId: sql.placeholder('residentId'),
    vaccine: 'influenza',
    date: sql.placeholder('date'),
    selfReported: true,
  }).prepare()

  return {
    /** An influenza shot of the resident on that day, however recorded; null when none. */
    findFluShot: (residentId: string, date: string) => findFluShot.get({ residentId, date }) ?? null,
    /** Records a flu shot the resident told us about; returns its id. */
    createSelfReportedFluShot(residentId: string, date: string): string {
      const id = newId()
      insertSelfReported.run({ id, residentId, date })
      return id
    },

    /** The history of the residents `residentIds`. */
    history: (residentIds: readonly string[], today: string, scope: HistoryScope = 'all') => historyOfIds({ ids: JSON.stringify(residentIds) }, today, scope),
    /** The history of every resident whose id lies from `first` to `last`, both included. */
    historyOfRange: (first: string, last: string, today: string) => historyOfRange({ first, last }, today),
  }
}

export type RemindersRepo = ReturnType<typeof createRemindersRepo>
export type ResidentHistory = ReturnType<RemindersRepo['history']>
