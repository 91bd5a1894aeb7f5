import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ORIGIN, testApp } from '../../test/test-app'
import { ids, phones } from '../../test/world'
import { buildReminderWorld } from '../../test/world-reminders'

type Who = keyof typeof phones
let t: Awaited<ReturnType<typeof testApp>>
let cookies: Record<Who, string>
beforeAll(async () => {
  t = await testApp()
  buildReminderWorld(t.db)
  cookies = await t.signInAll(phones)
})
afterAll(async () => {
  await t.app.close()
})
beforeEach(() => {
  t.sqlite.prepare('delete from questionnaire_responses').run()
})

const url = (id: string = ids.mother) => `/api/residents/${id}/questionnaires`
const get = (path: string, who?: Who) => t.app.inject({ url: path, headers: who ? { cookie: cookies[who]! } : {} })
const post = (path: string, payload: unknown, who?: Who) => t.app.inject({ method: 'POST', url: path, payload: payload as object, headers: who ? { cookie: cookies[who]!, origin: ORIGIN } : {} })
const reminderOf = async (kind: string, id: string = ids.mother) =>
  ((await get(`/api/residents/${id}/reminders`, 'mother')).json().items as { kind: string, status: string }[]).filter(r => r.kind === kind)

/** 王秀英 is 74 on 2026-11-22: age alone scores 10. */
const copd = (extra: Record<string, unknown> = {}) => ({
  questionnaire: 'copd-sq',
  answers: { age: 74, packYears: 0, bmi: 24.5, cough: false, breathlessness: 'none', biomassFuel: false, familyHistory: false, ...extra },
})
const crc = (extra: Record<string, unknown> = {}) => ({
  questionnaire: 'crc-high-risk',
  answers: {
    firstDegreeRelativeCrc: false,
    ownAdenomaOrPolyp: false,
    ownCancer: false,
    chronicDiarrhoea: false,
    chronicConstipation: false,
    mucusOrBloodyStool: false,
    chronicAppendicitisOrAppendectomy: false,
    chronicCholecystitisOrCholecystectomy: false,
    majorLifeEventOrDepression: false,
    ...extra,
  },
})

describe('POST /api/residents/:id/questionnaires — the COPD-SQ', () => {
  it('scores 19 (age 10, BMI 24.5 → 1, cough 5, breathless walking 3): positive, spirometry is due and the questionnaire no longer is', async () => {
    const response = await post(url(), copd({ cough: true, breathlessness: 'walking-level' }), 'mother')
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ questionnaire: 'copd-sq', takenOn: '2026-11-22', takenBy: '王秀英', score: 19, result: 'positive', reasons: ['age', 'bmi', 'cough', 'breathlessness'] })
    expect(await reminderOf('spirometry')).toMatchObject([{ status: 'due', dueFrom: '2026-11-22', free: true, action: 'book-exam', reason: { key: 'spirometry.positive-questionnaire' } }])
    // policy-rules.md: the questionnaire step is done when taken, and the spirometry has its own reminder
    expect(await reminderOf('copd-questionnaire')).toMatchObject([{ status: 'done', dueFrom: '2031-11-22' }])
    // the stored reminders that notifications read say so too, at once, not after tonight's job
    expect(t.sqlite.prepare('select id, status, computed_on as computedOn from resident_reminders where resident_id = ? and kind in (\'spirometry\', \'copd-questionnaire\') order by id').all(ids.mother)).toEqual([
      { id: 'copd-questionnaire-2031-11-22', status: 'done', computedOn: '2026-11-22' },
      { id: 'spirometry-2026-11-22', status: 'due', computedOn: '2026-11-22' },
    ])
  })

  it('scores 11 (age 10, BMI 24.5 → 1): negative, the questionnaire is done for 5 years', async () => {
    const response = await post(url(), copd(), 'mother')
    expect(response.json()).toMatchObject({ score: 11, result: 'negative' })
    expect(await reminderOf('copd-questionnaire')).toMatchObject([{ status: 'done', dueFrom: '2031-11-22' }])
    expect(await reminderOf('spirometry')).toEqual([])
  })

  it('an age that is not the resident\'s → 400 naming answers.age', async () => {
    const response = await post(url(), copd({ age: 70 }), 'mother')
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'answers.age' })
    expect(t.sqlite.prepare('select count(*) as n from questionnaire_responses').get()).toEqual({ n: 0 })
  })
})

