import type { ImportProblem } from '../../../../shared/schemas/import'

/**
 * One exam as an institution sent it, read out of a FHIR Bundle or a CSV file but not yet
 * checked against the catalogue or the register: the one shape both formats become, so that
 * every rule after reading is written once.
 */
export interface ExamDraft {
  /** the CSV line of its first row, or the Bundle entry index of its DiagnosticReport */
  row: number
  /** null when it could not be read (then `problems` says why) */
  externalId: string | null
  subject: { idNumber: string, name: string, birthDate: string }
  date: string
  items: ItemDraft[]
  /** what went wrong while reading it: an exam with any problem is rejected whole */
  problems: ImportProblem[]
}

/** One item as printed on the report: the unit and range as sent, before conversion. */
export interface ItemDraft {
  /** the CSV line or the Bundle entry index of its Observation */
  row: number
  /** where a problem with this item is reported: the CSV column prefix or FHIR path prefix */
  at: string
  code: string
  value: number | null
  valueText: string | null
  unit: string | null
  refLow: number | null
  refHigh: number | null
  /**
   * The report's own reading, when it gave one: a critical reading is kept even where our
   * catalogue's limits would not call it critical (an institution's list of 危急值 wins), and a
   * text conclusion is read as the report reads it.
   */
  interpretation: 'normal' | 'abnormal' | 'critical' | null
}

/** What a reader of a format gives back: the exams it found, and problems with the request as a whole. */
export interface ReadDrafts {
  drafts: ExamDraft[]
  /** problems that are no one exam's (an unreadable file, a missing column): the request is refused */
  problems: ImportProblem[]
}
