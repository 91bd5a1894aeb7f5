import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorBodySchema } from '../../../../shared/errors'
import { OkSchema } from '../../../../shared/schemas/auth'
import { GiveConsentBodySchema, MeSchema } from '../../../../shared/schemas/me'
import type { AppContext } from '../../context'
import { clearDeviceCookie, clearSessionCookie, requireActor } from '../../plugins/session'
import { CLEAR_SITE_DATA } from '../auth/auth.routes'
import { createMeService } from './me.service'

export const meRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const me = createMeService(ctx)

  app.get('', {
    schema: {
      tags: ['me'],
      summary: 'The account: its own record, staff profile, and the residents it may act for with scopes',
      response: { 200: MeSchema, 401: ErrorBodySchema },
    },
  }, async (request) => {
    const actor = requireActor(request)
    return me.forAccount(actor.accountId, request.session!.deviceId !== null)
  })

  app.post('/consent', {
    schema: {
      tags: ['me'],
      summary: 'Consent to the processing of health information (PIPL art. 29)',
      body: GiveConsentBodySchema,
      response: { 200: MeSchema, 400: ErrorBodySchema, 401: ErrorBodySchema },
    },
  }, async (request) => {
    const actor = requireActor(request)
    return me.giveConsent(actor.accountId, request.body.noticeVersion, request.session!.deviceId !== null)
  })

  app.delete('/consent', {
    schema: {
      tags: ['me'],
      summary: 'Withdraw consent: closes the account, ends every session and forgets every device',
      response: { 200: OkSchema, 401: ErrorBodySchema },
    },
  }, async (request, reply) => {
    const actor = requireActor(request)
    me.withdrawConsent(actor.accountId)
    clearSessionCookie(reply)
    clearDeviceCookie(reply)
    void reply.header('clear-site-data', CLEAR_SITE_DATA)
    return { ok: true as const }
  })
}
