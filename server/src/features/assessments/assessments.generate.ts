import { createHash } from 'node:crypto'
import { evaluateReminders, ruleSetForRegion } from '../../../../shared/policy'
import type { ExamItemValue } from '../../../../shared/schemas/exams'
import type { Db } from '../../db/client'
import { newId } from '../../ids'
import { createSnapshotLoader } from '../reminders/reminders.snapshot'
import type { AssessmentFacts, HomeReadingFact, ReminderFact } from './assessments.build'
import { buildAssessment, eligibilityOf, isAntihypertensive, MEASURE_CODES } from './assessments.build'
import { createAssessmentsRepo } from './assessments.repo'

const MEASURE_CODES_JSON = JSON.stringify(MEASURE_CODES)

export interface GenerationCounts {
  created: number
  updated: number
  unchanged: number
  /** signed already: frozen */
  frozen: number
  ineligible: number
}

export const emptyCounts = (): GenerationCounts => ({ created: 0, updated: 0, unchanged: 0, frozen: 0, ineligible: 0 })

export function addCounts(into: GenerationCounts, from: GenerationCounts) {
  for (const key of Object.keys(into) as (keyof GenerationCounts)[])
    into[key] += from[key]
}

/**
 * The hash of a report's JSON without the day it was made on (`asOf`): the same data another
 * day is no new version. Cut from the string, not re-serialised: a county's run makes 400,000.
 */
export function contentHashOf(json: string, asOf: string): string {
  return createHash('sha256').update(json.replace(`"asOf":"${asOf}"`, '')).digest('base64url')
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>()
  for (const row of rows) {
    const list = map.get(key(row))
    if (list === undefined)
      map.set(key(row), [row])
    else
      list.push(row)
  }
  return map
}

/**
 * Makes the annual reports (product.md capability 5) of a batch of residents: their facts read
 * together (one query per table, whatever the batch), each report built by the pure
 * `buildAssessment`, then written: a first version, a new version of a draft whose data changed,
 * nothing for a signed (frozen) one or an unchanged one. Residents not eligible are skipped.
 */
export function createAssessmentGenerator(db: Db) {
  const repo = createAssessmentsRepo(db)
  const loader = createSnapshotLoader(db)

  /** Reads and builds; writes nothing. */
  function prepare(residentIds: readonly string[], year: number, on: string) {
    const ids = JSON.stringify(residentIds)
    const residentRows = repo.residentFacts(ids)
    const conditions = groupBy(repo.conditionsOf(ids), r => r.residentId)
    const doctors = groupBy(repo.doctorsOf(ids, on), r => r.residentId)
    const eligible = residentRows.filter(r => r.status === 'active' && eligibilityOf({
      on,
      signed: doctors.has(r.id),
      conditions: (conditions.get(r.id) ?? []).map(c => c.code),
      resident: r,
    }).length > 0)
    const eligibleIds = JSON.stringify(eligible.map(r => r.id))
    const medications = groupBy(repo.medicationsOf(eligibleIds, on), r => r.residentId)
    const examRows = repo.examsOf(eligibleIds, `${year - 1}-01-01`, `${year}-12-31`)
    // each resident's newest released exam of the year and of the year before
    const chosen = new Map<string, { current?: { id: number, date: string }, previous?: { id: number, date: string } }>()
    for (const exam of examRows) {
      const slot = chosen.get(exam.residentId) ?? {}
      const which = exam.date.startsWith(String(year)) ? 'current' : 'previous'
      slot[which] ??= exam
      chosen.set(exam.residentId, slot)
    }
    const examIds = [...chosen.values()].flatMap(s => [s.current?.id, s.previous?.id]).filter(id => id !== undefined)
    const items = groupBy(examIds.length === 0 ? [] : repo.itemsOf(JSON.stringify(examIds), MEASURE_CODES_JSON), r => r.examId)
    // last year's abnormal items that this year's exam has but were not read: normal now, or not
    const pairs: [number, string][] = []
    for (const slot of chosen.values()) {
      if (slot.current === undefined || slot.previous === undefined)
        continue
      const now = new Set((items.get(slot.current.id) ?? []).map(i => i.code))
      for (const item of items.get(slot.previous.id) ?? []) {
        if (item.flag !== 'normal' && !now.has(item.code))
          pairs.push([slot.current.id, item.code])
      }
    }
    const normalAgain = groupBy((pairs.length === 0 ? [] : repo.flagsOf(JSON.stringify(pairs))).filter(r => r.flag === 'normal'), r => r.examId)
    const home = groupBy(repo.homeOf(eligibleIds, `${year}-01-01`, `${year}-12-31`), r => r.residentId)
    const existing = new Map(repo.existingOf(eligibleIds, year).map(r => [r.residentId, r]))
    const stored = groupBy(repo.remindersOf(eligibleIds, on), r => r.residentId)
    // the engine runs only for those with nothing stored for the day (the job has not run yet, or she has no reminders at all)
    const snapshots = loader.loadSnapshots(eligible.filter(r => !stored.has(r.id)).map(r => r.id), on)

    const built = eligible.map((r) => {
      const snapshot = snapshots.get(r.id)
      const ruleSet = snapshot === undefined ? null : ruleSetForRegion(snapshot.residenceRegion)
      const reminders: ReminderFact[] = stored.get(r.id)
        ?? (snapshot === undefined || ruleSet === null ? [] : evaluateReminders(snapshot, on, ruleSet).map(x => ({ kind: x.kind, status: x.status, dueFrom: x.dueFrom, free: x.free })))
      const slot = chosen.get(r.id)
      const examOf = (exam: { id: number, date: string } | undefined) =>
        exam === undefined ? null : { date: exam.date, items: (items.get(exam.id) ?? []) as ExamItemValue[] }
      const facts: AssessmentFacts = {
        year,
        on,
        resident: r,
        conditions: (conditions.get(r.id) ?? []).map(c => c.code),
        signed: doctors.has(r.id),
        onAntihypertensive: (medications.get(r.id) ?? []).some(m => isAntihypertensive(m.name)),
        exam: examOf(slot?.current),
        previousExam: examOf(slot?.previous),
        home: (home.get(r.id) ?? []) as HomeReadingFact[],
        reminders,
        backToNormal: slot?.current === undefined ? [] : (normalAgain.get(slot.current.id) ?? []).map(i => i.code),
      }
      const content = buildAssessment(facts)
      const json = JSON.stringify(content)
      return { residentId: r.id, year: content.year, json, hash: contentHashOf(json, content.asOf), doctorId: doctors.get(r.id)?.[0]?.doctorId ?? null, existing: existing.get(r.id) }
    })
    return { built, ineligible: residentIds.length - eligible.length }
  }

  /** Writes what `prepare` built; call it in a transaction. */
  function write(prepared: ReturnType<typeof prepare>, at: number): GenerationCounts {
    const counts = { ...emptyCounts(), ineligible: prepared.ineligible }
    for (const report of prepared.built) {
      const { existing } = report
      if (existing === undefined) {
        repo.insert({ id: newId(), residentId: report.residentId, year: report.year, content: report.json, contentHash: report.hash, generatedAt: at, doctorId: report.doctorId })
        counts.created++
      }
      else if (existing.status === 'signed') {
        counts.frozen++
      }
      else if (existing.contentHash === report.hash) {
        // the same data: no new version, though a new family doctor now holds it
        if (existing.doctorId !== report.doctorId)
          repo.moveDoctor(existing.id, report.doctorId)
        counts.unchanged++
      }
      else if (repo.newVersion({ id: existing.id, content: report.json, contentHash: report.hash, generatedAt: at, doctorId: report.doctorId })) {
        counts.updated++
      }
      else {
        counts.frozen++
      }
    }
    return counts
  }

  return {
    repo,
    prepare,
    write,
    /** Builds and writes in one transaction (the caller's, when it has one). */
    generate(residentIds: readonly string[], year: number, on: string, at: number): GenerationCounts {
      const prepared = prepare(residentIds, year, on)
      return db.transaction(() => write(prepared, at))
    },
  }
}

