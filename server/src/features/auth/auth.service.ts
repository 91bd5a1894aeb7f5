import { ErrorCode } from '../../../../shared/errors'
import { NotificationKind } from '../../../../shared/schemas/notifications'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { newId } from '../../ids'
import { SESSION_ABSOLUTE_MS } from '../../plugins/session'
import { createNotificationsRepo } from '../notifications/notifications.repo'
import { claimGrants } from '../proxies/proxies.service'
import { createAuthRepo } from './auth.repo'
import { hashPin, hashSignInCode, newSignInCode, newToken, sameHash, sha256, verifyPin } from './secrets'

export const CODE_TTL_MS = 5 * 60_000
export const CODE_MAX_FAILURES = 5
export const CODES_PER_PHONE_PER_MINUTE = 1
export const CODES_PER_PHONE_PER_DAY = 10
export const CODES_PER_ADDRESS_PER_HOUR = 30
export const DEVICE_TTL_MS = 30 * 24 * 3600_000
export const PIN_MAX_FAILURES = 5

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

function isLoopback(address: string) {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.')
}

const rateLimited = (retryAfterMs: number) => new AppError(
  ErrorCode.RATE_LIMITED,
  'Too many codes asked for; wait and try again',
  { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) },
)

const wrongCode = () => new AppError(ErrorCode.CODE_INVALID, 'The code is wrong or has expired; ask for a new one', { field: 'code' })

