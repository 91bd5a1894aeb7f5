import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorBodySchema } from '../../../../shared/errors'
import { ResidentParamsSchema } from '../../../../shared/schemas/common'
import { FhirBundleSchema } from '../../../../shared/schemas/export'
import type { AppContext } from '../../context'
import type { ResidentAccess } from '../../plugins/access'
import { requireConsentedActor } from '../../plugins/session'
import { createExportService } from './export.service'

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }

/** The record as a FHIR download: under /api/residents. */
export const exportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext, access: ResidentAccess }> = async (app, { ctx, access }) => {
  const exports = createExportService(ctx, access)

  app.get('/:id/export', {
    schema: {
      tags: ['export'],
      summary: 'The resident\'s whole record as an HL7 FHIR R4 Bundle (collection), as a file download: released exams only. The resident and her household parent only (403 for proxies and her care team)',
      params: ResidentParamsSchema,
      response: { 200: { content: { 'application/fhir+json': { schema: FhirBundleSchema } } }, ...errors },
    },
  }, async (request, reply) => {
    const bundle = exports.bundle(requireConsentedActor(request), request.params.id)
    const filename = `kangban-${request.params.id}-${ctx.clock.today()}.json`
    return reply
      .type('application/fhir+json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(bundle)
  })
}
