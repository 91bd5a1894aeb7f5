import { addDays } from '../../dates'
import type { Locale } from '../messages'
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

/** The latest of all releases, which is the latest release of the exam released last. */
function latestRelease(ctx: RuleContext): Release | undefined {
  let latest: Release | undefined
  for (const release of ctx.history('exam-released')) {
    if (release.releasedOn <= ctx.on && (latest === undefined || compareReleases(latest, release) < 0))
      latest = release
  }
  return latest
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
/** What `criticalResultRule` says, for each rule set's `ruleSources`. */
export const criticalResultSummary: Record<Locale, string> = {
  'zh-CN': '体检发现危急值时，要在结果发布后1天内联系医生处理',
  'en': 'A critical value found in a health exam is taken up with a doctor within 1 day of the results.',
}

export const criticalResultRule: Rule = (ctx) => {
  // most residents have never had a critical release: skip the per-exam bookkeeping for them
  if (!ctx.history('exam-released').some(release => release.worst === 'critical'))
    return []
  const critical = releasedExams(ctx).filter(release => release.worst === 'critical')
  const acknowledged = new Set(ctx.history('critical-acknowledged').map(event => event.examId))
  const contact = lastContact(ctx)
  return critical.map((release) => {
    const done = acknowledged.has(release.examId) || (contact !== null && contact >= release.releasedOn)
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
/** What `abnormalResultRule` says, for each rule set's `ruleSources`. */
export const abnormalResultSummary: Record<Locale, string> = {
  'zh-CN': '体检结果有异常时，要在结果发布后30天内请医生解读并随访',
  'en': 'Abnormal health exam results are reviewed with a doctor within 30 days of their release.',
}

export const abnormalResultRule: Rule = (ctx) => {
  const release = latestRelease(ctx)
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