export function createAuthService(ctx: AppContext) {
  const { clock, config, sms, db } = ctx
  const repo = createAuthRepo(db)
  const notices = createNotificationsRepo(db)

  /** A new session for the account, replacing the one this browser had. */
  function startSession(accountId: string, previousTokenHash: string | null, deviceId: string | null) {
    const now = clock.now()
    const token = newToken()
    if (previousTokenHash !== null)
      repo.endSession(previousTokenHash, now)
    repo.createSession({ tokenHash: sha256(token), accountId, deviceId, createdAt: now, lastSeenAt: now, expiresAt: now + SESSION_ABSOLUTE_MS })
    ctx.sessionCache.forget()
    return token
  }

  return {
    /**
     * Sends a code to any well-formed phone, known or not: the answer never tells whether
     * someone is registered. A phone without an account gets one at its first sign-in (a
     * family account, unless the register holds a record with that phone).
     */
    async requestCode(phone: string, clientAddress: string) {
      const now = clock.now()
      const today = repo.codesForPhoneSince(phone, now - DAY)
      const latest = today[0]
      if (latest && now - latest.createdAt < MINUTE / CODES_PER_PHONE_PER_MINUTE)
        throw rateLimited(latest.createdAt + MINUTE - now)
      if (today.length >= CODES_PER_PHONE_PER_DAY)
        throw rateLimited(today.at(-1)!.createdAt + DAY - now)
      // demo.md: tests sign in many residents from one machine, so loopback is exempt there
      const addressLimited = !(config.mode === 'demo' && isLoopback(clientAddress))
      if (addressLimited && repo.countCodesForAddressSince(clientAddress, now - HOUR) >= CODES_PER_ADDRESS_PER_HOUR)
        throw rateLimited(HOUR)
      const id = newId()
      const code = newSignInCode()
      repo.createCode({ id, phone, clientAddress, codeHash: hashSignInCode(config.secret, id, code), createdAt: now, expiresAt: now + CODE_TTL_MS })
      await sms.sendSignInCode(phone, code)
      return { sent: true as const, retryAfterSeconds: 60 }
    },

    /** Checks the code and starts a session; returns the new cookie token. */
    login(phone: string, code: string, previousTokenHash: string | null): { token: string, accountId: string } {
      const now = clock.now()
      const live = repo.findLiveCode(phone, now)
      if (!live || live.failedAttempts >= CODE_MAX_FAILURES)
        throw wrongCode()
      if (!sameHash(hashSignInCode(config.secret, live.id, code), live.codeHash)) {
        repo.countFailure(live.id)
        throw wrongCode()
      }
      return db.transaction(() => {
        repo.markUsed(live.id, now)
        let account = repo.findAccountByPhone(phone)
        if (!account) {
          const id = newId()
          repo.createAccount({ id, phone, residentId: repo.findResidentIdByPhone(phone), createdAt: now })
          notices.createForAccount(id, NotificationKind.WELCOME, {}, now)
          account = repo.findAccountByPhone(phone)!
        }
        else if (account.status === 'closed') {
          repo.reopenAccount(account.id)
        }
        claimGrants(db, phone, account.id, now, clock.today())
        return { token: startSession(account.id, previousTokenHash, null), accountId: account.id }
      })
    },

    logout(tokenHash: string | null, deviceToken: string | undefined) {
      const now = clock.now()
      db.transaction(() => {
        if (tokenHash !== null)
          repo.endSession(tokenHash, now)
        if (deviceToken !== undefined)
          repo.revokeDeviceByToken(sha256(deviceToken), now)
      })
      ctx.sessionCache.forget()
    },

    /** Remembers this browser for 30 days behind a PIN; returns the device cookie token. */
    async rememberDevice(accountId: string, sessionTokenHash: string, pin: string) {
      const pinHash = await hashPin(pin)
      const now = clock.now()
      const token = newToken()
      const id = newId()
      db.transaction(() => {
        repo.createDevice({ id, accountId, tokenHash: sha256(token), pinHash, createdAt: now, lastUsedAt: now, expiresAt: now + DEVICE_TTL_MS })
        repo.attachDevice(sessionTokenHash, id)
      })
      ctx.sessionCache.forget()
      return { token, maxAgeSeconds: DEVICE_TTL_MS / 1000 }
    },

    deviceStatus(deviceToken: string | undefined) {
      const found = deviceToken === undefined ? null : repo.findLiveDevice(sha256(deviceToken), clock.now())
      if (!found || found.accountStatus !== 'active')
        return { remembered: false, phoneMasked: null, displayName: null }
      return { remembered: true, phoneMasked: `${found.phone.slice(0, 3)}****${found.phone.slice(-4)}`, displayName: found.displayName }
    },

    /** Unlocks a remembered device with its PIN; five wrong PINs forget the device (SMS again). */
    async unlockWithPin(deviceToken: string | undefined, pin: string, previousTokenHash: string | null) {
      const found = deviceToken === undefined ? null : repo.findLiveDevice(sha256(deviceToken), clock.now())
      if (!found || found.accountStatus !== 'active')
        throw new AppError(ErrorCode.DEVICE_NOT_REMEMBERED, 'This device is not remembered; sign in with an SMS code')
      const { device } = found
      if (!(await verifyPin(pin, device.pinHash))) {
        const failures = repo.countPinFailure(device.id)
        if (failures >= PIN_MAX_FAILURES) {
          repo.revokeDevice(device.id, clock.now())
          throw new AppError(ErrorCode.DEVICE_NOT_REMEMBERED, 'Too many wrong PINs; sign in with an SMS code')
        }
        throw new AppError(ErrorCode.PIN_INVALID, `Wrong PIN; ${PIN_MAX_FAILURES - failures} tries left`, { field: 'pin' })
      }
      return db.transaction(() => {
        repo.resetPinFailures(device.id, clock.now())
        return { token: startSession(device.accountId, previousTokenHash, device.id), accountId: device.accountId }
      })
    },

    forgetDevice(deviceToken: string | undefined) {
      if (deviceToken !== undefined)
        repo.revokeDeviceByToken(sha256(deviceToken), clock.now())
    },

    /** Withdrawing consent closes the account: every session and device ends with it (PIPL art. 15). */
    closeAccount(accountId: string) {
      const now = clock.now()
      repo.closeAccount(accountId, now)
      repo.endAllSessions(accountId, now)
      repo.revokeAllDevices(accountId, now)
      ctx.sessionCache.forget()
    },
  }
}

export type AuthService = ReturnType<typeof createAuthService>