export type AssessmentGenerator = ReturnType<typeof createAssessmentGenerator>

export interface GenerateYearOptions {
  on: string
  /**
   * `missing`: every eligible resident without a report (1 December); `released`: those of them
   * with a released exam in the year (the release trigger's catch-up); `drafts`: the year's
   * drafts again, a new version where their data changed (a corrected exam, a follow-up)
   */
  which: 'missing' | 'released' | 'drafts'
  batchSize?: number
  /** residents written in one transaction: small, so the API's writes never wait long for the lock */
  writeChunk?: number
  afterBatch?: (counts: GenerationCounts) => void | Promise<void>
}

/**
 * The year's reports of every eligible resident who has none yet, in id order and batches: the
 * 1 December run (seed 000: every signed older resident and 三高 patient has one) and the
 * catch-up of exams released while no report was made.
 */
export async function generateYearAssessments(db: Db, options: GenerateYearOptions): Promise<GenerationCounts> {
  const { on, which, batchSize = 2000, writeChunk = 200 } = options
  const year = Number(on.slice(0, 4))
  const generator = createAssessmentGenerator(db)
  const total = emptyCounts()
  let after = ''
  for (;;) {
    const ids = which === 'drafts'
      ? generator.repo.draftsAfter(after, year, batchSize)
      : generator.repo.eligibleWithout({ after, limit: batchSize, on, year, released: which === 'released' })
    if (ids.length === 0)
      break
    for (let start = 0; start < ids.length; start += writeChunk) {
      const prepared = generator.prepare(ids.slice(start, start + writeChunk), year, on)
      addCounts(total, db.transaction(() => generator.write(prepared, Date.now())))
    }
    after = ids.at(-1)!
    await options.afterBatch?.(total)
  }
  return total
}

/** The day in December from which every eligible resident without a report gets one. */
export const DECEMBER_RUN_FROM = '12-01'

/**
 * The daily job's step, after the reminders: the year's drafts renewed where their data changed,
 * reports for exams released without one, and from 1 December for every eligible resident still
 * without one ("from whatever that year holds").
 */
export async function runAssessmentsStep(db: Db, on: string): Promise<GenerationCounts> {
  const counts = await generateYearAssessments(db, { on, which: 'drafts' })
  addCounts(counts, await generateYearAssessments(db, { on, which: 'released' }))
  if (on.slice(5) >= DECEMBER_RUN_FROM)
    addCounts(counts, await generateYearAssessments(db, { on, which: 'missing' }))
  return counts
}
