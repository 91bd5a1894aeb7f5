import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CopdSqAnswers, CrcHighRiskAnswers } from './questionnaires'
import { assessCrcHighRisk, CopdSqAnswersSchema, CrcHighRiskAnswersSchema, QuestionnaireSubmissionSchema, scoreCopdSq, scoreQuestionnaire } from './questionnaires'

const lowRisk: CopdSqAnswers = { age: 45, packYears: 0, bmi: 30, cough: false, breathlessness: 'none', biomassFuel: false, familyHistory: false }

describe('COPD-SQ scoring (clinical.md, Zhou 2013)', () => {
  it('scores nothing for a 45-year-old non-smoker with no symptoms', () => {
    expect(scoreCopdSq(lowRisk)).toEqual({ score: 0, result: 'negative', reasons: [] })
  })

  it('scores every item at its top: 31', () => {
    expect(scoreCopdSq({ age: 75, packYears: 40, bmi: 17, cough: true, breathlessness: 'walking-level', biomassFuel: true, familyHistory: true }))
      .toEqual({ score: 31, result: 'positive', reasons: ['age', 'packYears', 'bmi', 'cough', 'breathlessness', 'biomassFuel', 'familyHistory'] })
  })

  it.each([
    ['age 49', { age: 49 }, 0], ['age 50', { age: 50 }, 3], ['age 59', { age: 59 }, 3], ['age 60', { age: 60 }, 7], ['age 69', { age: 69 }, 7], ['age 70', { age: 70 }, 10],
    ['14 pack-years', { packYears: 14 }, 0], ['15 pack-years', { packYears: 15 }, 1], ['30 pack-years', { packYears: 30 }, 1], ['30.5 pack-years', { packYears: 30.5 }, 2],
    ['BMI 18.4', { bmi: 18.4 }, 7], ['BMI 18.5', { bmi: 18.5 }, 4], ['BMI 23.9', { bmi: 23.9 }, 4], ['BMI 24.0', { bmi: 24 }, 1], ['BMI 27.9', { bmi: 27.9 }, 1], ['BMI 28.0', { bmi: 28 }, 0],
    ['cough', { cough: true }, 5], ['short of breath hurrying', { breathlessness: 'hurrying-or-slope' }, 2], ['short of breath walking', { breathlessness: 'walking-level' }, 3],
    ['coal or biomass', { biomassFuel: true }, 1], ['family history', { familyHistory: true }, 3],
  ] as const)('%s scores its points', (_, change, points) => {
    expect(scoreCopdSq({ ...lowRisk, ...change }).score).toBe(points)
  })

  it('is positive at 16 and negative at 15', () => {
    // 70 → 10, BMI 22 → 4, short of breath hurrying → 2: 16
    expect(scoreCopdSq({ ...lowRisk, age: 70, bmi: 22, breathlessness: 'hurrying-or-slope' })).toMatchObject({ score: 16, result: 'positive' })
    // 70 → 10, BMI 22 → 4, coal → 1: 15
    expect(scoreCopdSq({ ...lowRisk, age: 70, bmi: 22, biomassFuel: true })).toMatchObject({ score: 15, result: 'negative' })
  })

  it('keeps every total within 0–31, positive exactly from 16', () => {
    const answers = fc.record({
      age: fc.integer({ min: 40, max: 130 }),
      packYears: fc.double({ min: 0, max: 200, noNaN: true }),
      bmi: fc.double({ min: 10, max: 80, noNaN: true }),
      cough: fc.boolean(),
      breathlessness: fc.constantFrom('none' as const, 'hurrying-or-slope' as const, 'walking-level' as const),
      biomassFuel: fc.boolean(),
      familyHistory: fc.boolean(),
    })
    fc.assert(fc.property(answers, (a) => {
      const { score, result } = scoreCopdSq(CopdSqAnswersSchema.parse(a))
      expect(score).toBeGreaterThanOrEqual(0)
      expect(score).toBeLessThanOrEqual(31)
      expect(result).toBe(score! >= 16 ? 'positive' : 'negative')
    }))
  })

  it('refuses answers outside what each question allows', () => {
    expect(CopdSqAnswersSchema.safeParse({ ...lowRisk, age: 39 }).success).toBe(false)
    expect(CopdSqAnswersSchema.safeParse({ ...lowRisk, age: 65.5 }).success).toBe(false)
    expect(CopdSqAnswersSchema.safeParse({ ...lowRisk, packYears: -1 }).success).toBe(false)
    expect(CopdSqAnswersSchema.safeParse({ ...lowRisk, bmi: 5 }).success).toBe(false)
    expect(CopdSqAnswersSchema.safeParse({ ...lowRisk, breathlessness: 'sometimes' }).success).toBe(false)
    expect(CopdSqAnswersSchema.safeParse({ ...lowRisk, cough: 'yes' }).success).toBe(false)
    expect(CopdSqAnswersSchema.safeParse({ ...lowRisk, extra: 1 }).success).toBe(false)
    const { familyHistory: _, ...missing } = lowRisk
    expect(CopdSqAnswersSchema.safeParse(missing).error?.issues[0]?.path).toEqual(['familyHistory'])
  })
})

