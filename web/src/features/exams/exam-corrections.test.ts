import { describe, expect, it } from 'vitest'
import type { ExamCorrection } from '../../../../shared/schemas/exams'
import { correctionViews, itemChangeView } from './exam-corrections'

const glucose = (value: number, flag: 'normal' | 'high' | 'critical') => ({ value, valueText: null, unit: 'mmol/L', flag })

describe('a corrected item, as the resident reads it', () => {
  it('names the item from the catalogue and gives before and after with units and flags', () => {
    expect(itemChangeView({ code: '14771-0', before: glucose(7.8, 'high'), after: glucose(6.1, 'normal') }, 'zh-CN')).toEqual({
      code: '14771-0',
      name: '空腹血糖',
      kind: 'changed',
      before: { text: '7.80 mmol/L', flag: 'high', value: 7.8 },
      after: { text: '6.10 mmol/L', flag: 'normal', value: 6.1 },
    })
  })

  it('speaks the chosen language', () => {
    const view = itemChangeView({ code: '14771-0', before: glucose(7.8, 'high'), after: glucose(17.2, 'critical') }, 'en')
    expect(view.name).toBe('Fasting glucose')
    expect(view.after?.text).toBe('17.20 mmol/L')
  })

  it('tells an added item from a removed one', () => {
    expect(itemChangeView({ code: '14771-0', before: null, after: glucose(5.2, 'normal') }, 'zh-CN')).toMatchObject({ kind: 'added', before: null })
    expect(itemChangeView({ code: '14771-0', before: glucose(5.2, 'normal'), after: null }, 'zh-CN')).toMatchObject({ kind: 'removed', after: null })
  })

  it('keeps a text item\'s conclusion as plain text, markup and all', () => {
    const view = itemChangeView({
      code: '11524-6',
      before: { value: null, valueText: '窦性心律，正常心电图', unit: null, flag: 'normal' },
      after: { value: null, valueText: '<b>ST段压低</b>', unit: null, flag: 'high' },
    }, 'zh-CN')
    expect(view.before?.text).toBe('窦性心律，正常心电图')
    expect(view.after?.text).toBe('<b>ST段压低</b>')
  })

  it('keeps a code the catalogue lacks as its name', () => {
    expect(itemChangeView({ code: '99999-9', before: { value: 1.234, valueText: null, unit: 'U/L', flag: 'normal' }, after: null }, 'zh-CN'))
      .toMatchObject({ name: '99999-9', before: { text: '1.23 U/L' } })
  })
})

describe('the corrections of an exam', () => {
  it('lists the latest first', () => {
    const corrections: ExamCorrection[] = [
      { version: 2, correctedAt: '2026-11-20T02:00:00.000Z', changes: [{ code: '14771-0', before: glucose(7.8, 'high'), after: glucose(6.9, 'high') }] },
      { version: 3, correctedAt: '2026-11-21T02:00:00.000Z', changes: [{ code: '14771-0', before: glucose(6.9, 'high'), after: glucose(6.0, 'normal') }] },
    ]
    expect(correctionViews(corrections, 'zh-CN').map(c => c.version)).toEqual([3, 2])
    expect(correctionViews([], 'zh-CN')).toEqual([])
  })

  it('lists a correction\'s items in the order the report does', () => {
    const potassium = { value: 4.1, valueText: null, unit: 'mmol/L', flag: 'normal' as const }
    const [view] = correctionViews([{ version: 2, correctedAt: '2026-11-20T02:00:00.000Z', changes: [
      { code: '14771-0', before: glucose(7.8, 'high'), after: glucose(6.0, 'normal') },
      { code: '2823-3', before: null, after: potassium },
      { code: '8480-6', before: { value: 150, valueText: null, unit: 'mmHg', flag: 'high' }, after: { value: 130, valueText: null, unit: 'mmHg', flag: 'normal' } },
    ] }], 'zh-CN')
    expect(view!.changes.map(c => c.name)).toEqual(['收缩压', '血钾', '空腹血糖'])
  })
})
