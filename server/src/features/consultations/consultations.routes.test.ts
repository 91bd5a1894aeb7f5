import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ORIGIN, testApp } from '../../test/test-app'
import { ids, phones } from '../../test/world'
import { buildExamWorld, examIds } from '../../test/world-exams'
import { buildReminderWorld } from '../../test/world-reminders'

type Who = keyof typeof phones
let t: Awaited<ReturnType<typeof testApp>>
let cookies: Record<Who, string>
beforeAll(async () => {
  t = await testApp()
  buildReminderWorld(t.db)
  buildExamWorld(t.db)
  cookies = await t.signInAll(phones)
})
afterAll(async () => {
  await t.app.close()
})
beforeEach(() => {
  t.sqlite.exec('delete from consultation_messages; delete from consultation_threads; delete from notifications; delete from access_log')
  t.sqlite.exec('update staff set reply_time = \'1个工作日内\' where id = \'staffchenaaaaaaa\'')
})

let keyCount = 0
const newKey = () => `key-${++keyCount}-abcdefgh`
const get = (url: string, who: Who) => t.app.inject({ url, headers: { cookie: cookies[who] } })
const post = (url: string, payload: object, who: Who, key: string | null = newKey()) =>
  t.app.inject({ method: 'POST', url, payload, headers: { cookie: cookies[who], origin: ORIGIN, ...(key === null ? {} : { 'idempotency-key': key }) } })
const start = (who: Who, payload: object = { topic: 'other', body: '最近早上头晕，要紧吗？' }, residentId: string = ids.mother, key?: string) =>
  post(`/api/residents/${residentId}/consultations`, payload, who, key)
const write = (cid: string, body: string, who: Who, key?: string) => post(`/api/consultations/${cid}/messages`, { body }, who, key)
const count = (table: string) => (t.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n

async function thread(who: Who = 'mother'): Promise<string> {
  const response = await start(who)
  expect(response.statusCode).toBe(201)
  return response.json().id as string
}

describe('GET /api/residents/:id/consultations', () => {
  it('lists her threads with the family doctor who answers and his posted reply time', async () => {
    const cid = await thread()
    const response = await get(`/api/residents/${ids.mother}/consultations`, 'mother')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      doctor: { name: '陈明', title: '主治医师', replyTime: '1个工作日内' },
      items: [expect.objectContaining({ id: cid, topic: 'other', status: 'waiting', preview: '最近早上头晕，要紧吗？', unread: false, exam: null })],
    })
  })

  it.each([
    ['the resident herself', 'mother', 200],
    ['her son (view, book, consult)', 'son', 200],
    ['赵丽 (view only): reads', 'viewer', 200],
    ['王磊 (view, consult)', 'family', 200],
    ['her family doctor 陈明', 'doctor', 200],
    ['孙婷, nurse of his team', 'nurse', 200],
    ['刘芳, a doctor of another team', 'otherDoctor', 404],
    ['周敏, institution staff', 'institutionStaff', 404],
    ['a stranger', 'stranger', 404],
  ] as const)('%s → %s', async (_, who, status) => {
    expect((await get(`/api/residents/${ids.mother}/consultations`, who)).statusCode).toBe(status)
  })
})

