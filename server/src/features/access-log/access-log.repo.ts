import { and, desc, eq, lt, or, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { contractRunsOn } from '../../db/running-contract'
import { accessLog, accessReports, careTeams, contracts, residents } from '../../db/schema'

/**
 * The access log is append-only: rows are written by the access gate (plugins/access.ts) and
 * read here; nothing in the application updates or deletes one (the database refuses updates).
 * Reports of entries are rows of their own.
 */
export function createAccessLogRepo(db: Db) {
  const page = db.select({ entry: accessLog, reportedAt: accessReports.reportedAt })
    .from(accessLog)
    .leftJoin(accessReports, eq(accessReports.accessLogId, accessLog.id))
    .where(and(eq(accessLog.residentId, sql.placeholder('residentId')), lt(accessLog.id, sql.placeholder('beforeId'))))
    .orderBy(desc(accessLog.id))
    .limit(sql.placeholder('limit'))
    .prepare()
  return {
    /** Newest first, below the entry `beforeId`; the first page passes null. */
    list(residentId: string, beforeId: number | null, limit: number) {
      return page.all({ residentId, beforeId: beforeId ?? Number.MAX_SAFE_INTEGER, limit })
    },
    findEntry(residentId: string, entryId: number) {
      return db.select().from(accessLog).where(and(eq(accessLog.id, entryId), eq(accessLog.residentId, residentId))).get() ?? null
    },
    findReport(entryId: number) {
      return db.select().from(accessReports).where(eq(accessReports.accessLogId, entryId)).get() ?? null
    },
    /** The institution of the resident's running family-doctor contract on `on`, if she has one. */
    familyDoctorInstitution(residentId: string, on: string): string | null {
      return db.select({ id: careTeams.institutionId }).from(contracts)
        .innerJoin(careTeams, eq(careTeams.id, contracts.teamId))
        .where(and(eq(contracts.residentId, residentId), contractRunsOn(contracts, on)))
        .orderBy(desc(contracts.startsOn))
        .limit(1)
        .get()?.id ?? null
    },
    createReport(row: typeof accessReports.$inferInsert) {
      db.insert(accessReports).values(row).run()
    },
    listReports(institutionId: string, before: { reportedAt: number, id: string } | null, limit: number) {
      return db.select({ report: accessReports, entry: accessLog, residentName: residents.name })
        .from(accessReports)
        .innerJoin(accessLog, eq(accessLog.id, accessReports.accessLogId))
        .innerJoin(residents, eq(residents.id, accessReports.residentId))
        .where(and(
          eq(accessReports.institutionId, institutionId),
          before === null ? undefined : or(lt(accessReports.reportedAt, before.reportedAt), and(eq(accessReports.reportedAt, before.reportedAt), sql`${accessReports.id} < ${before.id}`)),
        ))
        .orderBy(desc(accessReports.reportedAt), desc(accessReports.id))
        .limit(limit)
        .all()
    },
  }
}