const noRisk: CrcHighRiskAnswers = {
  firstDegreeRelativeCrc: false,
  ownAdenomaOrPolyp: false,
  ownCancer: false,
  chronicDiarrhoea: false,
  chronicConstipation: false,
  mucusOrBloodyStool: false,
  chronicAppendicitisOrAppendectomy: false,
  chronicCholecystitisOrCholecystectomy: false,
  majorLifeEventOrDepression: false,
}

describe('colorectal-cancer high-risk questionnaire (clinical.md, 中华医学杂志 2019)', () => {
  it('is negative with nothing answered yes and a negative FOBT', () => {
    expect(assessCrcHighRisk({ ...noRisk, fobt: 'negative' })).toEqual({ result: 'negative', reasons: [] })
  })

  it.each(['firstDegreeRelativeCrc', 'ownAdenomaOrPolyp', 'ownCancer'] as const)('is positive on %s alone', (question) => {
    expect(assessCrcHighRisk({ ...noRisk, [question]: true })).toEqual({ result: 'positive', reasons: [question] })
  })

  it('is positive on a positive FOBT alone', () => {
    expect(assessCrcHighRisk({ ...noRisk, fobt: 'positive' })).toEqual({ result: 'positive', reasons: ['fobt'] })
  })

  it('one symptom is not enough; two or more are', () => {
    expect(assessCrcHighRisk({ ...noRisk, chronicDiarrhoea: true })).toEqual({ result: 'negative', reasons: [] })
    expect(assessCrcHighRisk({ ...noRisk, chronicDiarrhoea: true, majorLifeEventOrDepression: true })).toEqual({ result: 'positive', reasons: ['chronicDiarrhoea', 'majorLifeEventOrDepression'] })
  })

  it('names a single symptom beside a major criterion only when symptoms count', () => {
    expect(assessCrcHighRisk({ ...noRisk, ownCancer: true, mucusOrBloodyStool: true }).reasons).toEqual(['ownCancer'])
  })

  it('refuses answers that are not yes or no, and an unknown FOBT result', () => {
    expect(CrcHighRiskAnswersSchema.safeParse({ ...noRisk, ownCancer: 1 }).success).toBe(false)
    expect(CrcHighRiskAnswersSchema.safeParse({ ...noRisk, fobt: 'weak' }).success).toBe(false)
    expect(CrcHighRiskAnswersSchema.safeParse(noRisk).success).toBe(true)
  })
})

describe('questionnaire submissions', () => {
  it('scores each questionnaire with its own rule', () => {
    expect(scoreQuestionnaire(QuestionnaireSubmissionSchema.parse({ questionnaire: 'copd-sq', answers: { ...lowRisk, age: 70 } }))).toEqual({ score: 10, result: 'negative', reasons: ['age'] })
    expect(scoreQuestionnaire(QuestionnaireSubmissionSchema.parse({ questionnaire: 'crc-high-risk', answers: { ...noRisk, ownCancer: true } }))).toEqual({ result: 'positive', reasons: ['ownCancer'] })
  })

  it('refuses the answers of one questionnaire sent as the other', () => {
    expect(QuestionnaireSubmissionSchema.safeParse({ questionnaire: 'copd-sq', answers: noRisk }).success).toBe(false)
  })
})
