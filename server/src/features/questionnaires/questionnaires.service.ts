import { ResidentAction } from '../../../../shared/access'
import { scoreQuestionnaire } from '../../../../shared/clinical/questionnaires'
import { ageOn } from '../../../../shared/dates'
import { ErrorCode } from '../../../../shared/errors'
import type { CreateQuestionnaireBody, QuestionnaireResponse } from '../../../../shared/schemas/reminders'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { newId } from '../../ids'
import type { ResidentAccess } from '../../plugins/access'
import type { Actor } from '../../plugins/session'
import type { QuestionnaireRow } from './questionnaires.repo'
import { createReminderStore } from '../reminders/reminders.store'
import { createSnapshotLoader } from '../reminders/reminders.snapshot'
import { createQuestionnairesRepo } from './questionnaires.repo'

function toResponse(row: QuestionnaireRow): QuestionnaireResponse {
  return {
    id: row.id,
    questionnaire: row.questionnaire,
    takenOn: row.takenOn,
    takenBy: row.takenByName,
    ...(row.score === null ? {} : { score: row.score }),
    result: row.result,
    reasons: JSON.parse(row.reasons) as string[],
    answers: JSON.parse(row.answers) as Record<string, unknown>,
  }
}

export function createQuestionnairesService(ctx: AppContext, access: ResidentAccess) {
  const repo = createQuestionnairesRepo(ctx.db)
  const loader = createSnapshotLoader(ctx.db)
  const store = createReminderStore(ctx.db)

  return {
    list(actor: Actor, residentId: string): { items: QuestionnaireResponse[] } {
      access.authorize(actor, residentId, ResidentAction.READ, 'read', 'questionnaires')
      return { items: repo.list(residentId).map(toResponse) }
    },

    /**
     * Scores the questionnaire with the same shared/clinical code the web uses and records it;
     * the reminder engine sees it at once (a positive COPD-SQ opens spirometry, a high-risk
     * colorectal questionnaire a colonoscopy).
     */
    create(actor: Actor, residentId: string, body: CreateQuestionnaireBody): QuestionnaireResponse {
      return ctx.db.transaction(() => {
        const allowed = access.authorize(actor, residentId, ResidentAction.SELF_CARE, 'change', 'questionnaires')
        const today = ctx.clock.today()
        // the age item weighs most in the COPD-SQ: it must be the resident's, not the person holding the phone's
        if (body.questionnaire === 'copd-sq') {
          const age = ageOn(allowed.resident.birthDate, today)
          if (body.answers.age !== age)
            throw new AppError(ErrorCode.VALIDATION_FAILED, `answers.age: the resident is ${age} today, not ${body.answers.age}`, { field: 'answers.age' })
        }
        const scored = scoreQuestionnaire(body)
        const response = toResponse(repo.create({
          id: newId(),
          residentId,
          questionnaire: body.questionnaire,
          takenOn: today,
          takenAt: ctx.clock.now(),
          takenByAccountId: actor.accountId,
          takenByName: actor.name,
          answers: JSON.stringify(body.answers),
          score: scored.score ?? null,
          result: scored.result,
          reasons: JSON.stringify(scored.reasons),
        }))
        store.refresh(loader, residentId, today)
        return response
      })
    },
  }
}
