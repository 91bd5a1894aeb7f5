import { ResidentAction } from '../../../../shared/access'
import { ageOn } from '../../../../shared/dates'
import { ErrorCode } from '../../../../shared/errors'
import type { Assessment, AssessmentContent, AssessmentList, DoctorAssessmentList, UpdateAssessmentBody } from '../../../../shared/schemas/assessments'
import { NotificationKind } from '../../../../shared/schemas/notifications'
import type { AppContext } from '../../context'
import { AppError, notFound } from '../../errors'
import type { ResidentAccess } from '../../plugins/access'
import type { Actor } from '../../plugins/session'
import { prepareNotify } from '../notifications/notifications.repo'
import { createAssessmentGenerator } from './assessments.generate'
import type { AssessmentRow } from './assessments.repo'

function summaryOf(row: AssessmentRow) {
  return {
    id: row.id,
    year: row.year,
    version: row.version,
    status: row.status,
    generatedAt: new Date(row.generatedAt).toISOString(),
    signed: row.status === 'signed' ? { on: row.signedOn!, by: row.signedByName! } : null,
  }
}

/** A draft's comment is the doctor's work in progress: the resident and her family read it once he signs. */
function toAssessment(row: AssessmentRow, seesDraftComment: boolean): Assessment {
  return {
    ...summaryOf(row),
    residentId: row.residentId,
    content: JSON.parse(row.content) as AssessmentContent,
    comment: row.status === 'signed' || seesDraftComment ? row.comment : null,
  }
}

/**
 * Annual health assessment reports (product.md capability 5): read by whoever reads her record;
 * commented on and signed by her family doctor only (shared/access.ts SIGN_REPORT).
 */
export function createAssessmentsService(ctx: AppContext, access: ResidentAccess) {
  const generator = createAssessmentGenerator(ctx.db)
  const { repo } = generator
  const notify = prepareNotify(ctx.db)

  return {
    list(actor: Actor, residentId: string): AssessmentList {
      access.authorize(actor, residentId, ResidentAction.READ, 'read', 'assessments')
      return { items: repo.list(residentId).map(summaryOf) }
    },

    get(actor: Actor, residentId: string, year: number): Assessment {
      const allowed = access.authorize(actor, residentId, ResidentAction.READ, 'read', 'assessments')
      const row = repo.findByYear(residentId, year)
      if (row === null)
        throw new AppError(ErrorCode.NOT_FOUND, `No report for ${year} yet: it is made when that year's exam is released, or on 1 December`)
      return toAssessment(row, allowed.relation === 'care-team')
    },

    /** The reports waiting on this doctor (drafts by default), oldest first; each listed resident's read is logged. */
    doctorList(actor: Actor, status: 'draft' | 'signed', limit: number): DoctorAssessmentList {
      const doctor = actor.staff
      if (doctor === null || doctor.role !== 'doctor')
        throw new AppError(ErrorCode.FORBIDDEN, 'Only family doctors comment on and sign annual reports')
      const today = ctx.clock.today()
      return ctx.db.transaction(() => ({
        items: repo.doctorList(doctor.id, status, limit).map((r) => {
          access.authorize(actor, r.residentId, ResidentAction.READ, 'read', 'assessments')
          return {
            id: r.id,
            year: r.year,
            version: r.version,
            status: r.status,
            generatedAt: new Date(r.generatedAt).toISOString(),
            hasComment: r.comment !== null,
            resident: { id: r.residentId, name: r.name, sex: r.sex, age: ageOn(r.birthDate, today) },
          }
        }),
      }))
    },

    /**
     * The family doctor's comment, and his signature when `sign`: one transaction with the
     * access log and her notices. A signed report is frozen (409); a version older than the
     * report's means the data changed under him (409: he reads it again before signing).
     */
    update(actor: Actor, assessmentId: string, body: UpdateAssessmentBody): Assessment {
      return ctx.db.transaction(() => {
        const row = repo.findById(assessmentId)
        if (row === null)
          throw notFound()
        const allowed = access.authorize(actor, row.residentId, ResidentAction.SIGN_REPORT, 'change', 'assessments')
        if (row.status === 'signed')
          throw new AppError(ErrorCode.ALREADY_SIGNED, `This report was signed on ${row.signedOn}; a signed report does not change`)
        if (row.version !== body.version)
          throw new AppError(ErrorCode.ASSESSMENT_CHANGED, `The report is at version ${row.version} now (you read ${body.version}): its data changed; read it again before you comment or sign`, { field: 'version' })
        const staffId = actor.staff!.id
        if (body.sign) {
          const staffName = repo.staffName(staffId) ?? actor.name
          repo.sign({ id: row.id, version: row.version, comment: body.comment, on: ctx.clock.today(), at: ctx.clock.now(), staffId, staffName })
          if (allowed.resident.status === 'active')
            notify(row.residentId, NotificationKind.ASSESSMENT_SIGNED, { year: row.year, doctorName: staffName }, ctx.clock.now())
        }
        else {
          repo.comment({ id: row.id, version: row.version, comment: body.comment })
        }
        return toAssessment(repo.findById(row.id)!, true)
      })
    },

    /** A home reading changed the year's data: a draft of that year gets a new version. */
    refreshDraft(residentId: string, takenOn: string) {
      const year = Number(takenOn.slice(0, 4))
      if (repo.findByYear(residentId, year)?.status === 'draft')
        generator.generate([residentId], year, ctx.clock.today(), ctx.clock.now())
    },

    /** The year's exam was released: her report of that year is made, or its draft regenerated. */
    examReleased(residentId: string, examDate: string) {
      generator.generate([residentId], Number(examDate.slice(0, 4)), ctx.clock.today(), ctx.clock.now())
    },
  }
}
