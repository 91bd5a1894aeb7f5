import { ResidentAction } from '../../../../shared/access'
import { dangerOf } from '../../../../shared/clinical/home-readings'
import { shanghaiDateOf } from '../../../../shared/dates'
import { ErrorCode } from '../../../../shared/errors'
import type { CreateMeasurementBody, Measurement, MeasurementList, MeasurementListQuery } from '../../../../shared/schemas/measurements'
import { NotificationKind } from '../../../../shared/schemas/notifications'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { newId } from '../../ids'
import { decodeCursor, pageFrom } from '../../paging'
import type { ResidentAccess } from '../../plugins/access'
import type { Actor } from '../../plugins/session'
import { createNotificationsRepo } from '../notifications/notifications.repo'
import type { MeasurementRow } from './measurements.repo'
import { createMeasurementsRepo } from './measurements.repo'

/** A reading saved offline may be sent days later; older than this it is no longer "home monitoring" but history typed in. */
const MAX_BACKDATE_DAYS = 30
const DAY_MS = 86_400_000
/** A phone's clock runs a little ahead: minutes, not a reading from tomorrow. */
const CLOCK_SKEW_MS = 5 * 60_000

export function toMeasurement(row: MeasurementRow): Measurement {
  return {
    id: row.id,
    kind: row.kind,
    takenAt: new Date(row.takenAt).toISOString(),
    takenOn: row.takenOn,
    sbp: row.sbp,
    dbp: row.dbp,
    pulse: row.pulse,
    glucose: row.glucose,
    timing: row.timing,
    weightKg: row.weightKg,
    waistCm: row.waistCm,
    recordedBy: row.recordedByName,
    danger: row.danger,
    doctorNotified: row.notifiedStaffId !== null,
  }
}

/** The reading as the doctor's notice names it: "186/112 mmHg" or "2.9 mmol/L". */
function readingText(row: MeasurementRow): string {
  return row.kind === 'bp' ? `${row.sbp}/${row.dbp} mmHg` : `${row.glucose} mmol/L`
}

/**
 * Home measurements (product.md capability 15). Written by the resident, a household parent or
 * a proxy with `consult` (ResidentAction.SELF_CARE); read by all who read her record.
 * `afterWrite` lets the annual report refresh its draft in the same transaction.
 */
export function createMeasurementsService(ctx: AppContext, access: ResidentAccess, afterWrite: (residentId: string, takenOn: string) => void = () => {}) {
  const repo = createMeasurementsRepo(ctx.db)
  const notifications = createNotificationsRepo(ctx.db)

  return {
    list(actor: Actor, residentId: string, query: MeasurementListQuery): MeasurementList {
      access.authorize(actor, residentId, ResidentAction.READ, 'read', 'measurements')
      const after = decodeCursor(query.cursor, ['number', 'string'] as const)
      const rows = repo.list(residentId, query.kind, after === null ? null : { takenAt: after[0], id: after[1] }, query.limit + 1)
      const page = pageFrom(rows, query.limit, r => [r.takenAt, r.id])
      return { items: page.items.map(toMeasurement), nextCursor: page.nextCursor }
    },

    /**
     * Records a reading. One past the danger thresholds (clinical.md) is told to her running
     * family doctor at once, in the same transaction as the reading, and the answer says so,
     * so the page can tell her what to do now.
     */
    create(actor: Actor, residentId: string, body: CreateMeasurementBody): Measurement {
      const now = ctx.clock.now()
      const takenAt = body.takenAt === undefined ? now : Date.parse(body.takenAt)
      if (takenAt > now + CLOCK_SKEW_MS)
        throw new AppError(ErrorCode.VALIDATION_FAILED, 'takenAt: a reading cannot be taken in the future; check the phone\'s clock', { field: 'takenAt' })
      if (takenAt < now - MAX_BACKDATE_DAYS * DAY_MS)
        throw new AppError(ErrorCode.VALIDATION_FAILED, `takenAt: readings older than ${MAX_BACKDATE_DAYS} days are not home monitoring; ask the doctor to add them to the record`, { field: 'takenAt' })
      return ctx.db.transaction(() => {
        const allowed = access.authorize(actor, residentId, ResidentAction.SELF_CARE, 'change', 'measurements')
        // a reading of now belongs to the evaluation day (KANGBAN_TODAY pins it in tests and the demo)
        const takenOn = body.takenAt === undefined ? ctx.clock.today() : shanghaiDateOf(new Date(takenAt))
        const values = {
          sbp: body.kind === 'bp' ? body.sbp : null,
          dbp: body.kind === 'bp' ? body.dbp : null,
          pulse: body.kind === 'bp' ? body.pulse ?? null : null,
          glucose: body.kind === 'glucose' ? body.glucose : null,
          timing: body.kind === 'glucose' ? body.timing : null,
          weightKg: body.kind === 'weight' ? body.weightKg : null,
          waistCm: body.kind === 'waist' ? body.waistCm : null,
        }
        const danger = dangerOf(values)
        const doctors = danger === null ? [] : repo.familyDoctors(residentId, ctx.clock.today())
        const row = repo.create({
          id: newId(),
          residentId,
          kind: body.kind,
          takenAt,
          takenOn,
          ...values,
          recordedByAccountId: actor.accountId,
          recordedByName: actor.name,
          danger,
          notifiedStaffId: doctors[0]?.id ?? null,
        })
        if (danger !== null) {
          for (const doctor of doctors)
            notifications.createForAccount(doctor.accountId, NotificationKind.HOME_READING_DANGER, { residentId, residentName: allowed.resident.name, reason: danger, reading: readingText(row), takenOn }, now)
        }
        afterWrite(residentId, takenOn)
        return toMeasurement(row)
      })
    },
  }
}
