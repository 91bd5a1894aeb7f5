import { addDays } from '../../dates'
import type { Rule, RuleContext } from '../rule-set'
import { makeReminder, statusOn } from '../rule-set'
import type { PolicyEvent } from '../snapshot'

/**
 * Follow-up of released exam results (policy-rules.md "Abnormal exam results"; seed 001, seed 003
 * §五(三): 对体检结果异常居民,要及时进行随访,重要异常结果要及时告知). Every rule set uses these.
 */

type Release = Extract<PolicyEvent, { kind: 'exam-released' }>

const severity = { normal: 0, abnormal: 1, critical: 2 } as const

function compareReleases(a: Release, b: Release): number {
  if (a.releasedOn !== b.releasedOn)
    return a.releasedOn < b.releasedOn ? -1 : 1
  if (a.worst !== b.worst)
    return severity[a.worst] - severity[b.worst]
  return a.examId < b.examId ? -1 : a.examId > b.examId ? 1 : 0
}

/** Released exams, one per exam (a re-release replaces the earlier one), oldest release first. */
function releasedExams(ctx: RuleContext): Release[] {
  const byExam = new Map<string, Release>()
  for (const release of ctx.history('exam-released')) {
    if (release.releasedOn > ctx.on)
      continue
    const seen = byExam.get(release.examId)
    if (seen === undefined || compareReleases(seen, release) < 0)
      byExam.set(release.examId, release)
  }
  return [...byExam.values()].sort(compareReleases)
}

/** The latest day the resident spoke with the care team (a consultation or any follow-up). */
function lastContact(ctx: RuleContext): string | null {
  const consultation = ctx.history('consultation').at(-1)?.date ?? null
  const followup = ctx.history('followup').at(-1)?.date ?? null
  if (consultation === null || followup === null)
    return consultation ?? followup
  return consultation > followup ? consultation : followup
}

/**
 * A released exam with a critical item: high priority, due on release, by the next day; done
 * when a doctor acknowledges it or the resident speaks with the care team on or after release.
 * One per critical exam, each with its own state: 危急值 are rare, and each is its own event.
 */
export const criticalResultRule: Rule = (ctx) => {
  const critical = releasedExams(ctx).filter(release => release.worst === 'critical')
  const acknowledged = new Set(ctx.history('critical-acknowledged').map(event => event.examId))
  const contact = lastContact(ctx)
  const resolved = (release: Release) => acknowledged.has(release.examId) || (contact !== null && contact >= release.releasedOn)
  return critical.map((release) => {
    const done = resolved(release)
    const dueBy = addDays(release.releasedOn, 1)
    return makeReminder(ctx, {
      kind: 'critical-result',
      rule: 'critical-result',
      status: done ? 'done' : statusOn(ctx.on, release.releasedOn, dueBy),
      priority: 'high',
      dueFrom: release.releasedOn,
      dueBy,
      free: false,
      reason: { key: done ? 'critical-result.done' : 'critical-result.released', params: { date: release.releasedOn } },
      action: 'contact-doctor',
      subjectId: release.examId,
    })
  })
}

/**
 * The latest released exam, when its worst finding is abnormal (high or low): review with the
 * doctor within 30 days; done on a consultation or follow-up on or after release. A newer
 * release replaces it, and a critical exam is followed by `criticalResultRule` instead.
 */
export const abnormalResultRule: Rule = (ctx) => {
  const release = releasedExams(ctx).at(-1)
  if (release === undefined || release.worst !== 'abnormal')
    return []
  const contact = lastContact(ctx)
  const done = contact !== null && contact >= release.releasedOn
  const dueBy = addDays(release.releasedOn, 30)
  return [makeReminder(ctx, {
    kind: 'abnormal-result-review',
    rule: 'abnormal-result-review',
    status: done ? 'done' : statusOn(ctx.on, release.releasedOn, dueBy),
    dueFrom: release.releasedOn,
    dueBy,
    free: false,
    reason: { key: done ? 'abnormal-result.done' : 'abnormal-result.released', params: { date: release.releasedOn } },
    action: 'contact-doctor',
    subjectId: release.examId,
  })]
}
