import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import webpush from 'web-push'
import { z } from 'zod'
import type { Config } from '../../config'

export interface VapidKeys { publicKey: string, privateKey: string, subject: string }

const VapidFileSchema = z.object({ publicKey: z.string().min(1), privateKey: z.string().min(1), subject: z.string().min(1) })
/** Who push services may write to about this server; demo mode has no real address. */
const DEMO_SUBJECT = 'mailto:demo@kangban.invalid'

/**
 * The VAPID keys Web Push is signed with. From the environment when set; in demo mode generated
 * on first start and kept in `vapid.json` beside the database, so subscriptions survive a
 * restart (an in-memory database gets keys for this process only); in production without
 * them, null: no push, SMS and in-app notices still go.
 */
export function loadVapidKeys(config: Config): VapidKeys | null {
  if (config.vapid !== null)
    return config.vapid
  if (config.mode !== 'demo')
    return null
  if (config.dbFile === ':memory:')
    return { ...webpush.generateVAPIDKeys(), subject: DEMO_SUBJECT }
  const file = join(dirname(config.dbFile), 'vapid.json')
  if (existsSync(file))
    return VapidFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
  const keys = { ...webpush.generateVAPIDKeys(), subject: DEMO_SUBJECT }
  mkdirSync(dirname(file), { recursive: true })
  // the private key signs for this server: readable by its user only
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 })
  return keys
}
