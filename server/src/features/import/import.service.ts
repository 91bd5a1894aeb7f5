import type { InstitutionActor } from '../../../../shared/access'
import { decideInstitutionAccess } from '../../../../shared/access'
import { examItems, examItemsByCode, worstOf } from '../../../../shared/clinical/exam-items'
import { ageOn } from '../../../../shared/dates'
import { ErrorCode } from '../../../../shared/errors'
import type { ExamItemChange, ImportExamResult, ImportOutcome, ImportProblem, ImportReport, MatchQuarantineBody, QuarantineEntry, QuarantineList, RetractedExam } from '../../../../shared/schemas/import'
import { NotificationKind } from '../../../../shared/schemas/notifications'
import type { AppContext } from '../../context'
import { AppError, notFound } from '../../errors'
import { newExamId, newId } from '../../ids'
import { createNotificationsRepo, prepareNotify } from '../notifications/notifications.repo'
import { createReminderStore } from '../reminders/reminders.store'
import { createSnapshotLoader } from '../reminders/reminders.snapshot'
import type { CheckedBatch } from './import.check'
import type { QuarantineRow } from './import.repo'
import { createImportRepo } from './import.repo'
import type { CheckedExam, ImportFormat, StoredItem } from './import.rules'
import { flagItems } from './import.rules'

/** Who acts for an institution, with the staff member to record as resolving a quarantined exam. */
export type ImportActor = InstitutionActor & { staffId: string | null }

/** How many exams one commit carries at most: the write lock is held about 1 ms for each. */
const EXAMS_PER_COMMIT = 50

/** More exams than this in one request are refused: split the batch. */
export const MAX_EXAMS_PER_REQUEST = 1000

type Resident = NonNullable<ReturnType<ReturnType<typeof createImportRepo>['residentByIdNumber']>>

/** Thrown inside a dry run's transaction to undo everything it did. */
class DryRunRollback extends Error {}

/** Names are compared as people write them: spaces in "王 秀英" are not part of the name. */
const sameName = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '')

/** What an item change shows the resident: a value stored without its unit is in the catalogue's, as the exam shows it. */
const shown = (item: { code: string, value: number | null, valueText: string | null, unit: string | null, flag: StoredItem['flag'] }) =>
  ({ value: item.value, valueText: item.valueText, unit: item.unit ?? (item.value === null ? null : examItemsByCode.get(item.code)?.unit ?? null), flag: item.flag })

const catalogueOrder = new Map(examItems.map((item, i) => [item.code, i]))

/** The items a correction changed, in catalogue order of their codes. */
export function itemChanges(before: readonly StoredItem[], after: readonly StoredItem[]): ExamItemChange[] {
  const old = new Map(before.map(i => [i.code, i]))
  const changes: ExamItemChange[] = []
  for (const item of after) {
    const was = old.get(item.code)
    old.delete(item.code)
    if (was === undefined || was.value !== item.value || was.valueText !== item.valueText || was.flag !== item.flag || was.refLow !== item.refLow || was.refHigh !== item.refHigh)
      changes.push({ code: item.code, before: was === undefined ? null : shown(was), after: shown(item) })
  }
  for (const was of old.values())
    changes.push({ code: was.code, before: shown(was), after: null })
  const order = (code: string) => catalogueOrder.get(code) ?? catalogueOrder.size
  return changes.sort((a, b) => order(a.code) - order(b.code))
}

/**
 * The exam import (issue 5): each exam checked, matched to a resident by ID number, name and
 * birth date, and written in its own transaction, so one bad exam is refused whole while the
 * good ones go in, and a process killed mid-import leaves no exam half-written.
 */
