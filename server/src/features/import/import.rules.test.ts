import { describe, expect, it } from 'vitest'
import { idNumberCheckChar } from '../../../../shared/residents/id-number'
import type { ExamDraft, ItemDraft } from './import.draft'
import { readCsvExams } from './import.csv'
import { readFhirExams } from './import.fhir'
import type { FixtureExam, FixtureItem } from './import.fixture'
import { csvOf, fhirBundle, usualItems } from './import.fixture'
import type { CheckedItem, StoredItem } from './import.rules'
import { checkExam, flagItems } from './import.rules'
import { itemChanges } from './import.service'

const today = '2026-11-22'
const idNumber = `33068119520418000${idNumberCheckChar('33068119520418000')}`
const subject = { idNumber, name: '王秀英', birthDate: '1952-04-18' }

const item = (extra: Partial<ItemDraft> = {}): ItemDraft =>
  ({ row: 2, at: '', code: '14771-0', value: 6.9, valueText: null, unit: 'mmol/L', refLow: null, refHigh: null, interpretation: null, ...extra })
const draft = (extra: Partial<ExamDraft> = {}): ExamDraft =>
  ({ row: 2, externalId: 'E1', subject, date: '2026-11-20', items: [item()], problems: [], ...extra })
const checkedItems = (items: ItemDraft[]) => checkExam(draft({ items }), 'csv', today).exam!.items
const problemsOf = (d: ExamDraft, format: 'csv' | 'fhir' = 'csv') => checkExam(d, format, today).problems

