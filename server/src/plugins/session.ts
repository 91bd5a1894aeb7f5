import { and, eq, isNull, sql } from 'drizzle-orm'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { RelationToHead } from '../../../shared/access'
import { ErrorCode } from '../../../shared/errors'
import type { AppContext } from '../context'
import { accounts, residents, sessions, staff } from '../db/schema'
import { AppError } from '../errors'
import { sha256 } from '../features/auth/secrets'
import { createShortCache } from '../short-cache'

export const SESSION_COOKIE = 'kb_session'
export const DEVICE_COOKIE = 'kb_device'
export const SESSION_IDLE_MS = 30 * 60_000
export const SESSION_ABSOLUTE_MS = 12 * 3600_000
// Writing last_seen_at on every request would turn every read into a write; a minute's slack is harmless.
const TOUCH_AFTER_MS = 60_000

export interface Actor {
  accountId: string
  phone: string
  /** what the access log and notices call this person */
  name: string
  residentId: string | null
  householdId: string | null
  relationToHead: RelationToHead | null
  consented: boolean
  staff: { id: string, name: string, role: 'doctor' | 'nurse' | 'institution-staff', teamId: string | null, institutionId: string } | null
}

export interface SessionContext {
  tokenHash: string
  deviceId: string | null
  actor: Actor
}

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionContext | null
  }
}

/**
 * 1 when the account has consent that was not withdrawn. Written out by hand: drizzle leaves
 * columns unqualified in a one-table select, and `id` would then bind to the subquery's table.
 */
export const hasConsent = sql<number>`exists (select 1 from consents c where c.account_id = "accounts"."id" and c.withdrawn_at is null)`

type SessionRow = NonNullable<ReturnType<ReturnType<typeof prepareSessionQueries>['find']['get']>>

/** How long a session read stays good without asking the database again. */
export const SESSION_CACHE_MS = 5_000
const SESSION_CACHE_MAX = 20_000

/**
 * Sessions read in the last few seconds, by token hash. Every API request starts by reading its
 * session, a four-table join that was a quarter of the cost of reading a record: most requests
 * come in bursts from one phone, so they can share one read. Anything that ends a session or
 * changes an account or its consent calls `forget()` in the same request, so a logout or a
 * withdrawn consent still counts at once; other changes to what the row carries (a name, a
 * household) show within SESSION_CACHE_MS.
 */
export function createSessionCache() {
  return createShortCache<SessionRow>(SESSION_CACHE_MS, SESSION_CACHE_MAX)
}
export type SessionCache = ReturnType<typeof createSessionCache>

export function prepareSessionQueries({ db }: AppContext) {
  const find = db.select({
    tokenHash: sessions.tokenHash,
    deviceId: sessions.deviceId,
    lastSeenAt: sessions.lastSeenAt,
    expiresAt: sessions.expiresAt,
    endedAt: sessions.endedAt,
    accountId: accounts.id,
    phone: accounts.phone,
    displayName: accounts.displayName,
    accountStatus: accounts.status,
    residentId: accounts.residentId,
    residentName: residents.name,
    householdId: residents.householdId,
    relationToHead: residents.relationToHead,
    staffId: staff.id,
    staffName: staff.name,
    staffRole: staff.role,
    teamId: staff.teamId,
    institutionId: staff.institutionId,
    consented: hasConsent,
  })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .leftJoin(residents, eq(residents.id, accounts.residentId))
    .leftJoin(staff, eq(staff.accountId, accounts.id))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare()
  const touch = db.update(sessions)
    .set({ lastSeenAt: sql`${sql.placeholder('now')}` })
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), isNull(sessions.endedAt)))
    .prepare()
  return { find, touch }
}

/** Reads the session cookie on every API request; an idle, expired or ended session is no session. */
export function installSession(app: FastifyInstance, ctx: AppContext) {
  const q = prepareSessionQueries(ctx)
  app.decorateRequest('session', null)
  // synchronous, as every hook on the path of each request: an async hook costs a promise and a turn of the microtask queue
  app.addHook('onRequest', (request, reply, done) => {
    readSession(request, reply)
    done()
  })

  function readSession(request: FastifyRequest, reply: FastifyReply) {
    const token = request.cookies[SESSION_COOKIE]
    if (!token || !request.url.startsWith('/api/'))
      return
    const tokenHash = sha256(token)
    const now = ctx.clock.now()
    let row = ctx.sessionCache.get(tokenHash, now)
    if (row === null) {
      row = q.find.get({ tokenHash }) ?? null
      if (row !== null)
        ctx.sessionCache.set(tokenHash, row, now)
    }
    if (!row || row.endedAt !== null || row.accountStatus !== 'active' || now > row.expiresAt || now - row.lastSeenAt > SESSION_IDLE_MS) {
      clearSessionCookie(reply)
      return
    }
    if (now - row.lastSeenAt > TOUCH_AFTER_MS) {
      q.touch.run({ tokenHash, now })
      row.lastSeenAt = now
    }
    request.session = {
      tokenHash,
      deviceId: row.deviceId,
      actor: {
        accountId: row.accountId,
        phone: row.phone,
        name: row.staffName ?? row.residentName ?? row.displayName ?? `${row.phone.slice(0, 3)}****${row.phone.slice(-4)}`,
        residentId: row.residentId,
        householdId: row.householdId,
        relationToHead: row.relationToHead,
        consented: row.consented === 1,
        staff: row.staffId !== null && row.staffName !== null && row.staffRole !== null && row.institutionId !== null
          ? { id: row.staffId, name: row.staffName, role: row.staffRole, teamId: row.teamId, institutionId: row.institutionId }
          : null,
      },
    }
  }
}

const cookieBase = { path: '/', httpOnly: true, sameSite: 'strict', secure: 'auto' } as const

export function setSessionCookie(reply: FastifyReply, token: string) {
  void reply.setCookie(SESSION_COOKIE, token, { ...cookieBase, maxAge: SESSION_ABSOLUTE_MS / 1000 })
}

export function clearSessionCookie(reply: FastifyReply) {
  void reply.clearCookie(SESSION_COOKIE, cookieBase)
}

export function setDeviceCookie(reply: FastifyReply, token: string, maxAgeSeconds: number) {
  void reply.setCookie(DEVICE_COOKIE, token, { ...cookieBase, path: '/api/auth', maxAge: maxAgeSeconds })
}

export function clearDeviceCookie(reply: FastifyReply) {
  void reply.clearCookie(DEVICE_COOKIE, { ...cookieBase, path: '/api/auth' })
}

/** The signed-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.session)
    throw new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in first: POST /api/auth/otp, then /api/auth/login')
  return request.session.actor
}

/** The signed-in actor who has consented to the processing of health information (PIPL art. 29). */
export function requireConsentedActor(request: FastifyRequest): Actor {
  const actor = requireActor(request)
  if (!actor.consented)
    throw new AppError(ErrorCode.CONSENT_REQUIRED, 'Consent to the privacy notice first: POST /api/me/consent')
  return actor
}