describe('POST /api/residents/:id/consultations', () => {
  it.each([
    ['the resident herself', 'mother', 201],
    ['her son (consult)', 'son', 201],
    ['王磊, a family account (view, consult)', 'family', 201],
    ['赵丽 without consult', 'viewer', 403],
    ['her family doctor (he answers; he does not start one for her)', 'doctor', 403],
    ['孙婷, nurse', 'nurse', 403],
    ['刘芳, another team', 'otherDoctor', 404],
    ['a stranger', 'stranger', 404],
  ] as const)('%s → %s', async (_, who, status) => {
    expect((await start(who)).statusCode).toBe(status)
    expect(count('consultation_threads')).toBe(status === 201 ? 1 : 0)
  })

  it('her son writes for her: his name and role on the message, she is told someone acted for her', async () => {
    const response = await start('son')
    expect(response.json()).toMatchObject({ residentName: '王秀英', asTeam: false, facts: null, messages: [{ authorName: '李建国', authorRole: 'proxy', fromTeam: false }] })
    const notices = t.sqlite.prepare('select resident_id as residentId, kind from notifications').all()
    expect(notices).toEqual([{ residentId: ids.mother, kind: 'acted-for-you' }])
  })

  it('a message holding markup is stored and returned as those characters', async () => {
    const text = '<script>alert("x")</script><b>血糖</b> & 7.4'
    const response = await start('mother', { topic: 'other', body: text })
    expect(response.json().messages[0].body).toBe(text)
    const read = await get(`/api/consultations/${response.json().id}`, 'doctor')
    expect(read.json().messages[0].body).toBe(text)
  })

  it('the same Idempotency-Key again answers 200 with the first thread and stores nothing more', async () => {
    const key = newKey()
    const first = await start('son', undefined, ids.mother, key)
    const again = await start('son', undefined, ids.mother, key)
    expect([first.statusCode, again.statusCode]).toEqual([201, 200])
    expect(again.json().id).toBe(first.json().id)
    expect([count('consultation_threads'), count('consultation_messages')]).toEqual([1, 1])
  })

  it('a result consultation refers to her released exam and item, without its values', async () => {
    const response = await start('mother', { topic: 'result', examId: String(examIds.mother2026), itemCode: '14771-0', body: '空腹血糖7.42高吗？' })
    expect(response.statusCode).toBe(201)
    expect(response.json().exam).toEqual({ examId: String(examIds.mother2026), examDate: '2026-05-19', itemCode: '14771-0' })
    expect(Object.keys(response.json().exam)).toEqual(['examId', 'examDate', 'itemCode'])
  })

  it.each([
    ['an exam still pending review', { topic: 'result', examId: String(examIds.motherPending), body: '这次怎么样？' }, 'examId'],
    ['another resident\'s exam', { topic: 'result', examId: String(examIds.sonPending), body: '这次怎么样？' }, 'examId'],
    ['an item the exam does not have', { topic: 'result', examId: String(examIds.mother2026), itemCode: '2160-0', body: '肌酐呢？' }, 'itemCode'],
    ['an exam on a medicine question', { topic: 'medicine', examId: String(examIds.mother2026), body: '药要减吗？' }, 'examId'],
    ['an empty message', { topic: 'other', body: '   ' }, 'body'],
    ['a message past 1,000 characters', { topic: 'other', body: '字'.repeat(1001) }, 'body'],
    ['an unknown topic', { topic: 'gossip', body: '你好' }, 'topic'],
  ])('%s → 400, nothing written', async (_, payload, field) => {
    const response = await start('mother', payload)
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field })
    expect(count('consultation_threads')).toBe(0)
  })

  it('a resident with no running family-doctor contract (吴过) gets 409 NO_FAMILY_DOCTOR', async () => {
    t.sqlite.prepare('insert or ignore into accounts (id, phone, resident_id, created_at) values (\'acctlapsedaaaaaa\', \'13700000099\', ?, 0)').run(ids.lapsed)
    const cookie = await t.signIn('13700000099')
    const response = await t.app.inject({ method: 'POST', url: `/api/residents/${ids.lapsed}/consultations`, payload: { topic: 'other', body: '你好' }, headers: { cookie, origin: ORIGIN } })
    expect(response.statusCode).toBe(409)
    expect(response.json().error.code).toBe('NO_FAMILY_DOCTOR')
  })
})

