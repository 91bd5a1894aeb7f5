import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { accounts } from './accounts'
import { residents } from './residents'

/**
 * A screening questionnaire taken in the app (product.md capability 14): the answers as the
 * resident gave them and the score the server computed with shared/clinical. The reminder
 * engine reads it as a `copd-questionnaire` / `crc-questionnaire` event.
 */
export const questionnaireResponses = sqliteTable('questionnaire_responses', {
  id: text().primaryKey(),
  residentId: text().notNull().references(() => residents.id),
  questionnaire: text({ enum: ['copd-sq', 'crc-high-risk'] }).notNull(),
  takenOn: text().notNull(),
  takenAt: integer().notNull(),
  // who filled it in: the resident, or the proxy or parent who did it for her
  takenByAccountId: text().notNull().references(() => accounts.id),
  takenByName: text().notNull(),
  // JSON object, as validated by the questionnaire's answers schema
  answers: text().notNull(),
  score: integer(),
  result: text({ enum: ['positive', 'negative'] }).notNull(),
  // JSON array of the answers that counted
  reasons: text().notNull(),
}, t => [index('questionnaire_responses_resident_idx').on(t.residentId, t.takenOn)])