export function createImportService(ctx: AppContext) {
  const repo = createImportRepo(ctx.db)
  const notify = prepareNotify(ctx.db)
  const notifications = createNotificationsRepo(ctx.db)
  const loader = createSnapshotLoader(ctx.db)
  const reminders = createReminderStore(ctx.db)

  function tellDoctorsOfCritical(exam: { id: number, date: string, institutionId: string }, resident: Resident) {
    const today = ctx.clock.today()
    for (const accountId of repo.doctorsToTell(resident.id, exam.institutionId, today))
      notifications.createForAccount(accountId, NotificationKind.CRITICAL_RESULT, { residentId: resident.id, residentName: resident.name, examId: String(exam.id), examDate: exam.date }, ctx.clock.now())
  }

  /** Writes a new exam for a matched resident; the id is drawn again in the rare case it is taken. */
  function createExam(institutionId: string, exam: CheckedExam, resident: Resident): number {
    const items = flagItems(exam.items, { sex: resident.sex, age: ageOn(resident.birthDate, exam.date) })
    const worst = worstOf(items.map(i => i.flag))
    for (;;) {
      const id = newExamId()
      if (repo.examIdTaken(id))
        continue
      repo.insertExam({ id, residentId: resident.id, institutionId, externalId: exam.externalId, date: exam.date, worst, contentHash: exam.contentHash }, items)
      if (worst === 'critical' && resident.status === 'active')
        tellDoctorsOfCritical({ id, date: exam.date, institutionId }, resident)
      return id
    }
  }

  /** Who the exam is for, when ID number, name and birth date all agree with the register. */
  function match(subject: CheckedExam['subject']): { resident: Resident } | { reason: 'unknown-id-number' | 'identity-mismatch' } {
    const resident = repo.residentByIdNumber(subject.idNumber)
    if (resident === null)
      return { reason: 'unknown-id-number' }
    if (!sameName(resident.name, subject.name) || resident.birthDate !== subject.birthDate)
      return { reason: 'identity-mismatch' }
    return { resident }
  }

  function quarantine(institutionId: string, exam: CheckedExam, reason: 'unknown-id-number' | 'identity-mismatch'): string {
    const existing = repo.quarantineByExternal(institutionId, exam.externalId)
    const row = {
      at: ctx.clock.now(), reason, idNumber: exam.subject.idNumber, name: exam.subject.name, birthDate: exam.subject.birthDate,
      examDate: exam.date, exam: JSON.stringify(exam), contentHash: exam.contentHash,
    }
    if (existing === null) {
      const id = newId()
      repo.insertQuarantine({ id, institutionId, externalId: exam.externalId, ...row })
      return id
    }
    // sent again: what waits is the latest the institution sent, and a rejected one waits again
    repo.replaceQuarantine({ id: existing.id, ...row })
    return existing.id
  }

  /** One exam, in the caller's transaction. `touched`: residents whose reminders change. */
  function importOne(institutionId: string, exam: CheckedExam, touched: Set<string>): Omit<ImportExamResult, 'externalId'> {
    const none = { examId: null, quarantineId: null, version: null, problems: [] as ImportProblem[] }
    const existing = repo.examByExternal(institutionId, exam.externalId)
    if (existing !== null) {
      if (existing.status === 'retracted')
        return { ...none, outcome: 'rejected', problems: [{ row: exam.row, field: 'externalId', reason: `exam ${exam.externalId} was retracted: send the result under a new exam id` }] }
      if (existing.contentHash === exam.contentHash)
        return { ...none, outcome: 'unchanged', examId: String(existing.id), version: existing.version }
      const matched = match(exam.subject)
      if (!('resident' in matched) || matched.resident.id !== existing.residentId)
        return { ...none, outcome: 'rejected', problems: [{ row: exam.row, field: 'subject', reason: `exam ${exam.externalId} was filed for another resident: retract it, then send it under a new exam id` }] }
      const items = flagItems(exam.items, { sex: matched.resident.sex, age: ageOn(matched.resident.birthDate, exam.date) })
      const changes = itemChanges(repo.itemsOf(existing.id), items)
      // written another way, as her own export writes it back (the catalogue's range printed, a
      // reading of a normal value): what is kept, and what she sees, would not change
      if (changes.length === 0 && exam.date === existing.date)
        return { ...none, outcome: 'unchanged', examId: String(existing.id), version: existing.version }
      const worst = worstOf(items.map(i => i.flag))
      const version = existing.version + 1
      repo.replaceItems(existing.id, items)
      repo.correctExam(existing.id, { date: exam.date, worst, version, contentHash: exam.contentHash })
      // a correction of values she was shown is kept to show her; one made under review replaces
      // values no doctor had passed, which must never reach her, not even as a "before"
      if (existing.status === 'released')
        repo.insertCorrection(existing.id, version, ctx.clock.now(), JSON.stringify(changes))
      if (matched.resident.status === 'active') {
        // the values she has seen changed: tell her what; an exam under review she has not seen
        if (existing.status === 'released')
          notify(matched.resident.id, NotificationKind.RESULT_CORRECTED, { examDate: exam.date, items: changes.map(c => c.code).join(',') }, ctx.clock.now())
        if (worst === 'critical' && existing.worst !== 'critical')
          tellDoctorsOfCritical({ id: existing.id, date: exam.date, institutionId }, matched.resident)
        touched.add(matched.resident.id)
      }
      return { ...none, outcome: 'corrected', examId: String(existing.id), version }
    }
    const matched = match(exam.subject)
    if (!('resident' in matched))
      return { ...none, outcome: 'quarantined', quarantineId: quarantine(institutionId, exam, matched.reason) }
    const id = createExam(institutionId, exam, matched.resident)
    // an exam sent again with the resident named rightly settles its quarantine
    const waiting = repo.quarantineByExternal(institutionId, exam.externalId)
    if (waiting !== null && waiting.status === 'open')
      repo.resolveQuarantine({ id: waiting.id, status: 'matched', at: ctx.clock.now(), by: null, note: 'sent again with the resident named rightly', examId: id })
    // Her stored reminders are left to tonight's job: what she sees is computed when she looks,
    // and a new exam under review changes no more than "this year's exam is done", which the
    // stored rows (the daily record) take up at 02:00. Refreshing them here would cost a fifth
    // of the import's time.
    return { ...none, outcome: 'created', examId: String(id), version: 1 }
  }

  function refreshReminders(residentIds: Set<string>) {
    if (residentIds.size > 0)
      ctx.db.transaction(() => reminders.refreshMany(loader, [...residentIds], ctx.clock.today()))
  }

  function entryOf(row: QuarantineRow): QuarantineEntry {
    const exam = JSON.parse(row.exam) as CheckedExam
    return {
      id: row.id,
      externalId: row.externalId,
      receivedAt: new Date(row.receivedAt).toISOString(),
      reason: row.reason,
      subject: { idNumber: row.idNumber, name: row.name, birthDate: row.birthDate },
      examDate: row.examDate,
      items: exam.items.length,
      status: row.status,
      resolvedAt: row.resolvedAt === null ? null : new Date(row.resolvedAt).toISOString(),
      resolutionNote: row.resolutionNote,
      examId: row.examId === null ? null : String(row.examId),
    }
  }

  /** The quarantine entry this actor may act on, or not found, as for anyone else's. */
  function quarantineFor(actor: ImportActor, id: string): QuarantineRow {
    const row = repo.quarantineById(id)
    if (row === null || decideInstitutionAccess(actor, row.institutionId) === 'not-found')
      throw notFound()
    return row
  }

  return {
    /** The institution a live API key acts for; demo keys count only in demo mode (demo.md). */
    institutionOfKey(key: string, keyHash: string): string | null {
      if (ctx.config.mode !== 'demo' && key.startsWith('kb_demo_'))
        return null
      return repo.keyOwner(keyHash)
    },

    /** Writes a checked request (import.check.ts): the exams matched, created, corrected or quarantined. */
    importExams(institutionId: string, batch: CheckedBatch, format: ImportFormat, dryRun: boolean): ImportReport {
      if (batch.problems.length > 0) {
        const first = batch.problems[0]!
        throw new AppError(ErrorCode.VALIDATION_FAILED, `${first.row === null ? '' : `${format === 'csv' ? 'line' : 'entry'} ${first.row}: `}${first.reason}`, { field: first.field })
      }
      if (batch.exams.length > MAX_EXAMS_PER_REQUEST)
        throw new AppError(ErrorCode.VALIDATION_FAILED, `more than ${MAX_EXAMS_PER_REQUEST} exams in one request: split the batch`, { field: 'body' })
      const touched = new Set<string>()
      const checked = batch.exams
      // Each exam is written in its own nested transaction (a savepoint): one that fails is
      // undone whole and the others stand. Their commits are grouped, because a commit of the
      // write-ahead log costs as much as writing a whole exam; a process killed before a group
      // commits leaves none of that group, and every exam whole or absent all the same.
      const run = () => {
        const results: ImportExamResult[] = []
        for (let from = 0; from < checked.length; from += EXAMS_PER_COMMIT) {
          ctx.db.transaction(() => {
            for (const { externalId, exam, problems } of checked.slice(from, from + EXAMS_PER_COMMIT)) {
              results.push(exam === null
                ? { externalId, outcome: 'rejected', examId: null, quarantineId: null, version: null, problems }
                : { externalId: exam.externalId, ...ctx.db.transaction(() => importOne(institutionId, exam, touched)) })
            }
          })
        }
        return results
      }
      let results: ImportExamResult[] = []
      if (dryRun) {
        // the same work in one transaction that is then undone: the report is exactly what a real run would say
        try {
          ctx.db.transaction(() => {
            results = run()
            throw new DryRunRollback()
          })
        }
        catch (error) {
          if (!(error instanceof DryRunRollback))
            throw error
        }
      }
      else {
        results = run()
        refreshReminders(touched)
      }
      const totals = { created: 0, unchanged: 0, corrected: 0, quarantined: 0, rejected: 0 } satisfies Record<ImportOutcome, number>
      for (const r of results)
        totals[r.outcome]++
      return { dryRun, exams: results, totals }
    },

    quarantineList(actor: ImportActor, status: 'open' | 'matched' | 'rejected', limit: number): QuarantineList {
      const institutionId = actor.apiKeyInstitutionId ?? actor.staff?.institutionId ?? null
      if (institutionId === null || decideInstitutionAccess(actor, institutionId) === 'not-found')
        throw new AppError(ErrorCode.FORBIDDEN, 'Only an institution\'s API key, doctors and staff see its quarantine')
      return { items: repo.quarantineList(institutionId, status, limit).map(entryOf) }
    },

    /**
     * Matches a quarantined exam to the resident the institution checked it is for. The typed ID
     * number, name and birth date must agree with the register, as for an import; the exam is
     * then written as if it had come in rightly, in one transaction with the resolution.
     */
    matchQuarantined(actor: ImportActor, id: string, body: MatchQuarantineBody): QuarantineEntry {
      const result = ctx.db.transaction(() => {
        const row = quarantineFor(actor, id)
        if (row.status !== 'open')
          throw new AppError(ErrorCode.ALREADY_RESOLVED, `This exam was ${row.status} already; reload the quarantine list`)
        const matched = match(body)
        if (!('resident' in matched))
          throw new AppError(ErrorCode.VALIDATION_FAILED, 'No resident of the register has this ID number, name and birth date together: check them with the resident', { field: matched.reason === 'unknown-id-number' ? 'idNumber' : 'name' })
        if (repo.examByExternal(row.institutionId, row.externalId) !== null)
          throw new AppError(ErrorCode.ALREADY_RESOLVED, `Exam ${row.externalId} is in already`)
        const exam = JSON.parse(row.exam) as CheckedExam
        const examId = createExam(row.institutionId, exam, matched.resident)
        repo.resolveQuarantine({ id, status: 'matched', at: ctx.clock.now(), by: actor.apiKeyInstitutionId === null ? actor.staffId : null, note: null, examId })
        return { entry: entryOf(repo.quarantineById(id)!), residentId: matched.resident.status === 'active' ? matched.resident.id : null }
      })
      if (result.residentId !== null)
        refreshReminders(new Set([result.residentId]))
      return result.entry
    },

    rejectQuarantined(actor: ImportActor, id: string, reason: string): QuarantineEntry {
      return ctx.db.transaction(() => {
        const row = quarantineFor(actor, id)
        if (!repo.resolveQuarantine({ id, status: 'rejected', at: ctx.clock.now(), by: actor.apiKeyInstitutionId === null ? actor.staffId : null, note: reason, examId: null }))
          throw new AppError(ErrorCode.ALREADY_RESOLVED, `This exam was ${row.status} already; reload the quarantine list`)
        return entryOf(repo.quarantineById(id)!)
      })
    },

    /**
     * Withdraws an exam filed under the wrong person: its values are shown to no one again, it
     * no longer counts as her exam, and she is told it was withdrawn and why.
     */
    retract(actor: ImportActor, externalId: string, reason: string): RetractedExam {
      const institutionId = actor.apiKeyInstitutionId ?? actor.staff?.institutionId ?? null
      if (institutionId === null || decideInstitutionAccess(actor, institutionId) === 'not-found')
        throw new AppError(ErrorCode.FORBIDDEN, 'Only the institution that did an exam retracts it')
      const today = ctx.clock.today()
      const result = ctx.db.transaction(() => {
        const exam = repo.examByExternal(institutionId, externalId)
        if (exam === null)
          throw notFound()
        if (!repo.retract(exam.id, today, reason))
          throw new AppError(ErrorCode.ALREADY_RETRACTED, `Exam ${externalId} was retracted already`)
        const active = repo.residentIsActive(exam.residentId)
        if (active)
          notify(exam.residentId, NotificationKind.RESULT_RETRACTED, { examDate: exam.date, reason }, ctx.clock.now())
        return { examId: String(exam.id), externalId, residentId: exam.residentId, retractedOn: today, reason, active }
      })
      if (result.active)
        refreshReminders(new Set([result.residentId]))
      const { active: _active, ...retracted } = result
      return retracted
    },
  }
}

export type ImportService = ReturnType<typeof createImportService>
