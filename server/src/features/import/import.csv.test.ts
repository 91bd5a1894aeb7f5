import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readCsvExams } from './import.csv'

const header = 'exam_id,id_number,name,birth_date,exam_date,item_code,value,unit,ref_low,ref_high,flag'
const subject = '110101195203150027,王秀英,1952-03-15,2026-04-02'

function csv(...lines: string[]): Buffer {
  return Buffer.from(lines.join('\n'))
}

describe('readCsvExams', () => {
  it('reads UTF-8 rows into one draft per exam, numbers as numbers', () => {
    const { drafts, problems } = readCsvExams(csv(
      header,
      `E1,110101195203150027,王秀英,1952-03-15,2026-04-02,GLU,6.8,mmol/L,3.9,6.1,H`,
      `E1,110101195203150027,王秀英,1952-03-15,2026-04-02,SBP,+142,mmHg,,,`,
    ))
    expect(problems).toEqual([])
    expect(drafts).toEqual([{
      row: 2,
      externalId: 'E1',
      subject: { idNumber: '110101195203150027', name: '王秀英', birthDate: '1952-03-15' },
      date: '2026-04-02',
      items: [
        { row: 2, at: '', code: 'GLU', value: 6.8, valueText: null, unit: 'mmol/L', refLow: 3.9, refHigh: 6.1, interpretation: 'abnormal' },
        { row: 3, at: '', code: 'SBP', value: 142, valueText: null, unit: 'mmHg', refLow: null, refHigh: null, interpretation: null },
      ],
      problems: [],
    }])
  })

  it('reads the example of import-csv.md as one exam of five items', () => {
    const doc = readFileSync(new URL('import-csv.md', import.meta.url), 'utf8')
    const example = /```csv\n([^`]*)```/.exec(doc)?.[1] ?? ''
    const { drafts, problems } = readCsvExams(Buffer.from(example))
    expect(problems).toEqual([])
    expect(drafts).toHaveLength(1)
    expect(drafts[0]?.problems).toEqual([])
    expect(drafts[0]?.items.map(i => i.value ?? i.valueText)).toEqual([6.9, 136, '-', '窦性心律，正常心电图', '轻度脂肪肝,胆囊息肉'])
  })

  it('strips a UTF-8 byte order mark before the header', () => {
    const body = Buffer.concat([Buffer.from([0xEF, 0xBB, 0xBF]), csv(header, `E1,${subject},GLU,5.2,mmol/L,3.9,6.1,N`)])
    const { drafts, problems } = readCsvExams(body)
    expect(problems).toEqual([])
    expect(drafts[0]?.externalId).toBe('E1')
    expect(drafts[0]?.items[0]?.interpretation).toBe('normal')
  })

  it('reads a GB18030 file as Excel saves it on a Chinese Windows', () => {
    // GB18030 bytes, checked with new TextDecoder('gb18030'): 姓名 D0D5 C3FB, 结果 BDE1 B9FB, 王秀英 CDF5 D0E3 D3A2, 阴性 D2F5 D0D4
    const gb = (hex: string): Buffer => Buffer.from(hex, 'hex')
    const ascii = (text: string): Buffer => Buffer.from(text, 'ascii')
    const body = Buffer.concat([
      ascii('exam_id,id_number,'), gb('d0d5c3fb'), ascii(',birth_date,exam_date,item_code,'), gb('bde1b9fb'), ascii(',unit,ref_low,ref_high\r\n'),
      ascii('E1,11010119520315002x,'), gb('cdf5d0e3d3a2'), ascii(',1952-03-15,2026-04-02,PRO,'), gb('d2f5d0d4'), ascii(',,,\r\n'),
    ])
    const { drafts, problems } = readCsvExams(body)
    expect(problems).toEqual([])
    expect(drafts[0]?.subject).toEqual({ idNumber: '11010119520315002X', name: '王秀英', birthDate: '1952-03-15' })
    expect(drafts[0]?.items[0]).toMatchObject({ code: 'PRO', value: null, valueText: '阴性', unit: null })
  })

  it('accepts the Chinese column names, in any order, with unknown columns ignored', () => {
    const { drafts, problems } = readCsvExams(csv(
      ' 结果 ,项目代码,体检编号,身份证号,姓名,出生日期,体检日期,单位,参考下限,参考上限,标志,备注',
      '5.2,GLU,E7,110101195203150027,王秀英,1952-03-15,2026-04-02,mmol/L,3.9,6.1,正常,空腹',
    ))
    expect(problems).toEqual([])
    expect(drafts[0]).toMatchObject({ externalId: 'E7', date: '2026-04-02' })
    expect(drafts[0]?.items[0]).toMatchObject({ code: 'GLU', value: 5.2, unit: 'mmol/L', interpretation: 'normal' })
  })

  it('matches English column names whatever their case', () => {
    const { drafts, problems } = readCsvExams(csv(header.toUpperCase(), `E1,${subject},GLU,5.2,mmol/L,3.9,6.1,`))
    expect(problems).toEqual([])
    expect(drafts[0]?.items[0]).toMatchObject({ code: 'GLU', value: 5.2 })
  })

  it('refuses a file that lacks a required column, naming each one', () => {
    const { drafts, problems } = readCsvExams(csv('exam_id,id_number,name,birth_date,exam_date,value,unit,ref_high', 'E1,1,a,1952-03-15,2026-04-02,5,,'))
    expect(drafts).toEqual([])
    expect(problems.map(p => [p.row, p.field])).toEqual([[1, 'item_code'], [1, 'ref_low']])
    expect(problems[0]?.reason).toContain('项目代码')
  })

  it('refuses a header that names a column twice', () => {
    const { problems } = readCsvExams(csv(`${header},结果`, `E1,${subject},GLU,5.2,mmol/L,3.9,6.1,,5.3`))
    expect(problems).toEqual([{ row: 1, field: 'value', reason: expect.stringContaining('columns 7 and 12') }])
  })

  it('refuses an empty file', () => {
    expect(readCsvExams(Buffer.from('\n\n')).problems).toEqual([{ row: 1, field: 'body', reason: expect.stringContaining('empty') }])
  })

  it('names each row whose subject or date differs from the first row of its exam', () => {
    const { drafts } = readCsvExams(csv(
      header,
      `E1,${subject},GLU,5.2,mmol/L,3.9,6.1,`,
      `E1,110101195203150027,王秀英,1952/03/15,20260402,TC,4.1,mmol/L,,,`,
      `E1,110101195203150028,王秀鹰,1952-03-15,2026-04-03,TG,1.2,mmol/L,,,`,
    ))
    expect(drafts).toHaveLength(1)
    expect(drafts[0]?.items).toHaveLength(3)
    expect(drafts[0]?.problems).toEqual([
      { row: 4, field: 'id_number', reason: 'differs from line 2 of the same exam' },
      { row: 4, field: 'name', reason: 'differs from line 2 of the same exam' },
      { row: 4, field: 'exam_date', reason: 'differs from line 2 of the same exam' },
    ])
  })

  it('gathers the rows of one exam wherever they are, in order of first appearance', () => {
    const other = '110101196001010011,张建国,1960-01-01,2026-04-02'
    const { drafts } = readCsvExams(csv(
      header,
      `E2,${other},GLU,5.0,mmol/L,,,`,
      `E1,${subject},GLU,5.2,mmol/L,,,`,
      `E2,${other},TC,4.0,mmol/L,,,`,
      `E1,${subject},TC,4.1,mmol/L,,,`,
    ))
    expect(drafts.map(d => [d.externalId, d.row, d.items.map(i => i.row)])).toEqual([['E2', 2, [2, 4]], ['E1', 3, [3, 5]]])
    expect(drafts.every(d => d.problems.length === 0)).toBe(true)
  })

  it('gives a row without an exam id a draft of its own', () => {
    const { drafts } = readCsvExams(csv(header, `E1,${subject},GLU,5.2,,,,`, ` ,${subject},TC,4.1,,,,`))
    expect(drafts.map(d => d.externalId)).toEqual(['E1', null])
    expect(drafts[1]?.problems).toEqual([{ row: 3, field: 'exam_id', reason: expect.stringContaining('empty') }])
  })

  it('normalizes YYYY/MM/DD and YYYYMMDD dates and names an impossible one', () => {
    const { drafts } = readCsvExams(csv(
      header,
      `E1,110101195203150027,王秀英,1952/3/5,20260402,GLU,5.2,,,,`,
      `E2,110101195203150027,王秀英,1952-03-15,2026-02-30,GLU,5.2,,,,`,
      `E3,110101195203150027,王秀英,15/03/1952,2026-04-02,GLU,5.2,,,,`,
    ))
    expect(drafts[0]).toMatchObject({ subject: { birthDate: '1952-03-05' }, date: '2026-04-02', problems: [] })
    expect(drafts[1]?.problems).toEqual([{ row: 3, field: 'exam_date', reason: expect.stringContaining('2026-02-30') }])
    expect(drafts[2]?.problems).toEqual([{ row: 4, field: 'birth_date', reason: expect.stringContaining('15/03/1952') }])
  })

  it('names a reference limit that is not a number', () => {
    const { drafts } = readCsvExams(csv(header, `E1,${subject},GLU,5.2,mmol/L,3.9-6.1,<7,`))
    expect(drafts[0]?.items[0]).toMatchObject({ refLow: null, refHigh: null })
    expect(drafts[0]?.problems.map(p => [p.row, p.field])).toEqual([[2, 'ref_low'], [2, 'ref_high']])
  })

  it.each([
    ['n', 'normal'],
    ['Normal', 'normal'],
    ['↑', 'abnormal'],
    ['L', 'abnormal'],
    ['阳性', 'abnormal'],
    ['pos', 'abnormal'],
    ['HH', 'critical'],
    ['危急', 'critical'],
    ['c', 'critical'],
  ] as const)('reads the flag %s as %s', (flag, interpretation) => {
    const { drafts } = readCsvExams(csv(header, `E1,${subject},GLU,5.2,mmol/L,3.9,6.1,${flag}`))
    expect(drafts[0]?.items[0]?.interpretation).toBe(interpretation)
    expect(drafts[0]?.problems).toEqual([])
  })

  it('names a flag it does not know', () => {
    const { drafts } = readCsvExams(csv(header, `E1,${subject},GLU,5.2,mmol/L,3.9,6.1,X`))
    expect(drafts[0]?.items[0]?.interpretation).toBeNull()
    expect(drafts[0]?.problems).toEqual([{ row: 2, field: 'flag', reason: expect.stringContaining('"X"') }])
  })

  it('keeps what is not a plain number as text, and names an empty value', () => {
    const cells = ['<0.5', '阴性', '-', '+', '窦性心律，正常心电图', '"1,234"', '1e3', '-0.25', '.5', '']
    const { drafts } = readCsvExams(csv(header, ...cells.map((cell, i) => `E1,${subject},X${i},${cell},,,,`)))
    const items = drafts[0]?.items ?? []
    expect(items.map(i => [i.value, i.valueText])).toEqual([
      [null, '<0.5'],
      [null, '阴性'],
      [null, '-'],
      [null, '+'],
      [null, '窦性心律，正常心电图'],
      [null, '1,234'],
      [null, '1e3'],
      [-0.25, null],
      [0.5, null],
      [null, null],
    ])
    expect(drafts[0]?.problems).toEqual([{ row: 11, field: 'value', reason: 'value is empty' }])
  })

  it('reads 50,000 rows and refuses 50,001', () => {
    const row = `E1,${subject},GLU,5.2,mmol/L,3.9,6.1,`
    const rows = (n: number): Buffer => csv(header, ...Array.from({ length: n }, () => row))
    const atLimit = readCsvExams(rows(50_000))
    expect(atLimit.problems).toEqual([])
    expect(atLimit.drafts[0]?.items).toHaveLength(50_000)
    expect(readCsvExams(rows(50_001))).toEqual({ drafts: [], problems: [{ row: null, field: 'body', reason: 'more than 50,000 rows: split the file' }] })
  })

  it('names the line where an unclosed quote opens', () => {
    const { drafts, problems } = readCsvExams(csv(header, `E1,${subject},GLU,5.2,,,,`, '', `E1,${subject},ECG,"窦性心律,,,,`, `E1,${subject},TC,4.1,,,,`))
    expect(drafts).toEqual([])
    expect(problems).toEqual([{ row: 4, field: 'body', reason: expect.stringContaining('never closed') }])
  })

  it('names the line of a stray quote inside an unquoted cell', () => {
    const { problems } = readCsvExams(csv(header, `E1,${subject},GLU,5.2,,,,`, `E1,${subject},ECG,"窦性心律",,,,`, `E1,${subject},HT,5'7",,,,`))
    expect(problems).toEqual([{ row: 4, field: 'body', reason: expect.stringContaining('quote') }])
  })

  it('reads a file with every cell quoted, with or without spaces between, as it reads the same file unquoted', () => {
    const rows = [
      header,
      `E1,${subject},GLU,5.2,mmol/L,3.9,6.1,H`,
      `E2,110101196001010011,张建国,1960-01-01,2026-04-02,ECG,窦性心律，正常心电图,,,,`,
    ]
    const quoted = rows.map(row => row.split(',').map(cell => `"${cell}"`).join(','))
    // a space after each comma is for csv-parse to trim, not for the quick split of quoted cells
    const spaced = quoted.map(row => row.replaceAll('","', '", "'))
    expect(readCsvExams(csv(...quoted))).toEqual(readCsvExams(csv(...rows)))
    expect(readCsvExams(csv(...spaced))).toEqual(readCsvExams(csv(...rows)))
    expect(readCsvExams(csv(...rows)).drafts.map(d => d.items[0]?.value ?? d.items[0]?.valueText)).toEqual([5.2, '窦性心律，正常心电图'])
  })

  it('names a row with more cells than the header', () => {
    const { problems } = readCsvExams(csv(header, `E1,${subject},GLU,5.2,,,,`, `E1,${subject},ECG,窦性心律,正常心电图,,,,`))
    expect(problems).toEqual([{ row: 3, field: 'body', reason: '12 cells where the header has 11: quote a cell that contains a comma' }])
  })

  it('counts lines physically: CRLF or CR line ends, a quoted line break, and skipped empty lines', () => {
    const lines = [
      header,
      `E1,${subject},ECG,"窦性心律\r\n正常心电图",,,,`,
      '',
      ',,,,,,,,,,',
      `  E1 , ${subject},GLU, 5.2 ,mmol/L,3.9,6.1,H  `,
      '',
    ]
    expect(readCsvExams(Buffer.from(lines.join('\r'))).drafts).toEqual(readCsvExams(Buffer.from(lines.join('\r\n'))).drafts)
    const { drafts, problems } = readCsvExams(Buffer.from(lines.join('\r\n')))
    expect(problems).toEqual([])
    expect(drafts).toHaveLength(1)
    expect(drafts[0]?.items.map(i => [i.row, i.code, i.value ?? i.valueText, i.interpretation])).toEqual([
      [2, 'ECG', '窦性心律\n正常心电图', null],
      [6, 'GLU', 5.2, 'abnormal'],
    ])
  })
})
