import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { conditions } from '../../db/schema'
import { ORIGIN, testApp } from '../../test/test-app'
import { ids, phones } from '../../test/world'
import { buildReminderWorld, reminderIds, reminderPhones } from '../../test/world-reminders'

type Who = keyof typeof phones | 'changji'
let t: Awaited<ReturnType<typeof testApp>>
let cookies: Record<Who, string>
beforeAll(async () => {
  t = await testApp()
  buildReminderWorld(t.db)
  // a sensitive programme for 王秀英, to see who is shown it (seed 002 §五(八))
  t.db.insert(conditions).values({ id: 'condsmdaaaaaaaaa', residentId: ids.mother, code: 'severe-mental-disorder', name: '严重精神障碍', managed: true, sensitive: true }).run()
  cookies = await t.signInAll({ ...phones, ...reminderPhones })
})
afterAll(async () => {
  await t.app.close()
})

const get = (url: string, who?: Who) => t.app.inject({ url, headers: who ? { cookie: cookies[who]! } : {} })
const post = (url: string, payload: unknown, who?: Who) => t.app.inject({ method: 'POST', url, payload: payload as object, headers: who ? { cookie: cookies[who]!, origin: ORIGIN } : {} })
const reminders = async (residentId: string, who: Who = 'mother') => {
  const response = await get(`/api/residents/${residentId}/reminders`, who)
  expect(response.statusCode).toBe(200)
  return response.json() as { on: string, ruleSetId: string | null, items: { id: string, kind: string, ruleId: string, status: string, dueFrom: string, dueBy: string | null, priority: string, sensitive: boolean, reason: { key: string } }[] }
}
const byKind = (list: Awaited<ReturnType<typeof reminders>>) => Object.fromEntries(list.items.filter(r => !r.sensitive).map(r => [r.kind, r]))

describe('GET /api/residents/:id/reminders — the personas of demo.md on 2026-11-22', () => {
  it('王秀英: flu shot overdue, colorectal screening and the COPD questionnaire due, her 2026 exam done, follow-up overdue', async () => {
    const list = await reminders(ids.mother)
    expect(list.on).toBe('2026-11-22')
    expect(list.ruleSetId).toBe('zhejiang-2022')
    const r = byKind(list)
    expect(r['flu-shot']).toMatchObject({ id: 'flu-shot-2026-09-01', status: 'overdue', dueFrom: '2026-09-01', dueBy: '2026-10-31', free: true, action: 'vaccinate', missingFact: { key: 'flu-shot.shot-elsewhere' } })
    expect(r['crc-screening']).toMatchObject({ id: 'crc-screening-2026-06-10', status: 'due', reason: { key: 'crc-screening.five-years', params: { date: '2021-06-10' } } })
    expect(r['copd-questionnaire']).toMatchObject({ status: 'due', action: 'questionnaire' })
    // the exam of 2026-10-28 is pending review, but completed: this year's exam is done
    expect(r['health-exam']).toMatchObject({ id: 'health-exam-2027-01-01', status: 'done', dueFrom: '2027-01-01', reason: { key: 'health-exam.done', params: { date: '2026-10-28' } } })
    expect(r['chronic-followup']).toMatchObject({ status: 'overdue', dueBy: '2026-11-15', ruleId: 'zhejiang-2022/chronic-followup' })
    // the 2026-05-19 exam's high glucose and LDL-C were followed up on 2026-08-15
    expect(r['abnormal-result-review']).toMatchObject({ id: 'abnormal-result-review-900000003', status: 'done', subjectId: '900000003' })
    expect(Object.keys(r).sort()).toEqual(['abnormal-result-review', 'chronic-followup', 'copd-questionnaire', 'crc-screening', 'flu-shot', 'health-exam'])
  })

  it('lists the most urgent first and gives every item its own id', async () => {
    const { items } = await reminders(ids.mother)
    expect(items.map(r => `${r.id}:${r.status}`)).toEqual([
      'flu-shot-2026-09-01:overdue',
      'chronic-followup-care-visit-2026-10-15:overdue',
      'chronic-followup-2026-10-15:overdue',
      'copd-questionnaire-2017-04-18:due',
      'crc-screening-2026-06-10:due',
      'abnormal-result-review-900000003:done',
      'health-exam-2027-01-01:done',
    ])
    expect(new Set(items.map(r => r.id)).size).toBe(items.length)
  })

  it('李小雨, a primary-school pupil: this year\'s exam is due (last 2025-09-10)', async () => {
    const r = byKind(await reminders(ids.child, 'son'))
    expect(r['health-exam']).toMatchObject({ id: 'health-exam-2026-01-01', status: 'due', dueBy: '2026-12-31', reason: { key: 'health-exam.yearly-student' } })
    expect(Object.keys(r)).toEqual(['health-exam'])
  })

  it('张伟: the two-year exam is due (last 2024-12-31); no programme for his age', async () => {
    const r = byKind(await reminders(ids.stranger, 'stranger'))
    expect(r['health-exam']).toMatchObject({ status: 'due', dueBy: '2026-12-31', reason: { key: 'health-exam.every-two-years' } })
    expect(Object.keys(r)).toEqual(['health-exam'])
  })

  it.each([
    ['李建国, 48, no exam on record', ids.son, 'son'],
    ['赵丽, 41, no exam on record', ids.viewer, 'viewer'],
  ] as const)('%s: the two-year exam is due, and nothing else at that age', async (_, residentId, who) => {
    const r = byKind(await reminders(residentId, who))
    expect(r['health-exam']).toMatchObject({ id: 'health-exam-2026-01-01', status: 'due', dueFrom: '2026-01-01', dueBy: '2026-12-31', free: true, action: 'book-exam', reason: { key: 'health-exam.every-two-years' } })
    expect(Object.keys(r)).toEqual(['health-exam'])
  })

  it('王磊, a family account with no record, has no reminders of his own: his mother\'s he may read', async () => {
    expect((await reminders(ids.mother, 'family')).items.map(r => r.kind)).toContain('flu-shot')
  })

  it('a resident living in Changji gets the Changji rule set and her cohort\'s deadline', async () => {
    const list = await reminders(reminderIds.changji, 'changji')
    expect(list.ruleSetId).toBe('changji-2021')
    expect(byKind(list)['health-exam']).toMatchObject({ ruleId: 'changji-2021/health-exam', status: 'overdue', dueBy: '2026-10-10' })
  })

  it('a deceased resident gets no reminders', async () => {
    const list = await reminders(ids.deceased, 'son')
    expect(list.items).toEqual([])
  })
})

