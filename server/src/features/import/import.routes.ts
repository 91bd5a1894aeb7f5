import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { ErrorBodySchema, ErrorCode } from '../../../../shared/errors'
import { ImportExamsQuerySchema, ImportReportSchema, MatchQuarantineBodySchema, QuarantineEntrySchema, QuarantineListSchema, QuarantineParamsSchema, QuarantineQuerySchema, RejectQuarantineBodySchema, RetractedExamSchema, RetractExamBodySchema, RetractExamParamsSchema } from '../../../../shared/schemas/import'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { requireConsentedActor } from '../../plugins/session'
import { sha256 } from '../auth/secrets'
import { createImportChecker } from './import.checker'
import type { ImportActor } from './import.service'
import { createImportService } from './import.service'

/** A thousand 40-item exams as FHIR JSON come to about 25 MB. */
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024
const SUMMARY = 'Exam results in, with the institution\'s API key (Authorization: Bearer <key>): a FHIR R4 Bundle (application/fhir+json or application/json) of DiagnosticReports with their Observations and Patient, or CSV (text/csv, UTF-8 or GB18030; columns in server/src/features/import/import-csv.md). Per exam: created, unchanged, corrected, quarantined or rejected with every problem named; one transaction per exam. ?dryRun=true reports the same and writes nothing'
const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }

/** The machine import and the institution's side of it: under /api/import. */
export const importRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const imports = createImportService(ctx)

  /** The institution whose API key the request carries; null when it carries none. */
  function keyInstitution(request: FastifyRequest): string | null {
    const header = request.headers.authorization
    if (header === undefined)
      return null
    const key = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
    if (key === undefined)
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'Send the API key as Authorization: Bearer <key>')
    const institutionId = imports.institutionOfKey(key, sha256(key))
    if (institutionId === null)
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'This API key is not valid (or was revoked): ask the county\'s administrator for one')
    return institutionId
  }

  /** The institution a request acts for: by its API key, else by a signed-in doctor or staff member. */
  function actorOf(request: FastifyRequest): ImportActor {
    const institutionId = keyInstitution(request)
    if (institutionId !== null)
      return { apiKeyInstitutionId: institutionId, staff: null, staffId: null }
    const actor = requireConsentedActor(request)
    return { apiKeyInstitutionId: null, staff: actor.staff, staffId: actor.staff?.id ?? null }
  }

  const checker = createImportChecker()
  app.addHook('onClose', async () => checker.close())

  // The exams themselves, in a scope of their own: their body is read as text or bytes and handed
  // to the checking worker whole, not parsed here (the other routes take JSON as usual).
  await app.register(async (scope) => {
    scope.removeContentTypeParser(['application/json'])
    scope.addContentTypeParser(['application/json', 'application/fhir+json'], { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body))
    scope.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body))
    // any other type reaches the route, which answers 415 naming the types it takes; without this
    // Fastify refuses an unknown type before the route, and the error handler words it as a 400
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body))

    scope.withTypeProvider<ZodTypeProvider>().post('/exams', {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['import'],
        summary: SUMMARY,
        querystring: ImportExamsQuerySchema,
        security: [{ apiKey: [] }],
        response: { 200: ImportReportSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 413: ErrorBodySchema, 415: ErrorBodySchema },
      },
    }, async (request) => {
      const institutionId = keyInstitution(request)
      if (institutionId === null)
        throw new AppError(ErrorCode.UNAUTHENTICATED, 'Send the institution\'s API key as Authorization: Bearer <key>')
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
      const format = type === 'text/csv' || type === 'application/csv' ? 'csv' : type === 'application/fhir+json' || type === 'application/json' ? 'fhir' : null
      if (format === null)
        throw new AppError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send a FHIR R4 Bundle as application/fhir+json, or CSV as text/csv', { field: 'content-type' })
      const batch = await checker.check({ body: request.body as string | Buffer, format, institutionId, today: ctx.clock.today() })
      return imports.importExams(institutionId, batch, format, request.query.dryRun)
    })
  })

  app.get('/quarantine', {
    schema: {
      tags: ['import'],
      summary: 'The institution\'s imported exams that could not be matched to a resident safely, newest first: for its API key, doctors and staff',
      querystring: QuarantineQuerySchema,
      response: { 200: QuarantineListSchema, ...errors },
    },
  }, async request => imports.quarantineList(actorOf(request), request.query.status, request.query.limit))

  app.post('/quarantine/:quarantineId/match', {
    schema: {
      tags: ['import'],
      summary: 'Match a quarantined exam to the resident it is for, after checking with her: ID number, name and birth date must all agree with the register. 409 ALREADY_RESOLVED when it was matched or rejected already',
      params: QuarantineParamsSchema,
      body: MatchQuarantineBodySchema,
      response: { 200: QuarantineEntrySchema, ...errors, 409: ErrorBodySchema },
    },
  }, async request => imports.matchQuarantined(actorOf(request), request.params.quarantineId, request.body))

  app.post('/quarantine/:quarantineId/reject', {
    schema: {
      tags: ['import'],
      summary: 'Reject a quarantined exam, with the reason. 409 ALREADY_RESOLVED when it was matched or rejected already',
      params: QuarantineParamsSchema,
      body: RejectQuarantineBodySchema,
      response: { 200: QuarantineEntrySchema, ...errors, 409: ErrorBodySchema },
    },
  }, async request => imports.rejectQuarantined(actorOf(request), request.params.quarantineId, request.body.reason))

  app.post('/exams/:externalId/retract', {
    schema: {
      tags: ['import'],
      summary: 'Retract an exam filed under the wrong person, by the institution\'s own exam id: its values are shown to no one again and the resident is told why. 409 ALREADY_RETRACTED',
      params: RetractExamParamsSchema,
      body: RetractExamBodySchema,
      response: { 200: RetractedExamSchema, ...errors, 409: ErrorBodySchema },
    },
  }, async request => imports.retract(actorOf(request), request.params.externalId, request.body.reason))
}
