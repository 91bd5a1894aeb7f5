import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Db } from '../../db/client'
import { equalsConstant } from '../../db/constant'
import { accessLog, contracts, examCorrections, examItems, exams, institutions, residents, staff } from '../../db/schema'
import { contractRunsOn } from '../../db/running-contract'

const residentId = sql.placeholder('residentId')
const examId = sql.placeholder('examId')
const on = sql.placeholder('on')

/** What every exam response starts with; `abnormalItems` is counted for released exams only. */
/** An exam item's value as it was measured and flagged: what every reader of results selects. */
export const examItemValueColumns = {
  value: examItems.value,
  valueText: examItems.valueText,
  unit: examItems.unit,
  refLow: examItems.refLow,
  refHigh: examItems.refHigh,
  flag: examItems.flag,
}

const summaryColumns = {
  id: exams.id,
  date: exams.date,
  status: exams.status,
  institutionId: institutions.id,
  institutionName: institutions.name,
  releasedOn: exams.releasedOn,
  releasedBy: staff.name,
  releaseComment: exams.releaseComment,
  worst: exams.worst,
  version: exams.version,
  retractedOn: exams.retractedOn,
  retractionReason: exams.retractionReason,
  abnormalItems: sql<number | null>`case when ${exams.status} = 'released' then (select count(*) from exam_items i where i.exam_id = ${exams.id} and i.flag <> 'normal') end`,
}

