import { afterEach, describe, expect, it } from 'vitest'
import { cookieOf, ORIGIN, testApp } from '../../test/test-app'
import { phones } from '../../test/world'

type TestApp = Awaited<ReturnType<typeof testApp>>
let t: TestApp
afterEach(async () => {
  await t.app.close()
})

const otp = (phone: string, remoteAddress?: string) => t.app.inject({ method: 'POST', url: '/api/auth/otp', payload: { phone }, ...(remoteAddress ? { remoteAddress } : {}) })
const login = (phone: string, code: string, cookie = '') => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone, code }, headers: cookie ? { cookie, origin: ORIGIN } : {} })

describe('sign-in codes', () => {
  it('answers a known and an unknown phone the same way', async () => {
    t = await testApp()
    const known = await otp(phones.mother)
    const unknown = await otp('13312345678')
    expect(known.statusCode).toBe(202)
    expect(unknown.statusCode).toBe(202)
    expect(unknown.json()).toEqual(known.json())
  })

  it('stores only a hash of the code', async () => {
    t = await testApp()
    await otp(phones.mother)
    const code = t.lastCode(phones.mother)
    const row = t.sqlite.prepare('select code_hash from sign_in_codes where phone = ?').get(phones.mother) as { code_hash: string }
    expect(code).toMatch(/^\d{6}$/)
    expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(row.code_hash).not.toContain(code)
  })

  it('refuses a second code for the same phone within a minute, then allows it', async () => {
    t = await testApp()
    expect((await otp(phones.mother)).statusCode).toBe(202)
    const again = await otp(phones.mother)
    expect(again.statusCode).toBe(429)
    expect(again.json().error.code).toBe('RATE_LIMITED')
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0)
    t.advance(61_000)
    expect((await otp(phones.mother)).statusCode).toBe(202)
  })

  it('sends at most ten codes a day to one phone', async () => {
    t = await testApp()
    for (let i = 0; i < 10; i++) {
      expect((await otp(phones.mother)).statusCode).toBe(202)
      t.advance(61_000)
    }
    expect((await otp(phones.mother)).statusCode).toBe(429)
    t.advance(24 * 3600_000)
    expect((await otp(phones.mother)).statusCode).toBe(202)
  })

  it('limits codes per client address, except loopback in demo mode', async () => {
    t = await testApp()
    const phoneN = (i: number) => `1370000${String(i).padStart(4, '0')}`
    for (let i = 0; i < 30; i++)
      expect((await otp(phoneN(i), '203.0.113.7')).statusCode).toBe(202)
    expect((await otp(phoneN(30), '203.0.113.7')).statusCode).toBe(429)
    for (let i = 31; i < 65; i++)
      expect((await otp(phoneN(i), '127.0.0.1')).statusCode).toBe(202)
  })

  it('names the field of a malformed phone', async () => {
    t = await testApp()
    const bad = await otp('12345')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'phone' })
  })
})

describe('login', () => {
  it('signs in with the code once, in an HttpOnly SameSite=Strict cookie', async () => {
    t = await testApp()
    await otp(phones.mother)
    const code = t.lastCode(phones.mother)
    const ok = await login(phones.mother, code)
    expect(ok.statusCode).toBe(200)
    expect(ok.json().actingFor[0]).toMatchObject({ name: '王秀英', relation: 'self' })
    const cookie = ok.cookies.find(c => c.name === 'kb_session')!
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' })
    const reused = await login(phones.mother, code)
    expect(reused.statusCode).toBe(400)
    expect(reused.json().error).toMatchObject({ code: 'CODE_INVALID', field: 'code' })
  })

  it('kills a code after five wrong tries', async () => {
    t = await testApp()
    await otp(phones.mother)
    const code = t.lastCode(phones.mother)
    const wrong = code === '000000' ? '111111' : '000000'
    for (let i = 0; i < 5; i++)
      expect((await login(phones.mother, wrong)).statusCode).toBe(400)
    expect((await login(phones.mother, code)).statusCode).toBe(400)
  })

  it('expires a code after five minutes', async () => {
    t = await testApp()
    await otp(phones.mother)
    t.advance(5 * 60_000 + 1)
    expect((await login(phones.mother, t.lastCode(phones.mother))).statusCode).toBe(400)
  })

  it('asks consent at the first sign-in and records it', async () => {
    t = await testApp()
    const cookie = await t.signIn(phones.mother, { consent: false })
    const me = await t.app.inject({ url: '/api/me', headers: { cookie } })
    expect(me.json().consent).toEqual({ required: true, noticeVersion: '2026-11' })
    const record = await t.app.inject({ url: '/api/residents/mothermothermoth', headers: { cookie } })
    expect(record.statusCode).toBe(403)
    expect(record.json().error.code).toBe('CONSENT_REQUIRED')
    const given = await t.app.inject({ method: 'POST', url: '/api/me/consent', headers: { cookie, origin: ORIGIN }, payload: { noticeVersion: '2026-11' } })
    expect(given.json().consent.required).toBe(false)
    const rows = t.sqlite.prepare('select kind, notice_version from consents').all()
    expect(rows).toEqual([{ kind: 'health-information', notice_version: '2026-11' }])
  })

  it('creates a family account for a phone with no record', async () => {
    t = await testApp()
    const cookie = await t.signIn('13312345678')
    const me = (await t.app.inject({ url: '/api/me', headers: { cookie } })).json()
    expect(me.actingFor).toEqual([])
    expect(me.account.phoneMasked).toBe('133****5678')
  })

  it('rotates the session at sign-in: the old cookie stops working', async () => {
    t = await testApp()
    const first = await t.signIn(phones.mother)
    await otp(phones.mother)
    const second = await login(phones.mother, t.lastCode(phones.mother), first)
    expect(second.statusCode).toBe(200)
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: first } })).statusCode).toBe(401)
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: cookieOf(second) } })).statusCode).toBe(200)
  })
})

