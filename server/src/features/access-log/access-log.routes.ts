import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { decideInstitutionAccess, ResidentAction } from '../../../../shared/access'
import { ErrorBodySchema } from '../../../../shared/errors'
import type { AccessLogEntry } from '../../../../shared/schemas/access-log'
import { AccessLogEntryParamsSchema, AccessLogPageSchema, AccessReportSchema, InstitutionAccessReportPageSchema } from '../../../../shared/schemas/access-log'
import { InstitutionParamsSchema } from '../../../../shared/schemas/bookings'
import { PageQuerySchema, ResidentParamsSchema } from '../../../../shared/schemas/common'
import type { AppContext } from '../../context'
import type { accessLog } from '../../db/schema'
import { notFound } from '../../errors'
import { newId } from '../../ids'
import { decodeCursor, pageFrom } from '../../paging'
import type { ResidentAccess } from '../../plugins/access'
import { requireConsentedActor } from '../../plugins/session'
import { createAccessLogRepo } from './access-log.repo'

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }
const iso = (at: number) => new Date(at).toISOString()

function entryOf(row: typeof accessLog.$inferSelect): Omit<AccessLogEntry, 'reportedAt'> {
  return { id: row.id, actorName: row.actorName, actorRole: row.actorRole, action: row.action, what: row.what, at: iso(row.at) }
}

/** 谁看过我的档案 (product.md capability 9), and "这不是我认识的人" next to each entry. */
export const accessLogRoutes: FastifyPluginAsyncZod<{ ctx: AppContext, access: ResidentAccess }> = async (app, { ctx, access }) => {
  const repo = createAccessLogRepo(ctx.db)

  app.get('/:id/access-log', {
    schema: {
      tags: ['record'],
      summary: '谁看过我的档案: every read or change of this record by anyone but the resident, newest first',
      params: ResidentParamsSchema,
      querystring: PageQuerySchema,
      response: { 200: AccessLogPageSchema, ...errors },
    },
  }, async (request) => {
    const { id } = request.params
    access.authorize(requireConsentedActor(request), id, ResidentAction.MANAGE, 'read', 'access-log')
    const { limit, cursor } = request.query
    const before = decodeCursor(cursor, ['number'] as const)
    const page = pageFrom(repo.list(id, before?.[0] ?? null, limit + 1), limit, r => [r.entry.id])
    return {
      items: page.items.map(r => ({ ...entryOf(r.entry), reportedAt: r.reportedAt === null ? null : iso(r.reportedAt) })),
      nextCursor: page.nextCursor,
    }
  })

  app.post('/:id/access-log/:entryId/report', {
    schema: {
      tags: ['record'],
      summary: '这不是我认识的人: report an entry; her family doctor\'s institution sees it. Reporting it again changes nothing',
      params: AccessLogEntryParamsSchema,
      response: { 201: AccessReportSchema, ...errors },
    },
  }, async (request, reply) => {
    const { id, entryId } = request.params
    const actor = requireConsentedActor(request)
    const report = ctx.db.transaction(() => {
      access.authorize(actor, id, ResidentAction.MANAGE, 'change', 'access-report')
      if (repo.findEntry(id, entryId) === null)
        throw notFound()
      const existing = repo.findReport(entryId)
      if (existing !== null)
        return existing
      const row = { id: newId(), accessLogId: entryId, residentId: id, institutionId: repo.familyDoctorInstitution(id, ctx.clock.today()), reportedByAccountId: actor.accountId, reportedAt: ctx.clock.now() }
      repo.createReport(row)
      return row
    })
    return reply.code(201).send({ entryId, reportedAt: iso(report.reportedAt) })
  })
}

/** The family doctor's institution: the reports of its residents' access logs, newest first. */
export const accessReportsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const repo = createAccessLogRepo(ctx.db)

  app.get('/:id/access-reports', {
    schema: {
      tags: ['institution'],
      summary: 'Access-log entries its signed residents reported as someone they do not know (its doctors and staff)',
      params: InstitutionParamsSchema,
      querystring: PageQuerySchema,
      response: { 200: InstitutionAccessReportPageSchema, ...errors },
    },
  }, async (request) => {
    const actor = requireConsentedActor(request)
    const { id } = request.params
    if (decideInstitutionAccess({ apiKeyInstitutionId: null, staff: actor.staff }, id) !== 'allow')
      throw notFound()
    const { limit, cursor } = request.query
    const before = decodeCursor(cursor, ['number', 'string'] as const)
    const rows = repo.listReports(id, before === null ? null : { reportedAt: before[0], id: before[1] }, limit + 1)
    const page = pageFrom(rows, limit, r => [r.report.reportedAt, r.report.id])
    return {
      items: page.items.map(r => ({ id: r.report.id, residentId: r.report.residentId, residentName: r.residentName, entry: entryOf(r.entry), reportedAt: iso(r.report.reportedAt) })),
      nextCursor: page.nextCursor,
    }
  })
}
