import { describe, expect, it } from 'vitest'
import { ErrorCode } from '../../../../shared/errors'
import type { DoctorExamQueueItem } from '../../../../shared/schemas/exams'
import { ApiError, ClientErrorCode } from '../../api/client'
import { batchFailureWords, batchProgressWords, batchReleasable, batchSummaryWords, canBatchRelease, releaseInSequence, selectedForBatch } from './exam-review-batch'

function exam(examId: string, name: string, overrides: Partial<DoctorExamQueueItem> = {}): DoctorExamQueueItem {
  return {
    examId,
    date: '2026-11-20',
    waitingDays: 2,
    institution: { id: 'i', name: '枫桥镇卫生院' },
    resident: { id: `r${examId}`, name, sex: 'female', age: 70 },
    reviewAs: 'family-doctor',
    worst: 'abnormal',
    flaggedItems: [],
    criticalAcknowledgedOn: null,
    ...overrides,
  }
}

const normal = exam('1', '王秀英', { worst: 'normal' })
const abnormal = exam('2', '李建国')
const criticalOpen = exam('3', '张伟', { worst: 'critical' })
const criticalSeen = exam('4', '赵兰', { worst: 'critical', criticalAcknowledgedOn: '2026-11-21' })
const queue = [normal, abnormal, criticalOpen, criticalSeen]

describe('which exams may join a release of several', () => {
  it.each([
    ['an all-normal exam', normal, { allowed: true }],
    ['an exam with abnormal items', abnormal, { allowed: true }],
    ['a critical exam nobody has acknowledged', criticalOpen, { allowed: false, reason: 'critical-unacknowledged' }],
    ['a critical exam already acknowledged', criticalSeen, { allowed: true }],
  ])('%s', (_, which, decision) => {
    expect(canBatchRelease(which)).toEqual(decision)
  })

  it('select all takes every exam but the unacknowledged critical one, in the queue\'s order', () => {
    expect(batchReleasable(queue).map(e => e.examId)).toEqual(['1', '2', '4'])
  })

  it('the selection leaves out exams that left the queue and a critical one that may not be selected', () => {
    expect(selectedForBatch(queue, new Set(['4', '3', '1', 'gone'])).map(e => e.examId)).toEqual(['1', '4'])
  })
})

describe('releasing the selected exams one after another', () => {
  it('releases each in order, never two at once, and says where it stands', async () => {
    const calls: string[] = []
    let inFlight = 0
    const outcome = await releaseInSequence([normal, abnormal, criticalSeen], async (e) => {
      inFlight++
      expect(inFlight).toBe(1)
      await Promise.resolve()
      calls.push(e.examId)
      inFlight--
    }, {
      onStart: (e, index, total) => calls.push(`start ${index + 1}/${total}`),
      onDone: (e, byOthers) => calls.push(`done ${e.examId}${byOthers ? ' by others' : ''}`),
    })
    expect(calls).toEqual(['start 1/3', '1', 'done 1', 'start 2/3', '2', 'done 2', 'start 3/3', '4', 'done 4'])
    expect(outcome).toEqual({ released: [normal, abnormal, criticalSeen], releasedByOthers: [], failed: null, untried: [] })
  })

  it('counts an exam someone else released meanwhile (409 ALREADY_RELEASED) as done and goes on', async () => {
    const done: string[] = []
    const outcome = await releaseInSequence([normal, abnormal], async (e) => {
      if (e === normal)
        throw new ApiError(409, ErrorCode.ALREADY_RELEASED, 'released already')
    }, { onDone: (e, byOthers) => done.push(`${e.examId} ${byOthers}`) })
    expect(done).toEqual(['1 true', '2 false'])
    expect(outcome).toEqual({ released: [abnormal], releasedByOthers: [normal], failed: null, untried: [] })
  })

  it('stops at any other failure, naming the exam, and tries none after it', async () => {
    const error = new ApiError(0, ClientErrorCode.NETWORK, 'offline')
    const tried: string[] = []
    const outcome = await releaseInSequence([normal, abnormal, criticalSeen], async (e) => {
      tried.push(e.examId)
      if (e === abnormal)
        throw error
    })
    expect(tried).toEqual(['1', '2'])
    expect(outcome).toEqual({ released: [normal], releasedByOthers: [], failed: { exam: abnormal, error }, untried: [criticalSeen] })
  })
})

describe('the words of a release of several', () => {
  it('counts the exam being released from 1', () => {
    expect(batchProgressWords(1, 3)).toEqual({ key: 'doctorExams.batch.progress', params: { current: 2, total: 3 } })
  })

  it('sums up how many are released', () => {
    expect(batchSummaryWords({ released: [normal, abnormal, criticalSeen], releasedByOthers: [] }, 'zh-CN'))
      .toEqual({ key: 'doctorExams.batch.done', params: { n: 3 } })
  })

  it('counts those another doctor released as done, and names them in the chosen language', () => {
    expect(batchSummaryWords({ released: [criticalSeen], releasedByOthers: [normal, abnormal] }, 'zh-CN'))
      .toEqual({ key: 'doctorExams.batch.doneWithOthers', params: { n: 3, others: 2, names: '王秀英和李建国' } })
    expect(batchSummaryWords({ released: [], releasedByOthers: [normal, abnormal] }, 'en')?.params.names).toBe('王秀英 and 李建国')
  })

  it('has nothing to sum up when the first release failed', () => {
    expect(batchSummaryWords({ released: [], releasedByOthers: [] }, 'zh-CN')).toBeNull()
  })

  it('names the exam that failed and counts it among those still selected', () => {
    const words = batchFailureWords({ failed: { exam: abnormal, error: new Error('x') }, untried: [criticalSeen] }, '网络不通', date => `[${date}]`)
    expect(words).toEqual({ key: 'doctorExams.batch.failed', params: { name: '李建国', date: '[2026-11-20]', reason: '网络不通', left: 2 } })
    expect(batchFailureWords({ failed: null, untried: [] }, '', d => d)).toBeNull()
  })
})
