import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../config'
import { loadVapidKeys } from './push.vapid'

const dirs: string[] = []
afterEach(() => {
  dirs.splice(0).forEach(dir => rmSync(dir, { recursive: true, force: true }))
})
function tempDb() {
  const dir = mkdtempSync(join(tmpdir(), 'kangban-vapid-'))
  dirs.push(dir)
  return join(dir, 'data', 'kangban.db')
}

describe('VAPID keys', () => {
  it('demo mode makes a pair on first start, keeps it beside the database (owner-only), and reads the same pair after a restart', () => {
    const db = tempDb()
    const first = loadVapidKeys(loadConfig({ KANGBAN_DB: db }))!
    expect(first.publicKey).toMatch(/^[\w-]{87}$/)
    expect(statSync(join(db, '..', 'vapid.json')).mode & 0o777).toBe(0o600)
    expect(loadVapidKeys(loadConfig({ KANGBAN_DB: db }))).toEqual(first)
  })

  it('the environment\'s keys win; production without them sends no push', () => {
    const publicKey = `B${'a'.repeat(86)}`
    const env = { KANGBAN_VAPID_PUBLIC_KEY: publicKey, KANGBAN_VAPID_PRIVATE_KEY: 'b'.repeat(43), KANGBAN_VAPID_SUBJECT: 'mailto:ops@example.org', KANGBAN_DB: tempDb() }
    expect(loadVapidKeys(loadConfig(env))?.publicKey).toBe(publicKey)
    const production = { KANGBAN_MODE: 'production', KANGBAN_SMS_GATEWAY_URL: 'https://sms.example.org', KANGBAN_SMS_GATEWAY_TOKEN: 't', KANGBAN_SECRET: 's'.repeat(32), KANGBAN_DB: tempDb() }
    expect(loadVapidKeys(loadConfig(production))).toBeNull()
  })

  it('one or two of the three settings is refused at start, naming all three', () => {
    expect(() => loadConfig({ KANGBAN_VAPID_PUBLIC_KEY: `B${'a'.repeat(86)}` })).toThrow(/KANGBAN_VAPID_PUBLIC_KEY, KANGBAN_VAPID_PRIVATE_KEY and KANGBAN_VAPID_SUBJECT/)
    expect(() => loadConfig({ KANGBAN_VAPID_SUBJECT: 'ops@example.org' })).toThrow(/KANGBAN_VAPID_SUBJECT must be a mailto: or https: address/)
  })
})
