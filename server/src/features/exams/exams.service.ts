import { ResidentAction } from '../../../../shared/access'
import type { Subject } from '../../../../shared/clinical/exam-items'
import { examItems, valueReference } from '../../../../shared/clinical/exam-items'
import { ageOn, epochDayOf } from '../../../../shared/dates'
import { ErrorCode } from '../../../../shared/errors'
import type { PageQuery } from '../../../../shared/schemas/common'
import type { CriticalAcknowledgement, DoctorExamQueue, ExamDetail, ExamItemChange, ExamItemResult, ExamSummary, ObservationSeries, ReleaseExamBody } from '../../../../shared/schemas/exams'
import { NotificationKind } from '../../../../shared/schemas/notifications'
import type { AppContext } from '../../context'
import { AppError, notFound } from '../../errors'
import { prepareNotify } from '../../features/notifications/notifications.repo'
import { decodeCursor, pageFrom } from '../../paging'
import type { ResidentAccess } from '../../plugins/access'
import type { Actor } from '../../plugins/session'
import { createAssessmentGenerator } from '../assessments/assessments.generate'
import { createReminderStore } from '../reminders/reminders.store'
import { createSnapshotLoader } from '../reminders/reminders.snapshot'
import type { ExamsRepo } from './exams.repo'
import { createExamsRepo } from './exams.repo'

type SummaryRow = NonNullable<ReturnType<ExamsRepo['summary']>>
type Flag = ExamItemResult['flag']

/** Catalogue order, the order a printed report lists its items in; codes outside it last. */
const catalogueOrder = new Map(examItems.map((item, i) => [item.code, i]))
const orderOf = (code: string) => catalogueOrder.get(code) ?? catalogueOrder.size

/**
 * An exam as anyone may see it. The values of an exam under review (its worst flag too) are
 * for the reviewing doctors only (seed 001: 经审核后的体检结果 ... 向居民个人开放).
 */
function summaryOf(row: SummaryRow): ExamSummary {
  const released = row.status === 'released'
  return {
    id: String(row.id),
    date: row.date,
    status: row.status,
    institution: { id: row.institutionId, name: row.institutionName },
    releasedOn: row.releasedOn,
    releasedBy: row.releasedBy,
    releaseComment: row.releaseComment,
    worst: released ? row.worst : null,
    abnormalItems: released ? row.abnormalItems : null,
    version: row.version,
    retractedOn: row.retractedOn,
    retractionReason: row.retractionReason,
  }
}

/** An exam id of the API (a string of digits) as the database keeps it; null when it cannot be one. */
function examIdOf(id: string): number | null {
  const n = Number(id)
  return Number.isSafeInteger(n) ? n : null
}

/** The person a value was measured on, for the catalogue's ranges by sex and age. */
function subjectOn(resident: { sex: 'male' | 'female', birthDate: string }, date: string): Subject {
  return { sex: resident.sex, age: ageOn(resident.birthDate, date) }
}

