import { describe, expect, it } from 'vitest'
import type { InstitutionActor } from './access'
import { decideInstitutionAccess } from './access'

const fengqiao = 'inst-fengqiao'
const jiyang = 'inst-jiyang'
const staff = (role: 'doctor' | 'nurse' | 'institution-staff', institutionId: string): InstitutionActor => ({ apiKeyInstitutionId: null, staff: { role, institutionId } })

// who acts for 枫桥 on its machine import: its quarantine and its retractions (issue 5)
const table: [string, InstitutionActor, 'allow' | 'not-found'][] = [
  ['枫桥\'s API key', { apiKeyInstitutionId: fengqiao, staff: null }, 'allow'],
  ['暨阳\'s API key', { apiKeyInstitutionId: jiyang, staff: null }, 'not-found'],
  ['a doctor of 枫桥', staff('doctor', fengqiao), 'allow'],
  ['institution staff of 枫桥', staff('institution-staff', fengqiao), 'allow'],
  ['a nurse of 枫桥', staff('nurse', fengqiao), 'not-found'],
  ['a doctor of 暨阳', staff('doctor', jiyang), 'not-found'],
  ['institution staff of 暨阳', staff('institution-staff', jiyang), 'not-found'],
  ['a nurse of 暨阳', staff('nurse', jiyang), 'not-found'],
  ['a resident (no key, no staff role)', { apiKeyInstitutionId: null, staff: null }, 'not-found'],
]

describe('decideInstitutionAccess for 枫桥', () => {
  it.each(table)('%s → %s', (_, actor, expected) => {
    expect(decideInstitutionAccess(actor, fengqiao)).toBe(expected)
  })

  it('gives 暨阳 the mirror image', () => {
    expect(decideInstitutionAccess({ apiKeyInstitutionId: jiyang, staff: null }, jiyang)).toBe('allow')
    expect(decideInstitutionAccess(staff('doctor', jiyang), jiyang)).toBe('allow')
    expect(decideInstitutionAccess(staff('doctor', fengqiao), jiyang)).toBe('not-found')
    expect(decideInstitutionAccess(staff('nurse', jiyang), jiyang)).toBe('not-found')
  })
})
