import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { isoDatePattern } from '../../shared/dates'

const EnvSchema = z.object({
  KANGBAN_MODE: z.enum(['demo', 'production']).default('demo'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  KANGBAN_DB: z.string().min(1).default('data/kangban.db'),
  KANGBAN_TODAY: z.string().regex(isoDatePattern, 'KANGBAN_TODAY must be a date YYYY-MM-DD').optional(),
  PUBLIC_ORIGIN: z.url().optional(),
  KANGBAN_SECRET: z.string().min(32, 'KANGBAN_SECRET must be at least 32 characters').optional(),
  KANGBAN_SMS_GATEWAY_URL: z.url().optional(),
  KANGBAN_SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  KANGBAN_VAPID_PUBLIC_KEY: z.string().regex(/^[\w-]{87}$/, 'KANGBAN_VAPID_PUBLIC_KEY must be a base64url P-256 public key (npx web-push generate-vapid-keys)').optional(),
  KANGBAN_VAPID_PRIVATE_KEY: z.string().regex(/^[\w-]{43}$/, 'KANGBAN_VAPID_PRIVATE_KEY must be a base64url P-256 private key (npx web-push generate-vapid-keys)').optional(),
  KANGBAN_VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)/, 'KANGBAN_VAPID_SUBJECT must be a mailto: or https: address push services can reach you at').optional(),
  KANGBAN_SEED_RESIDENTS: z.coerce.number().int().min(0).default(5000),
  KANGBAN_SEED: z.coerce.number().int().default(42),
  KANGBAN_CHECK_RESPONSES: z.enum(['0', '1']).default('0'),
})

export interface Config {
  mode: 'demo' | 'production'
  port: number
  host: string
  dbFile: string
  /** pinned evaluation date (demo and tests); null means today in Asia/Shanghai */
  today: string | null
  publicOrigin: string | null
  /** key of the HMAC that stores sign-in codes */
  secret: string
  smsGateway: { url: string, token: string } | null
  /** Web Push keys from the environment; null: demo mode keeps generated ones under data/, production sends no push */
  vapid: { publicKey: string, privateKey: string, subject: string } | null
  seed: { residents: number, seed: number }
  /** encode every answer with zod too and fail on a difference (plugins/response-serializer.ts): for tests, at twice the cost */
  checkResponses: boolean
}

/**
 * Reads the environment once and fails fast with a message that says what to set.
 * Production refuses to start without a real SMS sender and a secret: a demo outbox or a
 * random per-process secret there would lock every resident out or leak their codes.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map(i => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Kangban cannot start: the environment is invalid\n${lines.join('\n')}`)
  }
  const e = parsed.data
  const smsGateway = e.KANGBAN_SMS_GATEWAY_URL && e.KANGBAN_SMS_GATEWAY_TOKEN
    ? { url: e.KANGBAN_SMS_GATEWAY_URL, token: e.KANGBAN_SMS_GATEWAY_TOKEN }
    : null
  const vapidParts = [e.KANGBAN_VAPID_PUBLIC_KEY, e.KANGBAN_VAPID_PRIVATE_KEY, e.KANGBAN_VAPID_SUBJECT]
  if (vapidParts.some(Boolean) && !vapidParts.every(Boolean))
    throw new Error('Kangban cannot start: set all three of KANGBAN_VAPID_PUBLIC_KEY, KANGBAN_VAPID_PRIVATE_KEY and KANGBAN_VAPID_SUBJECT, or none (no Web Push)')
  if (e.KANGBAN_MODE === 'production') {
    const missing = [
      smsGateway ? null : 'KANGBAN_SMS_GATEWAY_URL and KANGBAN_SMS_GATEWAY_TOKEN (a real SMS sender)',
      e.KANGBAN_SECRET ? null : 'KANGBAN_SECRET (32+ random characters)',
      e.KANGBAN_TODAY ? 'unset KANGBAN_TODAY (a pinned date is a demo hook)' : null,
    ].filter(Boolean)
    if (missing.length > 0)
      throw new Error(`Kangban cannot start in production mode. Set: ${missing.join('; ')}`)
  }
  return {
    mode: e.KANGBAN_MODE,
    port: e.PORT,
    host: e.HOST,
    dbFile: e.KANGBAN_DB,
    today: e.KANGBAN_TODAY ?? null,
    publicOrigin: e.PUBLIC_ORIGIN ?? null,
    secret: e.KANGBAN_SECRET ?? randomBytes(32).toString('hex'),
    smsGateway,
    vapid: e.KANGBAN_VAPID_PUBLIC_KEY && e.KANGBAN_VAPID_PRIVATE_KEY && e.KANGBAN_VAPID_SUBJECT
      ? { publicKey: e.KANGBAN_VAPID_PUBLIC_KEY, privateKey: e.KANGBAN_VAPID_PRIVATE_KEY, subject: e.KANGBAN_VAPID_SUBJECT }
      : null,
    seed: { residents: e.KANGBAN_SEED_RESIDENTS, seed: e.KANGBAN_SEED },
    checkResponses: e.KANGBAN_CHECK_RESPONSES === '1',
  }
}
