import { z } from 'zod'

/**
 * The screening questionnaires a resident (or a proxy) can take in the app (product.md capability
 * 14; clinical.md): the COPD screening questionnaire (COPD-SQ) and the colorectal-cancer high-risk
 * questionnaire. Points and criteria are data with their source beside them, so a correction
 * touches no logic. The server scores with this same code; the web may show the result offline.
 */

export const Questionnaire = { COPD_SQ: 'copd-sq', CRC_HIGH_RISK: 'crc-high-risk' } as const
export type Questionnaire = (typeof Questionnaire)[keyof typeof Questionnaire]

/** A scored questionnaire: `reasons` are the answers that counted, by their field name. */
export interface QuestionnaireResult {
  /** the COPD-SQ total; the colorectal questionnaire has no score */
  score?: number
  result: 'positive' | 'negative'
  reasons: string[]
}

// ---- COPD-SQ ----

export const Breathlessness = {
  NONE: 'none',
  /** short of breath when hurrying on level ground or walking up a slight slope */
  HURRYING_OR_SLOPE: 'hurrying-or-slope',
  /** short of breath walking normally on level ground */
  WALKING_LEVEL: 'walking-level',
} as const
export type Breathlessness = (typeof Breathlessness)[keyof typeof Breathlessness]

/** The COPD-SQ answers, each within what the question allows. */
export const CopdSqAnswersSchema = z.object({
  /** 周岁; the questionnaire was built for people aged 40 and over */
  age: z.number().int().min(40, 'COPD-SQ is for people aged 40 or older').max(130),
  /** packs a day × years smoked; 0 for a non-smoker */
  packYears: z.number().min(0).max(200),
  /** kg/m² */
  bmi: z.number().min(10).max(80),
  /** coughs when not having a cold */
  cough: z.boolean(),
  breathlessness: z.enum(Breathlessness),
  /** cooks or heats with coal or biomass (wood, straw) */
  biomassFuel: z.boolean(),
  /** a parent, sibling or child has asthma, chronic bronchitis, emphysema or COPD */
  familyHistory: z.boolean(),
}).strict()
export type CopdSqAnswers = z.infer<typeof CopdSqAnswersSchema>

/** A numeric band: the last band whose lower bound the value reaches gives the points. */
interface Band {
  /** value ≥ this */
  atLeast?: number
  /** value > this */
  above?: number
  points: number
}

/**
 * COPD-SQ points (clinical.md). Source: Zhou YM et al., Int J Tuberc Lung Dis 2013;17(12):1645–51,
 * as used by the 2020 Chinese county COPD screening consensus — verify against the consensus
 * appendix. Totals run 0–31; at or above the cut-off is high risk, and spirometry is due.
 */
export const copdSqPoints = {
  source: 'Zhou YM et al., Int J Tuberc Lung Dis 2013;17(12):1645–51; 2020 Chinese county COPD screening consensus (verify against its appendix)',
  cutOff: 16,
  age: [{ atLeast: 40, points: 0 }, { atLeast: 50, points: 3 }, { atLeast: 60, points: 7 }, { atLeast: 70, points: 10 }],
  // 0–14 → 0, 15–30 → 1, > 30 → 2
  packYears: [{ atLeast: 0, points: 0 }, { atLeast: 15, points: 1 }, { above: 30, points: 2 }],
  // < 18.5 → 7, 18.5–23.9 → 4, 24.0–27.9 → 1, ≥ 28.0 → 0
  bmi: [{ atLeast: 0, points: 7 }, { atLeast: 18.5, points: 4 }, { atLeast: 24, points: 1 }, { atLeast: 28, points: 0 }],
  cough: 5,
  breathlessness: { 'none': 0, 'hurrying-or-slope': 2, 'walking-level': 3 },
  biomassFuel: 1,
  familyHistory: 3,
} as const satisfies {
  source: string
  cutOff: number
  age: readonly Band[]
  packYears: readonly Band[]
  bmi: readonly Band[]
  cough: number
  breathlessness: Record<Breathlessness, number>
  biomassFuel: number
  familyHistory: number
}

function bandPoints(bands: readonly Band[], value: number): number {
  let points = 0
  for (const band of bands) {
    if ((band.atLeast !== undefined && value >= band.atLeast) || (band.above !== undefined && value > band.above))
      points = band.points
  }
  return points
}