describe('GET /api/residents/:id/reminders — who may read them', () => {
  it.each([
    ['the resident herself', 'mother', 200],
    ['her son (view, book, consult)', 'son', 200],
    ['赵丽 (view only)', 'viewer', 200],
    ['王磊, a family account (view, consult)', 'family', 200],
    ['her signed family doctor 陈明', 'doctor', 200],
    ['a nurse of his team', 'nurse', 200],
    ['a doctor she is not signed with (刘芳)', 'otherDoctor', 404],
    ['a proxy whose grant expired', 'expired', 404],
    ['a stranger (张伟)', 'stranger', 404],
  ] as const)('%s (%s) → %i', async (_, who, status) => {
    expect((await get(`/api/residents/${ids.mother}/reminders`, who)).statusCode).toBe(status)
  })

  it('the household parent reads his child\'s', async () => {
    expect((await get(`/api/residents/${ids.child}/reminders`, 'son')).statusCode).toBe(200)
  })

  it('without a session → 401', async () => {
    expect((await get(`/api/residents/${ids.mother}/reminders`)).statusCode).toBe(401)
  })

  it('a bad resident id → 400 naming id', async () => {
    const response = await get('/api/residents/NOT-AN-ID/reminders', 'mother')
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'id' })
  })

  it('shows the sensitive care visit to the resident and her doctor, never to a proxy', async () => {
    const sensitive = async (who: Who) => (await reminders(ids.mother, who)).items.filter(r => r.sensitive).map(r => r.id)
    expect(await sensitive('mother')).toEqual(['chronic-followup-care-visit-2026-10-15'])
    expect(await sensitive('doctor')).toEqual(['chronic-followup-care-visit-2026-10-15'])
    expect(await sensitive('son')).toEqual([])
    expect(await sensitive('viewer')).toEqual([])
    // the two follow-up programmes share a kind and a date: each id names its rule
    expect((await reminders(ids.mother)).items.filter(r => r.kind === 'chronic-followup').map(r => r.id).sort())
      .toEqual(['chronic-followup-2026-10-15', 'chronic-followup-care-visit-2026-10-15'])
  })

  it('a condition she marked private gives nothing away to a proxy; she and her doctor still see its follow-up', async () => {
    const followups = async (who: Who) => (await reminders(ids.mother, who)).items.filter(r => r.ruleId.endsWith('/chronic-followup')).map(r => r.status)
    t.sqlite.prepare('update conditions set private = 1 where resident_id = ? and code in (\'hypertension\', \'diabetes\')').run(ids.mother)
    try {
      expect(await followups('viewer')).toEqual([])
      expect(await followups('son')).toEqual([])
      expect(await followups('mother')).toEqual(['overdue'])
      expect(await followups('doctor')).toEqual(['overdue'])
    }
    finally {
      t.sqlite.prepare('update conditions set private = 0 where resident_id = ?').run(ids.mother)
    }
    expect(await followups('viewer')).toEqual(['overdue'])
  })

  it('a proxy\'s reading is in her access log; her own is not', async () => {
    t.sqlite.prepare('delete from access_log').run()
    await get(`/api/residents/${ids.mother}/reminders`, 'mother')
    await get(`/api/residents/${ids.mother}/reminders`, 'viewer')
    expect(t.sqlite.prepare('select actor_name, action, what from access_log').all()).toEqual([{ actor_name: '赵丽', action: 'read', what: 'reminders' }])
  })
})

