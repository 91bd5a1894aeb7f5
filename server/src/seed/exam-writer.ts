import { type ExamItem, type ExamWorst, examItemsByKey, flagExamText, flagExamValue, type ReferenceRange, type Subject } from '../../../shared/clinical/exam-items'
import type { ExamIds } from './random'
import type { Tables } from './tables'

export type PrintedRange = Pick<ReferenceRange, 'low' | 'high'>

function catalogued(key: string): ExamItem {
  const item = examItemsByKey.get(key)
  if (item === undefined)
    throw new Error(`exam item "${key}" is not in shared/clinical/exam-items.ts`)
  return item
}

/** The catalogue entries the generator measures, looked up once. */
export const Item = {
  height: catalogued('height'),
  weight: catalogued('weight'),
  bmi: catalogued('bmi'),
  waist: catalogued('waist'),
  sbp: catalogued('sbp'),
  dbp: catalogued('dbp'),
  temperature: catalogued('temperature'),
  respiratoryRate: catalogued('respiratory-rate'),
  pulse: catalogued('pulse'),
  haemoglobin: catalogued('haemoglobin'),
  whiteCells: catalogued('white-cells'),
  redCells: catalogued('red-cells'),
  platelets: catalogued('platelets'),
  urineProtein: catalogued('urine-protein'),
  urineGlucose: catalogued('urine-glucose'),
  urineKetones: catalogued('urine-ketones'),
  urineBlood: catalogued('urine-blood'),
  alt: catalogued('alt'),
  ast: catalogued('ast'),
  albumin: catalogued('albumin'),
  totalBilirubin: catalogued('total-bilirubin'),
  directBilirubin: catalogued('direct-bilirubin'),
  creatinine: catalogued('creatinine'),
  urea: catalogued('urea'),
  potassium: catalogued('potassium'),
  sodium: catalogued('sodium'),
  fastingGlucose: catalogued('fasting-glucose'),
  hba1c: catalogued('hba1c'),
  totalCholesterol: catalogued('total-cholesterol'),
  triglycerides: catalogued('triglycerides'),
  hdl: catalogued('hdl-c'),
  ldl: catalogued('ldl-c'),
  uricAcid: catalogued('uric-acid'),
  afp: catalogued('afp'),
  ecg: catalogued('ecg'),
  ultrasound: catalogued('abdominal-ultrasound'),
  chestDr: catalogued('chest-dr'),
} as const

export interface Release {
  on: string
  by: string
}

/**
 * Writes one exam at a time: items as they are measured, flagged by the catalogue, then the
 * exam row with its worst flag. Unit and range stay null where they equal the catalogue's
 * default, which keeps 60 million rows small.
 */
export class ExamWriter {
  exams = 0
  private readonly subject: Subject = { sex: 'male', age: 0 }
  private examId = 0
  private worst: ExamWorst = 'normal'

  constructor(private readonly tables: Tables, private readonly ids: ExamIds) {}

  start(sex: 'male' | 'female', age: number): number {
    this.subject.sex = sex
    this.subject.age = age
    this.examId = this.ids.next()
    this.worst = 'normal'
    return this.examId
  }

  value(item: ExamItem, measured: number, printed?: PrintedRange): void {
    const scale = 10 ** item.decimals
    const value = Math.round(measured * scale) / scale
    const flag = flagExamValue(item, value, this.subject, printed)
    if (flag === 'critical')
      this.worst = 'critical'
    else if (flag !== 'normal' && this.worst === 'normal')
      this.worst = 'abnormal'
    this.tables.examItems.add8(this.examId, item.code, value, null, flag, null, printed?.low ?? null, printed?.high ?? null)
  }

  text(item: ExamItem, text: string): void {
    const flag = flagExamText(item, text)
    if (flag !== 'normal' && this.worst === 'normal')
      this.worst = 'abnormal'
    this.tables.examItems.add8(this.examId, item.code, null, text, flag, null, null, null)
  }

  finish(residentId: string, institutionId: string, externalId: string | null, date: string, release: Release | null): void {
    this.tables.exams.add([this.examId, residentId, institutionId, externalId, date, release === null ? 'pending-review' : 'released', this.worst, release?.on ?? null, release?.by ?? null])
    this.exams += 1
  }
}
