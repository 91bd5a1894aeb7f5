import { createHmac, hash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>

/** A bearer token for a cookie: 32 random bytes. Only its SHA-256 is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** One shot: every API request hashes its session cookie, and `createHash` costs twice as much. */
export function sha256(value: string): string {
  return hash('sha256', value, 'hex')
}

/** Six digits from the CSPRNG, leading zeros kept. */
export function newSignInCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0')
}

/**
 * Sign-in codes have only a million values, so a plain hash would fall to a table in
 * seconds if the database leaked: the HMAC key lives outside the database.
 */
export function hashSignInCode(secret: string, codeId: string, code: string): string {
  return createHmac('sha256', secret).update(`${codeId}:${code}`).digest('hex')
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex')
  const y = Buffer.from(b, 'hex')
  return x.length === y.length && timingSafeEqual(x, y)
}

/** A device PIN, salted and stretched with scrypt; the five-try limit does the rest. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scryptAsync(pin, salt, 32)
  return `scrypt$${salt.toString('hex')}$${key.toString('hex')}`
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, saltHex, keyHex] = stored.split('$')
  if (scheme !== 'scrypt' || !saltHex || !keyHex)
    return false
  const key = await scryptAsync(pin, Buffer.from(saltHex, 'hex'), 32)
  return sameHash(key.toString('hex'), keyHex)
}