describe('GET /api/consultations/:cid', () => {
  it.each([
    ['the resident herself', 'mother', 200],
    ['her son', 'son', 200],
    ['赵丽 (view only)', 'viewer', 200],
    ['her family doctor', 'doctor', 200],
    ['孙婷, nurse', 'nurse', 200],
    ['刘芳, another team', 'otherDoctor', 404],
    ['周敏, institution staff', 'institutionStaff', 404],
    ['a stranger', 'stranger', 404],
  ] as const)('%s → %s', async (_, who, status) => {
    const cid = await thread()
    expect((await get(`/api/consultations/${cid}`, who)).statusCode).toBe(status)
  })

  it('her care team sees her key facts beside the thread: age, conditions, latest abnormal results', async () => {
    const cid = await thread()
    const body = (await get(`/api/consultations/${cid}`, 'nurse')).json()
    expect(body.asTeam).toBe(true)
    expect(body.facts).toMatchObject({ age: 74, sex: 'female', conditions: ['肺结核（已治愈）', '高血压', '2型糖尿病'] })
    expect(body.facts.abnormal.map((a: { code: string, examDate: string, flag: string }) => [a.code, a.examDate, a.flag])).toEqual([['14771-0', '2026-05-19', 'high'], ['22748-8', '2026-05-19', 'high']])
    expect((await get(`/api/consultations/${cid}`, 'son')).json().facts).toBeNull()
  })

  it('an id that is not an id → 400 naming cid; an unknown one → 404', async () => {
    expect((await get('/api/consultations/nope', 'mother')).json().error.field).toBe('cid')
    expect((await get('/api/consultations/aaaaaaaaaaaaaaaa', 'mother')).statusCode).toBe(404)
  })
})

describe('POST /api/consultations/:cid/messages', () => {
  it.each([
    ['the resident herself', 'mother', 201],
    ['her son (consult)', 'son', 201],
    ['赵丽 (view only)', 'viewer', 403],
    ['her family doctor answers', 'doctor', 201],
    ['孙婷, nurse of his team, answers', 'nurse', 201],
    ['刘芳, another team', 'otherDoctor', 404],
    ['a stranger', 'stranger', 404],
  ] as const)('%s → %s', async (_, who, status) => {
    const cid = await thread()
    expect((await write(cid, '好的', who)).statusCode).toBe(status)
  })

  it('the doctor answers: the thread is answered and unread for her; she and the son who wrote get a notice; opening it marks it read', async () => {
    const cid = await thread('son')
    t.sqlite.exec('delete from notifications')
    const reply = await write(cid, '空腹血糖偏高，请下周来复查。', 'doctor')
    expect(reply.json()).toMatchObject({ authorName: '陈明', authorRole: 'doctor', fromTeam: true, body: '空腹血糖偏高，请下周来复查。' })
    const notices = t.sqlite.prepare('select resident_id as residentId, account_id as accountId, kind, params from notifications order by account_id').all()
    const params = JSON.stringify({ residentId: ids.mother, consultationId: cid, residentName: '王秀英', authorName: '陈明' })
    expect(notices).toEqual([
      { residentId: ids.mother, accountId: null, kind: 'consultation-reply', params },
      { residentId: null, accountId: 'acctsonaaaaaaaaa', kind: 'consultation-reply', params },
    ])
    const list = (await get(`/api/residents/${ids.mother}/consultations`, 'mother')).json()
    expect(list.items[0]).toMatchObject({ status: 'answered', unread: true, waitingSince: null })
    expect((await get(`/api/consultations/${cid}`, 'mother')).json().unread).toBe(false)
    expect((await get(`/api/residents/${ids.mother}/consultations`, 'mother')).json().items[0].unread).toBe(false)
    // opening the thread read her notice of the reply; the son's stays his to read
    const unread = () => t.sqlite.prepare('select resident_id as residentId, account_id as accountId from notifications where read_at is null order by account_id').all()
    expect(unread()).toEqual([{ residentId: null, accountId: 'acctsonaaaaaaaaa' }])
    await get(`/api/consultations/${cid}`, 'son')
    expect(unread()).toEqual([])
  })

  it('a resent message (the same Idempotency-Key) is stored once and answers 200 with the first', async () => {
    const cid = await thread()
    const key = newKey()
    const first = await write(cid, '我今天量了血压', 'son', key)
    const again = await write(cid, '我今天量了血压', 'son', key)
    expect([first.statusCode, again.statusCode]).toEqual([201, 200])
    expect(again.json().id).toBe(first.json().id)
    expect(count('consultation_messages')).toBe(2)
  })

  it('a key used in another thread → 400 naming idempotency-key; no key at all → 400 too', async () => {
    const one = await thread()
    const two = await thread()
    const key = newKey()
    await write(one, '第一条', 'mother', key)
    expect((await write(two, '第二条', 'mother', key)).json().error.field).toBe('idempotency-key')
    const none = await post(`/api/consultations/${one}/messages`, { body: '没有钥匙' }, 'mother', null)
    expect(none.statusCode).toBe(400)
    expect(none.json().error.field).toBe('idempotency-key')
  })
})

