import { describe, expect, it } from 'vitest'
import { assessCrcHighRisk, scoreCopdSq } from '../../../../shared/clinical/questionnaires'
import { computeBmi, computePackYears, crcSteps, isQuestionnaire, questionnaireForms, toCopdSqAnswers, toCrcAnswers } from './questionnaire-forms'

describe('BMI from height and weight', () => {
  it('is kg/m² at one decimal', () => {
    expect(computeBmi(158, 52)).toBe(20.8)
    expect(computeBmi(170, 70)).toBe(24.2)
  })

  it('lands on the band edges the COPD-SQ reads (18.5, 24.0, 28.0)', () => {
    expect(computeBmi(160, 47.4)).toBe(18.5)
    expect(computeBmi(160, 61.44)).toBe(24)
    expect(computeBmi(150, 63)).toBe(28)
  })
})

describe('pack-years from cigarettes a day and years', () => {
  it('is packs (20 cigarettes) a day times years', () => {
    expect(computePackYears(20, 30)).toBe(30)
    expect(computePackYears(10, 15)).toBe(7.5)
    expect(computePackYears(30, 21)).toBe(31.5)
  })

  it('stays within the schema\'s 200 for implausible answers', () => {
    expect(computePackYears(100, 100)).toBe(200)
  })
})

const wangXiuying = { smoking: 'never', heightCm: 156, weightKg: 50, cough: true, breathlessness: 'walking-level', biomassFuel: true, familyHistory: false }

describe('the COPD-SQ answers sent', () => {
  it('take the age from the record, not from a question', () => {
    expect(toCopdSqAnswers(wangXiuying, 74)).toEqual({ age: 74, packYears: 0, bmi: 20.5, cough: true, breathlessness: 'walking-level', biomassFuel: true, familyHistory: false })
  })

  it('score 23 for 王秀英 in the e2e path: high risk, spirometry', () => {
    // age ≥ 70 → 10, BMI 18.5–23.9 → 4, cough 5, breathless walking on level ground 3, biomass 1
    expect(scoreCopdSq(toCopdSqAnswers(wangXiuying, 74))).toMatchObject({ score: 23, result: 'positive' })
  })

  it('compute pack-years for a former smoker', () => {
    expect(toCopdSqAnswers({ ...wangXiuying, smoking: 'former', cigarettesPerDay: 20, yearsSmoked: 40 }, 74).packYears).toBe(40)
  })

  it('refuse an incomplete draft rather than send it', () => {
    expect(() => toCopdSqAnswers({ smoking: 'never' }, 74)).toThrow(/heightCm|bmi|cough|expected/i)
  })
})

describe('the colorectal answers sent', () => {
  const no = Object.fromEntries(crcSteps.map(s => [s.id, false]))

  it('are every question yes or no, without an FOBT', () => {
    const answers = toCrcAnswers({ ...no, chronicDiarrhoea: true, mucusOrBloodyStool: true })
    expect(answers.fobt).toBeUndefined()
    expect(assessCrcHighRisk(answers).result).toBe('positive')
    expect(assessCrcHighRisk(toCrcAnswers(no)).result).toBe('negative')
  })
})

describe('questionnaire names in the URL', () => {
  it('knows the two questionnaires and no other', () => {
    expect(isQuestionnaire('copd-sq')).toBe(true)
    expect(isQuestionnaire('crc-high-risk')).toBe(true)
    expect(isQuestionnaire('phq-9')).toBe(false)
    expect(questionnaireForms['copd-sq'].submission(wangXiuying, 74).questionnaire).toBe('copd-sq')
  })
})