describe('checkExam', () => {
  it('brings values and printed ranges to the catalogue\'s unit, one decimal beyond what a report prints', () => {
    expect(checkedItems([
      item({ value: 124, unit: 'mg/dL', refLow: 70, refHigh: 110 }),
      item({ row: 3, code: '14682-9', value: 0.9, unit: 'mg/dL' }),
      item({ row: 4, code: '718-7', value: 12.8, unit: 'g/dL', refLow: 11.5, refHigh: 15 }),
    ])).toEqual([
      { code: '14771-0', value: 6.883, valueText: null, refLow: 3.885, refHigh: 6.106, interpretation: null },
      { code: '14682-9', value: 79.6, valueText: null, refLow: null, refHigh: null, interpretation: null },
      { code: '718-7', value: 128, valueText: null, refLow: 115, refHigh: 150, interpretation: null },
    ])
  })

  it('reads the usual spellings of a unit, no unit as the catalogue\'s, and an item by its short key', () => {
    expect(checkedItems([
      item({ code: 'fasting-glucose', unit: null }),
      item({ row: 3, code: '14682-9', value: 68, unit: 'umol/L' }),
      item({ row: 4, code: '8480-6', value: 136, unit: 'mm[Hg]' }),
      item({ row: 5, code: '6690-2', value: 5.6, unit: '10^9/L' }),
    ]).map(i => [i.code, i.value])).toEqual([['14771-0', 6.9], ['14682-9', 68], ['8480-6', 136], ['6690-2', 5.6]])
  })

  it('keeps a text conclusion as text, and a number sent for a text item as its text', () => {
    expect(checkedItems([
      item({ code: '11524-6', value: null, valueText: '窦性心律，正常心电图', unit: null, interpretation: 'normal' }),
      item({ row: 3, code: '20454-5', value: 1, unit: null }),
    ])).toEqual([
      { code: '11524-6', value: null, valueText: '窦性心律，正常心电图', refLow: null, refHigh: null, interpretation: 'normal' },
      { code: '20454-5', value: null, valueText: '1', refLow: null, refHigh: null, interpretation: null },
    ])
  })

  it.each([
    ['an item the catalogue lacks', item({ code: 'GLU' }), 'item_code', /GLU is not an item/],
    ['a numeric item without a number', item({ value: null, valueText: '偏高' }), 'value', /expects a number, not "偏高"/],
    ['a text item without text', item({ code: '11524-6', value: null, valueText: null }), 'value', /needs its conclusion as text/],
    ['a unit with no factor to the catalogue\'s', item({ unit: 'mg' }), 'unit', /mg cannot be read as mmol\/L/],
    ['a unit of another item (g/dL for glucose)', item({ unit: 'g/dL' }), 'unit', /g\/dL cannot be read/],
    ['an implausible value', item({ value: 0.2 }), 'value', /0\.2 mmol\/L is outside what can be measured/],
    ['a value in mg/dL sent as mmol/L', item({ value: 124 }), 'value', /outside what can be measured/],
    ['a range that runs backwards', item({ refLow: 6.1, refHigh: 3.9 }), 'ref_low', /runs backwards/],
  ] as const)('names %s by its line and column', (_, bad, field, reason) => {
    const problems = problemsOf(draft({ items: [item({ code: '8480-6', value: 130, unit: 'mmHg' }), { ...bad, row: 3 }] }))
    expect(problems).toEqual([{ row: 3, field, reason: expect.stringMatching(reason) }])
  })

  it('names a FHIR item by the path of its Observation', () => {
    const at = 'entry[3].resource'
    expect(problemsOf(draft({ items: [item({ at, row: 3, unit: 'mg' })] }), 'fhir')).toEqual([{ row: 3, field: `${at}.valueQuantity.unit`, reason: expect.any(String) }])
    expect(problemsOf(draft({ items: [item({ at, row: 3, refLow: 7, refHigh: 3 })] }), 'fhir')).toEqual([{ row: 3, field: `${at}.referenceRange`, reason: expect.any(String) }])
    expect(problemsOf(draft({ items: [item({ at, row: 3, code: '99999-9' })] }), 'fhir')).toEqual([{ row: 3, field: `${at}.code`, reason: expect.any(String) }])
  })

  it('names an item twice in one exam, by its code or its key, at the second', () => {
    expect(problemsOf(draft({ items: [item(), item({ row: 5, code: 'fasting-glucose', value: 7 })] }))).toEqual([{ row: 5, field: 'item_code', reason: '14771-0 空腹血糖 appears twice in one exam (also at 2)' }])
  })

  it.each([
    ['a date after today', { date: '2026-11-23' }, 'exam_date', '2026-11-23 is after today (2026-11-22)'],
    ['a date before her birth', { date: '1952-04-17' }, 'exam_date', '1952-04-17 is before the resident\'s birth (1952-04-18)'],
    ['a date that does not exist', { date: '2026-02-30' }, 'exam_date', 'expected a date YYYY-MM-DD that exists'],
    ['no date', { date: '' }, 'exam_date', 'the exam date is required'],
    ['an ID number with a wrong check character', { subject: { ...subject, idNumber: `${idNumber.slice(0, 17)}${idNumber[17] === '1' ? '2' : '1'}` } }, 'id_number', 'not a valid 18-character ID number (居民身份证号, with its check character)'],
    ['no name', { subject: { ...subject, name: ' ' } }, 'name', 'the resident\'s name is needed to match her safely'],
    ['no birth date', { subject: { ...subject, birthDate: '' } }, 'birth_date', 'the birth date (YYYY-MM-DD) is needed to match the resident safely'],
    ['an exam id with a space', { externalId: 'E 1' }, 'exam_id', 'expected the institution\'s exam id: letters, digits and . _ : - /'],
  ] as const)('refuses %s', (_, extra, field, reason) => {
    const { exam, problems } = checkExam(draft(extra), 'csv', today)
    expect(exam).toBeNull()
    expect(problems).toEqual([{ row: 2, field, reason }])
  })

  it('takes an exam done today, and one done on her birthday', () => {
    expect(checkExam(draft({ date: today }), 'csv', today).problems).toEqual([])
    expect(checkExam(draft({ date: '1952-04-18' }), 'csv', today).problems).toEqual([])
  })

  it('keeps the reader\'s problems and does not name the same field again for what follows from them', () => {
    const read = { row: 2, field: 'exam_date', reason: 'expected a date that exists, as YYYY-MM-DD (or YYYY/MM/DD, YYYYMMDD), got "2026-13-01"' }
    expect(problemsOf(draft({ date: '2026-13-01', problems: [read] }))).toEqual([read])
    const fhir = { row: 5, field: 'entry[5].resource.subject', reason: 'the subject must reference a Patient in this bundle' }
    expect(problemsOf(draft({ row: 5, subject: { idNumber: '', name: '', birthDate: '' }, problems: [fhir] }), 'fhir')).toEqual([fhir])
  })

  it('refuses an exam without its id, and one of more than 200 items', () => {
    expect(checkExam(draft({ externalId: null, problems: [{ row: 2, field: 'exam_id', reason: 'exam_id is empty' }] }), 'csv', today).exam).toBeNull()
    const many = Array.from({ length: 201 }, (_, i) => item({ row: i + 2, code: '8480-6', value: 130, unit: 'mmHg' }))
    expect(problemsOf(draft({ items: many }))[0]).toEqual({ row: 2, field: 'item_code', reason: 'more than 200 items in one exam' })
  })
})

