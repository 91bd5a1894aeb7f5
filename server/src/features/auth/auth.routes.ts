import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorBodySchema } from '../../../../shared/errors'
import { DeviceStatusSchema, LoginBodySchema, OkSchema, PinLoginBodySchema, RememberDeviceBodySchema, RequestCodeBodySchema, RequestCodeResponseSchema } from '../../../../shared/schemas/auth'
import { MeSchema } from '../../../../shared/schemas/me'
import type { AppContext } from '../../context'
import { clearDeviceCookie, clearSessionCookie, DEVICE_COOKIE, requireActor, setDeviceCookie, setSessionCookie } from '../../plugins/session'
import { createMeService } from '../me/me.service'
import { createAuthService } from './auth.service'

/** Wipes the browser's caches and storage for this origin; the web also wipes them itself. */
export const CLEAR_SITE_DATA = '"cache", "storage"'

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const auth = createAuthService(ctx)
  const me = createMeService(ctx)

  app.post('/otp', {
    schema: {
      tags: ['auth'],
      summary: 'Send a 6-digit sign-in code by SMS (the same answer whether or not the phone is known)',
      body: RequestCodeBodySchema,
      response: { 202: RequestCodeResponseSchema, 400: ErrorBodySchema, 429: ErrorBodySchema },
    },
  }, async (request, reply) => {
    const result = await auth.requestCode(request.body.phone, request.ip)
    return reply.code(202).send(result)
  })

  app.post('/login', {
    schema: {
      tags: ['auth'],
      summary: 'Sign in with the phone and its code; sets the session cookie',
      body: LoginBodySchema,
      response: { 200: MeSchema, 400: ErrorBodySchema },
    },
  }, async (request, reply) => {
    const { token, accountId } = auth.login(request.body.phone, request.body.code, request.session?.tokenHash ?? null)
    setSessionCookie(reply, token)
    return me.forAccount(accountId, false)
  })

  app.post('/logout', {
    schema: { tags: ['auth'], summary: 'End the session, forget this device, and clear the site\'s data', response: { 200: OkSchema } },
  }, async (request, reply) => {
    auth.logout(request.session?.tokenHash ?? null, request.cookies[DEVICE_COOKIE])
    clearSessionCookie(reply)
    clearDeviceCookie(reply)
    void reply.header('clear-site-data', CLEAR_SITE_DATA)
    return { ok: true as const }
  })

  app.get('/device', {
    schema: { tags: ['auth'], summary: 'Whether this browser is a remembered device (then the PIN signs in)', response: { 200: DeviceStatusSchema } },
  }, async request => auth.deviceStatus(request.cookies[DEVICE_COOKIE]))

  app.post('/device', {
    schema: {
      tags: ['auth'],
      summary: 'Remember this device for 30 days behind a 6-digit PIN',
      body: RememberDeviceBodySchema,
      response: { 200: OkSchema, 400: ErrorBodySchema, 401: ErrorBodySchema },
    },
  }, async (request, reply) => {
    const actor = requireActor(request)
    const { token, maxAgeSeconds } = await auth.rememberDevice(actor.accountId, request.session!.tokenHash, request.body.pin)
    setDeviceCookie(reply, token, maxAgeSeconds)
    return { ok: true as const }
  })

  app.delete('/device', {
    schema: { tags: ['auth'], summary: 'Forget this device', response: { 200: OkSchema } },
  }, async (request, reply) => {
    auth.forgetDevice(request.cookies[DEVICE_COOKIE])
    clearDeviceCookie(reply)
    return { ok: true as const }
  })

  app.post('/pin', {
    schema: {
      tags: ['auth'],
      summary: 'Sign in on a remembered device with its PIN',
      body: PinLoginBodySchema,
      response: { 200: MeSchema, 400: ErrorBodySchema, 401: ErrorBodySchema },
    },
  }, async (request, reply) => {
    const { token, accountId } = await auth.unlockWithPin(request.cookies[DEVICE_COOKIE], request.body.pin, request.session?.tokenHash ?? null)
    setSessionCookie(reply, token)
    return me.forAccount(accountId, true)
  })
}
