import { isParentRelation } from '../../../../shared/access'
import { ageOn } from '../../../../shared/dates'
import { shanghaiDayAt } from '../../clock'
import type { ConditionCode, ParentResidence, PolicyEvent, Snapshot } from '../../../../shared/policy'
import type { Db } from '../../db/client'
import type { ResidentHistory } from './reminders.repo'
import { createRemindersRepo } from './reminders.repo'

/** Record condition codes the engine knows; `hiv` and `other` drive no programme. */
const engineConditions: ReadonlySet<string> = new Set<ConditionCode>(['hypertension', 'diabetes', 'dyslipidaemia', 'copd', 'severe-mental-disorder', 'tuberculosis'])

/** seed 003 §一(二): 0-14岁(含14周岁) children of in-migrants qualify through a parent. */
const CHILD_THROUGH_PARENT_MAX_AGE = 14

function groupBy<T extends { residentId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const list = groups.get(row.residentId)
    if (list === undefined)
      groups.set(row.residentId, [row])
    else
      list.push(row)
  }
  return groups
}

type Parent = ResidentHistory['householdParents'][number]

/**
 * The parent whose residence facts a child borrows: the one with the longest-held residence
 * permit, else one insured somewhere, else the first by id — the parent most likely to carry
 * the child into a programme, so the choice does not depend on row order.
 */
function chooseParent(parents: readonly Parent[]): ParentResidence | null {
  const rank = (p: Parent) => [p.residencePermitSince ?? '9999-12-31', p.insuranceRegion === null ? 1 : 0, p.id] as const
  const best = [...parents].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)]
    return x[0] !== y[0] ? (x[0] < y[0] ? -1 : 1) : x[1] !== y[1] ? x[1] - y[1] : x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0
  })[0]
  return best === undefined
    ? null
    : { hukouRegion: best.hukouRegion, residencePermitSince: best.residencePermitSince, insurance: best.insurance, insuranceRegion: best.insuranceRegion }
}

/**
 * Whose reminders a snapshot is for. A proxy may not learn of a sensitive condition or one the
 * resident marked private (product.md capability 7), and a reminder can give one away (a
 * follow-up of her blood pressure, a yearly exam "because your doctor manages your blood
 * sugar"): for a proxy the engine is asked as if those conditions were not there.
 */
export type SnapshotViewer = 'full' | 'proxy'

/**
 * Maps the rows of a batch to the engine's snapshots (policy-rules.md, the snapshot table). Pure:
 * `on` decides only who counts as a child of the household.
 */
