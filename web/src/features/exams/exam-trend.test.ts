import { describe, expect, it } from 'vitest'
import { splitByUnit, type TrendPoint, trendChartData, trendYRange } from './exam-trend'

function point(date: string, value: number | null, unit: string | null = 'mmol/L', overrides: Partial<TrendPoint> = {}): TrendPoint {
  return { examId: date.replaceAll('-', ''), date, value, valueText: null, unit, refLow: 3.9, refHigh: 6.1, flag: 'normal', institution: '枫桥镇卫生院', ...overrides }
}

describe('splitting a series where the unit changed', () => {
  it('keeps one run while the unit stays the same', () => {
    expect(splitByUnit([point('2024-05-20', 6.2), point('2025-05-22', 6.9), point('2026-05-19', 7.8)])).toEqual([{ unit: 'mmol/L', indexes: [0, 1, 2] }])
  })

  it('starts a new run at each change, and again on a change back', () => {
    const runs = splitByUnit([point('2022-05-01', 6.0), point('2023-05-01', 110, 'mg/dL'), point('2024-05-01', 115, 'mg/dL'), point('2025-05-01', 6.4)])
    expect(runs).toEqual([
      { unit: 'mmol/L', indexes: [0] },
      { unit: 'mg/dL', indexes: [1, 2] },
      { unit: 'mmol/L', indexes: [3] },
    ])
  })

  it('leaves out points without a number', () => {
    expect(splitByUnit([point('2024-05-20', null), point('2025-05-22', 6.9)])).toEqual([{ unit: 'mmol/L', indexes: [0] }])
  })
})

describe('the chart\'s data', () => {
  it('gives one column per run, null outside it, so the line breaks at a change of unit', () => {
    const data = trendChartData({ code: '14771-0', points: [point('2024-05-20', 6.2), point('2025-05-22', 110, 'mg/dL'), point('2026-05-19', 120, 'mg/dL')] })
    expect(data.xs).toEqual([Date.UTC(2024, 4, 20) / 1000, Date.UTC(2025, 4, 22) / 1000, Date.UTC(2026, 4, 19) / 1000])
    expect(data.runs).toEqual([[6.2, null, null], [null, 110, 120]])
    expect(data.runUnits).toEqual(['mmol/L', 'mg/dL'])
    expect(data.unitChanges).toEqual([{ date: '2025-05-22', from: 'mmol/L', to: 'mg/dL' }])
  })

  it('carries the reference band per point, open sides as null', () => {
    const data = trendChartData({ code: '14771-0', points: [point('2025-05-22', 3.1, 'mmol/L', { refLow: null, refHigh: 3.4 }), point('2026-05-19', 3.9, 'mmol/L', { refLow: null, refHigh: 3.4 })] })
    expect(data.bandLow).toEqual([null, null])
    expect(data.bandHigh).toEqual([3.4, 3.4])
  })

  it('fits the values and the band in the y range with room to spare', () => {
    const [low, high] = trendYRange({ points: [point('2025-05-22', 7.8)], bandLow: [3.9], bandHigh: [6.1] })
    expect(low).toBeLessThan(3.9)
    expect(low).toBeGreaterThanOrEqual(0)
    expect(high).toBeGreaterThan(7.8)
  })
})
