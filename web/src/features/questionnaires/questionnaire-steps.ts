/**
 * A questionnaire as one question a screen (elder mode asks exactly that): the steps, which of
 * them apply to the answers so far, where "next" and "back" go, and the progress line. Pure.
 */

export type AnswerValue = string | number | boolean
/** The answers so far, by step id; a number step keeps the parsed number. */
export type Draft = Record<string, AnswerValue | undefined>

interface StepBase {
  id: string
  /** only asked when this holds for the answers so far (packs a day only for a smoker) */
  when?: (draft: Draft) => boolean
}

export interface ChoiceStep extends StepBase {
  kind: 'choice'
  options: readonly (string | boolean)[]
}

export interface NumberStep extends StepBase {
  kind: 'number'
  min: number
  max: number
  /** 0 for whole numbers, 1 for one decimal (a weight) */
  decimals: 0 | 1
  /** an error key when the value is in range but does not fit the other answers */
  check?: (value: number, draft: Draft) => string | null
}

export type Step = ChoiceStep | NumberStep

/** The screens around the questions. */
export const REVIEW = 'review'

export function visibleSteps(steps: readonly Step[], draft: Draft): Step[] {
  return steps.filter(step => step.when === undefined || step.when(draft))
}

/** Why a typed number is not accepted yet: the error key, or null when it is fine. */
export function numberError(step: NumberStep, text: string, draft: Draft): string | null {
  const value = parseNumber(text)
  if (value === null)
    return text.trim() === '' ? 'questionnaires.error.empty' : 'questionnaires.error.notNumber'
  if (value < step.min || value > step.max || (step.decimals === 0 && !Number.isInteger(value)))
    return step.decimals === 0 ? 'questionnaires.error.rangeWhole' : 'questionnaires.error.range'
  return step.check?.(value, draft) ?? null
}

/** A number as a person types it on a phone: `1.5`, `1,5` and full-width digits all count. */
export function parseNumber(text: string): number | null {
  const normalized = text.trim()
    .replace(/[０-９]/g, d => String.fromCharCode(d.charCodeAt(0) - 0xFF10 + 48))
    .replace(/[，,。．]/g, '.')
  if (!/^\d+(?:\.\d+)?$/.test(normalized))
    return null
  return Number(normalized)
}

export function isAnswered(step: Step, draft: Draft): boolean {
  const value = draft[step.id]
  if (value === undefined)
    return false
  if (step.kind === 'choice')
    return step.options.includes(value as string | boolean)
  return typeof value === 'number' && numberError(step, String(value), draft) === null
}

/** The first question that applies and has no valid answer yet, or null when all are answered. */
export function firstUnanswered(steps: readonly Step[], draft: Draft): string | null {
  return visibleSteps(steps, draft).find(step => !isAnswered(step, draft))?.id ?? null
}

/** Where "next" goes from a question: the next one that applies, or the review. */
export function stepAfter(steps: readonly Step[], draft: Draft, current: string): string {
  const visible = visibleSteps(steps, draft)
  const at = visible.findIndex(step => step.id === current)
  return visible[at + 1]?.id ?? REVIEW
}

/** Where "back" goes: the previous question that applies, the last one from the review, or null before the first. */
export function stepBefore(steps: readonly Step[], draft: Draft, current: string): string | null {
  const visible = visibleSteps(steps, draft)
  if (current === REVIEW)
    return visible.at(-1)?.id ?? null
  const at = visible.findIndex(step => step.id === current)
  return at <= 0 ? null : visible[at - 1]!.id
}

/**
 * After a change made from the review: back to the review, unless the change opened a question
 * still unanswered (now a smoker: how many a day?), which comes first.
 */
export function stepAfterEdit(steps: readonly Step[], draft: Draft): string {
  return firstUnanswered(steps, draft) ?? REVIEW
}

/** "第 2 / 7 题": the question's place among those that apply now. */
export function progressOf(steps: readonly Step[], draft: Draft, current: string): { number: number, total: number } {
  const visible = visibleSteps(steps, draft)
  return { number: visible.findIndex(step => step.id === current) + 1, total: visible.length }
}

/** Drops answers to questions that no longer apply, so they are neither shown nor sent. */
export function applicableDraft(steps: readonly Step[], draft: Draft): Draft {
  const ids = new Set(visibleSteps(steps, draft).map(step => step.id))
  return Object.fromEntries(Object.entries(draft).filter(([id]) => ids.has(id)))
}