describe('the content hash', () => {
  const hashOf = (d: ExamDraft) => checkExam(d, 'csv', today).exam!.contentHash
  const base = draft({ items: [item(), item({ row: 3, code: '8480-6', value: 136, unit: 'mmHg' })] })

  it('is what an exam is, not how it was written: item order, unit spelling, mass or molar units, the name\'s spaces', () => {
    const same = hashOf(base)
    expect(hashOf({ ...base, items: base.items.toReversed() })).toBe(same)
    expect(hashOf({ ...base, items: [item({ value: 124.3, unit: 'mg/dL' }), base.items[1]!] })).toBe(hashOf({ ...base, items: [item({ value: 6.899, unit: 'mmol/L' }), base.items[1]!] }))
    expect(hashOf({ ...base, items: [base.items[0]!, { ...base.items[1]!, unit: 'mm[Hg]' }] })).toBe(same)
    expect(hashOf({ ...base, subject: { ...subject, name: '王 秀英' } })).toBe(same)
  })

  it.each([
    ['a value', { items: [item({ value: 7 }), item({ row: 3, code: '8480-6', value: 136, unit: 'mmHg' })] }],
    ['a printed range', { items: [item({ refLow: 3.9, refHigh: 6.1 }), item({ row: 3, code: '8480-6', value: 136, unit: 'mmHg' })] }],
    ['the report\'s reading', { items: [item({ interpretation: 'critical' }), item({ row: 3, code: '8480-6', value: 136, unit: 'mmHg' })] }],
    ['an item fewer', { items: [item()] }],
    ['the date', { date: '2026-11-19' }],
    ['the ID number', { subject: { ...subject, idNumber: `11010119520315002${idNumberCheckChar('11010119520315002')}` } }],
    ['the exam id', { externalId: 'E2' }],
  ])('changes with %s', (_, extra) => {
    expect(hashOf({ ...base, ...extra })).not.toBe(hashOf(base))
  })

  it('is the same for one exam read from FHIR and from CSV', () => {
    const items: FixtureItem[] = [
      ...usualItems,
      { code: '14682-9', value: 0.9, unit: 'mg/dL', low: 0.46, high: 0.92 },
      { code: '20454-5', text: '-' },
      { code: '2823-3', value: 6.5, unit: 'mmol/L', interpretation: 'HH' },
    ]
    const exam: FixtureExam = { externalId: 'FQ-9', ...subject, date: '2026-11-20', items }
    const fromFhir = readFhirExams(fhirBundle([exam]), 'instfengqiaoaaaa').drafts[0]!
    const fromCsv = readCsvExams(Buffer.from(csvOf([exam]))).drafts[0]!
    const fhir = checkExam(fromFhir, 'fhir', today)
    const csv = checkExam(fromCsv, 'csv', today)
    expect(fhir.problems).toEqual([])
    expect(csv.problems).toEqual([])
    expect(csv.exam!.items).toEqual(fhir.exam!.items)
    expect(csv.exam!.contentHash).toBe(fhir.exam!.contentHash)
  })
})

