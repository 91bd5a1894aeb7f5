import { describe, expect, it } from 'vitest'
import type { Measurement } from '../../../../shared/schemas/measurements'
import { bodyOf, checkReading, homeKindOf, homeTrendPoints, readingText, typeKey } from './measurement-view'

const reading = (extra: Partial<Measurement>): Measurement => ({
  id: 'x', kind: 'bp', takenAt: '2026-11-22T00:00:00.000Z', takenOn: '2026-11-22', sbp: null, dbp: null, pulse: null, glucose: null, timing: null, weightKg: null, waistCm: null, recordedBy: '王秀英', danger: null, doctorNotified: false, ...extra,
})

describe('typeKey: the big keypad', () => {
  it('types digits, at most three before the point, one point, the field\'s decimals after it', () => {
    expect(['1', '3', '6', '9'].reduce((s, k) => typeKey(s, k, 'sbp'), '')).toBe('136')
    expect(typeKey('136', '.', 'sbp')).toBe('136')
    expect(['6', '.', '8', '5'].reduce((s, k) => typeKey(s, k, 'glucose'), '')).toBe('6.8')
    expect(typeKey('', '.', 'glucose')).toBe('0.')
    expect(typeKey('0', '7', 'weightKg')).toBe('7')
    expect(typeKey('56.', 'delete', 'weightKg')).toBe('56')
  })
})

describe('checkReading: the server\'s limits, on the phone', () => {
  it('a BP of 400 is out of the 40–300 range; diastolic must be below systolic; the pulse may be left out', () => {
    expect(checkReading('bp', { sbp: '400', dbp: '90' })).toEqual({ field: 'sbp', problem: 'range', min: 40, max: 300 })
    expect(checkReading('bp', { sbp: '120', dbp: '130' })).toEqual({ field: 'dbp', problem: 'order' })
    expect(checkReading('bp', { sbp: '136', dbp: '82' })).toBeNull()
    expect(checkReading('bp', { sbp: '136' })).toEqual({ field: 'dbp', problem: 'required' })
  })

  it('glucose in mg/dL is out of a meter\'s 1.1–33.3 mmol/L', () => {
    expect(checkReading('glucose', { glucose: '110' })).toMatchObject({ field: 'glucose', problem: 'range', max: 33.3 })
  })

  it('builds the request body', () => {
    expect(bodyOf('bp', { sbp: '136', dbp: '82' }, 'fasting')).toEqual({ kind: 'bp', sbp: 136, dbp: 82 })
    expect(bodyOf('glucose', { glucose: '6.8' }, 'after-meal')).toEqual({ kind: 'glucose', glucose: 6.8, timing: 'after-meal' })
  })
})

describe('home readings beside the exam trends', () => {
  const readings = [
    reading({ kind: 'bp', sbp: 150, dbp: 90, takenOn: '2026-11-20' }),
    reading({ kind: 'glucose', glucose: 9.1, timing: 'after-meal', takenOn: '2026-11-19' }),
    reading({ kind: 'glucose', glucose: 6.9, timing: 'fasting', takenOn: '2026-11-18' }),
    reading({ kind: 'bp', sbp: 140, dbp: 85, takenOn: '2026-11-10' }),
  ]
  it('systolic and diastolic by their exam codes, oldest first; only fasting glucose beside the fasting glucose', () => {
    expect(homeTrendPoints(readings, '8480-6')).toEqual([{ date: '2026-11-10', value: 140 }, { date: '2026-11-20', value: 150 }])
    expect(homeTrendPoints(readings, '8462-4').map(p => p.value)).toEqual([85, 90])
    expect(homeTrendPoints(readings, '14771-0')).toEqual([{ date: '2026-11-18', value: 6.9 }])
    expect(homeTrendPoints(readings, '718-7')).toEqual([])
    expect([homeKindOf('8480-6'), homeKindOf('29463-7'), homeKindOf('718-7')]).toEqual(['bp', 'weight', null])
  })

  it('reads a reading as one line', () => {
    expect(readingText(reading({ kind: 'bp', sbp: 136, dbp: 82 }), 'zh-CN')).toBe('136/82 mmHg')
    expect(readingText(reading({ kind: 'weight', weightKg: 56 }), 'en')).toBe('56.0 kg')
  })
})
