import { describe, expect, it } from 'vitest'
import { ResidentIdSchema } from './schemas/common'
import { base32Id } from './ids'

describe('base32Id', () => {
  it('turns ten bytes into sixteen base32 characters', () => {
    expect(base32Id(new Uint8Array(10))).toBe('aaaaaaaaaaaaaaaa')
    expect(base32Id(new Uint8Array(10).fill(255))).toBe('7777777777777777')
  })

  it('makes ids the resident id schema accepts', () => {
    const id = base32Id(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
    expect(id).toBe('aebagbafaydqqcik')
    expect(ResidentIdSchema.safeParse(id).success).toBe(true)
  })
})
