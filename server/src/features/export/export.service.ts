import { ResidentAction } from '../../../../shared/access'
import type { FhirBundle, RecordInput } from '../../../../shared/fhir/record-bundle'
import { recordBundle } from '../../../../shared/fhir/record-bundle'
import type { AppContext } from '../../context'
import type { ResidentAccess } from '../../plugins/access'
import type { Actor } from '../../plugins/session'
import type { ExportRepo } from './export.repo'
import { createExportRepo } from './export.repo'

type ExamRow = ReturnType<ExportRepo['examRows']>[number]

/** The rows of the exams query, one per item, grouped back into exams in their order. */
function examsOf(rows: readonly ExamRow[]): RecordInput['exams'] {
  const byId = new Map<number, RecordInput['exams'][number] & { items: RecordInput['exams'][number]['items'][number][] }>()
  for (const row of rows) {
    let exam = byId.get(row.id)
    if (exam === undefined) {
      exam = { id: row.id, externalId: row.externalId, institutionId: row.institutionId, date: row.date, status: row.status, releasedOn: row.releasedOn, releaseComment: row.releaseComment, items: [] }
      byId.set(row.id, exam)
    }
    if (row.code !== null && row.flag !== null)
      exam.items.push({ code: row.code, value: row.value, valueText: row.valueText, unit: row.unit, refLow: row.refLow, refHigh: row.refHigh, flag: row.flag })
  }
  return [...byId.values()]
}

export function createExportService(ctx: AppContext, access: ResidentAccess) {
  const repo = createExportRepo(ctx.db)

  return {
    /**
     * The resident's whole record as a FHIR R4 Bundle (PIPL art. 45): for the resident and her
     * household parent only (MANAGE). One read transaction: one consistent view of the record.
     */
    bundle(actor: Actor, residentId: string): FhirBundle {
      return ctx.db.transaction(() => {
        const { resident } = access.authorize(actor, residentId, ResidentAction.MANAGE, 'read', 'export')
        return recordBundle({
          generatedAt: new Date(ctx.clock.now()).toISOString(),
          patient: resident,
          institutions: repo.institutions(residentId),
          conditions: repo.conditions(residentId),
          allergies: repo.allergies(residentId),
          encounters: repo.encounters(residentId),
          immunizations: repo.immunizations(residentId),
          medications: repo.medications(residentId),
          followups: repo.followups(residentId),
          questionnaires: repo.questionnaires(residentId),
          exams: examsOf(repo.examRows(residentId)),
        })
      })
    },
  }
}