/** Scores the COPD-SQ: the total, positive at or above 16, and the answers that scored. */
export function scoreCopdSq(answers: CopdSqAnswers): QuestionnaireResult {
  const p = copdSqPoints
  const points: [keyof CopdSqAnswers, number][] = [
    ['age', bandPoints(p.age, answers.age)],
    ['packYears', bandPoints(p.packYears, answers.packYears)],
    ['bmi', bandPoints(p.bmi, answers.bmi)],
    ['cough', answers.cough ? p.cough : 0],
    ['breathlessness', p.breathlessness[answers.breathlessness]],
    ['biomassFuel', answers.biomassFuel ? p.biomassFuel : 0],
    ['familyHistory', answers.familyHistory ? p.familyHistory : 0],
  ]
  const score = points.reduce((sum, [, n]) => sum + n, 0)
  return { score, result: score >= p.cutOff ? 'positive' : 'negative', reasons: points.filter(([, n]) => n > 0).map(([item]) => item) }
}

// ---- colorectal-cancer high-risk questionnaire ----

/** The colorectal questionnaire's answers: yes/no to each question, and the FOBT result when known. */
export const CrcHighRiskAnswersSchema = z.object({
  /** the fecal occult blood test taken with the questionnaire; absent when not (yet) known */
  fobt: z.enum(['positive', 'negative']).optional(),
  firstDegreeRelativeCrc: z.boolean(),
  ownAdenomaOrPolyp: z.boolean(),
  ownCancer: z.boolean(),
  /** verify: > 3 months in total over the last 2 years, each bout ≥ 1 week */
  chronicDiarrhoea: z.boolean(),
  /** ≥ 2 months a year over the last 2 years */
  chronicConstipation: z.boolean(),
  mucusOrBloodyStool: z.boolean(),
  chronicAppendicitisOrAppendectomy: z.boolean(),
  chronicCholecystitisOrCholecystectomy: z.boolean(),
  majorLifeEventOrDepression: z.boolean(),
}).strict()
export type CrcHighRiskAnswers = z.infer<typeof CrcHighRiskAnswersSchema>

type CrcQuestion = Exclude<keyof CrcHighRiskAnswers, 'fobt'>

/**
 * High risk → colonoscopy (clinical.md). Source: Chinese early colorectal cancer screening
 * consensus, 中华医学杂志 2019;99(38):2961. Any one of `anyOne` (or a positive FOBT), or at least
 * `twoOrMore.atLeast` of `twoOrMore.questions`.
 */
export const crcHighRiskCriteria = {
  source: 'Chinese early colorectal cancer screening consensus, 中华医学杂志 2019;99(38):2961',
  anyOne: ['firstDegreeRelativeCrc', 'ownAdenomaOrPolyp', 'ownCancer'],
  twoOrMore: {
    atLeast: 2,
    questions: ['chronicDiarrhoea', 'chronicConstipation', 'mucusOrBloodyStool', 'chronicAppendicitisOrAppendectomy', 'chronicCholecystitisOrCholecystectomy', 'majorLifeEventOrDepression'],
  },
} as const satisfies { source: string, anyOne: readonly CrcQuestion[], twoOrMore: { atLeast: number, questions: readonly CrcQuestion[] } }

/**
 * Assesses colorectal-cancer risk: positive (high risk) on a positive FOBT, any one major
 * criterion, or two or more of the symptoms and history items. `reasons` name what counted:
 * the symptoms only when there are enough of them to count.
 */
export function assessCrcHighRisk(answers: CrcHighRiskAnswers): QuestionnaireResult {
  const reasons: string[] = []
  if (answers.fobt === 'positive')
    reasons.push('fobt')
  reasons.push(...crcHighRiskCriteria.anyOne.filter(question => answers[question]))
  const symptoms = crcHighRiskCriteria.twoOrMore.questions.filter(question => answers[question])
  if (symptoms.length >= crcHighRiskCriteria.twoOrMore.atLeast)
    reasons.push(...symptoms)
  return { result: reasons.length > 0 ? 'positive' : 'negative', reasons }
}

/** A submitted questionnaire: which one, and its answers. */
export const QuestionnaireSubmissionSchema = z.discriminatedUnion('questionnaire', [
  z.object({ questionnaire: z.literal(Questionnaire.COPD_SQ), answers: CopdSqAnswersSchema }),
  z.object({ questionnaire: z.literal(Questionnaire.CRC_HIGH_RISK), answers: CrcHighRiskAnswersSchema }),
])
export type QuestionnaireSubmission = z.infer<typeof QuestionnaireSubmissionSchema>

/** Scores a validated submission with the questionnaire's own rule. */
export function scoreQuestionnaire(submission: QuestionnaireSubmission): QuestionnaireResult {
  return submission.questionnaire === Questionnaire.COPD_SQ ? scoreCopdSq(submission.answers) : assessCrcHighRisk(submission.answers)
}
