import { ErrorCode } from '../../../../shared/errors'
import type { DoctorExamQueueItem } from '../../../../shared/schemas/exams'
import { ApiError } from '../../api/client'
import { criticalAcknowledgementState } from './exam-view'

/**
 * Releasing several exams of the review queue at once (issue 5): which exams may join, the
 * release one after another, and the words for its progress and its end.
 */

/** Whether an exam may be selected for a release of several, and if not, why. */
export type BatchReleaseDecision =
  | { allowed: true }
  | { allowed: false, reason: 'critical-unacknowledged' }

/**
 * An exam whose critical value nobody has acknowledged yet is released alone: the doctor looks
 * at each critical one and acknowledges it first (policy-rules.md "Abnormal exam results").
 */
export function canBatchRelease(exam: Pick<DoctorExamQueueItem, 'worst' | 'criticalAcknowledgedOn'>): BatchReleaseDecision {
  return criticalAcknowledgementState(exam).state === 'to-acknowledge'
    ? { allowed: false, reason: 'critical-unacknowledged' }
    : { allowed: true }
}

/** The i18n key saying why an exam cannot join a release of several. */
export const batchRefusalKey: Record<Extract<BatchReleaseDecision, { allowed: false }>['reason'], string> = {
  'critical-unacknowledged': 'doctorExams.batch.criticalFirst',
}

type Queued = Pick<DoctorExamQueueItem, 'examId' | 'worst' | 'criticalAcknowledgedOn'>

/** The exams of the queue that may be selected, in the queue's order (oldest first). */
export function batchReleasable<T extends Queued>(queue: readonly T[]): T[] {
  return queue.filter(exam => canBatchRelease(exam).allowed)
}

/**
 * The selected exams, in the queue's order: ids of exams that left the queue, or that may no
 * longer be selected, are left out.
 */
export function selectedForBatch<T extends Queued>(queue: readonly T[], selected: ReadonlySet<string>): T[] {
  return batchReleasable(queue).filter(exam => selected.has(exam.examId))
}

export interface BatchReleaseOutcome<T> {
  /** released by this doctor now */
  released: T[]
  /** released by someone else meanwhile (409 ALREADY_RELEASED): done all the same */
  releasedByOthers: T[]
  /** the exam whose release failed, which stopped the batch */
  failed: { exam: T, error: unknown } | null
  /** the exams after the failed one, not tried */
  untried: T[]
}

export interface BatchReleaseHooks<T> {
  /** before each release: the exam's place in the batch, from 0 */
  onStart?: (exam: T, index: number, total: number) => void
  /** after each exam is done, released now or by someone else */
  onDone?: (exam: T, byOthers: boolean) => void
}

function isAlreadyReleased(error: unknown): boolean {
  return error instanceof ApiError && error.code === ErrorCode.ALREADY_RELEASED
}

/**
 * Releases the exams one after another, never two at once, so that a failure stops at a known
 * exam and the rest stay selected. An exam that someone else released meanwhile counts as done.
 */
export async function releaseInSequence<T>(exams: readonly T[], release: (exam: T) => Promise<unknown>, hooks: BatchReleaseHooks<T> = {}): Promise<BatchReleaseOutcome<T>> {
  const outcome: BatchReleaseOutcome<T> = { released: [], releasedByOthers: [], failed: null, untried: [] }
  for (const [index, exam] of exams.entries()) {
    hooks.onStart?.(exam, index, exams.length)
    try {
      await release(exam)
      outcome.released.push(exam)
      hooks.onDone?.(exam, false)
    }
    catch (error) {
      if (!isAlreadyReleased(error)) {
        outcome.failed = { exam, error }
        outcome.untried = exams.slice(index + 1)
        return outcome
      }
      outcome.releasedByOthers.push(exam)
      hooks.onDone?.(exam, true)
    }
  }
  return outcome
}

export interface BatchWords {
  key: string
  params: Record<string, string | number>
}

/** "正在发布 2/3": the exam being released now, counted from 1. */
export function batchProgressWords(index: number, total: number): BatchWords {
  return { key: 'doctorExams.batch.progress', params: { current: index + 1, total } }
}

/**
 * What the batch did, for the status line: how many are released, and whose someone else had
 * released already, by name. null when nothing was released (the first one failed).
 */
export function batchSummaryWords(outcome: Pick<BatchReleaseOutcome<Pick<DoctorExamQueueItem, 'resident'>>, 'released' | 'releasedByOthers'>, locale: string): BatchWords | null {
  const n = outcome.released.length + outcome.releasedByOthers.length
  if (n === 0)
    return null
  if (outcome.releasedByOthers.length === 0)
    return { key: 'doctorExams.batch.done', params: { n } }
  const names = new Intl.ListFormat(locale, { type: 'conjunction' }).format(outcome.releasedByOthers.map(exam => exam.resident.name))
  return { key: 'doctorExams.batch.doneWithOthers', params: { n, others: outcome.releasedByOthers.length, names } }
}

/**
 * Which exam stopped the batch and why, and how many stay selected to try again: the failed one
 * and those after it.
 */
export function batchFailureWords(outcome: Pick<BatchReleaseOutcome<Pick<DoctorExamQueueItem, 'resident' | 'date'>>, 'failed' | 'untried'>, reason: string, formatDate: (date: string) => string): BatchWords | null {
  if (outcome.failed === null)
    return null
  const { exam } = outcome.failed
  return { key: 'doctorExams.batch.failed', params: { name: exam.resident.name, date: formatDate(exam.date), reason, left: outcome.untried.length + 1 } }
}
