import { and, desc, eq, isNotNull, lt, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Db } from '../../db/client'
import { contractRunsOn } from '../../db/running-contract'
import { contracts, homeMeasurements, staff } from '../../db/schema'

const p = (name: string) => sql.placeholder(name)

export type MeasurementRow = typeof homeMeasurements.$inferSelect

/** Home readings, as prepared statements (house-style.md). */
export function createMeasurementsRepo(db: Db) {
  const columns = homeMeasurements
  const page = (filtered: boolean, after: boolean) => db.select().from(columns)
    .where(and(
      eq(columns.residentId, p('residentId')),
      filtered ? eq(columns.kind, p('kind')) : undefined,
      after ? or(lt(columns.takenAt, p('takenAt')), and(eq(columns.takenAt, p('takenAt')), lt(columns.id, p('id')))) : undefined,
    ))
    .orderBy(desc(columns.takenAt), desc(columns.id))
    .limit(p('limit'))
    .prepare()
  // one statement per combination of filters, each prepared once
  const pages = [page(false, false), page(false, true), page(true, false), page(true, true)] as const

  const insert = db.insert(homeMeasurements).values({
    id: p('id'),
    residentId: p('residentId'),
    kind: p('kind'),
    takenAt: p('takenAt'),
    takenOn: p('takenOn'),
    sbp: p('sbp'),
    dbp: p('dbp'),
    pulse: p('pulse'),
    glucose: p('glucose'),
    timing: p('timing'),
    weightKg: p('weightKg'),
    waistCm: p('waistCm'),
    recordedByAccountId: p('recordedByAccountId'),
    recordedByName: p('recordedByName'),
    danger: p('danger'),
    notifiedStaffId: p('notifiedStaffId'),
  }).prepare()

  // clinical.md: a dangerous reading is told to her family doctor (a running contract's)
  const c = alias(contracts, 'c')
  const familyDoctors = db.select({ id: staff.id, accountId: staff.accountId }).from(staff)
    .where(and(sql`${staff.id} in (select ${c.doctorId} from contracts c where ${c.residentId} = ${p('residentId')} and ${contractRunsOn(c, p('on'))})`, isNotNull(staff.accountId)))
    .prepare()

  return {
    /** Newest first; `kind` filters; `after` is the last row of the previous page. */
    list(residentId: string, kind: string | undefined, after: { takenAt: number, id: string } | null, limit: number): MeasurementRow[] {
      const statement = pages[(kind === undefined ? 0 : 2) + (after === null ? 0 : 1)]!
      return statement.all({ residentId, kind, limit, takenAt: after?.takenAt, id: after?.id })
    },
    create(row: MeasurementRow): MeasurementRow {
      insert.run(row)
      return row
    },
    familyDoctors: (residentId: string, on: string) => familyDoctors.all({ residentId, on }) as { id: string, accountId: string }[],
  }
}
