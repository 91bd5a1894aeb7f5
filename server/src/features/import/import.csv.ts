import { CsvError, parse } from 'csv-parse/sync'
import { isIsoDate } from '../../../../shared/iso-date'
import type { ImportProblem } from '../../../../shared/schemas/import'
import type { ExamDraft, ItemDraft, ReadDrafts } from './import.draft'

/** The columns of the CSV format (import-csv.md), each with the name a Chinese LIS export gives it. */
const columnAliases = {
  exam_id: '体检编号',
  id_number: '身份证号',
  name: '姓名',
  birth_date: '出生日期',
  exam_date: '体检日期',
  item_code: '项目代码',
  value: '结果',
  unit: '单位',
  ref_low: '参考下限',
  ref_high: '参考上限',
  flag: '标志',
} as const
type Column = keyof typeof columnAliases
type ColumnIndex = Record<Column, number>

/** The columns that every row of one exam repeats, and must agree on. */
const subjectColumns = ['id_number', 'name', 'birth_date', 'exam_date'] as const
type SubjectColumn = typeof subjectColumns[number]

const columnByHeader = new Map<string, Column>(
  (Object.entries(columnAliases) as [Column, string][]).flatMap(([column, alias]) => [[column, column], [alias, column]]),
)

const MAX_ROWS = 50_000

const interpretationByFlag = new Map<string, NonNullable<ItemDraft['interpretation']>>([
  ...['N', '正常', 'NORMAL'].map(flag => [flag, 'normal'] as const),
  // ↑ and ↓ are how most Chinese LIS reports print high and low
  ...['H', 'L', 'A', '偏高', '偏低', '异常', '阳性', 'HIGH', 'LOW', 'ABNORMAL', 'POS', '↑', '↓'].map(flag => [flag, 'abnormal'] as const),
  ...['HH', 'LL', 'AA', 'C', '危急', 'CRITICAL'].map(flag => [flag, 'critical'] as const),
])

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const gb18030 = new TextDecoder('gb18030')

const plainDecimal = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/
const slashedOrDashedDate = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/
const compactDate = /^(\d{4})(\d{2})(\d{2})$/
const everyCellQuoted = /^"[^"]*"(?:,"[^"]*")*$/

/** A record of the file that is not blank, with the line it starts on (the header is line 1). */
interface Row {
  line: number
  cells: string[]
}

/**
 * Read a CSV file of exam results (import-csv.md) into one draft per exam, grouping rows by
 * `exam_id`. Problems with the file as a whole (unreadable, a column missing, too many rows) come
 * back in `problems` with no drafts; a problem with one exam stays in that exam's draft.
 */
export function readCsvExams(body: Buffer): ReadDrafts {
  const rows = readRows(decode(body))
  if (!Array.isArray(rows))
    return { drafts: [], problems: [rows] }
  const [header, ...data] = rows
  if (header === undefined)
    return { drafts: [], problems: [{ row: 1, field: 'body', reason: 'the file is empty: expected a header row naming the columns (import-csv.md)' }] }
  if (data.length > MAX_ROWS)
    return { drafts: [], problems: [{ row: null, field: 'body', reason: 'more than 50,000 rows: split the file' }] }
  const ragged = data.find(row => row.cells.length !== header.cells.length)
  if (ragged !== undefined)
    return { drafts: [], problems: [{ row: ragged.line, field: 'body', reason: `${ragged.cells.length} cells where the header has ${header.cells.length}: quote a cell that contains a comma` }] }
  const { index, problems } = readHeader(header.cells)
  if (problems.length > 0)
    return { drafts: [], problems }

  const drafts: ExamDraft[] = []
  const exams = new Map<string, { draft: ExamDraft, cells: string[] }>()
  for (const { line, cells } of data) {
    const examId = cell(cells, index.exam_id)
    const exam = examId === '' ? undefined : exams.get(examId)
    let draft: ExamDraft
    if (exam === undefined) {
      draft = readExam(cells, index, line)
      if (examId !== '')
        exams.set(examId, { draft, cells })
      drafts.push(draft)
    }
    else {
      draft = exam.draft
      for (const column of subjectColumns) {
        const mine = cell(cells, index[column])
        const first = cell(exam.cells, index[column])
        if (mine !== first && normalize(column, mine) !== normalize(column, first))
          draft.problems.push({ row: line, field: column, reason: `differs from line ${draft.row} of the same exam` })
      }
    }
    draft.items.push(readItem(cells, index, line, draft.problems))
  }
  return { drafts, problems: [] }
}

