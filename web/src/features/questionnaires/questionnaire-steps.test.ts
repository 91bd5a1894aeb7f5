import { describe, expect, it } from 'vitest'
import { copdSqSteps, crcSteps } from './questionnaire-forms'
import { applicableDraft, firstUnanswered, isAnswered, numberError, parseNumber, progressOf, REVIEW, stepAfter, stepAfterEdit, stepBefore, visibleSteps } from './questionnaire-steps'

const ids = (draft: Parameters<typeof visibleSteps>[1]) => visibleSteps(copdSqSteps, draft).map(s => s.id)

describe('COPD-SQ steps', () => {
  it('asks 7 questions of someone who never smoked', () => {
    expect(ids({ smoking: 'never' })).toEqual(['smoking', 'heightCm', 'weightKg', 'cough', 'breathlessness', 'biomassFuel', 'familyHistory'])
  })

  it('asks a smoker, past or present, how much and how long', () => {
    for (const smoking of ['current', 'former']) {
      expect(ids({ smoking })).toHaveLength(9)
      expect(ids({ smoking }).slice(0, 3)).toEqual(['smoking', 'cigarettesPerDay', 'yearsSmoked'])
    }
  })

  it('counts progress among the questions that apply: 第 2 / 7 题', () => {
    expect(progressOf(copdSqSteps, { smoking: 'never' }, 'heightCm')).toEqual({ number: 2, total: 7 })
    expect(progressOf(copdSqSteps, { smoking: 'current' }, 'heightCm')).toEqual({ number: 4, total: 9 })
  })
})

describe('next and back', () => {
  it('skips the smoking amounts for a non-smoker, both ways', () => {
    expect(stepAfter(copdSqSteps, { smoking: 'never' }, 'smoking')).toBe('heightCm')
    expect(stepBefore(copdSqSteps, { smoking: 'never' }, 'heightCm')).toBe('smoking')
    expect(stepAfter(copdSqSteps, { smoking: 'former' }, 'smoking')).toBe('cigarettesPerDay')
    expect(stepBefore(copdSqSteps, { smoking: 'former' }, 'heightCm')).toBe('yearsSmoked')
  })

  it('goes to the review after the last question, and back from it to the last', () => {
    expect(stepAfter(copdSqSteps, {}, 'familyHistory')).toBe(REVIEW)
    expect(stepBefore(copdSqSteps, {}, REVIEW)).toBe('familyHistory')
  })

  it('has nothing before the first question', () => {
    expect(stepBefore(copdSqSteps, {}, 'smoking')).toBeNull()
    expect(stepBefore(crcSteps, {}, crcSteps[0]!.id)).toBeNull()
  })

  it('returns to the review after a change, unless the change opened an unanswered question', () => {
    const done = { smoking: 'never', heightCm: 158, weightKg: 52, cough: true, breathlessness: 'walking-level', biomassFuel: true, familyHistory: false }
    expect(stepAfterEdit(copdSqSteps, done)).toBe(REVIEW)
    expect(stepAfterEdit(copdSqSteps, { ...done, smoking: 'current' })).toBe('cigarettesPerDay')
    expect(stepAfterEdit(copdSqSteps, { ...done, smoking: 'current', cigarettesPerDay: 10 })).toBe('yearsSmoked')
  })

  it('sends no answer to a question that no longer applies', () => {
    const draft = { smoking: 'never', cigarettesPerDay: 20, yearsSmoked: 30, heightCm: 160 }
    expect(applicableDraft(copdSqSteps, draft)).toEqual({ smoking: 'never', heightCm: 160 })
  })
})

describe('answers', () => {
  const height = copdSqSteps.find(s => s.id === 'heightCm')!
  const weight = copdSqSteps.find(s => s.id === 'weightKg')!

  it('reads numbers as people type them on a phone', () => {
    expect(parseNumber(' 158 ')).toBe(158)
    expect(parseNumber('52,5')).toBe(52.5)
    expect(parseNumber('１６０')).toBe(160)
    expect(parseNumber('52。5')).toBe(52.5)
    expect(parseNumber('')).toBeNull()
    expect(parseNumber('1米6')).toBeNull()
    expect(parseNumber('-3')).toBeNull()
  })

  it('names what is wrong with a typed number', () => {
    if (height.kind !== 'number' || weight.kind !== 'number')
      throw new Error('height and weight are number steps')
    expect(numberError(height, '', {})).toBe('questionnaires.error.empty')
    expect(numberError(height, 'abc', {})).toBe('questionnaires.error.notNumber')
    expect(numberError(height, '16', {})).toBe('questionnaires.error.rangeWhole')
    expect(numberError(height, '158.5', {})).toBe('questionnaires.error.rangeWhole')
    expect(numberError(height, '158', {})).toBeNull()
    expect(numberError(weight, '52.5', { heightCm: 158 })).toBeNull()
    expect(numberError(weight, '300', { heightCm: 158 })).toBe('questionnaires.error.range')
  })

  it('refuses a weight that cannot go with the height (BMI outside 10–80)', () => {
    if (weight.kind !== 'number')
      throw new Error('weight is a number step')
    expect(numberError(weight, '30', { heightCm: 220 })).toBe('questionnaires.error.bmi')
    expect(numberError(weight, '200', { heightCm: 120 })).toBe('questionnaires.error.bmi')
  })

  it('counts a choice only among its options', () => {
    const cough = copdSqSteps.find(s => s.id === 'cough')!
    expect(isAnswered(cough, { cough: false })).toBe(true)
    expect(isAnswered(cough, { cough: 'maybe' })).toBe(false)
    expect(isAnswered(cough, {})).toBe(false)
  })

  it('finds the first question still to answer', () => {
    expect(firstUnanswered(copdSqSteps, {})).toBe('smoking')
    expect(firstUnanswered(copdSqSteps, { smoking: 'never', heightCm: 158 })).toBe('weightKg')
  })
})

describe('the colorectal questionnaire', () => {
  it('asks all nine yes/no questions, the lab\'s FOBT not among them', () => {
    expect(crcSteps).toHaveLength(9)
    expect(crcSteps.every(s => s.kind === 'choice' && s.options.join() === 'true,false')).toBe(true)
    expect(crcSteps.map(s => s.id)).not.toContain('fobt')
  })
})