export function snapshotsFrom(history: ResidentHistory, on: string, viewer: SnapshotViewer = 'full'): Map<string, Snapshot> {
  const signed = new Set(history.signed.map(row => row.residentId))
  const conditions = groupBy(history.conditions)
  const events = new Map<string, PolicyEvent[]>()
  const add = (residentId: string, event: PolicyEvent) => {
    const list = events.get(residentId)
    if (list === undefined)
      events.set(residentId, [event])
    else
      list.push(event)
  }

  for (const exam of history.exams) {
    // a withdrawn result was never hers: it neither counts as done nor asks for follow-up
    if (exam.status === 'retracted')
      continue
    const examId = String(exam.id)
    // policy-rules.md "Completed": an exam counts when done, released or not
    add(exam.residentId, { kind: 'exam', date: exam.date, examId })
    if (exam.status === 'released' && exam.releasedOn !== null)
      add(exam.residentId, { kind: 'exam-released', date: exam.releasedOn, examId, releasedOn: exam.releasedOn, worst: exam.worst })
    if (exam.criticalAcknowledgedOn !== null)
      add(exam.residentId, { kind: 'critical-acknowledged', date: exam.criticalAcknowledgedOn, examId })
  }
  for (const b of history.bookings) {
    // a no-show leaves nothing booked, as a cancellation does
    const status = b.status === 'no-show' ? 'cancelled' : b.status
    add(b.residentId, { kind: 'booking', date: shanghaiDayAt(b.createdAt), bookingId: b.id, status, slotDate: b.slotDate })
    // issue 6: a check-in marks the exam as done for the reminders, before any result comes in
    if (b.status === 'checked-in')
      add(b.residentId, { kind: 'exam', date: b.slotDate, examId: `booking-${b.id}` })
  }
  for (const shot of history.fluShots)
    add(shot.residentId, { kind: 'flu-shot', date: shot.date, selfReported: shot.selfReported })
  for (const s of history.screenings) {
    if (s.kind === 'colonoscopy' || s.kind === 'spirometry')
      add(s.residentId, { kind: s.kind, date: s.date })
    // a test without a result yet (the lab has not reported) is not a screening the engine can weigh
    else if (s.result !== null)
      add(s.residentId, { kind: s.kind, date: s.date, result: s.result })
  }
  for (const f of history.followups)
    add(f.residentId, { kind: 'followup', date: f.date, mode: f.mode })
  for (const q of history.questionnaires) {
    if (q.questionnaire === 'copd-sq') {
      add(q.residentId, { kind: 'copd-questionnaire', date: q.takenOn, result: q.result })
      continue
    }
    add(q.residentId, { kind: 'crc-questionnaire', date: q.takenOn, result: q.result })
    // the colorectal screening is the questionnaire together with the FOBT (seed 000 §二(三)1). A
    // positive result she tells us opens the colonoscopy at once, the safe way to be wrong; a
    // negative one she tells us is no record of the test (policy-rules.md "Completed"), so it
    // leaves the screening due until the lab's result comes in
    if (q.fobt === 'positive')
      add(q.residentId, { kind: 'crc-screening', date: q.takenOn, result: q.fobt })
  }

  const parentsByHousehold = new Map<string, Parent[]>()
  for (const p of history.householdParents) {
    const list = parentsByHousehold.get(p.householdId!)
    if (list === undefined)
      parentsByHousehold.set(p.householdId!, [p])
    else
      list.push(p)
  }

  const snapshots = new Map<string, Snapshot>()
  for (const r of history.facts) {
    const parents = r.householdId !== null && ageOn(r.birthDate, on) <= CHILD_THROUGH_PARENT_MAX_AGE
      ? (parentsByHousehold.get(r.householdId) ?? []).filter(p => p.id !== r.id && isParentRelation(p.relationToHead, r.relationToHead))
      : []
    snapshots.set(r.id, {
      birthDate: r.birthDate,
      sex: r.sex,
      hukouRegion: r.hukouRegion,
      residenceRegion: r.residenceRegion,
      residencePermitSince: r.residencePermitSince,
      insurance: r.insurance,
      insuranceRegion: r.insuranceRegion,
      schoolStage: r.schoolStage,
      publicEmployee: r.publicEmployee,
      signedDoctor: signed.has(r.id),
      conditions: (conditions.get(r.id) ?? [])
        .filter(c => engineConditions.has(c.code) && (viewer === 'full' || (!c.sensitive && !c.private)))
        .map(c => ({ code: c.code as ConditionCode, managed: c.managed })),
      events: events.get(r.id) ?? [],
      parentResidence: chooseParent(parents),
    })
  }
  return snapshots
}

/**
 * The snapshot builder of the reminder engine: prepares its statements once, then loads any
 * batch of residents with one query per table (ten in all), so the API (a batch of one) and
 * the daily job (batches of thousands) share it.
 */
export function createSnapshotLoader(db: Db) {
  const repo = createRemindersRepo(db)
  return {
    /**
     * The engine's snapshot of each active resident of `residentIds` on the evaluation date
     * `on` (YYYY-MM-DD). Residents who moved away, died or do not exist are absent from the map:
     * they get no reminders (product.md, "Data and scale").
     */
    loadSnapshots(residentIds: readonly string[], on: string, viewer: SnapshotViewer = 'full'): Map<string, Snapshot> {
      if (residentIds.length === 0)
        return new Map()
      return snapshotsFrom(repo.history(residentIds, on), on, viewer)
    },
    /**
     * The same holding only what the free exam's rule reads (`evaluateExam`): five queries, not
     * ten, for the booking's judgement of free or not.
     */
    loadExamSnapshots(residentIds: readonly string[], on: string, viewer: SnapshotViewer = 'full'): Map<string, Snapshot> {
      return snapshotsFrom(repo.history(residentIds, on, 'exam'), on, viewer)
    },
    /** The same for every resident whose id lies from `first` to `last`: the daily job's batches. */
    loadSnapshotRange(first: string, last: string, on: string): Map<string, Snapshot> {
      return snapshotsFrom(repo.historyOfRange(first, last, on), on)
    },
  }
}

export type SnapshotLoader = ReturnType<typeof createSnapshotLoader>
