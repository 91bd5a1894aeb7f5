import { randomBytes } from 'node:crypto'
import { ErrorCode } from '../../../../shared/errors'
import { base32Id } from '../../../../shared/ids'
import { evaluateExam, ruleSetForRegion } from '../../../../shared/policy'
import type { ExamPackage, ExamPlan } from '../../../../shared/schemas/bookings'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { newId } from '../../ids'
import type { SnapshotViewer } from '../reminders/reminders.snapshot'
import { createSnapshotLoader } from '../reminders/reminders.snapshot'
import type { PackageRow } from './bookings.repo'
import { createBookingsRepo } from './bookings.repo'

export function packageOf(row: PackageRow): ExamPackage {
  return { id: row.id, kind: row.kind, name: { 'zh-CN': row.nameZh, 'en': row.nameEn }, priceFen: row.priceFen, subsidyFen: row.subsidyFen, recommended: row.recommended }
}

/** The optional packages a half-day offers, as stored (a JSON array); null offers every one. */
export function offeredIds(stored: string | null): string[] | null {
  return stored === null ? null : JSON.parse(stored) as string[]
}

/** A check-in code: 10 base32 characters, easy to type at a desk, impossible to guess. */
function newCheckInCode(): string {
  return base32Id(randomBytes(10)).slice(0, 10).toUpperCase()
}

export interface PlaceRequest {
  resident: { id: string, residenceRegion: string }
  slot: { id: string, institutionId: string, date: string, optionalPackageIds: string | null }
  optionalPackageIds: readonly string[]
  selfPaid: boolean
  bookedBy: string
  /** the request's field that chose the half-day, named by a 400 about it */
  slotField: 'slotId' | 'halfDay'
}

/**
 * The rules every booking follows, whoever makes it (a resident's booking, a walk-in at the
 * desk): the half-day's optional items, free or not judged on its date, the price, and the place
 * taken by one conditional update, so it is never overbooked.
 */
export function createBookingPlacer(ctx: AppContext) {
  const repo = createBookingsRepo(ctx.db)
  const loader = createSnapshotLoader(ctx.db)

  /**
   * Her exam on `date`, as the booking judges it (product.md: free or not on the slot's date):
   * free when the engine has her due a free exam then; the items and standard where her rule set
   * plans the exam by person.
   */
  function planOn(resident: { id: string, residenceRegion: string }, date: string, viewer: SnapshotViewer): ExamPlan {
    const ruleSet = ruleSetForRegion(resident.residenceRegion)
    const snapshot = loader.loadExamSnapshots([resident.id], date, viewer).get(resident.id)
    if (ruleSet === null || snapshot === undefined)
      return { date, free: false, notFree: 'not-covered', freeFrom: null, items: null, standardFen: null }
    const exam = evaluateExam(snapshot, date, ruleSet)
    const plan = ruleSet.examPlan?.(snapshot, date) ?? null
    const covered = exam !== undefined && exam.free
    const free = covered && exam.status !== 'done'
    return {
      date,
      free,
      notFree: free ? null : covered ? 'done' : 'not-covered',
      freeFrom: covered && !free ? exam.dueFrom : null,
      items: plan === null ? null : [...plan.items],
      standardFen: plan?.standardFen ?? null,
    }
  }

  /**
   * Books her into the half-day: to be called inside the caller's write transaction, after its
   * own checks (who may, when, one open booking). Refuses an item the half-day does not offer
   * (400), a base package not free to her unless she pays it (409 NOT_FREE), a full half-day
   * (409 SLOT_FULL).
   */
  function place(request: PlaceRequest) {
    const { resident, slot } = request
    const packages = repo.packagesOf(slot.institutionId)
    const base = packages.find(k => k.kind === 'base')
    if (base === undefined)
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'This institution offers no exam to book', { field: request.slotField })
    const chosen = new Set(request.optionalPackageIds)
    const offered = offeredIds(slot.optionalPackageIds)
    const optional = packages.filter(k => k.kind === 'optional' && chosen.has(k.id) && (offered === null || offered.includes(k.id)))
    if (optional.length !== chosen.size)
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'An optional item is not offered on this half-day', { field: 'optionalPackageIds' })
    const plan = planOn(resident, slot.date, 'full')
    if (!plan.free && !request.selfPaid) {
      throw new AppError(ErrorCode.NOT_FREE, plan.notFree === 'not-covered'
        ? `She is not covered by the free exam programme on ${slot.date}; book it self-paid (${base.priceFen / 100} yuan) if she wishes`
        : `Her free exam for this cycle is done; the next is free from ${plan.freeFrom}. Book it self-paid (${base.priceFen / 100} yuan) if she wishes`)
    }
    if (!repo.takePlace(slot.id))
      throw new AppError(ErrorCode.SLOT_FULL, 'This half-day has no place left: choose another')
    const booking = {
      id: newId(),
      residentId: resident.id,
      slotId: slot.id,
      free: plan.free,
      optionalPackages: JSON.stringify(optional.map(k => k.id)),
      residentPaysFen: (plan.free ? 0 : base.priceFen) + optional.reduce((sum, k) => sum + k.priceFen - k.subsidyFen, 0),
      bookedBy: request.bookedBy,
      createdAt: ctx.clock.now(),
      checkInCode: newCheckInCode(),
    }
    repo.insertBooking(booking)
    return { ...booking, packages: [base, ...optional] }
  }

  return { planOn, place }
}
