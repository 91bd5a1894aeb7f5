import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ORIGIN } from '../../test/test-app'
import { ids, phones } from '../../test/world'
import { examIds } from '../../test/world-exams'
import type { Who } from './exams.fixture'
import { boot, cookies, get, logRows, mother, post, release, t } from './exams.fixture'

describe('the doctor\'s review queue and release', () => {
  beforeAll(boot)
  afterAll(async () => {
    await t.app.close()
  })

  it('shows 陈明 his signed residents\' pending exams and his institution\'s for residents with no family doctor, oldest first', async () => {
    const response = await get('/api/doctor/exams?status=pending-review', 'doctor')
    expect(response.statusCode).toBe(200)
    const { items } = response.json()
    expect(items.map((e: { resident: { name: string }, date: string, reviewAs: string, waitingDays: number }) => `${e.date} ${e.resident.name} ${e.reviewAs} ${e.waitingDays}`)).toEqual([
      '2026-09-30 李建国 family-doctor 53',
      '2026-10-28 王秀英 family-doctor 25',
      '2026-11-05 李小雨 family-doctor 17',
      '2026-11-10 吴过 institution 12',
    ])
    expect(items[1]).toEqual({
      examId: String(examIds.motherPending),
      date: '2026-10-28',
      waitingDays: 25,
      institution: { id: 'instfengqiaoaaaa', name: '枫桥镇卫生院' },
      resident: { id: ids.mother, name: '王秀英', sex: 'female', age: 74 },
      reviewAs: 'family-doctor',
      worst: 'abnormal',
      flaggedItems: [{ code: '14771-0', value: 6.9, valueText: null, unit: 'mmol/L', flag: 'high' }],
      criticalAcknowledgedOn: null,
    })
    expect(items[0].flaggedItems).toEqual([])
    // critical first, then the others in catalogue order
    expect(items[3].flaggedItems.map((i: { code: string, flag: string }) => `${i.code} ${i.flag}`)).toEqual(['14771-0 critical', '8480-6 high', '718-7 low', '22748-8 high'])
    // 张伟's exam done at 枫桥 waits for his own family doctor, not for 枫桥's doctors
    expect(items.map((e: { examId: string }) => e.examId)).not.toContain(String(examIds.strangerFengqiao))
  })

  it('shows 刘芳 her signed resident\'s exam and her institution\'s exam of a resident with no family doctor', async () => {
    const { items } = (await get('/api/doctor/exams', 'otherDoctor')).json()
    expect(items.map((e: { examId: string, reviewAs: string }) => `${e.examId} ${e.reviewAs}`)).toEqual([
      `${examIds.strangerFengqiao} family-doctor`,
      `${examIds.lapsedJiyang} institution`,
    ])
  })

  it('honours the limit', async () => {
    expect((await get('/api/doctor/exams?limit=2', 'doctor')).json().items.map((e: { date: string }) => e.date)).toEqual(['2026-09-30', '2026-10-28'])
  })

  it('logs one read of exams for each resident listed', async () => {
    const before = logRows(ids.lapsed).length
    await get('/api/doctor/exams', 'otherDoctor')
    expect(logRows(ids.lapsed).slice(before)).toEqual([{ actor_name: '刘芳', actor_role: 'doctor', action: 'read', what: 'exams' }])
    const stranger = logRows(ids.stranger)
    expect(stranger.at(-1)).toEqual({ actor_name: '刘芳', actor_role: 'doctor', action: 'read', what: 'exams' })
  })

  it.each([
    ['the nurse 孙婷', 'nurse', 403],
    ['institution staff', 'institutionStaff', 403],
    ['a resident', 'mother', 403],
    ['a family account', 'family', 403],
  ] as const)('refuses the queue to %s (%s) → %i', async (_, who, status) => {
    const response = await get('/api/doctor/exams', who)
    expect(response.statusCode).toBe(status)
    expect(response.json().error.code).toBe('FORBIDDEN')
  })

  it('refuses the queue without a session (401) and a status it does not know (400)', async () => {
    expect((await get('/api/doctor/exams')).statusCode).toBe(401)
    const bad = await get('/api/doctor/exams?status=released', 'doctor')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.field).toBe('status')
  })

  it.each([
    ['the resident herself', 'mother', 403],
    ['李建国 (proxy)', 'son', 403],
    ['赵丽 (proxy, view)', 'viewer', 403],
    ['the nurse 孙婷', 'nurse', 403],
    ['刘芳, not her doctor, of another institution', 'otherDoctor', 404],
    ['institution staff of 枫桥', 'institutionStaff', 404],
    ['the stranger 张伟', 'stranger', 404],
    ['a proxy whose grant expired', 'expired', 404],
  ] as const)('refuses to let %s (%s) release her exam → %i, and changes nothing', async (_, who, status) => {
    expect((await release(examIds.motherPending, who)).statusCode).toBe(status)
    expect((await get(`${mother}/exams/${examIds.motherPending}`, 'mother')).json().status).toBe('pending-review')
  })

  it('refuses a release without a session (401)', async () => {
    expect((await release(examIds.motherPending)).statusCode).toBe(401)
  })

  it.each([
    ['an exam id that is not one', '/api/doctor/exams/x1/release', {}, 'examId'],
    ['a comment too long', `/api/doctor/exams/${examIds.motherPending}/release`, { comment: '长'.repeat(501) }, 'comment'],
    ['a comment that is not text', `/api/doctor/exams/${examIds.motherPending}/release`, { comment: 5 }, 'comment'],
  ])('refuses %s → 400 naming the field', async (_, url, payload, field) => {
    const response = await post(url, payload, 'doctor')
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field })
  })

  it('answers 404 for an exam that does not exist', async () => {
    expect((await release(123456789, 'doctor')).statusCode).toBe(404)
  })

  it('lets 陈明 release her exam with a comment: she sees the values, is told, and the log shows it; a second release is 409', async () => {
    const remindersBefore = (await get(`${mother}/reminders`, 'mother')).json()
    expect(remindersBefore.items.map((r: { id: string }) => r.id)).not.toContain(`abnormal-result-review-${examIds.motherPending}`)
    const logBefore = logRows(ids.mother).length

    const response = await release(examIds.motherPending, 'doctor', { comment: '  血糖略高，请继续控制饮食，一个月后复查。  ' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      id: String(examIds.motherPending),
      date: '2026-10-28',
      status: 'released',
      institution: { id: 'instfengqiaoaaaa', name: '枫桥镇卫生院' },
      releasedOn: '2026-11-22',
      releasedBy: '陈明',
      releaseComment: '血糖略高，请继续控制饮食，一个月后复查。',
      worst: 'abnormal',
      abnormalItems: 1,
      version: 1,
      retractedOn: null,
      retractionReason: null,
    })

    const exam = (await get(`${mother}/exams/${examIds.motherPending}`, 'mother')).json()
    expect(exam.items.find((i: { code: string }) => i.code === '14771-0')).toMatchObject({ value: 6.9, flag: 'high', previous: { examId: String(examIds.mother2026), value: 7.42 } })
    expect((await get(`${mother}/observations?code=14771-0`, 'viewer')).json().points.at(-1)).toMatchObject({ date: '2026-10-28', value: 6.9 })

    expect(logRows(ids.mother).slice(logBefore)).toEqual([
      { actor_name: '陈明', actor_role: 'doctor', action: 'change', what: 'exams' },
      { actor_name: '赵丽', actor_role: 'proxy', action: 'read', what: 'exams' },
    ])
    const notices = (await get('/api/notifications', 'mother')).json().items.map((n: { kind: string, params: object }) => [n.kind, n.params])
    expect(notices).toEqual(expect.arrayContaining([
      ['result-released', { examDate: '2026-10-28' }],
      ['acted-for-you', { actorName: '陈明', what: 'exams' }],
    ]))

    // policy-rules.md: the latest released exam with abnormal items opens a follow-up reminder
    const reminders = (await get(`${mother}/reminders`, 'mother')).json()
    expect(reminders.items.find((r: { kind: string }) => r.kind === 'abnormal-result-review')).toMatchObject({
      id: `abnormal-result-review-${examIds.motherPending}`,
      status: 'due',
      dueBy: '2026-12-22',
    })

    // the stored reminders that notifications read have it at once, not after tonight's job
    expect(t.sqlite.prepare('select status from resident_reminders where resident_id = ? and id = ?').get(ids.mother, `abnormal-result-review-${examIds.motherPending}`)).toEqual({ status: 'due' })

    const again = await release(examIds.motherPending, 'doctor')
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('ALREADY_RELEASED')
    expect(logRows(ids.mother)).toHaveLength(logBefore + 2)

    const queue = (await get('/api/doctor/exams', 'doctor')).json()
    expect(queue.items.map((e: { examId: string }) => e.examId)).not.toContain(String(examIds.motherPending))
  })

  it('lets a doctor of the institution release the exam of a resident with no family doctor, and opens the critical-result reminder', async () => {
    // 陈明's contract with 吴过 ended: her exam done at 暨阳 is not his
    expect((await release(examIds.lapsedJiyang, 'doctor')).statusCode).toBe(404)
    const response = await release(examIds.lapsedJiyang, 'otherDoctor')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ status: 'released', releasedBy: '刘芳', releaseComment: null, worst: 'abnormal', abnormalItems: 1 })
    expect(logRows(ids.lapsed).at(-1)).toEqual({ actor_name: '刘芳', actor_role: 'doctor', action: 'change', what: 'exams' })

    const critical = await release(examIds.lapsedFengqiao, 'doctor', { comment: '' })
    expect(critical.statusCode).toBe(200)
    expect(critical.json()).toMatchObject({ worst: 'critical', abnormalItems: 4, releaseComment: null })
    const notices = t.sqlite.prepare('select kind, params from notifications where resident_id = ? order by created_at, id').all(ids.lapsed) as { kind: string, params: string }[]
    expect(notices.filter(n => n.kind === 'result-released').map(n => JSON.parse(n.params))).toEqual(expect.arrayContaining([{ examDate: '2026-11-15' }, { examDate: '2026-11-10' }]))
  })

  it('takes the queue as ?status=pending, the name product.md gives it', async () => {
    const response = await get('/api/doctor/exams?status=pending', 'doctor')
    expect(response.statusCode).toBe(200)
    expect(response.json().items.length).toBeGreaterThan(0)
  })

  it('takes a release with no body at all', async () => {
    const response = await t.app.inject({ method: 'POST', url: `/api/doctor/exams/${examIds.childPending}/release`, headers: { cookie: cookies.doctor, origin: ORIGIN } })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ status: 'released', releaseComment: null })
  })

  it('lets the nurse still not release, even an exam done at her own institution', async () => {
    const response = await release(examIds.childPending, 'nurse')
    expect(response.statusCode).toBe(403)
    expect(response.json().error.code).toBe('FORBIDDEN')
  })
})