function decode(body: Buffer): string {
  const bytes = body[0] === 0xEF && body[1] === 0xBB && body[2] === 0xBF ? body.subarray(3) : body
  try {
    return utf8.decode(bytes)
  }
  catch {
    // not UTF-8: Excel on a Chinese Windows saves "CSV" in the ANSI code page, GBK, which GB18030 contains
    return gb18030.decode(bytes)
  }
}

/**
 * The rows of the file that are not blank, trimmed, each with its first line; or the problem that
 * stopped the reading.
 */
function readRows(text: string): Row[] | ImportProblem {
  // CRLF from Excel on Windows, CR alone from old Mac exports: lines are split on LF alone
  const lines = (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).split('\n')
  const rows: Row[] = []
  const add = (line: number, cells: string[]): void => {
    let blank = true
    for (let i = 0; i < cells.length; i++) {
      const trimmed = (cells[i] ?? '').trim()
      cells[i] = trimmed
      blank &&= trimmed === ''
    }
    // Excel saves a row it once formatted as a line of bare commas
    if (!blank)
      rows.push({ line, cells })
  }

  // the lines from runStart on are for csv-parse: they quote in ways plainCells does not read
  let runStart = -1
  let recordStart = -1
  // an odd count of quotes so far leaves the record open on the next line
  let open = false
  for (let i = 0; i <= lines.length; i++) {
    const physical = lines[i]
    const cells = physical === undefined || open ? undefined : plainCells(physical)
    if (physical !== undefined && cells === undefined) {
      if (runStart === -1)
        runStart = i
      if (!open)
        recordStart = i
      if (count(physical, '"') % 2 === 1)
        open = !open
      continue
    }
    if (runStart !== -1) {
      let records: string[][]
      try {
        records = parse(lines.slice(runStart, i).join('\n'), { trim: true, relax_column_count: true })
      }
      catch (error) {
        if (!(error instanceof CsvError))
          throw error
        return malformed(error, runStart, recordStart)
      }
      let line = runStart + 1
      for (const record of records) {
        add(line, record)
        line += 1 + record.reduce((newlines, value) => newlines + count(value, '\n'), 0)
      }
      runStart = -1
    }
    if (cells !== undefined)
      add(i + 1, cells)
  }
  return rows
}

/**
 * The cells of a line written in one of the two ways most exporters write every line: no quote at
 * all, or every cell quoted with no quote inside. csv-parse reads the rest; read alone it takes
 * 0.13 ms per exam of 40 rows, most of what reading may take.
 */
function plainCells(line: string): string[] | undefined {
  if (!line.includes('"'))
    return line.split(',')
  if (everyCellQuoted.test(line))
    return line.slice(1, -1).split('","')
  return undefined
}

function count(text: string, char: string): number {
  let found = 0
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1))
    found++
  return found
}

