import { describe, expect, it } from 'vitest'
import type { ExamPackage, Slot } from '../../../../shared/schemas/bookings'
import { changjiExamItems } from '../../../../shared/policy'
import { basePriceFen, bookingTotalFen, canBookFor, formatYuan, groupSlotsByDate, isCancellable, offeredOptional, planItemName, recommendedIds, residentShareFen, shanghaiToday } from './booking-view'

const item = (id: string, kind: ExamPackage['kind'], priceFen: number, subsidyFen: number, recommended = false): ExamPackage =>
  ({ id, kind, name: { 'zh-CN': id, 'en': id }, priceFen, subsidyFen, recommended })
const packages = [
  item('base', 'base', 9000, 9000),
  item('carotid', 'optional', 12000, 3000, true),
  item('thyroid', 'optional', 8000, 0),
]

describe('money', () => {
  it('shows fen as yuan with two decimals', () => {
    expect(formatYuan(9000, 'zh-CN')).toBe('¥90.00')
    expect(formatYuan(0, 'zh-CN')).toBe('¥0.00')
    expect(formatYuan(12345, 'en')).toBe('¥123.45')
  })

  it('takes the government\'s share off an item\'s price', () => {
    expect(residentShareFen({ priceFen: 12000, subsidyFen: 3000 })).toBe(9000)
    expect(residentShareFen({ priceFen: 9000, subsidyFen: 9000 })).toBe(0)
  })
})

describe('the total the person pays', () => {
  it('is nothing for the free base package alone', () => {
    expect(bookingTotalFen(packages, new Set(), false)).toBe(0)
  })

  it('adds each chosen item\'s share, not its price', () => {
    expect(bookingTotalFen(packages, new Set(['carotid', 'thyroid']), false)).toBe(9000 + 8000)
  })

  it('adds the base package\'s full price when it is self-paid', () => {
    expect(bookingTotalFen(packages, new Set(['carotid']), true)).toBe(9000 + 9000)
    expect(basePriceFen(packages)).toBe(9000)
  })

  it('ticks the locality\'s recommended items at the start', () => {
    expect([...recommendedIds(packages)]).toEqual(['carotid'])
  })
})

describe('slots by date', () => {
  const slot = (date: string, halfDay: Slot['halfDay'], placesLeft = 3): Slot => ({ id: `${date}-${halfDay}`, date, halfDay, capacity: 10, placesLeft })

  it('groups by date in order, the morning first', () => {
    const days = groupSlotsByDate([slot('2026-11-24', 'pm'), slot('2026-11-23', 'pm'), slot('2026-11-23', 'am', 0)])
    expect(days.map(d => [d.date, d.slots.map(s => s.halfDay)])).toEqual([['2026-11-23', ['am', 'pm']], ['2026-11-24', ['pm']]])
  })

  it('gives no days for no slots', () => {
    expect(groupSlotsByDate([])).toEqual([])
  })
})

describe('who may book and cancel', () => {
  it.each([
    ['the resident herself', 'self', [], true],
    ['a father for his child', 'household-parent', [], true],
    ['a son with book', 'proxy', ['view', 'book'], true],
    ['a friend with view only', 'proxy', ['view'], false],
  ] as const)('%s: %s', (_, relation, scopes, can) => {
    expect(canBookFor({ relation, scopes: [...scopes] })).toBe(can)
  })

  it('nobody books for a person the account does not act for', () => {
    expect(canBookFor(null)).toBe(false)
  })

  it('cancels an open booking until the day before', () => {
    expect(isCancellable({ status: 'open', cancellableUntil: '2026-11-23' }, '2026-11-23')).toBe(true)
    expect(isCancellable({ status: 'open', cancellableUntil: '2026-11-23' }, '2026-11-24')).toBe(false)
    expect(isCancellable({ status: 'cancelled', cancellableUntil: '2026-11-23' }, '2026-11-22')).toBe(false)
  })

  it('counts days in the county\'s time zone', () => {
    expect(shanghaiToday(new Date('2026-11-22T17:00:00Z'))).toBe('2026-11-23')
  })
})

describe('the items of a planned exam', () => {
  const t = (key: string) => `«${key}»`
  it('names every item Changji plans for a woman of 80: the catalogue\'s in the reader\'s language, the breast ultrasound in the pages\' words', () => {
    const names = changjiExamItems({ age: 80, sex: 'female', chronicManaged: false }).map(key => planItemName(key, 'zh-CN', t))
    expect(names).toContain('空腹血糖')
    expect(names).toContain('«bookings.sexUltrasound.breast-ultrasound»')
    expect(names.filter(name => /^[a-z-]+$/.test(name))).toEqual([])
    expect(planItemName('fasting-glucose', 'en', t)).toBe('Fasting glucose')
  })
})

describe('the optional items of a half-day', () => {
  it('are those it offers, or all when it names none; never the base package', () => {
    expect(offeredOptional(packages, { optionalPackageIds: null }).map(k => k.id)).toEqual(['carotid', 'thyroid'])
    expect(offeredOptional(packages, { optionalPackageIds: ['thyroid', 'base'] }).map(k => k.id)).toEqual(['thyroid'])
    expect(offeredOptional(packages, { optionalPackageIds: [] })).toEqual([])
  })
})
