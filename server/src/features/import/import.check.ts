import type { ImportProblem } from '../../../../shared/schemas/import'
import { readCsvExams } from './import.csv'
import { readFhirExams } from './import.fhir'
import type { CheckedExam, ImportFormat } from './import.rules'
import { checkExam } from './import.rules'

/** A request's body, for the checks that need neither the database nor the clock. */
export interface CheckRequest {
  /** the body as received: FHIR JSON text, or CSV bytes */
  body: string | Uint8Array
  format: ImportFormat
  /** the institution whose key posted it (whose exam ids these are) */
  institutionId: string
  /** the import's day in Asia/Shanghai */
  today: string
}

/** Every exam of a request read and checked: ready to be matched and written, or rejected with its problems. */
export interface CheckedBatch {
  /** problems of the request as a whole: it is refused */
  problems: ImportProblem[]
  exams: { externalId: string | null, exam: CheckedExam | null, problems: ImportProblem[] }[]
}

/**
 * Reads and checks a whole request: parsing, FHIR structure, our own rules. All of it is CPU
 * and none of it touches the database, so the server does it in a worker thread
 * (import.check.worker.ts) while the main thread writes the exams of the request before.
 */
export function checkBatch({ body, format, institutionId, today }: CheckRequest): CheckedBatch {
  let read
  if (format === 'csv') {
    read = readCsvExams(Buffer.from(body as Uint8Array))
  }
  else {
    let json: unknown
    try {
      json = JSON.parse(typeof body === 'string' ? body : Buffer.from(body).toString('utf8'))
    }
    catch (error) {
      return { problems: [{ row: null, field: 'body', reason: `not valid JSON: ${(error as Error).message}` }], exams: [] }
    }
    read = readFhirExams(json, institutionId)
  }
  return {
    problems: read.problems,
    exams: read.drafts.map(draft => ({ externalId: draft.externalId, ...checkExam(draft, format, today) })),
  }
}