describe('flagItems', () => {
  const woman = { sex: 'female', age: 74 } as const
  const man = { sex: 'male', age: 48 } as const
  const checked = (extra: Partial<CheckedItem>): CheckedItem => ({ code: '14771-0', value: 6.9, valueText: null, refLow: null, refHigh: null, interpretation: null, ...extra })
  const flagOf = (extra: Partial<CheckedItem>, who: { sex: 'female' | 'male', age: number } = woman) => flagItems([checked(extra)], who)[0]!

  it('keeps a printed range equal to the catalogue\'s as the catalogue\'s, with its open end ("< 6.1")', () => {
    expect(flagOf({ value: 6.1, refLow: 3.9, refHigh: 6.1 })).toEqual({ code: '14771-0', value: 6.1, valueText: null, flag: 'high', unit: null, refLow: null, refHigh: null })
    expect(flagOf({ value: 6.0, refLow: 3.9, refHigh: 6.1 }).flag).toBe('normal')
  })

  it('stores a printed range that differs, and reads it as printed: both ends included', () => {
    expect(flagOf({ value: 6.1, refLow: 3.9, refHigh: 6.2 })).toMatchObject({ flag: 'normal', refLow: 3.9, refHigh: 6.2 })
    expect(flagOf({ value: 6.2, refLow: 3.9, refHigh: 6.2 })).toMatchObject({ flag: 'normal', refHigh: 6.2 })
    expect(flagOf({ value: 3.8, refLow: 3.9, refHigh: 6.2 }).flag).toBe('low')
    expect(flagOf({ value: 5.9, refLow: null, refHigh: 5.6 })).toMatchObject({ flag: 'high', refLow: null, refHigh: 5.6 })
  })

  it('reads a range by her sex and age', () => {
    // haemoglobin: 115–150 g/L for a woman, 130–175 for a man (WS/T 405-2012)
    expect(flagOf({ code: '718-7', value: 125, refLow: 130, refHigh: 175 }, man)).toMatchObject({ flag: 'low', refLow: null, refHigh: null })
    expect(flagOf({ code: '718-7', value: 125, refLow: 130, refHigh: 175 }, woman)).toMatchObject({ flag: 'low', refLow: 130, refHigh: 175 })
    expect(flagOf({ code: '718-7', value: 125 }, woman).flag).toBe('normal')
  })

  it('calls a value past the critical limit critical whatever the range, and so does the report\'s own reading', () => {
    expect(flagOf({ value: 17.0, refLow: 3.9, refHigh: 20 }).flag).toBe('critical')
    expect(flagOf({ value: 2.7 }).flag).toBe('critical')
    expect(flagOf({ value: 6.0, interpretation: 'critical' }).flag).toBe('critical')
    expect(flagOf({ value: 5.0, interpretation: 'abnormal' }).flag).toBe('normal')
  })

  it('reads a text conclusion as the report reads it, else by the catalogue', () => {
    const text = (valueText: string, interpretation: CheckedItem['interpretation']) => flagOf({ code: '11524-6', value: null, valueText, interpretation }).flag
    expect(text('窦性心律，正常心电图', null)).toBe('normal')
    expect(text('窦性心律，ST段改变', null)).toBe('high')
    expect(text('窦性心律，ST段改变', 'normal')).toBe('normal')
    expect(text('窦性心律，正常心电图', 'abnormal')).toBe('high')
    expect(text('室颤', 'critical')).toBe('critical')
  })
})

describe('itemChanges', () => {
  const stored = (code: string, value: number | null, flag: StoredItem['flag'], valueText: string | null = null): StoredItem =>
    ({ code, value, valueText, flag, unit: null, refLow: null, refHigh: null })

  it('names what was added, removed or changed, in catalogue order, with the catalogue\'s unit', () => {
    const before = [stored('11524-6', null, 'normal', '窦性心律'), stored('14771-0', 6.9, 'high'), stored('8480-6', 136, 'normal'), stored('22748-8', 3.1, 'normal')]
    const after = [stored('22748-8', 3.1, 'normal'), stored('14771-0', 5.9, 'normal'), stored('2823-3', 4.2, 'normal'), stored('11524-6', null, 'high', '房颤')]
    expect(itemChanges(before, after)).toEqual([
      { code: '8480-6', before: { value: 136, valueText: null, unit: 'mmHg', flag: 'normal' }, after: null },
      { code: '2823-3', before: null, after: { value: 4.2, valueText: null, unit: 'mmol/L', flag: 'normal' } },
      { code: '14771-0', before: { value: 6.9, valueText: null, unit: 'mmol/L', flag: 'high' }, after: { value: 5.9, valueText: null, unit: 'mmol/L', flag: 'normal' } },
      { code: '11524-6', before: { value: null, valueText: '窦性心律', unit: null, flag: 'normal' }, after: { value: null, valueText: '房颤', unit: null, flag: 'high' } },
    ])
  })

  it('is empty when nothing she sees changed', () => {
    const items = [stored('14771-0', 6.9, 'high'), stored('8480-6', 136, 'normal')]
    expect(itemChanges(items, items.toReversed())).toEqual([])
  })
})
