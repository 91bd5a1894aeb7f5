import {
  Breathlessness,
  type CopdSqAnswers,
  CopdSqAnswersSchema,
  crcHighRiskCriteria,
  type CrcHighRiskAnswers,
  CrcHighRiskAnswersSchema,
  Questionnaire,
  type QuestionnaireSubmission,
} from '../../../../shared/clinical/questionnaires'
import type { Draft, Step } from './questionnaire-steps'

/**
 * The two questionnaires as a resident answers them (clinical.md). The COPD-SQ asks for things
 * nobody knows offhand (BMI, pack-years), so the form asks what people do know (height and
 * weight; cigarettes a day and years) and computes them. The age comes from the record.
 */

/** kg/m², one decimal: the bands (18.5, 24.0, 28.0) are read at one decimal. */
export function computeBmi(heightCm: number, weightKg: number): number {
  const metres = heightCm / 100
  return Math.round((weightKg / (metres * metres)) * 10) / 10
}

export const CIGARETTES_PER_PACK = 20

/**
 * Packs a day × years smoked, one decimal. Capped at the schema's 200: the points stop rising at
 * 30, and only an implausible pair of answers could pass 200.
 */
export function computePackYears(cigarettesPerDay: number, years: number): number {
  return Math.min(200, Math.round((cigarettesPerDay / CIGARETTES_PER_PACK) * years * 10) / 10)
}

export const Smoking = { NEVER: 'never', CURRENT: 'current', FORMER: 'former' } as const
export type Smoking = (typeof Smoking)[keyof typeof Smoking]

const smokes = (draft: Draft) => draft.smoking === Smoking.CURRENT || draft.smoking === Smoking.FORMER
const yesNo = [true, false] as const

/** The lowest and highest BMI the schema takes; outside them a height or weight was mistyped. */
const BMI_PLAUSIBLE = { min: 10, max: 80 }

export const copdSqSteps: readonly Step[] = [
  { id: 'smoking', kind: 'choice', options: [Smoking.NEVER, Smoking.CURRENT, Smoking.FORMER] },
  { id: 'cigarettesPerDay', kind: 'number', min: 1, max: 100, decimals: 0, when: smokes },
  { id: 'yearsSmoked', kind: 'number', min: 1, max: 100, decimals: 0, when: smokes },
  { id: 'heightCm', kind: 'number', min: 100, max: 230, decimals: 0 },
  {
    id: 'weightKg',
    kind: 'number',
    min: 25,
    max: 200,
    decimals: 1,
    check: (weight, draft) => {
      if (typeof draft.heightCm !== 'number')
        return null
      const bmi = computeBmi(draft.heightCm, weight)
      return bmi < BMI_PLAUSIBLE.min || bmi > BMI_PLAUSIBLE.max ? 'questionnaires.error.bmi' : null
    },
  },
  { id: 'cough', kind: 'choice', options: yesNo },
  { id: 'breathlessness', kind: 'choice', options: [Breathlessness.NONE, Breathlessness.HURRYING_OR_SLOPE, Breathlessness.WALKING_LEVEL] },
  { id: 'biomassFuel', kind: 'choice', options: yesNo },
  { id: 'familyHistory', kind: 'choice', options: yesNo },
]

/** Every colorectal question is yes or no; the FOBT result comes from the lab, not from the resident. */
export const crcSteps: readonly Step[] = [...crcHighRiskCriteria.anyOne, ...crcHighRiskCriteria.twoOrMore.questions]
  .map(id => ({ id, kind: 'choice', options: yesNo }) as const)

/** The COPD-SQ answers from a complete draft and the age on the record; throws on an incomplete draft. */
export function toCopdSqAnswers(draft: Draft, age: number): CopdSqAnswers {
  const packYears = smokes(draft) ? computePackYears(Number(draft.cigarettesPerDay), Number(draft.yearsSmoked)) : 0
  return CopdSqAnswersSchema.parse({
    age,
    packYears,
    bmi: computeBmi(Number(draft.heightCm), Number(draft.weightKg)),
    cough: draft.cough,
    breathlessness: draft.breathlessness,
    biomassFuel: draft.biomassFuel,
    familyHistory: draft.familyHistory,
  })
}

export function toCrcAnswers(draft: Draft): CrcHighRiskAnswers {
  return CrcHighRiskAnswersSchema.parse(Object.fromEntries(crcSteps.map(step => [step.id, draft[step.id]])))
}

export interface QuestionnaireForm {
  id: Questionnaire
  steps: readonly Step[]
  /** the submission from a complete draft; `age` is the record's */
  submission: (draft: Draft, age: number) => QuestionnaireSubmission
}

export const questionnaireForms: Record<Questionnaire, QuestionnaireForm> = {
  [Questionnaire.COPD_SQ]: {
    id: Questionnaire.COPD_SQ,
    steps: copdSqSteps,
    submission: (draft, age) => ({ questionnaire: Questionnaire.COPD_SQ, answers: toCopdSqAnswers(draft, age) }),
  },
  [Questionnaire.CRC_HIGH_RISK]: {
    id: Questionnaire.CRC_HIGH_RISK,
    steps: crcSteps,
    submission: draft => ({ questionnaire: Questionnaire.CRC_HIGH_RISK, answers: toCrcAnswers(draft) }),
  },
}

/** The COPD-SQ was built for people aged 40 and over (clinical.md); its schema refuses younger. */
export const COPD_SQ_MIN_AGE = 40

export function isQuestionnaire(value: string): value is Questionnaire {
  return Object.values(Questionnaire).includes(value as Questionnaire)
}
