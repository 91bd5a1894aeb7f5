import cookie from '@fastify/cookie'
import Fastify from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { validatorCompiler } from 'fastify-type-provider-zod'
import { ErrorCode } from '../../shared/errors'
import type { Clock } from './clock'
import { systemClock } from './clock'
import type { Config } from './config'
import type { AppContext } from './context'
import type { Db, Sqlite } from './db/client'
import { accessLogRoutes, accessReportsRoutes } from './features/access-log/access-log.routes'
import { assessmentsRoutes, doctorAssessmentsRoutes } from './features/assessments/assessments.routes'
import { authRoutes } from './features/auth/auth.routes'
import type { SmsSender } from './features/auth/sms'
import { createDevOutboxSender, createGatewaySender, createNoticeTexter } from './features/auth/sms'
import { bookingDeskRoutes } from './features/bookings/bookings.desk.routes'
import { bookingsRoutes, institutionsRoutes } from './features/bookings/bookings.routes'
import { calendarFeedRoutes, calendarRoutes } from './features/calendar/calendar.routes'
import { consultationsRoutes, doctorConsultationsRoutes, residentConsultationsRoutes } from './features/consultations/consultations.routes'
import { devRoutes } from './features/dev/dev.routes'
import { createNoticeDispatcher, KNOWN_PUSH_HOSTS } from './features/push/push.dispatch'
import { noticeChannelsRoutes, pushRoutes } from './features/push/push.routes'
import { loadVapidKeys } from './features/push/push.vapid'
import { doctorRoutes } from './features/doctor/doctor.routes'
import { doctorExamsRoutes, examsRoutes } from './features/exams/exams.routes'
import { exportRoutes } from './features/export/export.routes'
import { healthRoutes } from './features/health/health.routes'
import { importRoutes } from './features/import/import.routes'
import { measurementsRoutes } from './features/measurements/measurements.routes'
import { meRoutes } from './features/me/me.routes'
import { notificationsRoutes } from './features/notifications/notifications.routes'
import { heldProxiesRoutes, proxiesRoutes } from './features/proxies/proxies.routes'
import { questionnairesRoutes } from './features/questionnaires/questionnaires.routes'
import { remindersRoutes } from './features/reminders/reminders.routes'
import { residentsRoutes } from './features/residents/residents.routes'
import type { CareTeamCard } from './features/residents/residents.service'
import { CARE_TEAM_CACHE_MS } from './features/residents/residents.service'
import type { ResidentFacts } from './plugins/access'
import { createResidentAccess, RESIDENT_FACTS_CACHE_MS } from './plugins/access'
import { installErrorHandler } from './plugins/error-handler'
import { installOpenApi } from './plugins/openapi'
import { installOriginCheck } from './plugins/origin-check'
import { createResponseSerializerCompiler } from './plugins/response-serializer'
import { createSessionCache, installSession } from './plugins/session'
import { installWeb } from './plugins/web'
import { createShortCache } from './short-cache'

export interface BuildAppOptions {
  config: Config
  db: Db
  sqlite: Sqlite
  clock?: Clock
  sms?: SmsSender
  /** log requests at info level; `stream` sends the lines elsewhere than stdout (tests read them) */
  logger?: boolean | { stream: { write: (line: string) => void } }
  /** serve the built PWA from dist/web when it exists */
  serveWeb?: boolean
}

const BODY_LIMIT = 64 * 1024
/** How often urgent notices are sent out by SMS and push: soon enough for a reply, cheap when idle. */
const NOTICE_DISPATCH_MS = 3_000

/**
 * A request's URL as the log may keep it. A calendar feed's address is its secret (the database
 * keeps only its hash), and anyone who can read the log must not be able to read the feed.
 */