describe('the doctor\'s inbox', () => {
  it('lists waiting threads of his signed residents oldest first, with how long each waited and what it is about', async () => {
    const older = await thread('mother')
    const newer = (await start('son', { topic: 'result', examId: String(examIds.mother2026), body: '血脂高怎么办' })).json().id as string
    // sessions idle out after 30 minutes: move the threads back in time rather than the clock forward
    const setWaiting = t.sqlite.prepare('update consultation_threads set waiting_since = ? where id = ?')
    setWaiting.run(t.clock.now() - 120 * 60_000, older)
    setWaiting.run(t.clock.now() - 30 * 60_000, newer)
    const inbox = (await get('/api/doctor/inbox', 'doctor')).json()
    expect(inbox.replyTime).toBe('1个工作日内')
    expect(inbox.items.map((i: { id: string, waitedMinutes: number, topic: string, residentName: string, age: number }) => [i.id, i.waitedMinutes, i.topic, i.residentName, i.age]))
      .toEqual([[older, 120, 'other', '王秀英', 74], [newer, 30, 'result', '王秀英', 74]])
    expect((await get('/api/doctor/inbox', 'nurse')).json().items).toHaveLength(2)
    expect((await get('/api/doctor/inbox', 'otherDoctor')).json().items).toEqual([])
    expect((await get('/api/doctor/inbox', 'mother')).statusCode).toBe(403)
  })

  it('an answered or done thread leaves it; her next message brings it back, waiting since then', async () => {
    const answered = await thread()
    const done = await thread()
    await write(answered, '请来复查', 'doctor')
    const closed = await post(`/api/consultations/${done}/done`, {}, 'nurse', null)
    expect(closed.json().status).toBe('done')
    expect((await get('/api/doctor/inbox', 'doctor')).json().items).toEqual([])
    t.advance(60_000)
    await write(done, '还有一个问题', 'mother')
    expect((await get('/api/doctor/inbox', 'doctor')).json().items.map((i: { id: string }) => i.id)).toEqual([done])
  })

  it('her side cannot mark a thread done', async () => {
    const cid = await thread()
    expect((await post(`/api/consultations/${cid}/done`, {}, 'mother', null)).statusCode).toBe(403)
    expect((await post(`/api/consultations/${cid}/done`, {}, 'otherDoctor', null)).statusCode).toBe(404)
  })
})

describe('the posted reply time', () => {
  it('陈明 sets it and residents see it', async () => {
    const response = await t.app.inject({ method: 'PUT', url: '/api/doctor/reply-time', payload: { replyTime: '当天' }, headers: { cookie: cookies.doctor, origin: ORIGIN } })
    expect(response.json()).toEqual({ replyTime: '当天' })
    expect((await get('/api/doctor/reply-time', 'doctor')).json()).toEqual({ replyTime: '当天' })
    expect((await get(`/api/residents/${ids.mother}/consultations`, 'son')).json().doctor.replyTime).toBe('当天')
  })

  it('a nurse posts none (403); an empty or long one → 400 naming replyTime', async () => {
    const put = (payload: object, who: Who) => t.app.inject({ method: 'PUT', url: '/api/doctor/reply-time', payload, headers: { cookie: cookies[who], origin: ORIGIN } })
    expect((await put({ replyTime: '当天' }, 'nurse')).statusCode).toBe(403)
    expect((await put({ replyTime: '' }, 'doctor')).json().error.field).toBe('replyTime')
    expect((await put({ replyTime: '很'.repeat(21) }, 'doctor')).json().error.field).toBe('replyTime')
  })
})
