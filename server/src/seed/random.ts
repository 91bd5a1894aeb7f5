/**
 * Seeded randomness. Every resident, household and institution draws from its own stream,
 * derived from (seed, domain, index), so the county is the same whatever order or batch size
 * produced it, and resident k is the same resident whatever N is.
 */

const base32 = 'abcdefghijklmnopqrstuvwxyz234567'

function splitmix32(x: number): number {
  x = (x + 0x9E3779B9) | 0
  x = Math.imul(x ^ (x >>> 16), 0x85EBCA6B)
  x = Math.imul(x ^ (x >>> 13), 0xC2B2AE35)
  return (x ^ (x >>> 16)) >>> 0
}

/** Stream domains: one per kind of thing drawn, so adding draws to one kind never shifts another. */
export const Domain = {
  CARE: 1,
  PERSONAS: 2,
  HOUSEHOLD: 3,
  RESIDENT: 4,
  EXAM_IDS: 5,
  BOOKINGS: 6,
} as const

/** sfc32, a small fast generator that passes PractRand, seeded through splitmix32. */
export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number
  private spare = Number.NaN

  constructor(seed: number, domain: number, index: number) {
    this.a = splitmix32(seed)
    this.b = splitmix32(this.a ^ domain)
    this.c = splitmix32(this.b ^ index)
    this.d = splitmix32(this.c ^ Math.floor(index / 0x100000000))
    for (let i = 0; i < 12; i++)
      this.u32()
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** [0, 1) */
  float(): number {
    return this.u32() / 0x100000000
  }

  /** an integer in [0, n) */
  int(n: number): number {
    return Math.floor(this.float() * n)
  }

  /** an integer in [lo, hi], both included */
  between(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1))
  }

  chance(p: number): boolean {
    return this.float() < p
  }

  /** standard normal (Marsaglia's polar method; the second value is kept for the next call) */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const s = this.spare
      this.spare = Number.NaN
      return s
    }
    let u: number
    let v: number
    let s: number
    do {
      u = this.float() * 2 - 1
      v = this.float() * 2 - 1
      s = u * u + v * v
    } while (s >= 1 || s === 0)
    const f = Math.sqrt(-2 * Math.log(s) / s)
    this.spare = v * f
    return u * f
  }

  gauss(mean: number, sd: number): number {
    return mean + sd * this.normal()
  }

  /** log-normal with the given median and geometric spread (sd of the log) */
  logNormal(median: number, sdLog: number): number {
    return median * Math.exp(sdLog * this.normal())
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!
  }

  /** an index drawn by weight */
  weighted(weights: readonly number[]): number {
    let total = 0
    for (const w of weights)
      total += w
    let r = this.float() * total
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!
      if (r < 0)
        return i
    }
    return weights.length - 1
  }

  /** a text id: 16 characters of [a-z2-7], 80 random bits */
  id(): string {
    const x = this.u32()
    const y = this.u32()
    const z = this.u32()
    return base32[x & 31]! + base32[(x >>> 5) & 31]! + base32[(x >>> 10) & 31]! + base32[(x >>> 15) & 31]!
      + base32[(x >>> 20) & 31]! + base32[(x >>> 25) & 31]! + base32[y & 31]! + base32[(y >>> 5) & 31]!
      + base32[(y >>> 10) & 31]! + base32[(y >>> 15) & 31]! + base32[(y >>> 20) & 31]! + base32[(y >>> 25) & 31]!
      + base32[z & 31]! + base32[(z >>> 5) & 31]! + base32[(z >>> 10) & 31]! + base32[(z >>> 15) & 31]!
  }
}

const mask24 = 0xFFFFFF

/**
 * Exam ids: a keyed 4-round Feistel permutation of 48-bit counters. A permutation cannot repeat,
 * where 1.8 million random 48-bit draws would collide with a probability of about 1%.
 */
export class ExamIds {
  private readonly keys: number[]
  private counter = 0

  constructor(seed: number) {
    const rng = new Rng(seed, Domain.EXAM_IDS, 0)
    this.keys = [rng.u32(), rng.u32(), rng.u32(), rng.u32()]
  }

  private permute(n: number): number {
    let left = Math.floor(n / 0x1000000) & mask24
    let right = n & mask24
    for (const key of this.keys) {
      const f = splitmix32(right ^ key) & mask24
      const next = left ^ f
      left = right
      right = next
    }
    return left * 0x1000000 + right
  }

  /** The next id: never 0, never repeated (counter 0 is held back to stand in for the one counter that maps to 0). */
  next(): number {
    this.counter += 1
    const id = this.permute(this.counter)
    return id === 0 ? this.permute(0) : id
  }
}
