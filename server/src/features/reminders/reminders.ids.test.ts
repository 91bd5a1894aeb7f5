import { describe, expect, it } from 'vitest'
import { evaluateReminders } from '../../../../shared/policy'
import { resident } from '../../../../shared/policy/snapshot.fixtures'
import { withIds } from './reminders.ids'

const idsOn = (snapshot: ReturnType<typeof resident>, on: string) => withIds(evaluateReminders(snapshot, on)).map(r => r.id).sort()

describe('reminder ids', () => {
  it('stay the same from one day to the next while nothing happens: a calendar keeps its events', () => {
    const patient = resident({
      birthDate: '1950-03-10',
      signedDoctor: true,
      conditions: [{ code: 'hypertension', managed: true }, { code: 'severe-mental-disorder', managed: true }],
    })
    const first = idsOn(patient, '2026-11-22')
    expect(first).toContain('chronic-followup-2026-01-01')
    expect(first).toContain('chronic-followup-care-visit-2026-01-01')
    for (const on of ['2026-11-23', '2026-11-30', '2026-12-31'])
      expect(idsOn(patient, on)).toEqual(first)
  })

  it('name the care visit by its rule whether or not a chronic follow-up is due beside it', () => {
    const careOnly = resident({ birthDate: '1980-03-10', conditions: [{ code: 'severe-mental-disorder', managed: true }] })
    expect(idsOn(careOnly, '2026-11-22').filter(id => id.startsWith('chronic-followup'))).toEqual(['chronic-followup-care-visit-2026-01-01'])
  })

  it('change when a new cycle opens', () => {
    const young = resident({ birthDate: '1990-01-01', events: [{ kind: 'exam', date: '2025-06-01' }] })
    expect(idsOn(young, '2026-12-31')).toEqual(['health-exam-2027-01-01'])
    expect(idsOn(young, '2027-01-01')).toEqual(['health-exam-2027-01-01'])
    expect(idsOn(young, '2028-01-01')).toEqual(['health-exam-2028-01-01'])
  })
})