export function redactedUrl(url: string): string {
  return url.replace(/^\/api\/calendar\/[^/?#]+/, '/api/calendar/[redacted].ics')
}

export async function buildApp(options: BuildAppOptions) {
  const { config, db, sqlite } = options
  const clock = options.clock ?? systemClock(config.today)
  const sms = options.sms ?? (config.smsGateway ? createGatewaySender(config.smsGateway) : createDevOutboxSender(db, clock.now))
  const ctx: AppContext = {
    config,
    clock,
    db,
    sqlite,
    sms,
    sessionCache: createSessionCache(),
    residentFactsCache: createShortCache<ResidentFacts>(RESIDENT_FACTS_CACHE_MS, 20_000),
    careTeamCache: createShortCache<CareTeamCard>(CARE_TEAM_CACHE_MS, 2_000),
  }

  const app = Fastify({
    logger: options.logger
      ? {
          level: 'info',
          ...(typeof options.logger === 'object' ? { stream: options.logger.stream } : {}),
          serializers: { req: request => ({ method: request.method, url: redactedUrl(request.url ?? ''), remoteAddress: request.socket?.remoteAddress }) },
        }
      : false,
    bodyLimit: BODY_LIMIT,
    trustProxy: config.mode === 'production',
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(createResponseSerializerCompiler({ crossCheck: config.checkResponses }))
  installErrorHandler(app)
  await app.register(cookie)
  await installOpenApi(app)
  installSession(app, ctx)
  installOriginCheck(app, ctx)
  app.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'same-origin')
    // health data never sits in the browser's HTTP cache; the service worker keeps what offline needs, and logout wipes it
    if (request.url.startsWith('/api/'))
      void reply.header('cache-control', 'no-store')
    done(null, payload)
  })

  const access = createResidentAccess(ctx)
  await app.register(healthRoutes, { prefix: '/api', ctx })
  await app.register(authRoutes, { prefix: '/api/auth', ctx })
  await app.register(meRoutes, { prefix: '/api/me', ctx })
  await app.register(residentsRoutes, { prefix: '/api/residents', ctx, access })
  await app.register(accessLogRoutes, { prefix: '/api/residents', ctx, access })
  await app.register(accessReportsRoutes, { prefix: '/api/institutions', ctx })
  await app.register(proxiesRoutes, { prefix: '/api/residents', ctx, access })
  await app.register(heldProxiesRoutes, { prefix: '/api/proxies', ctx, access })
  await app.register(remindersRoutes, { prefix: '/api/residents', ctx, access })
  await app.register(questionnairesRoutes, { prefix: '/api/residents', ctx, access })
  await app.register(examsRoutes, { prefix: '/api/residents', ctx, access })
  await app.register(exportRoutes, { prefix: '/api/residents', ctx, access })
  await app.register(calendarFeedRoutes, { prefix: '/api/residents', ctx, access })
  await app.register(calendarRoutes, { prefix: '/api/calendar', ctx, access })
  await app.register(notificationsRoutes, { prefix: '/api/notifications', ctx })
  await app.register(doctorRoutes, { prefix: '/api/doctor', ctx })
  await app.register(doctorExamsRoutes, { prefix: '/api/doctor', ctx, access })
  await app.register(importRoutes, { prefix: '/api/import', ctx })
  await app.register(institutionsRoutes, { prefix: '/api/institutions', ctx, access })
  await app.register(bookingDeskRoutes, { prefix: '/api/institutions', ctx })
  await app.register(bookingsRoutes, { prefix: '/api/residents', ctx, access })
  await app.register(measurementsRoutes, { prefix: '/api/residents', ctx, access })
  await app.register(assessmentsRoutes, { prefix: '/api/residents', ctx, access })
  await app.register(doctorAssessmentsRoutes, { prefix: '/api/doctor', ctx, access })
  await app.register(residentConsultationsRoutes, { prefix: '/api/residents', ctx, access })
  await app.register(consultationsRoutes, { prefix: '/api/consultations', ctx, access })
  await app.register(doctorConsultationsRoutes, { prefix: '/api/doctor', ctx, access })
  const vapid = loadVapidKeys(config)
  await app.register(pushRoutes, { prefix: '/api/push', ctx, vapid })
  await app.register(noticeChannelsRoutes, { prefix: '/api/notifications/channels', ctx })
  // urgent notices go out by SMS and push a few seconds after they are written, from a listening server only (tests run it by hand)
  const notices = createNoticeDispatcher({ db, now: clock.now, today: clock.today, texter: createNoticeTexter(db, sms, clock.now), vapid, pushHosts: config.mode === 'production' ? KNOWN_PUSH_HOSTS : null, log: app.log })
  let dispatching: ReturnType<typeof setInterval> | undefined
  app.addHook('onListen', async () => {
    dispatching = setInterval(() => void notices.run().catch(error => app.log.error(error)), NOTICE_DISPATCH_MS)
  })
  app.addHook('onClose', async () => clearInterval(dispatching))
  if (config.mode === 'demo')
    await app.register(devRoutes, { prefix: '/api/dev', ctx })

  const servesWeb = options.serveWeb === true && await installWeb(app)
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!
    // the PWA's routes are client-side: any other GET page gets the shell; /api/ never does
    if (servesWeb && request.method === 'GET' && !path.startsWith('/api/'))
      return reply.header('cache-control', 'no-cache').sendFile('index.html')
    return reply.code(404).send({ error: { code: ErrorCode.NOT_FOUND, message: `No route ${request.method} ${path}` } })
  })
  return app
}
