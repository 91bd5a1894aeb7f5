import { createECDH, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { Agent, createServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { generate } from 'selfsigned'
import webpush from 'web-push'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ORIGIN, testApp } from '../../test/test-app'
import { ids, phones } from '../../test/world'
import { buildExamWorld } from '../../test/world-exams'
import { buildReminderWorld } from '../../test/world-reminders'
import { createNoticeTexter, createDevOutboxSender, NOTICE_LIMITS } from '../auth/sms'
import { buildBookingWorld, slotIds } from '../bookings/bookings.fixture'
import { sendDayBeforeReminders } from '../bookings/bookings.day-before'
import { createNoticeDispatcher } from './push.dispatch'
import type { VapidKeys } from './push.vapid'

type Who = keyof typeof phones
let t: Awaited<ReturnType<typeof testApp>>
let cookies: Record<Who, string>

/** A stand-in for a browser's push service on loopback: HTTPS (web-push speaks nothing else) with a certificate made here. */
const received: { path: string, headers: IncomingHttpHeaders, body: Buffer }[] = []
let pushStatus = 201
let pushServer: ReturnType<typeof createServer>
let pushOrigin = ''
let agent: Agent

beforeAll(async () => {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  })
  pushServer = createServer({ key: pems.private, cert: pems.cert }, (request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (c: Buffer) => chunks.push(c))
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) })
      response.writeHead(pushStatus).end()
    })
  })
  await new Promise<void>(resolve => pushServer.listen(0, '127.0.0.1', resolve))
  pushOrigin = `https://127.0.0.1:${(pushServer.address() as AddressInfo).port}`
  agent = new Agent({ ca: pems.cert })

  t = await testApp()
  buildReminderWorld(t.db)
  buildExamWorld(t.db)
  buildBookingWorld(t.db)
  cookies = await t.signInAll(phones)
})
afterAll(async () => {
  await t.app.close()
  agent.destroy()
  await new Promise(resolve => pushServer.close(resolve))
})
beforeEach(() => {
  t.sqlite.exec('delete from consultation_messages; delete from consultation_threads; delete from notifications; delete from notice_dispatch; delete from sms_notices_sent; delete from sms_preferences; delete from push_subscriptions; delete from dev_outbox')
  received.length = 0
  pushStatus = 201
})

/** The app's own dispatcher runs on a listening server only: the tests make one on the same database and run it by hand. */
async function dispatcher(vapid: VapidKeys | null = null) {
  return createNoticeDispatcher({ db: t.db, now: t.clock.now, today: t.clock.today, texter: createNoticeTexter(t.db, createDevOutboxSender(t.db, t.clock.now), t.clock.now), vapid, pushHosts: null, log: { error: () => {} }, agent })
}
const vapidKeys = (): VapidKeys => ({ ...webpush.generateVAPIDKeys(), subject: 'mailto:test@kangban.invalid' })

const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, who: Who, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who], origin: ORIGIN }, ...(payload ? { payload } : {}) })
const optIn = (who: Who, sms: Partial<Record<'replies' | 'critical' | 'tomorrow' | 'actedForYou' | 'forOthers', boolean>>) =>
  send('PUT', '/api/notifications/channels', who, { sms: { replies: false, critical: false, tomorrow: false, actedForYou: false, forOthers: false, ...sms } })
const outbox = () => t.sqlite.prepare('select phone, body from dev_outbox where kind = \'notice\' order by id').all() as { phone: string, body: string }[]
let keyCount = 0
async function doctorReplies(): Promise<string> {
  const thread = await t.app.inject({ method: 'POST', url: `/api/residents/${ids.mother}/consultations`, payload: { topic: 'other', body: '头晕' }, headers: { cookie: cookies.mother, origin: ORIGIN, 'idempotency-key': `push-${++keyCount}-aaaaaa` } })
  const cid = thread.json().id as string
  const reply = await t.app.inject({ method: 'POST', url: `/api/consultations/${cid}/messages`, payload: { body: '请来复查' }, headers: { cookie: cookies.doctor, origin: ORIGIN, 'idempotency-key': `push-${++keyCount}-bbbbbb` } })
  expect(reply.statusCode).toBe(201)
  return cid
}
function notice(residentId: string | null, accountId: string | null, kind: string, params: object) {
  t.sqlite.prepare('insert into notifications (id, resident_id, account_id, kind, params, created_at) values (?, ?, ?, ?, ?, ?)')
    .run(randomBytes(8).toString('hex'), residentId, accountId, kind, JSON.stringify(params), t.clock.now())
}

