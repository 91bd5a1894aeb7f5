import type { LightMyRequestResponse } from 'fastify'
import { shanghaiDateOf } from '../../../shared/dates'
import type { BuildAppOptions } from '../app'
import { buildApp } from '../app'
import { loadConfig } from '../config'
import { openDb } from '../db/client'
import { buildWorld } from './world'

/** The origin `app.inject` requests are sent to; state-changing requests must carry it. */
export const ORIGIN = 'http://localhost:80'

/**
 * The real app on a fresh in-memory database with the real migrations, a clock that tests
 * move by hand, and the test world loaded. Evaluation date 2026-11-22 (Asia/Shanghai).
 */
export async function testApp(options: { world?: boolean, env?: Record<string, string>, logger?: BuildAppOptions['logger'] } = {}) {
  const { db, sqlite } = openDb(':memory:')
  if (options.world !== false)
    buildWorld(db)
  let now = Date.parse('2026-11-22T02:00:00Z')
  const clock = { now: () => now, today: () => shanghaiDateOf(new Date(now)) }
  const config = loadConfig({ KANGBAN_MODE: 'demo', KANGBAN_CHECK_RESPONSES: '1', ...options.env })
  const app = await buildApp({ config, db, sqlite, clock, logger: options.logger })

  function lastCode(phone: string): string {
    const row = sqlite.prepare('select code from dev_outbox where phone = ? and kind = \'sign-in-code\' order by id desc limit 1').get(phone) as { code: string } | undefined
    if (!row)
      throw new Error(`no code was sent to ${phone}`)
    return row.code
  }

  /** Signs in by SMS code and consents; returns the Cookie header value. */
  async function signIn(phone: string, { consent = true } = {}): Promise<string> {
    const otp = await app.inject({ method: 'POST', url: '/api/auth/otp', payload: { phone } })
    if (otp.statusCode !== 202)
      throw new Error(`otp for ${phone}: ${otp.statusCode} ${otp.body}`)
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone, code: lastCode(phone) } })
    if (login.statusCode !== 200)
      throw new Error(`login for ${phone}: ${login.statusCode} ${login.body}`)
    const cookie = cookieOf(login)
    if (consent) {
      const given = await app.inject({ method: 'POST', url: '/api/me/consent', headers: { cookie, origin: ORIGIN }, payload: { noticeVersion: '2026-11' } })
      if (given.statusCode !== 200)
        throw new Error(`consent for ${phone}: ${given.statusCode} ${given.body}`)
    }
    // the next code for this phone may be asked a minute later (the per-phone limit)
    now += 61_000
    return cookie
  }

  /** Signs in each of `people` (name → phone, the test world's `phones` by default); their Cookie headers by name. */
  async function signInAll<P extends Record<string, string>>(people: P): Promise<Record<keyof P, string>> {
    const cookies = {} as Record<keyof P, string>
    for (const [who, phone] of Object.entries(people))
      cookies[who as keyof P] = await signIn(phone)
    return cookies
  }

  return {
    app,
    db,
    sqlite,
    clock,
    lastCode,
    signIn,
    signInAll,
    advance(ms: number) {
      now += ms
    },
  }
}

/** The Cookie header that replays every cookie a response set (and drops cleared ones). */
export function cookieOf(response: LightMyRequestResponse, previous = ''): string {
  const jar = new Map(previous.split('; ').filter(Boolean).map(kv => kv.split('=') as [string, string]))
  for (const c of response.cookies) {
    if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0))
      jar.delete(c.name)
    else
      jar.set(c.name, c.value)
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
}