describe('sessions', () => {
  it('end after 30 minutes idle', async () => {
    t = await testApp()
    const cookie = await t.signIn(phones.mother)
    // signIn leaves the clock a minute past the last request
    t.advance(28 * 60_000)
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(200)
    t.advance(29 * 60_000)
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(200)
    t.advance(31 * 60_000)
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401)
  })

  it('end after 12 hours however busy', async () => {
    t = await testApp()
    const cookie = await t.signIn(phones.mother)
    for (let i = 0; i < 12 * 3; i++) {
      t.advance(20 * 60_000)
      await t.app.inject({ url: '/api/me', headers: { cookie } })
    }
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401)
  })

  it('are invalid after logout, which clears the site data', async () => {
    t = await testApp()
    const cookie = await t.signIn(phones.mother)
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, origin: ORIGIN } })
    expect(out.statusCode).toBe(200)
    expect(out.headers['clear-site-data']).toBe('"cache", "storage"')
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401)
  })

  it('refuse a state-changing request from a foreign origin', async () => {
    t = await testApp()
    const cookie = await t.signIn(phones.mother)
    const foreign = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, origin: 'https://evil.example' } })
    expect(foreign.statusCode).toBe(403)
    expect(foreign.json().error.code).toBe('ORIGIN_REFUSED')
    const none = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })
    expect(none.statusCode).toBe(403)
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(200)
  })
})

describe('remember this device', () => {
  async function remembered() {
    const session = await t.signIn(phones.mother)
    const set = await t.app.inject({ method: 'POST', url: '/api/auth/device', headers: { cookie: session, origin: ORIGIN }, payload: { pin: '246810' } })
    expect(set.statusCode).toBe(200)
    const device = set.cookies.find(c => c.name === 'kb_device')!
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Strict', maxAge: 30 * 24 * 3600 })
    return { session, device: `kb_device=${device.value}` }
  }
  const pin = (cookie: string, value: string) => t.app.inject({ method: 'POST', url: '/api/auth/pin', headers: { cookie, origin: ORIGIN }, payload: { pin: value } })

  it('signs in with the PIN after the session went idle, for 30 days', async () => {
    t = await testApp()
    const { device } = await remembered()
    t.advance(45 * 60_000)
    const status = await t.app.inject({ url: '/api/auth/device', headers: { cookie: device } })
    expect(status.json()).toEqual({ remembered: true, phoneMasked: '138****0001', displayName: '王秀英' })
    const ok = await pin(device, '246810')
    expect(ok.statusCode).toBe(200)
    expect(ok.json().deviceRemembered).toBe(true)
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: cookieOf(ok, device) } })).statusCode).toBe(200)
    t.advance(30 * 24 * 3600_000)
    expect((await pin(device, '246810')).json().error.code).toBe('DEVICE_NOT_REMEMBERED')
  })

  it('stores the PIN hashed', async () => {
    t = await testApp()
    await remembered()
    const row = t.sqlite.prepare('select pin_hash from devices').get() as { pin_hash: string }
    expect(row.pin_hash).toMatch(/^scrypt\$/)
    expect(row.pin_hash).not.toContain('246810')
  })

  it('forgets the device after five wrong PINs: SMS again', async () => {
    t = await testApp()
    const { device } = await remembered()
    for (let i = 4; i >= 1; i--) {
      const wrong = await pin(device, '000000')
      expect(wrong.statusCode).toBe(400)
      expect(wrong.json().error.message).toContain(`${i} tries left`)
    }
    const fifth = await pin(device, '000000')
    expect(fifth.statusCode).toBe(401)
    expect(fifth.json().error.code).toBe('DEVICE_NOT_REMEMBERED')
    expect((await pin(device, '246810')).statusCode).toBe(401)
  })

  it('is forgotten at logout', async () => {
    t = await testApp()
    const { session, device } = await remembered()
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: `${session}; ${device}`, origin: ORIGIN } })
    expect((await pin(device, '246810')).statusCode).toBe(401)
  })
})

describe('consent withdrawal', () => {
  it('closes the account and ends its sessions', async () => {
    t = await testApp()
    const cookie = await t.signIn(phones.mother)
    const out = await t.app.inject({ method: 'DELETE', url: '/api/me/consent', headers: { cookie, origin: ORIGIN } })
    expect(out.statusCode).toBe(200)
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401)
    const account = t.sqlite.prepare('select status from accounts where phone = ?').get(phones.mother)
    expect(account).toEqual({ status: 'closed' })
  })
})