describe('SMS preferences (opt-in, all off is the unsubscribe)', () => {
  it('are all off until chosen, and read back as chosen', async () => {
    expect((await t.app.inject({ url: '/api/notifications/channels', headers: { cookie: cookies.son } })).json()).toEqual({ sms: { replies: false, critical: false, tomorrow: false, actedForYou: false, forOthers: false } })
    await optIn('son', { replies: true, forOthers: true })
    expect((await t.app.inject({ url: '/api/notifications/channels', headers: { cookie: cookies.son } })).json().sms).toMatchObject({ replies: true, forOthers: true, critical: false })
  })

  it('a missing choice → 400 naming it; no session → 401', async () => {
    const bad = await send('PUT', '/api/notifications/channels', 'son', { sms: { replies: true } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.field).toBe('sms.critical')
    expect((await t.app.inject({ url: '/api/notifications/channels' })).statusCode).toBe(401)
  })
})

describe('SMS notices land in the outbox for those who opted in only', () => {
  it('a doctor\'s reply: to her and, as a copy, to her son who asked for copies; not to 赵丽 (no copies) nor 王磊 (not opted in)', async () => {
    await optIn('mother', { replies: true })
    await optIn('son', { replies: true, forOthers: true })
    await optIn('viewer', { replies: true })
    const d = await dispatcher()
    await doctorReplies()
    await d.run()
    expect(outbox()).toEqual([
      { phone: phones.mother, body: '【康伴】家庭医生团队（陈明）回复了王秀英的咨询，请打开康伴查看。退订：康伴→设置→短信提醒' },
      { phone: phones.son, body: '【康伴】家庭医生团队（陈明）回复了王秀英的咨询，请打开康伴查看。退订：康伴→设置→短信提醒' },
    ])
    // each notice goes out once: a second run finds nothing new
    await d.run()
    expect(outbox()).toHaveLength(2)
  })

  it('nobody opted in: nothing is texted, the in-app notice stays', async () => {
    const d = await dispatcher()
    await doctorReplies()
    await d.run()
    expect(outbox()).toEqual([])
    expect(t.sqlite.prepare('select count(*) as n from notifications where kind = \'consultation-reply\'').get()).toEqual({ n: 1 })
  })

  it('a released exam with a critical value is texted; one without is not', async () => {
    await optIn('mother', { critical: true })
    const d = await dispatcher()
    t.sqlite.prepare('insert into exams (id, resident_id, institution_id, date, status, worst) values (?, ?, \'instfengqiaoaaaa\', ?, \'released\', ?)').run(990_000_001, ids.mother, '2026-11-20', 'critical')
    notice(ids.mother, null, 'result-released', { examDate: '2026-11-20' })
    notice(ids.mother, null, 'result-released', { examDate: '2026-05-19' })
    await d.run()
    expect(outbox()).toEqual([{ phone: phones.mother, body: '【康伴】王秀英有一项体检结果需要尽快处理，请打开康伴查看，或联系家庭医生。退订：康伴→设置→短信提醒' }])
    t.sqlite.exec('delete from exams where id = 990000001')
  })

  it('tomorrow\'s exam (the day-before job\'s notice) and someone acting for her, each by its own choice', async () => {
    await optIn('mother', { tomorrow: true, actedForYou: true })
    const d = await dispatcher()
    notice(ids.mother, null, 'booking-tomorrow', { residentId: ids.mother, bookingId: 'b', date: '2026-11-23', halfDay: 'am', institution: '枫桥镇卫生院', address: '枫桥镇', name: '王秀英' })
    notice(ids.mother, null, 'acted-for-you', { actorName: '李建国', what: 'consultations' })
    await d.run()
    expect(outbox().map(o => o.body)).toEqual([
      '【康伴】王秀英明天上午在枫桥镇卫生院体检，请带身份证，空腹前往。退订：康伴→设置→短信提醒',
      '【康伴】李建国刚刚代您在康伴办理了事项，可在「谁看过我的档案」查看。退订：康伴→设置→短信提醒',
    ])
  })

  it('the day-before job\'s reminder of a booking her son made goes by SMS to each who asked for it, without a hook in the job', async () => {
    await optIn('mother', { tomorrow: true })
    await optIn('son', { tomorrow: true })
    const d = await dispatcher()
    const booked = await t.app.inject({ method: 'POST', url: `/api/residents/${ids.mother}/bookings`, payload: { slotId: slotIds.tomorrow, selfPaid: true }, headers: { cookie: cookies.son, origin: ORIGIN } })
    expect(booked.statusCode).toBe(201)
    expect(sendDayBeforeReminders(t.db, '2026-11-22', t.clock.now())).toBe(1)
    await d.run()
    // one notice to the son who booked, one to her: one text each
    expect(outbox().map(o => o.phone).sort()).toEqual([phones.mother, phones.son])
    expect(outbox()[0]!.body).toMatch(/^【康伴】王秀英明天(上午|下午)在枫桥镇卫生院体检/)
    t.sqlite.exec('delete from bookings; delete from booking_requests')
  })

  it(`a phone gets at most ${NOTICE_LIMITS.perHour} an hour, and the same news about the same person once in 10 minutes`, async () => {
    const texter = createNoticeTexter(t.db, createDevOutboxSender(t.db, t.clock.now), t.clock.now)
    expect(await texter.send(phones.mother, 'consultation-reply', ids.mother, 'a')).toBe('sent')
    expect(await texter.send(phones.mother, 'consultation-reply', ids.mother, 'a')).toBe('repeat')
    expect(await texter.send(phones.mother, 'booking-tomorrow', ids.mother, 'b')).toBe('sent')
    expect(await texter.send(phones.mother, 'acted-for-you', ids.mother, 'c')).toBe('sent')
    expect(await texter.send(phones.mother, 'result-released', ids.mother, 'd')).toBe('limited')
    expect(await texter.send(phones.son, 'result-released', ids.mother, 'd')).toBe('sent')
    expect(outbox().map(o => o.body)).toEqual(['a', 'b', 'c', 'd'])
  })
})

/** RFC 8291: what the browser does with a push message, to prove the payload arrived encrypted for this subscription. */
function decryptPush(body: Buffer, ua: ReturnType<typeof createECDH>, authSecret: Buffer): string {
  const salt = body.subarray(0, 16)
  const idLength = body[20]!
  const serverKey = body.subarray(21, 21 + idLength)
  const ciphertext = body.subarray(21 + idLength)
  const shared = ua.computeSecret(serverKey)
  const ikm = Buffer.from(hkdfSync('sha256', shared, authSecret, Buffer.concat([Buffer.from('WebPush: info\0'), ua.getPublicKey(), serverKey]), 32))
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16))
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12))
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce)
  decipher.setAuthTag(ciphertext.subarray(-16))
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, -16)), decipher.final()])
  // the last record ends with the delimiter 2 and zero padding
  return padded.subarray(0, padded.lastIndexOf(2)).toString('utf8')
}