describe('POST /api/residents/:id/questionnaires — the colorectal questionnaire', () => {
  it('high risk (own adenoma): a colonoscopy is urged, high priority', async () => {
    const response = await post(url(), crc({ ownAdenomaOrPolyp: true }), 'mother')
    expect(response.json()).toMatchObject({ result: 'positive', reasons: ['ownAdenomaOrPolyp'] })
    expect(response.json().score).toBeUndefined()
    expect(await reminderOf('colonoscopy')).toMatchObject([{ status: 'due', priority: 'high', dueFrom: '2026-11-22', dueBy: '2027-02-22', action: 'contact-doctor', reason: { key: 'colonoscopy.high-risk-questionnaire' } }])
    expect(await reminderOf('crc-screening')).toEqual([])
  })

  it('a positive FOBT given with it: the colonoscopy names the FOBT', async () => {
    await post(url(), crc({ fobt: 'positive' }), 'mother')
    expect(await reminderOf('colonoscopy')).toMatchObject([{ priority: 'high', reason: { key: 'colonoscopy.positive-fobt' } }])
  })

  it('low risk with a negative FOBT she tells us is no record of the test: the screening stays due', async () => {
    expect((await post(url(), crc({ fobt: 'negative', chronicConstipation: true }), 'mother')).json()).toMatchObject({ result: 'negative', reasons: [] })
    expect(await reminderOf('crc-screening')).toMatchObject([{ status: 'due' }])
  })

  it('low risk without an FOBT is not yet a screening: it stays due', async () => {
    await post(url(), crc(), 'mother')
    expect(await reminderOf('crc-screening')).toMatchObject([{ status: 'due' }])
  })
})

describe('bad bodies → 400 naming the field', () => {
  it.each([
    ['an unknown questionnaire', { questionnaire: 'phq-9', answers: {} }, 'questionnaire'],
    ['a missing answer', { questionnaire: 'copd-sq', answers: { age: 74, packYears: 0, bmi: 22, breathlessness: 'none', biomassFuel: false, familyHistory: false } }, 'answers.cough'],
    ['an answer out of range', copd({ bmi: 5 }), 'answers.bmi'],
    ['an answer the questionnaire does not ask', crc({ favouriteColour: 'red' }), 'answers'],
    ['a wrong FOBT value', crc({ fobt: 'maybe' }), 'answers.fobt'],
    ['no answers at all', { questionnaire: 'crc-high-risk' }, 'answers'],
  ])('%s', async (_, payload, field) => {
    const response = await post(url(), payload, 'mother')
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field })
  })
})

describe('who may take a questionnaire for 王秀英 (SELF_CARE)', () => {
  it.each([
    ['the resident herself', 'mother', 201],
    ['her son (consult)', 'son', 201],
    ['王磊 (view, consult)', 'family', 201],
    ['赵丽 (view only)', 'viewer', 403],
    ['her family doctor 陈明', 'doctor', 403],
    ['a nurse of his team', 'nurse', 403],
    ['刘芳, not her doctor', 'otherDoctor', 404],
    ['a stranger (张伟)', 'stranger', 404],
  ] as const)('%s (%s) → %i', async (_, who, status) => {
    expect((await post(url(), crc(), who)).statusCode).toBe(status)
  })

  it('without a session → 401', async () => {
    expect((await post(url(), crc())).statusCode).toBe(401)
  })

  it('李建国 takes one for his daughter 李小雨 (household parent)', async () => {
    expect((await post(url(ids.child), crc(), 'son')).statusCode).toBe(201)
  })

  it('a proxy taking it is logged as a change, she is told, and it says who took it', async () => {
    t.sqlite.prepare('delete from access_log').run()
    const response = await post(url(), crc(), 'son')
    expect(response.json().takenBy).toBe('李建国')
    expect(t.sqlite.prepare('select actor_name, action, what from access_log').all()).toEqual([{ actor_name: '李建国', action: 'change', what: 'questionnaires' }])
    expect(t.sqlite.prepare('select kind, params from notifications where resident_id = ? order by created_at desc limit 1').get(ids.mother)).toMatchObject({ kind: 'acted-for-you' })
  })
})

describe('GET /api/residents/:id/questionnaires', () => {
  it('lists them newest first with answers, score and result', async () => {
    await post(url(), crc(), 'mother')
    t.advance(60_000)
    await post(url(), copd({ cough: true }), 'son')
    const list = (await get(url(), 'mother')).json()
    expect(list.items.map((q: { questionnaire: string, takenBy: string, score?: number }) => [q.questionnaire, q.takenBy, q.score])).toEqual([['copd-sq', '李建国', 16], ['crc-high-risk', '王秀英', undefined]])
    expect(list.items[0].answers).toMatchObject({ age: 74, cough: true })
  })

  it.each([
    ['the resident', 'mother', 200],
    ['赵丽 (view)', 'viewer', 200],
    ['her doctor', 'doctor', 200],
    ['a nurse of his team', 'nurse', 200],
    ['刘芳', 'otherDoctor', 404],
    ['a stranger', 'stranger', 404],
  ] as const)('%s (%s) → %i', async (_, who, status) => {
    expect((await get(url(), who)).statusCode).toBe(status)
  })

  it('without a session → 401', async () => {
    expect((await get(url())).statusCode).toBe(401)
  })
})