/** Exams, their items, and the doctors' review queues, as prepared statements (house-style.md). */
export function createExamsRepo(db: Db) {
  const page = db.select(summaryColumns).from(exams)
    .innerJoin(institutions, eq(institutions.id, exams.institutionId))
    .leftJoin(staff, eq(staff.id, exams.releasedBy))
    .where(and(
      eq(exams.residentId, residentId),
      or(sql`${exams.date} < ${sql.placeholder('date')}`, and(sql`${exams.date} = ${sql.placeholder('date')}`, sql`${exams.id} < ${sql.placeholder('id')}`)),
    ))
    .orderBy(desc(exams.date), desc(exams.id))
    .limit(sql.placeholder('limit'))
    .prepare()

  const summary = db.select(summaryColumns).from(exams)
    .innerJoin(institutions, eq(institutions.id, exams.institutionId))
    .leftJoin(staff, eq(staff.id, exams.releasedBy))
    .where(eq(exams.id, examId))
    .prepare()

  // one row per item of the exam and of the resident's released exam before it (the header
  // repeated on each), or one row with null items for an exam under review: its values stay in
  // the database
  const previous = alias(exams, 'previous')
  const detail = db.select({
    ...summaryColumns,
    previousId: previous.id,
    previousDate: previous.date,
    itemExamId: examItems.examId,
    code: examItems.code,
    ...examItemValueColumns,
  }).from(exams)
    .innerJoin(institutions, eq(institutions.id, exams.institutionId))
    .leftJoin(staff, eq(staff.id, exams.releasedBy))
    .leftJoin(previous, eq(previous.id, sql`(select p.id from exams p where p.resident_id = ${exams.residentId} and p.status = 'released' and (p.date < ${exams.date} or (p.date = ${exams.date} and p.id < ${exams.id})) order by p.date desc, p.id desc limit 1)`))
    .leftJoin(examItems, and(equalsConstant(exams.status, 'released'), sql`${examItems.examId} in (${exams.id}, ${previous.id})`))
    .where(and(eq(exams.id, examId), eq(exams.residentId, residentId)))
    .prepare()

  const observations = db.select({
    examId: exams.id,
    date: exams.date,
    ...examItemValueColumns,
    institution: institutions.name,
  }).from(exams)
    .innerJoin(examItems, and(eq(examItems.examId, exams.id), eq(examItems.code, sql.placeholder('code'))))
    .innerJoin(institutions, eq(institutions.id, exams.institutionId))
    .where(and(eq(exams.residentId, residentId), equalsConstant(exams.status, 'released')))
    .orderBy(asc(exams.date), asc(exams.id))
    .prepare()

  const corrections = db.select({ version: examCorrections.version, correctedAt: examCorrections.correctedAt, changes: examCorrections.changes })
    .from(examCorrections).where(eq(examCorrections.examId, examId)).orderBy(asc(examCorrections.version)).prepare()

  const findForReview = db.select({ id: exams.id, residentId: exams.residentId, institutionId: exams.institutionId, date: exams.date, status: exams.status, worst: exams.worst, criticalAcknowledgedOn: exams.criticalAcknowledgedOn })
    .from(exams).where(eq(exams.id, examId)).prepare()
  const release = db.update(exams)
    .set({ status: 'released', releasedOn: sql`${sql.placeholder('releasedOn')}`, releasedBy: sql`${sql.placeholder('releasedBy')}`, releaseComment: sql`${sql.placeholder('comment')}` })
    .where(and(eq(exams.id, examId), equalsConstant(exams.status, 'pending-review')))
    .prepare()
  // the first acknowledgement stands
  const acknowledge = db.update(exams)
    .set({ criticalAcknowledgedOn: sql`${sql.placeholder('acknowledgedOn')}`, criticalAcknowledgedBy: sql`${sql.placeholder('acknowledgedBy')}` })
    .where(and(eq(exams.id, examId), eq(exams.worst, 'critical'), isNull(exams.criticalAcknowledgedOn)))
    .prepare()
  const acknowledger = alias(staff, 'acknowledger')
  const acknowledgement = db.select({ ...summaryColumns, criticalAcknowledgedOn: exams.criticalAcknowledgedOn, criticalAcknowledgedBy: acknowledger.name })
    .from(exams)
    .innerJoin(institutions, eq(institutions.id, exams.institutionId))
    .leftJoin(staff, eq(staff.id, exams.releasedBy))
    .leftJoin(acknowledger, eq(acknowledger.id, exams.criticalAcknowledgedBy))
    .where(eq(exams.id, examId))
    .prepare()

  // The review queue of one doctor (product.md capability 3, issue 5): the pending exams of the
  // residents whose running contract is with him, and those his institution did for residents
  // with no running contract at all, so that no exam waits for ever. Two branches joined, each
  // on its own index: a doctor's signed residents (contracts_team_idx), and his institution's
  // pending exams (the partial exams_pending_idx).
  const running = contractRunsOn(alias(contracts, 'c'), on)
  const queueColumns = (reviewAs: 'family-doctor' | 'institution') => ({
    examId: exams.id,
    date: exams.date,
    institutionId: institutions.id,
    institutionName: institutions.name,
    residentId: residents.id,
    name: residents.name,
    sex: residents.sex,
    birthDate: residents.birthDate,
    reviewAs: sql<'family-doctor' | 'institution'>`${reviewAs}`.as('review_as'),
    worst: exams.worst,
    criticalAcknowledgedOn: exams.criticalAcknowledgedOn,
    flagged: sql<string>`(select json_group_array(json_object('code', i.code, 'value', i.value, 'valueText', i.value_text, 'unit', i.unit, 'flag', i.flag)) from exam_items i where i.exam_id = ${exams.id} and i.flag <> 'normal')`.as('flagged'),
  })
  const signedResidents = sql`select c.resident_id from contracts c where c.team_id = ${sql.placeholder('teamId')} and c.doctor_id = ${sql.placeholder('doctorId')} and ${running}`
  // a literal, not a bound value: only then may SQLite use the partial index
  const pending = sql`${exams.status} = 'pending-review'`
  const anyRunning = sql`select 1 from contracts c where c.resident_id = ${exams.residentId} and ${running}`
  const asFamilyDoctor = db.select(queueColumns('family-doctor')).from(exams)
    .innerJoin(residents, eq(residents.id, exams.residentId))
    .innerJoin(institutions, eq(institutions.id, exams.institutionId))
    .where(and(sql`${exams.residentId} in (${signedResidents})`, pending))
  const asInstitution = db.select(queueColumns('institution')).from(exams)
    .innerJoin(residents, eq(residents.id, exams.residentId))
    .innerJoin(institutions, eq(institutions.id, exams.institutionId))
    .where(and(eq(exams.institutionId, sql.placeholder('institutionId')), pending, sql`not exists (${anyRunning})`))
  const queue = asFamilyDoctor.unionAll(asInstitution)
    .orderBy(sql`2`, sql`1`)
    .limit(sql.placeholder('limit'))
    .prepare()

  const insertLog = db.insert(accessLog).values({
    residentId,
    actorAccountId: sql.placeholder('actorAccountId'),
    actorName: sql.placeholder('actorName'),
    actorRole: 'doctor',
    onBehalfOf: residentId,
    action: 'read',
    what: 'exams',
    at: sql.placeholder('at'),
  }).prepare()

  return {
    /** Newest first, strictly after the cursor (date, id). */
    page: (resident: string, limit: number, after: readonly [string, number] | null) =>
      page.all({ residentId: resident, limit, date: after?.[0] ?? '9999-12-31', id: after?.[1] ?? Number.MAX_SAFE_INTEGER }),
    summary: (id: number) => summary.get({ examId: id }) ?? null,
    /** The rows of one exam of this resident (none: no such exam of hers). */
    detail: (resident: string, id: number) => detail.all({ residentId: resident, examId: id }),
    /** What the institution's corrections changed, oldest first. */
    corrections: (id: number) => corrections.all({ examId: id }),
    observations: (resident: string, code: string) => observations.all({ residentId: resident, code }),
    /** What the release and the acknowledgement decide on, before anything is read for the actor. */
    findForReview: (id: number) => findForReview.get({ examId: id }) ?? null,
    /** false when the exam was no longer pending (released meanwhile). */
    release: (id: number, releasedOn: string, releasedBy: string, comment: string | null) =>
      release.run({ examId: id, releasedOn, releasedBy, comment }).changes === 1,
    /** false when nothing changed: acknowledged already, or no critical exam of that id. */
    acknowledge: (id: number, acknowledgedOn: string, acknowledgedBy: string) =>
      acknowledge.run({ examId: id, acknowledgedOn, acknowledgedBy }).changes === 1,
    /** The exam's summary with who acknowledged its critical value and when. */
    acknowledgement: (id: number) => acknowledgement.get({ examId: id }) ?? null,
    queue: (doctor: { id: string, teamId: string | null, institutionId: string }, today: string, limit: number) =>
      queue.all({ doctorId: doctor.id, teamId: doctor.teamId, institutionId: doctor.institutionId, on: today, limit }),
    logRead: (resident: string, actor: { accountId: string, name: string }, at: number) =>
      insertLog.run({ residentId: resident, actorAccountId: actor.accountId, actorName: actor.name, at }),
  }
}

export type ExamsRepo = ReturnType<typeof createExamsRepo>
export type ExamDetailRow = ReturnType<ExamsRepo['detail']>[number]