describe('Web Push', () => {
  const browser = () => {
    const ua = createECDH('prime256v1')
    ua.generateKeys()
    const auth = randomBytes(16)
    return { ua, auth, keys: { p256dh: ua.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } }
  }

  it('GET /api/push/key gives the VAPID public key (generated for this demo process)', async () => {
    expect((await t.app.inject({ url: '/api/push/key' })).json().publicKey).toMatch(/^[\w-]{87}$/)
  })

  it('a subscription is stored for the signed-in account and deleted on request', async () => {
    const { keys } = browser()
    const endpoint = `${pushOrigin}/push/mother-phone`
    expect((await send('POST', '/api/push/subscriptions', 'mother', { endpoint, keys })).statusCode).toBe(201)
    expect(t.sqlite.prepare('select account_id as accountId, p256dh from push_subscriptions').all()).toEqual([{ accountId: 'acctmotheraaaaaa', p256dh: keys.p256dh }])
    const url = `/api/push/subscriptions?endpoint=${encodeURIComponent(endpoint)}`
    expect((await send('DELETE', url, 'son')).statusCode).toBe(404)
    expect((await send('DELETE', url, 'mother')).statusCode).toBe(204)
    expect(t.sqlite.prepare('select count(*) as n from push_subscriptions').get()).toEqual({ n: 0 })
  })

  it('an endpoint that is not https → 400 naming endpoint; no session → 401', async () => {
    const { keys } = browser()
    expect((await send('POST', '/api/push/subscriptions', 'mother', { endpoint: 'http://127.0.0.1/push', keys })).json().error.field).toBe('endpoint')
    expect((await t.app.inject({ method: 'POST', url: '/api/push/subscriptions', payload: { endpoint: `${pushOrigin}/x`, keys }, headers: { origin: ORIGIN } })).statusCode).toBe(401)
  })

  it('a reply is pushed to her browser: the push service on loopback gets a VAPID-signed, encrypted message that decrypts to the notice', async () => {
    const { ua, auth, keys } = browser()
    await send('POST', '/api/push/subscriptions', 'mother', { endpoint: `${pushOrigin}/push/mother-phone`, keys })
    const vapid = vapidKeys()
    const d = await dispatcher(vapid)
    const cid = await doctorReplies()
    await d.run()
    expect(received).toHaveLength(1)
    const [message] = received
    expect(message!.path).toBe('/push/mother-phone')
    expect(message!.headers['content-encoding']).toBe('aes128gcm')
    expect(message!.headers.authorization).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${vapid.publicKey}$`))
    expect(message!.headers.ttl).toBe('86400')
    expect(JSON.parse(decryptPush(message!.body, ua, auth))).toEqual({ title: '康伴', body: '家庭医生团队（陈明）回复了王秀英的咨询，请打开康伴查看。', url: `/consultations/${cid}` })
  })

  it('a subscription the push service says is gone (410) is forgotten', async () => {
    const { keys } = browser()
    await send('POST', '/api/push/subscriptions', 'mother', { endpoint: `${pushOrigin}/push/gone`, keys })
    pushStatus = 410
    const d = await dispatcher(vapidKeys())
    await doctorReplies()
    await d.run()
    expect(received).toHaveLength(1)
    expect(t.sqlite.prepare('select count(*) as n from push_subscriptions').get()).toEqual({ n: 0 })
  })
})
