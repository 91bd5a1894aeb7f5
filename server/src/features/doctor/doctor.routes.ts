import { and, asc, eq, like, or, sql } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ageOn } from '../../../../shared/dates'
import { ErrorBodySchema, ErrorCode } from '../../../../shared/errors'
import { DoctorResidentPageSchema, DoctorResidentsQuerySchema } from '../../../../shared/schemas/doctor'
import type { AppContext } from '../../context'
import { conditions, contracts, residents } from '../../db/schema'
import { AppError } from '../../errors'
import { decodeCursor, pageFrom } from '../../paging'
import { requireConsentedActor } from '../../plugins/session'
import { contractRunsOn } from '../../db/running-contract'

export const doctorRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/residents', {
    schema: {
      tags: ['doctor'],
      summary: 'The residents signed with the caller\'s family-doctor team while their contracts run, by name',
      querystring: DoctorResidentsQuerySchema,
      response: { 200: DoctorResidentPageSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
    },
  }, async (request) => {
    const actor = requireConsentedActor(request)
    const teamId = actor.staff?.teamId
    if (!teamId || actor.staff?.role === 'institution-staff')
      throw new AppError(ErrorCode.FORBIDDEN, 'Only doctors and nurses of a family-doctor team have signed residents')
    const { q, limit, cursor } = request.query
    const after = decodeCursor(cursor, ['string', 'string'] as const)
    const today = ctx.clock.today()
    const rows = ctx.db.select({
      id: residents.id,
      name: residents.name,
      sex: residents.sex,
      birthDate: residents.birthDate,
      township: residents.township,
      status: residents.status,
      contractEndsOn: sql<string>`max(${contracts.endsOn})`,
      conditions: sql<string | null>`(select group_concat(${conditions.code}) from ${conditions} where ${conditions.residentId} = ${residents.id})`,
    }).from(contracts)
      .innerJoin(residents, eq(residents.id, contracts.residentId))
      .where(and(
        eq(contracts.teamId, teamId),
        contractRunsOn(contracts, today),
        q ? like(residents.name, `${q.replace(/[%_\\]/g, c => `\\${c}`)}%`) : undefined,
        after ? or(sql`${residents.name} > ${after[0]}`, and(eq(residents.name, after[0]), sql`${residents.id} > ${after[1]}`)) : undefined,
      ))
      .groupBy(residents.id)
      .orderBy(asc(residents.name), asc(residents.id))
      .limit(limit + 1)
      .all()
    const page = pageFrom(rows, limit, r => [r.name, r.id])
    return {
      items: page.items.map(r => ({
        id: r.id,
        name: r.name,
        sex: r.sex,
        age: ageOn(r.birthDate, today),
        township: r.township,
        status: r.status,
        conditions: r.conditions === null ? [] : r.conditions.split(','),
        contractEndsOn: r.contractEndsOn,
      })),
      nextCursor: page.nextCursor,
    }
  })
}