/** The problem with a run of quoted lines that csv-parse could not read, its first line at index `runStart`. */
function malformed(error: CsvError, runStart: number, recordStart: number): ImportProblem {
  // csv-parse names the end of the run; the institution needs the row where the quote opened
  if (error.code === 'CSV_QUOTE_NOT_CLOSED')
    return { row: recordStart + 1, field: 'body', reason: 'a quote opened in this row is never closed: end the quoted cell with "' }
  const row = typeof error.lines === 'number' ? runStart + error.lines : null
  if (error.code === 'INVALID_OPENING_QUOTE' || error.code === 'CSV_INVALID_CLOSING_QUOTE' || error.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE')
    return { row, field: 'body', reason: 'a quote inside a cell: quote the whole cell and double each quote inside it ("")' }
  return { row, field: 'body', reason: `unreadable CSV: ${error.message}` }
}

function readHeader(header: string[]): { index: ColumnIndex, problems: ImportProblem[] } {
  const index: Partial<ColumnIndex> = {}
  const problems: ImportProblem[] = []
  header.forEach((name, i) => {
    const column = columnByHeader.get(name.toLowerCase())
    if (column === undefined)
      return
    if (index[column] === undefined)
      index[column] = i
    else
      problems.push({ row: 1, field: column, reason: `named twice in the header (columns ${index[column] + 1} and ${i + 1}): keep one` })
  })
  for (const column of Object.keys(columnAliases) as Column[]) {
    if (index[column] !== undefined)
      continue
    if (column === 'flag')
      index.flag = -1
    else
      problems.push({ row: 1, field: column, reason: `missing column: the header must name ${column} (or ${columnAliases[column]})` })
  }
  return { index: index as ColumnIndex, problems }
}

/** `YYYY/MM/DD` and `YYYYMMDD` as `YYYY-MM-DD`; anything else as it came, for `isIsoDate` to refuse. */
function normalizeDate(text: string): string {
  const parts = slashedOrDashedDate.exec(text) ?? compactDate.exec(text)
  if (parts === null)
    return text
  const [year, month, day] = parts.length === 5 ? [parts[1], parts[3], parts[4]] : [parts[1], parts[2], parts[3]]
  return `${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}`
}

/** The exam that a row with a new exam_id (or none) starts, without its items. */
function readExam(cells: string[], index: ColumnIndex, line: number): ExamDraft {
  const examId = cell(cells, index.exam_id)
  const subject = {
    idNumber: normalize('id_number', cell(cells, index.id_number)),
    name: cell(cells, index.name),
    birthDate: normalize('birth_date', cell(cells, index.birth_date)),
  }
  const date = normalize('exam_date', cell(cells, index.exam_date))
  const problems: ImportProblem[] = []
  if (examId === '')
    problems.push({ row: line, field: 'exam_id', reason: 'exam_id is empty: every row needs the id of its exam' })
  for (const [field, value] of [['birth_date', subject.birthDate], ['exam_date', date]] as const) {
    if (!isIsoDate(value))
      problems.push({ row: line, field, reason: `expected a date that exists, as YYYY-MM-DD (or YYYY/MM/DD, YYYYMMDD), got "${value}"` })
  }
  return { row: line, externalId: examId === '' ? null : examId, subject, date, items: [], problems }
}

/** A subject cell as the draft holds it, so that 2026/4/2 agrees with 2026-04-02 and x with X. */
function normalize(column: SubjectColumn, text: string): string {
  if (column === 'id_number')
    return text.toUpperCase()
  return column === 'name' ? text : normalizeDate(text)
}

function cell(cells: string[], index: number): string {
  return cells[index] ?? ''
}

function readItem(cells: string[], index: ColumnIndex, line: number, problems: ImportProblem[]): ItemDraft {
  const text = cell(cells, index.value)
  const numeric = plainDecimal.test(text)
  if (text === '')
    problems.push({ row: line, field: 'value', reason: 'value is empty' })
  const unit = cell(cells, index.unit)
  return {
    row: line,
    at: '',
    code: cell(cells, index.item_code),
    value: numeric ? Number(text) : null,
    valueText: numeric || text === '' ? null : text,
    unit: unit === '' ? null : unit,
    refLow: readReference(cell(cells, index.ref_low), 'ref_low', line, problems),
    refHigh: readReference(cell(cells, index.ref_high), 'ref_high', line, problems),
    interpretation: readFlag(cell(cells, index.flag), line, problems),
  }
}

function readReference(text: string, field: Column, line: number, problems: ImportProblem[]): number | null {
  if (text === '')
    return null
  if (plainDecimal.test(text))
    return Number(text)
  problems.push({ row: line, field, reason: `expected a number or nothing, got "${text}"` })
  return null
}

function readFlag(text: string, line: number, problems: ImportProblem[]): ItemDraft['interpretation'] {
  if (text === '')
    return null
  const interpretation = interpretationByFlag.get(text.toUpperCase())
  if (interpretation !== undefined)
    return interpretation
  problems.push({ row: line, field: 'flag', reason: `unknown flag "${text}": expected nothing, N or 正常 (normal), H, L, A, POS, ↑, ↓, 偏高, 偏低, 异常 or 阳性 (abnormal), HH, LL, AA, C or 危急 (critical)` })
  return null
}
