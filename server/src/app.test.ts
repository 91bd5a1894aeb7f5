import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from './config'
import { testApp } from './test/test-app'

let t: Awaited<ReturnType<typeof testApp>>
afterEach(async () => {
  await t.app.close()
})

describe('the API\'s edges', () => {
  it('answers an unknown route with a JSON 404', async () => {
    t = await testApp()
    const response = await t.app.inject({ url: '/api/nothing-here' })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No route GET /api/nothing-here' } })
  })

  it('refuses a body over the limit with 413', async () => {
    t = await testApp()
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/otp', payload: { phone: '13800000001', pad: 'x'.repeat(70_000) } })
    expect(response.statusCode).toBe(413)
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('answers malformed JSON with 400, not 500', async () => {
    t = await testApp()
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/otp', headers: { 'content-type': 'application/json' }, payload: '{"phone":' })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body' })
  })

  it('reports liveness and the mode', async () => {
    t = await testApp()
    const health = await t.app.inject({ url: '/api/health' })
    expect(health.json()).toEqual({ status: 'ok', database: 'ok', mode: 'demo' })
    expect(health.headers['cache-control']).toBe('no-store')
  })

  it('serves an OpenAPI document naming every route', async () => {
    t = await testApp()
    const doc = (await t.app.inject({ url: '/api/docs' })).json()
    expect(doc.openapi).toMatch(/^3\./)
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/api/health',
      '/api/auth/otp',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/device',
      '/api/auth/pin',
      '/api/me',
      '/api/me/consent',
      '/api/residents/{id}',
      '/api/residents/{id}/encounters',
      '/api/residents/{id}/followups',
      '/api/residents/{id}/immunizations',
      '/api/residents/{id}/medications',
      '/api/residents/{id}/access-log',
      '/api/residents/{id}/exams',
      '/api/residents/{id}/exams/{examId}',
      '/api/residents/{id}/observations',
      '/api/residents/{id}/export',
      '/api/notifications',
      '/api/notifications/{notificationId}/read',
      '/api/doctor/residents',
      '/api/doctor/exams',
      '/api/doctor/exams/{examId}/release',
      '/api/doctor/exams/{examId}/acknowledge',
      '/api/dev/outbox',
    ]))
  })
})

describe('demo hooks', () => {
  it('show the last code sent to a phone', async () => {
    t = await testApp()
    await t.app.inject({ method: 'POST', url: '/api/auth/otp', payload: { phone: '13800000001' } })
    const outbox = (await t.app.inject({ url: '/api/dev/outbox?phone=13800000001' })).json()
    expect(outbox.code).toBe(t.lastCode('13800000001'))
    const all = (await t.app.inject({ url: '/api/dev/outbox?phone=13800000001&all=1' })).json()
    expect(all.messages).toHaveLength(1)
    expect(all.messages[0].body).toContain(outbox.code)
  })

  it('are absent in production mode', async () => {
    t = await testApp({ env: { KANGBAN_MODE: 'production', KANGBAN_SECRET: 'x'.repeat(40), KANGBAN_SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms', KANGBAN_SMS_GATEWAY_TOKEN: 't' } })
    expect((await t.app.inject({ url: '/api/dev/outbox?phone=13800000001' })).statusCode).toBe(404)
  })
})

describe('configuration', () => {
  it('refuses production without a real SMS sender and a secret', () => {
    expect(() => loadConfig({ KANGBAN_MODE: 'production' })).toThrow(/KANGBAN_SMS_GATEWAY_URL.*KANGBAN_SECRET/)
  })

  it('names a malformed variable', () => {
    expect(() => loadConfig({ KANGBAN_TODAY: '22/11/2026' })).toThrow(/KANGBAN_TODAY/)
  })

  it('defaults to demo mode on port 3000 with the embedded database', () => {
    expect(loadConfig({})).toMatchObject({ mode: 'demo', port: 3000, dbFile: 'data/kangban.db', today: null })
  })
})
