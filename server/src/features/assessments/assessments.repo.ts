import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Db } from '../../db/client'
import { equalsConstant } from '../../db/constant'
import { contractRunsOn } from '../../db/running-contract'
import { annualAssessments, conditions, contracts, examItems, exams, homeMeasurements, medications, residentReminders, residents, staff } from '../../db/schema'
import { examItemValueColumns } from '../exams/exams.repo'
import { ELIGIBLE_CONDITIONS } from './assessments.build'

const p = (name: string) => sql.placeholder(name)
/** A batch of ids as one bound JSON array: one statement serves any batch size. */
const inIds = (column: Parameters<typeof eq>[0], name = 'ids') => sql`${column} in (select value from json_each(${p(name)}))`

export type AssessmentRow = typeof annualAssessments.$inferSelect

/** The annual reports' reads and writes, as prepared statements (house-style.md). */
export function createAssessmentsRepo(db: Db) {
  const k = alias(contracts, 'k')
  const c = alias(conditions, 'c')
  const e = alias(exams, 'e')
  const a = alias(annualAssessments, 'a')
  const eligibleWhere = (released: boolean) => and(
    sql`${residents.id} > ${p('after')}`,
    eq(residents.status, 'active'),
    or(
      sql`exists (select 1 from conditions c where ${c.residentId} = ${residents.id} and ${inArray(c.code, [...ELIGIBLE_CONDITIONS])})`,
      and(lte(residents.birthDate, p('bornBy')), sql`exists (select 1 from contracts k where ${k.residentId} = ${residents.id} and ${contractRunsOn(k, p('on'))})`),
    ),
    released
      ? sql`exists (select 1 from exams e where ${e.residentId} = ${residents.id} and ${e.date} between ${p('yearStart')} and ${p('yearEnd')} and ${e.status} = 'released')`
      : undefined,
    sql`not exists (select 1 from annual_assessments a where ${a.residentId} = ${residents.id} and ${a.year} = ${p('year')})`,
  )
  const eligibleWithout = (released: boolean) => db.select({ id: residents.id }).from(residents)
    .where(eligibleWhere(released)).orderBy(asc(residents.id)).limit(p('limit')).prepare()
  const withoutReport = eligibleWithout(false)
  const releasedWithoutReport = eligibleWithout(true)

  const draftsAfter = db.select({ residentId: annualAssessments.residentId }).from(annualAssessments)
    .where(and(sql`${annualAssessments.residentId} > ${p('after')}`, eq(annualAssessments.year, p('year')), eq(annualAssessments.status, 'draft')))
    .orderBy(asc(annualAssessments.residentId)).limit(p('limit')).prepare()

  const residentFacts = db.select({
    id: residents.id,
    name: residents.name,
    sex: residents.sex,
    birthDate: residents.birthDate,
    smoker: residents.smoker,
    familyHistoryCvd: residents.familyHistoryCvd,
    residenceRegion: residents.residenceRegion,
    township: residents.township,
    status: residents.status,
  }).from(residents).where(inIds(residents.id)).prepare()
  const conditionsOf = db.select({ residentId: conditions.residentId, code: conditions.code }).from(conditions).where(inIds(conditions.residentId)).prepare()
  const doctorsOf = db.select({ residentId: contracts.residentId, doctorId: contracts.doctorId }).from(contracts)
    .where(and(inIds(contracts.residentId), contractRunsOn(contracts, p('on')))).prepare()
  const medicationsOf = db.select({ residentId: medications.residentId, name: medications.name }).from(medications)
    .where(and(inIds(medications.residentId), lte(medications.startedOn, p('on')), or(isNull(medications.stoppedOn), sql`${medications.stoppedOn} > ${p('on')}`))).prepare()
  const examsOf = db.select({ id: exams.id, residentId: exams.residentId, date: exams.date }).from(exams)
    .where(and(inIds(exams.residentId), gte(exams.date, p('from')), lte(exams.date, p('to')), equalsConstant(exams.status, 'released')))
    .orderBy(asc(exams.residentId), desc(exams.date)).prepare()
  const itemsOf = db.select({ examId: examItems.examId, code: examItems.code, ...examItemValueColumns }).from(examItems)
    // the report's measures and the abnormal items: not the twenty normal items it never shows
    .where(and(inIds(examItems.examId), or(sql`${examItems.code} in (select value from json_each(${p('codes')}))`, sql`${examItems.flag} <> 'normal'`)))
    .prepare()
  // given [examId, code] pairs: whether last year's abnormal items are back to normal this year
  const flagsOf = db.select({ examId: examItems.examId, code: examItems.code, flag: examItems.flag })
    .from(sql`json_each(${p('pairs')}) as j`)
    .innerJoin(examItems, sql`${examItems.examId} = j.value ->> 0 and ${examItems.code} = j.value ->> 1`)
    .prepare()
  const homeOf = db.select({
    residentId: homeMeasurements.residentId,
    kind: homeMeasurements.kind,
    sbp: homeMeasurements.sbp,
    dbp: homeMeasurements.dbp,
    glucose: homeMeasurements.glucose,
    timing: homeMeasurements.timing,
    weightKg: homeMeasurements.weightKg,
    waistCm: homeMeasurements.waistCm,
  }).from(homeMeasurements)
    .where(and(inIds(homeMeasurements.residentId), gte(homeMeasurements.takenOn, p('from')), lte(homeMeasurements.takenOn, p('to'))))
    .orderBy(asc(homeMeasurements.takenAt)).prepare()
  // what the day's reminder job (or her own change) stored for `on`: the report reads it rather than run the engine again
  const remindersOf = db.select({ residentId: residentReminders.residentId, kind: residentReminders.kind, status: residentReminders.status, dueFrom: residentReminders.dueFrom, free: residentReminders.free })
    .from(residentReminders).where(and(inIds(residentReminders.residentId), eq(residentReminders.computedOn, p('on')))).prepare()
  const existingOf = db.select({ residentId: annualAssessments.residentId, id: annualAssessments.id, version: annualAssessments.version, status: annualAssessments.status, contentHash: annualAssessments.contentHash, doctorId: annualAssessments.doctorId })
    .from(annualAssessments).where(and(inIds(annualAssessments.residentId), eq(annualAssessments.year, p('year')))).prepare()

  const insert = db.insert(annualAssessments).values({
    id: p('id'),
    residentId: p('residentId'),
    year: p('year'),
    version: 1,
    status: 'draft',
    content: p('content'),
    contentHash: p('contentHash'),
    generatedAt: p('generatedAt'),
    doctorId: p('doctorId'),
  }).prepare()
  const newVersion = db.update(annualAssessments)
    .set({ version: sql`${annualAssessments.version} + 1`, content: sql`${p('content')}`, contentHash: sql`${p('contentHash')}`, generatedAt: sql`${p('generatedAt')}`, doctorId: sql`${p('doctorId')}` })
    .where(and(eq(annualAssessments.id, p('id')), eq(annualAssessments.status, 'draft'))).prepare()
  const moveDoctor = db.update(annualAssessments).set({ doctorId: sql`${p('doctorId')}` }).where(eq(annualAssessments.id, p('id'))).prepare()

  const list = db.select().from(annualAssessments).where(eq(annualAssessments.residentId, p('residentId'))).orderBy(desc(annualAssessments.year)).prepare()
  const byYear = db.select().from(annualAssessments).where(and(eq(annualAssessments.residentId, p('residentId')), eq(annualAssessments.year, p('year')))).prepare()
  const byId = db.select().from(annualAssessments).where(eq(annualAssessments.id, p('id'))).prepare()
  const comment = db.update(annualAssessments).set({ comment: sql`${p('comment')}` })
    .where(and(eq(annualAssessments.id, p('id')), eq(annualAssessments.status, 'draft'), eq(annualAssessments.version, p('version')))).prepare()
  const sign = db.update(annualAssessments)
    .set({ comment: sql`${p('comment')}`, status: 'signed', signedOn: sql`${p('on')}`, signedAt: sql`${p('at')}`, signedBy: sql`${p('staffId')}`, signedByName: sql`${p('staffName')}` })
    .where(and(eq(annualAssessments.id, p('id')), eq(annualAssessments.status, 'draft'), eq(annualAssessments.version, p('version')))).prepare()
  const doctorList = db.select({
    id: annualAssessments.id,
    year: annualAssessments.year,
    version: annualAssessments.version,
    status: annualAssessments.status,
    generatedAt: annualAssessments.generatedAt,
    comment: annualAssessments.comment,
    residentId: residents.id,
    name: residents.name,
    sex: residents.sex,
    birthDate: residents.birthDate,
  }).from(annualAssessments)
    .innerJoin(residents, eq(residents.id, annualAssessments.residentId))
    .where(and(eq(annualAssessments.doctorId, p('doctorId')), eq(annualAssessments.status, p('status'))))
    .orderBy(asc(annualAssessments.generatedAt), asc(annualAssessments.id))
    .limit(p('limit')).prepare()
  const staffName = db.select({ name: staff.name }).from(staff).where(eq(staff.id, p('id'))).prepare()

  return {
    /**
     * Eligible active residents after `after` (id order) with no report for `year`; with
     * `released`, only those with a released exam in the year (the release trigger's catch-up).
     */
    eligibleWithout(args: { after: string, limit: number, on: string, year: number, released: boolean }): string[] {
      const bornBy = `${Number(args.on.slice(0, 4)) - 65}${args.on.slice(4)}`
      const statement = args.released ? releasedWithoutReport : withoutReport
      return statement.all({ after: args.after, limit: args.limit, on: args.on, bornBy, year: args.year, yearStart: `${args.year}-01-01`, yearEnd: `${args.year}-12-31` }).map(r => r.id)
    },
    /** residents after `after` (id order) whose report of `year` is still a draft */
    draftsAfter: (after: string, year: number, limit: number) => draftsAfter.all({ after, year, limit }).map(r => r.residentId),
    residentFacts: (ids: string) => residentFacts.all({ ids }),
    conditionsOf: (ids: string) => conditionsOf.all({ ids }),
    doctorsOf: (ids: string, on: string) => doctorsOf.all({ ids, on }),
    medicationsOf: (ids: string, on: string) => medicationsOf.all({ ids, on }),
    /** released exams of the residents from `from` to `to`, each resident's newest first */
    examsOf: (ids: string, from: string, to: string) => examsOf.all({ ids, from, to }),
    /** the items of the exams (a JSON array of ids) whose code is one of `codes` (a JSON array) or whose flag is not normal */
    itemsOf: (examIds: string, codes: string) => itemsOf.all({ ids: examIds, codes }),
    /** the flags of the [examId, code] pairs given as a JSON array */
    flagsOf: (pairs: string) => flagsOf.all({ pairs }),
    homeOf: (ids: string, from: string, to: string) => homeOf.all({ ids, from, to }),
    existingOf: (ids: string, year: number) => existingOf.all({ ids, year }),
    /** the stored reminders of the residents computed on `on` */
    remindersOf: (ids: string, on: string) => remindersOf.all({ ids, on }),
    insert: (row: { id: string, residentId: string, year: number, content: string, contentHash: string, generatedAt: number, doctorId: string | null }) => insert.run(row),
    /** false when it was signed meanwhile */
    newVersion: (row: { id: string, content: string, contentHash: string, generatedAt: number, doctorId: string | null }) => newVersion.run(row).changes === 1,
    moveDoctor: (id: string, doctorId: string | null) => moveDoctor.run({ id, doctorId }),
    list: (residentId: string): AssessmentRow[] => list.all({ residentId }),
    findByYear: (residentId: string, year: number): AssessmentRow | null => byYear.get({ residentId, year }) ?? null,
    findById: (id: string): AssessmentRow | null => byId.get({ id }) ?? null,
    /** false when it was signed, or regenerated past `version`, meanwhile */
    comment: (args: { id: string, version: number, comment: string }) => comment.run(args).changes === 1,
    sign: (args: { id: string, version: number, comment: string, on: string, at: number, staffId: string, staffName: string }) => sign.run(args).changes === 1,
    doctorList: (doctorId: string, status: string, limit: number) => doctorList.all({ doctorId, status, limit }),
    staffName: (id: string) => staffName.get({ id })?.name ?? null,
  }
}

export type AssessmentsRepo = ReturnType<typeof createAssessmentsRepo>