export function createExamsService(ctx: AppContext, access: ResidentAccess) {
  const repo = createExamsRepo(ctx.db)
  const loader = createSnapshotLoader(ctx.db)
  const store = createReminderStore(ctx.db)
  const assessments = createAssessmentGenerator(ctx.db)
  const notify = prepareNotify(ctx.db)

  return {
    /** The resident's exams, newest first; those under review without their values. */
    list(actor: Actor, residentId: string, query: PageQuery) {
      access.authorize(actor, residentId, ResidentAction.READ, 'read', 'exams')
      const cursor = decodeCursor(query.cursor, ['string', 'number'] as const)
      const page = pageFrom(repo.page(residentId, query.limit + 1, cursor), query.limit, r => [r.date, r.id])
      return { items: page.items.map(summaryOf), nextCursor: page.nextCursor }
    },

    /**
     * One exam with its items, each beside the same item of the resident's released exam before
     * it. An exam of another resident is not found, exactly like an unknown id.
     */
    detail(actor: Actor, residentId: string, examId: string): ExamDetail {
      const { resident } = access.authorize(actor, residentId, ResidentAction.READ, 'read', 'exams')
      const id = examIdOf(examId)
      const rows = id === null ? [] : repo.detail(residentId, id)
      const header = rows[0]
      if (header === undefined)
        throw notFound()
      const previous = new Map<string, (typeof rows)[number]>()
      for (const row of rows) {
        if (row.code !== null && row.itemExamId === header.previousId)
          previous.set(row.code, row)
      }
      const items: ExamItemResult[] = []
      for (const row of rows) {
        if (row.code === null || row.flag === null || row.itemExamId !== header.id)
          continue
        const before = previous.get(row.code)
        items.push({
          code: row.code,
          value: row.value,
          valueText: row.valueText,
          ...valueReference(row.code, row, subjectOn(resident, header.date)),
          flag: row.flag,
          previous: before === undefined || before.flag === null
            ? null
            : { examId: String(header.previousId), date: header.previousDate!, value: before.value, valueText: before.valueText, unit: valueReference(row.code, before, subjectOn(resident, header.previousDate!)).unit, flag: before.flag },
        })
      }
      items.sort((a, b) => orderOf(a.code) - orderOf(b.code))
      // corrections of values she can see: an exam under review or withdrawn shows none
      const corrections = header.status === 'released' && header.version > 1
        ? repo.corrections(header.id).map(c => ({ version: c.version, correctedAt: new Date(c.correctedAt).toISOString(), changes: JSON.parse(c.changes) as ExamItemChange[] }))
        : []
      return { ...summaryOf(header), items, corrections }
    },

    /** One item across the resident's released exams, oldest first. */
    observations(actor: Actor, residentId: string, code: string): ObservationSeries {
      const { resident } = access.authorize(actor, residentId, ResidentAction.READ, 'read', 'exams')
      return {
        code,
        points: repo.observations(residentId, code).map(p => ({ ...p, ...valueReference(code, p, subjectOn(resident, p.date)), examId: String(p.examId) })),
      }
    },

    /**
     * Releases an exam to the resident: her signed family doctor or a doctor of the institution
     * that did it (shared/access.ts). One transaction: the release, the access log, her notice
     * that someone acted on her record, and the result-released notice.
     */
    release(actor: Actor, examId: string, body: ReleaseExamBody): ExamSummary {
      return ctx.db.transaction(() => {
        const id = examIdOf(examId)
        const exam = id === null ? null : repo.findForReview(id)
        if (exam === null)
          throw notFound()
        const allowed = access.authorize(actor, exam.residentId, ResidentAction.RELEASE_EXAM, 'change', 'exams', { institutionId: exam.institutionId })
        const today = ctx.clock.today()
        if (exam.status === 'released' || !repo.release(exam.id, today, actor.staff!.id, body?.comment || null))
          throw new AppError(ErrorCode.ALREADY_RELEASED, 'This exam was released already; reload the review queue')
        // product.md: only active residents get notices and reminders
        if (allowed.resident.status === 'active') {
          notify(exam.residentId, NotificationKind.RESULT_RELEASED, { examDate: exam.date }, ctx.clock.now())
          // a released abnormal or critical result opens its follow-up reminder now, not tonight
          store.refresh(loader, exam.residentId, today)
          // issue 9: the year's exam released makes (or renews the draft of) her annual report, if she gets one
          assessments.generate([exam.residentId], Number(exam.date.slice(0, 4)), today, ctx.clock.now())
        }
        return summaryOf(repo.summary(exam.id)!)
      })
    },

    /**
     * Acknowledges the critical value of an exam (policy-rules.md "Abnormal exam results"): the
     * doctors who may release it, whether it is released yet or not, since a critical value is
     * acted on before the review. The first acknowledgement stands; another is answered with it
     * and logged as a read, since it changes nothing. One transaction: the acknowledgement, the
     * access log, her notice, and her stored reminders (the critical-result reminder is done).
     */
    acknowledgeCritical(actor: Actor, examId: string): CriticalAcknowledgement {
      return ctx.db.transaction(() => {
        const id = examIdOf(examId)
        const exam = id === null ? null : repo.findForReview(id)
        if (exam === null)
          throw notFound()
        const first = exam.criticalAcknowledgedOn === null
        const allowed = access.authorize(actor, exam.residentId, ResidentAction.RELEASE_EXAM, first ? 'change' : 'read', 'exams', { institutionId: exam.institutionId })
        if (exam.worst !== 'critical')
          throw new AppError(ErrorCode.NOT_CRITICAL, 'This exam has no critical value to acknowledge; release it instead')
        if (first) {
          const today = ctx.clock.today()
          repo.acknowledge(exam.id, today, actor.staff!.id)
          // product.md: only active residents get reminders
          if (allowed.resident.status === 'active')
            store.refresh(loader, exam.residentId, today)
        }
        const row = repo.acknowledgement(exam.id)!
        return { ...summaryOf(row), criticalAcknowledgedOn: row.criticalAcknowledgedOn!, criticalAcknowledgedBy: row.criticalAcknowledgedBy! }
      })
    },

    /**
     * The exams this doctor may release and should, oldest first: his signed residents', and
     * those his institution did for residents with no family doctor. Names and flagged values
     * are a read of each listed resident's exams, so each gets an access-log row.
     */
    queue(actor: Actor, limit: number): DoctorExamQueue {
      const doctor = actor.staff
      if (doctor === null || doctor.role !== 'doctor')
        throw new AppError(ErrorCode.FORBIDDEN, 'Only doctors review and release exams')
      const today = ctx.clock.today()
      return ctx.db.transaction(() => {
        const rows = repo.queue(doctor, today, limit)
        const at = ctx.clock.now()
        for (const residentId of new Set(rows.map(r => r.residentId)))
          repo.logRead(residentId, actor, at)
        return {
          items: rows.map((r) => {
            const flagged = JSON.parse(r.flagged) as { code: string, value: number | null, valueText: string | null, unit: string | null, flag: Flag }[]
            return {
              examId: String(r.examId),
              date: r.date,
              waitingDays: epochDayOf(today) - epochDayOf(r.date),
              institution: { id: r.institutionId, name: r.institutionName },
              resident: { id: r.residentId, name: r.name, sex: r.sex, age: ageOn(r.birthDate, today) },
              reviewAs: r.reviewAs,
              worst: r.worst,
              criticalAcknowledgedOn: r.criticalAcknowledgedOn,
              flaggedItems: flagged
                .map(item => ({ ...item, unit: valueReference(item.code, { unit: item.unit, refLow: null, refHigh: null }, subjectOn(r, r.date)).unit }))
                .sort((a, b) => Number(b.flag === 'critical') - Number(a.flag === 'critical') || orderOf(a.code) - orderOf(b.code)),
            }
          }),
        }
      })
    },
  }
}
