import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Db } from '../../db/client'
import { contractRunsOn } from '../../db/running-contract'
import { accounts, apiKeys, contracts, examCorrections, examItems, exams, importQuarantine, residents, staff } from '../../db/schema'
import type { StoredItem } from './import.rules'

const p = (name: string) => sql.placeholder(name)

/** The reads and writes of the exam import, as prepared statements (house-style.md). */
export function createImportRepo(db: Db) {
  const keyOwner = db.select({ institutionId: apiKeys.institutionId }).from(apiKeys)
    .where(and(eq(apiKeys.keyHash, p('keyHash')), isNull(apiKeys.revokedAt))).prepare()
  const residentByIdNumber = db.select({ id: residents.id, name: residents.name, sex: residents.sex, birthDate: residents.birthDate, status: residents.status })
    .from(residents).where(eq(residents.idNumber, p('idNumber'))).prepare()
  const examByExternal = db.select({ id: exams.id, residentId: exams.residentId, date: exams.date, status: exams.status, version: exams.version, contentHash: exams.contentHash, worst: exams.worst })
    .from(exams).where(and(eq(exams.institutionId, p('institutionId')), eq(exams.externalId, p('externalId')))).prepare()
  const insertExam = db.insert(exams).values({
    id: p('id'), residentId: p('residentId'), institutionId: p('institutionId'), externalId: p('externalId'), date: p('date'),
    status: 'pending-review', worst: p('worst'), version: 1, contentHash: p('contentHash'),
  }).prepare()
  // An exam's items in one statement: forty single-row inserts cost forty trips from JavaScript
  // into SQLite and back, a third of the import's time. One statement per item count, kept.
  const insertItemsOf = new Map<number, ReturnType<typeof db.$client.prepare>>()
  function insertItems(examId: number, items: readonly StoredItem[]) {
    if (items.length === 0)
      return
    let statement = insertItemsOf.get(items.length)
    if (statement === undefined) {
      statement = db.$client.prepare(`insert into exam_items (exam_id, code, value, value_text, flag, unit, ref_low, ref_high) values ${Array.from({ length: items.length }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`)
      insertItemsOf.set(items.length, statement)
    }
    const values: unknown[] = []
    for (const i of items)
      values.push(examId, i.code, i.value, i.valueText, i.flag, i.unit, i.refLow, i.refHigh)
    statement.run(values)
  }
  const itemsOf = db.select({ code: examItems.code, value: examItems.value, valueText: examItems.valueText, unit: examItems.unit, flag: examItems.flag, refLow: examItems.refLow, refHigh: examItems.refHigh })
    .from(examItems).where(eq(examItems.examId, p('examId'))).prepare()
  const deleteItems = db.delete(examItems).where(eq(examItems.examId, p('examId'))).prepare()
  const correctExam = db.update(exams)
    .set({ date: sql`${p('date')}`, worst: sql`${p('worst')}`, version: sql`${p('version')}`, contentHash: sql`${p('contentHash')}`, criticalAcknowledgedOn: sql`case when ${p('worst')} = 'critical' then ${exams.criticalAcknowledgedOn} end`, criticalAcknowledgedBy: sql`case when ${p('worst')} = 'critical' then ${exams.criticalAcknowledgedBy} end` })
    .where(eq(exams.id, p('id'))).prepare()
  const insertCorrection = db.insert(examCorrections).values({ examId: p('examId'), version: p('version'), correctedAt: p('at'), changes: p('changes') }).prepare()
  const retract = db.update(exams)
    .set({ status: 'retracted', retractedOn: sql`${p('on')}`, retractionReason: sql`${p('reason')}` })
    .where(and(eq(exams.id, p('id')), sql`${exams.status} <> 'retracted'`)).prepare()

  // who is told of a critical value at once: her running family doctor, else every doctor of
  // the institution that did the exam (the doctors who may release it, shared/access.ts)
  const running = contractRunsOn(alias(contracts, 'c'), p('on'))
  const familyDoctors = db.select({ accountId: staff.accountId }).from(staff)
    .where(and(sql`${staff.id} in (select c.doctor_id from contracts c where c.resident_id = ${p('residentId')} and ${running})`, sql`${staff.accountId} is not null`)).prepare()
  const institutionDoctors = db.select({ accountId: staff.accountId }).from(staff)
    .innerJoin(accounts, eq(accounts.id, staff.accountId))
    .where(and(eq(staff.institutionId, p('institutionId')), eq(staff.role, 'doctor'))).prepare()

  const quarantineByExternal = db.select({ id: importQuarantine.id, status: importQuarantine.status, contentHash: importQuarantine.contentHash })
    .from(importQuarantine).where(and(eq(importQuarantine.institutionId, p('institutionId')), eq(importQuarantine.externalId, p('externalId')))).prepare()
  const insertQuarantine = db.insert(importQuarantine).values({
    id: p('id'), institutionId: p('institutionId'), externalId: p('externalId'), receivedAt: p('at'), reason: p('reason'),
    idNumber: p('idNumber'), name: p('name'), birthDate: p('birthDate'), examDate: p('examDate'), exam: p('exam'), contentHash: p('contentHash'), status: 'open',
  }).prepare()
  const replaceQuarantine = db.update(importQuarantine).set({
    receivedAt: sql`${p('at')}`, reason: sql`${p('reason')}`, idNumber: sql`${p('idNumber')}`, name: sql`${p('name')}`, birthDate: sql`${p('birthDate')}`,
    examDate: sql`${p('examDate')}`, exam: sql`${p('exam')}`, contentHash: sql`${p('contentHash')}`,
    status: 'open', resolvedAt: null, resolvedBy: null, resolutionNote: null,
  }).where(and(eq(importQuarantine.id, p('id')), sql`${importQuarantine.status} <> 'matched'`)).prepare()
  const examIdTaken = db.select({ id: exams.id }).from(exams).where(eq(exams.id, p('id'))).prepare()
  const residentStatus = db.select({ status: residents.status }).from(residents).where(eq(residents.id, p('id'))).prepare()
  const quarantineColumns = {
    id: importQuarantine.id, externalId: importQuarantine.externalId, receivedAt: importQuarantine.receivedAt, reason: importQuarantine.reason,
    idNumber: importQuarantine.idNumber, name: importQuarantine.name, birthDate: importQuarantine.birthDate, examDate: importQuarantine.examDate,
    exam: importQuarantine.exam, status: importQuarantine.status, resolvedAt: importQuarantine.resolvedAt, resolutionNote: importQuarantine.resolutionNote, examId: importQuarantine.examId,
    institutionId: importQuarantine.institutionId,
  }
  const quarantineList = db.select(quarantineColumns).from(importQuarantine)
    .where(and(eq(importQuarantine.institutionId, p('institutionId')), eq(importQuarantine.status, p('status'))))
    .orderBy(desc(importQuarantine.receivedAt), asc(importQuarantine.id)).limit(p('limit')).prepare()
  const quarantineById = db.select(quarantineColumns).from(importQuarantine).where(eq(importQuarantine.id, p('id'))).prepare()
  const resolveQuarantine = db.update(importQuarantine).set({
    status: sql`${p('status')}`, resolvedAt: sql`${p('at')}`, resolvedBy: sql`${p('by')}`, resolutionNote: sql`${p('note')}`, examId: sql`${p('examId')}`,
  }).where(and(eq(importQuarantine.id, p('id')), eq(importQuarantine.status, 'open'))).prepare()

  return {
    /** The institution a live key acts for, by the key's SHA-256. */
    keyOwner: (keyHash: string) => keyOwner.get({ keyHash })?.institutionId ?? null,
    examIdTaken: (id: number) => examIdTaken.get({ id }) !== undefined,
    residentIsActive: (id: string) => residentStatus.get({ id })?.status === 'active',
    residentByIdNumber: (idNumber: string) => residentByIdNumber.get({ idNumber }) ?? null,
    examByExternal: (institutionId: string, externalId: string) => examByExternal.get({ institutionId, externalId }) ?? null,
    insertExam(exam: { id: number, residentId: string, institutionId: string, externalId: string, date: string, worst: string, contentHash: string }, items: readonly StoredItem[]) {
      insertExam.run(exam)
      insertItems(exam.id, items)
    },
    itemsOf: (examId: number) => itemsOf.all({ examId }),
    replaceItems(examId: number, items: readonly StoredItem[]) {
      deleteItems.run({ examId })
      insertItems(examId, items)
    },
    /** A new version of an exam; a critical acknowledgement stands only while it is still critical. */
    correctExam: (id: number, fields: { date: string, worst: string, version: number, contentHash: string }) => correctExam.run({ id, ...fields }),
    insertCorrection: (examId: number, version: number, at: number, changes: string) => insertCorrection.run({ examId, version, at, changes }),
    /** false when it was retracted already */
    retract: (id: number, on: string, reason: string) => retract.run({ id, on, reason }).changes === 1,
    doctorsToTell(residentId: string, institutionId: string, on: string): string[] {
      const own = familyDoctors.all({ residentId, on })
      const rows = own.length > 0 ? own : institutionDoctors.all({ institutionId })
      return rows.map(r => r.accountId!)
    },
    quarantineByExternal: (institutionId: string, externalId: string) => quarantineByExternal.get({ institutionId, externalId }) ?? null,
    insertQuarantine: (row: { id: string, institutionId: string, externalId: string, at: number, reason: string, idNumber: string, name: string, birthDate: string, examDate: string, exam: string, contentHash: string }) => insertQuarantine.run(row),
    replaceQuarantine: (row: { id: string, at: number, reason: string, idNumber: string, name: string, birthDate: string, examDate: string, exam: string, contentHash: string }) => replaceQuarantine.run(row),
    quarantineList: (institutionId: string, status: string, limit: number) => quarantineList.all({ institutionId, status, limit }),
    quarantineById: (id: string) => quarantineById.get({ id }) ?? null,
    /** false when it was resolved already */
    resolveQuarantine: (row: { id: string, status: 'matched' | 'rejected', at: number, by: string | null, note: string | null, examId: number | null }) => resolveQuarantine.run(row).changes === 1,
  }
}

export type ImportRepo = ReturnType<typeof createImportRepo>
export type QuarantineRow = NonNullable<ReturnType<ImportRepo['quarantineById']>>
