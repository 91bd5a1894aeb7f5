import { describe, expect, it } from 'vitest'
import { fluSeasonStart } from './flu-season'

describe('fluSeasonStart', () => {
  it('is 1 September of the season the day falls in', () => {
    expect(fluSeasonStart('2026-11-22')).toBe('2026-09-01')
    expect(fluSeasonStart('2026-09-01')).toBe('2026-09-01')
    expect(fluSeasonStart('2026-08-31')).toBe('2025-09-01')
    expect(fluSeasonStart('2027-02-28')).toBe('2026-09-01')
    expect(fluSeasonStart('2027-01-01')).toBe('2026-09-01')
  })
})