describe('acknowledging a critical value', () => {
  /** 王秀英, signed with 陈明: a critical glucose done at 枫桥, still under review */
  const motherCritical = 900_000_020
  const acknowledge = (examId: number | string, who?: Who) =>
    t.app.inject({ method: 'POST', url: `/api/doctor/exams/${examId}/acknowledge`, headers: who ? { cookie: cookies[who], origin: ORIGIN } : { origin: ORIGIN } })
  const stored = (residentId: string, id: string) =>
    t.sqlite.prepare('select status from resident_reminders where resident_id = ? and id = ?').get(residentId, id) as { status: string } | undefined
  const acknowledged = (examId: number) =>
    t.sqlite.prepare('select critical_acknowledged_on as "on", critical_acknowledged_by as "by" from exams where id = ?').get(examId)
  const notices = (residentId: string) =>
    (t.sqlite.prepare('select kind, params from notifications where resident_id = ? order by created_at, id').all(residentId) as { kind: string, params: string }[])
      .map(n => [n.kind, JSON.parse(n.params)])

  beforeAll(async () => {
    await boot()
    t.sqlite.prepare('insert into exams (id, resident_id, institution_id, date, status, worst) values (?, ?, \'instfengqiaoaaaa\', \'2026-11-18\', \'pending-review\', \'critical\')').run(motherCritical, ids.mother)
    t.sqlite.prepare('insert into exam_items (exam_id, code, value, unit, ref_low, ref_high, flag) values (?, \'14771-0\', 22.4, \'mmol/L\', 3.9, 6.1, \'critical\')').run(motherCritical)
  })
  afterAll(async () => {
    await t.app.close()
  })

  it.each([
    ['the resident herself', 'mother', 403],
    ['李建国 (proxy)', 'son', 403],
    ['赵丽 (proxy, view)', 'viewer', 403],
    ['the nurse 孙婷, of 陈明\'s team', 'nurse', 403],
    ['刘芳, not her doctor, of another institution', 'otherDoctor', 404],
    ['institution staff of 枫桥', 'institutionStaff', 404],
    ['the stranger 张伟', 'stranger', 404],
  ] as const)('refuses to let %s (%s) acknowledge her critical value → %i, and changes nothing', async (_, who, status) => {
    expect((await acknowledge(motherCritical, who)).statusCode).toBe(status)
    expect(acknowledged(motherCritical)).toEqual({ on: null, by: null })
  })

  it('refuses an acknowledgement without a session (401), an exam id that is not one (400 naming examId), an unknown exam (404)', async () => {
    expect((await acknowledge(motherCritical)).statusCode).toBe(401)
    const bad = await acknowledge('x1', 'doctor')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'examId' })
    expect((await acknowledge(123456789, 'doctor')).statusCode).toBe(404)
    expect(acknowledged(motherCritical)).toEqual({ on: null, by: null })
  })

  it('answers 409 NOT_CRITICAL for an exam without a critical value, and logs nothing', async () => {
    const logBefore = logRows(ids.mother).length
    const response = await acknowledge(examIds.motherPending, 'doctor')
    expect(response.statusCode).toBe(409)
    expect(response.json().error.code).toBe('NOT_CRITICAL')
    expect(acknowledged(examIds.motherPending)).toEqual({ on: null, by: null })
    expect(logRows(ids.mother)).toHaveLength(logBefore)
  })

  it('lets 陈明, her signed doctor, acknowledge a released critical value: the critical-result reminder is done, in the API and in the stored rows', async () => {
    expect((await release(motherCritical, 'doctor')).statusCode).toBe(200)
    const reminderId = `critical-result-${motherCritical}`
    const open = (await get(`${mother}/reminders`, 'mother')).json().items.find((r: { id: string }) => r.id === reminderId)
    expect(open).toMatchObject({ kind: 'critical-result', status: 'due', priority: 'high', dueBy: '2026-11-23' })
    expect(stored(ids.mother, reminderId)).toEqual({ status: 'due' })
    const logBefore = logRows(ids.mother).length
    const noticesBefore = notices(ids.mother)

    const response = await acknowledge(motherCritical, 'doctor')
    expect(response.statusCode).toBe(200)
    const first = response.json()
    expect(first).toEqual({
      id: String(motherCritical),
      date: '2026-11-18',
      status: 'released',
      institution: { id: 'instfengqiaoaaaa', name: '枫桥镇卫生院' },
      releasedOn: '2026-11-22',
      releasedBy: '陈明',
      releaseComment: null,
      worst: 'critical',
      abnormalItems: 1,
      version: 1,
      retractedOn: null,
      retractionReason: null,
      criticalAcknowledgedOn: '2026-11-22',
      criticalAcknowledgedBy: '陈明',
    })
    expect((await get(`${mother}/reminders`, 'mother')).json().items.find((r: { id: string }) => r.id === reminderId)).toMatchObject({ status: 'done' })
    expect(stored(ids.mother, reminderId)).toEqual({ status: 'done' })
    expect(logRows(ids.mother).slice(logBefore)).toEqual([{ actor_name: '陈明', actor_role: 'doctor', action: 'change', what: 'exams' }])
    // the clock has not moved since the release: its notices share the moment, so compare as sets
    const noticesAfter = notices(ids.mother)
    expect(noticesAfter).toHaveLength(noticesBefore.length + 1)
    expect(noticesAfter.filter(([kind]) => kind === 'acted-for-you')).toHaveLength(noticesBefore.filter(([kind]) => kind === 'acted-for-you').length + 1)

    // a double tap, or the next day: the first acknowledgement stands, and it is only a read
    // 10:00 in Shanghai: fourteen hours on is the next day, and a new session
    const nextDay = 14 * 3_600_000
    t.advance(nextDay)
    cookies.doctor = await t.signIn(phones.doctor)
    const again = await acknowledge(motherCritical, 'doctor')
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual(first)
    expect(acknowledged(motherCritical)).toEqual({ on: '2026-11-22', by: 'staffchenaaaaaaa' })
    expect(logRows(ids.mother).at(-1)).toEqual({ actor_name: '陈明', actor_role: 'doctor', action: 'read', what: 'exams' })
    expect(notices(ids.mother)).toHaveLength(noticesAfter.length)
    t.advance(-nextDay)
  })

  it('lets a doctor of the institution acknowledge the critical value of a resident with no family doctor before the review; the queue shows it, and the release opens no due reminder', async () => {
    expect((await acknowledge(examIds.lapsedFengqiao, 'otherDoctor')).statusCode).toBe(404)
    const before = (await get('/api/doctor/exams', 'doctor')).json().items.find((e: { examId: string }) => e.examId === String(examIds.lapsedFengqiao))
    expect(before).toMatchObject({ worst: 'critical', criticalAcknowledgedOn: null })

    const response = await acknowledge(examIds.lapsedFengqiao, 'doctor')
    expect(response.statusCode).toBe(200)
    // the summary's rules: an exam under review shows no worst flag
    expect(response.json()).toMatchObject({ status: 'pending-review', worst: null, criticalAcknowledgedOn: '2026-11-22', criticalAcknowledgedBy: '陈明' })
    expect(logRows(ids.lapsed).at(-1)).toEqual({ actor_name: '陈明', actor_role: 'doctor', action: 'change', what: 'exams' })

    const after = (await get('/api/doctor/exams', 'doctor')).json().items.find((e: { examId: string }) => e.examId === String(examIds.lapsedFengqiao))
    expect(after).toMatchObject({ worst: 'critical', criticalAcknowledgedOn: '2026-11-22' })
    // the other exams of the queue have nothing acknowledged
    expect((await get('/api/doctor/exams', 'doctor')).json().items.filter((e: { criticalAcknowledgedOn: string | null }) => e.criticalAcknowledgedOn !== null)).toHaveLength(1)

    expect((await release(examIds.lapsedFengqiao, 'doctor')).statusCode).toBe(200)
    expect(stored(ids.lapsed, `critical-result-${examIds.lapsedFengqiao}`)).toEqual({ status: 'done' })
  })
})
