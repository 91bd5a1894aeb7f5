import { desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { questionnaireResponses } from '../../db/schema'

export type QuestionnaireRow = typeof questionnaireResponses.$inferSelect

/** Questionnaires taken in the app, as prepared statements. */
export function createQuestionnairesRepo(db: Db) {
  const list = db.select().from(questionnaireResponses)
    .where(eq(questionnaireResponses.residentId, sql.placeholder('residentId')))
    .orderBy(desc(questionnaireResponses.takenAt), desc(questionnaireResponses.id))
    .prepare()
  const insert = db.insert(questionnaireResponses).values({
    id: sql.placeholder('id'),
    residentId: sql.placeholder('residentId'),
    questionnaire: sql.placeholder('questionnaire'),
    takenOn: sql.placeholder('takenOn'),
    takenAt: sql.placeholder('takenAt'),
    takenByAccountId: sql.placeholder('takenByAccountId'),
    takenByName: sql.placeholder('takenByName'),
    answers: sql.placeholder('answers'),
    score: sql.placeholder('score'),
    result: sql.placeholder('result'),
    reasons: sql.placeholder('reasons'),
  }).prepare()

  return {
    /** The resident's questionnaires, newest first. */
    list: (residentId: string): QuestionnaireRow[] => list.all({ residentId }),
    create(row: QuestionnaireRow): QuestionnaireRow {
      insert.run(row)
      return row
    },
  }
}
