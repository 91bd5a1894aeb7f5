import { describe, expect, it } from 'vitest'
import { createShortCache } from './short-cache'

describe('createShortCache', () => {
  it('serves a value for ttlMs, not after, and not when the clock went back', () => {
    const cache = createShortCache<string>(5000, 10)
    cache.set('a', 'row a', 1000)
    expect(cache.get('a', 1000)).toBe('row a')
    expect(cache.get('a', 5999)).toBe('row a')
    expect(cache.get('a', 6000)).toBeNull()
    expect(cache.get('a', 999)).toBeNull()
    expect(cache.get('b', 1000)).toBeNull()
  })

  it('forgets everything at once, and starts over when full', () => {
    const cache = createShortCache<number>(5000, 2)
    cache.set('a', 1, 0)
    cache.set('b', 2, 0)
    cache.set('c', 3, 0)
    expect([cache.get('a', 1), cache.get('b', 1), cache.get('c', 1)]).toEqual([null, null, 3])
    cache.forget()
    expect(cache.get('c', 1)).toBeNull()
  })
})