describe('POST /api/residents/:id/immunizations/self-reported — a flu shot given elsewhere', () => {
  const url = `/api/residents/${ids.mother}/immunizations/self-reported`

  it.each([
    ['a date after today', '2026-11-23'],
    ['a date of last season', '2026-08-31'],
  ])('%s → 400 naming date', async (_, date) => {
    const response = await post(url, { vaccine: 'influenza', date }, 'mother')
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'date' })
  })

  it.each([
    [{ vaccine: 'influenza', date: '2026-13-01' }, 'date'],
    [{ vaccine: 'influenza', date: '2026-02-30' }, 'date'],
    [{ vaccine: 'influenza', date: '2026-11-31' }, 'date'],
    [{ vaccine: 'covid-19', date: '2026-10-01' }, 'vaccine'],
    [{ vaccine: 'influenza' }, 'date'],
  ])('a bad body %j → 400 naming %s', async (payload, field) => {
    const response = await post(url, payload, 'mother')
    expect(response.statusCode).toBe(400)
    expect(response.json().error.field).toBe(field)
  })

  it.each([
    ['赵丽 (view only)', 'viewer', 403],
    ['her family doctor', 'doctor', 403],
    ['a nurse of his team', 'nurse', 403],
    ['刘芳, not her doctor', 'otherDoctor', 404],
    ['a stranger', 'stranger', 404],
  ] as const)('%s (%s) → %i', async (_, who, status) => {
    expect((await post(url, { vaccine: 'influenza', date: '2026-10-20' }, who)).statusCode).toBe(status)
  })

  it('without a session → 401', async () => {
    expect((await post(url, { vaccine: 'influenza', date: '2026-10-20' })).statusCode).toBe(401)
  })

  it('records the shot as self-reported and the flu reminder turns done; the same day again is the same shot', async () => {
    const first = await post(url, { vaccine: 'influenza', date: '2026-10-20' }, 'mother')
    expect(first.statusCode).toBe(201)
    expect(first.json()).toMatchObject({ vaccine: 'influenza', date: '2026-10-20', selfReported: true })
    expect(t.sqlite.prepare('select vaccine, date, self_reported from immunizations where id = ?').get(first.json().id)).toEqual({ vaccine: 'influenza', date: '2026-10-20', self_reported: 1 })
    expect(byKind(await reminders(ids.mother))['flu-shot']).toMatchObject({ status: 'done', dueFrom: '2027-09-01', reason: { key: 'flu-shot.done-reported', params: { date: '2026-10-20' } } })
    const again = await post(url, { vaccine: 'influenza', date: '2026-10-20' }, 'mother')
    expect(again.statusCode).toBe(200)
    expect(again.json().id).toBe(first.json().id)
  })

  it('her son (consult) may tell us for her: logged as a change and she is told', async () => {
    t.sqlite.prepare('delete from access_log').run()
    const response = await post(url, { vaccine: 'influenza', date: '2026-09-15' }, 'son')
    expect(response.statusCode).toBe(201)
    expect(t.sqlite.prepare('select actor_name, action, what from access_log').all()).toEqual([{ actor_name: '李建国', action: 'change', what: 'immunizations' }])
    expect(t.sqlite.prepare('select kind from notifications where resident_id = ? order by created_at desc limit 1').get(ids.mother)).toEqual({ kind: 'acted-for-you' })
  })

  it('a household parent may tell us for his child', async () => {
    expect((await post(`/api/residents/${ids.child}/immunizations/self-reported`, { vaccine: 'influenza', date: '2026-10-01' }, 'son')).statusCode).toBe(201)
  })
})
