import { describe, expect, it } from 'vitest'
import { kinshipOfChild, kinshipOfGrantor } from './kinship'

describe('kinship', () => {
  it('turns "my son" into "mother" for her son', () => {
    expect(kinshipOfGrantor('child', 'female')).toBe('mother')
    expect(kinshipOfGrantor('child', 'male')).toBe('father')
    expect(kinshipOfGrantor('spouse', 'male')).toBe('husband')
    expect(kinshipOfGrantor('friend', 'female')).toBe('friend')
  })

  it('knows nothing of a relation it does not know', () => {
    expect(kinshipOfGrantor(null, 'female')).toBeNull()
    expect(kinshipOfGrantor('儿子', 'female')).toBeNull()
    expect(kinshipOfGrantor('toString', 'female')).toBeNull()
  })

  it('names a child by sex', () => {
    expect(kinshipOfChild('female')).toBe('daughter')
    expect(kinshipOfChild('male')).toBe('son')
  })
})
