import { dateOf } from './calendar'
import type { CareNetwork } from './care'
import { Domain, Rng } from './random'
import type { Tables } from './tables'

/**
 * What the township health centres offer for booking (issue 6; demo.md: slots for the next 60
 * days): the base package at the 90-yuan standard the government pays (seed 001), the optional
 * items commonly added in Zhejiang with their co-paid shares, and morning and afternoon slots on
 * weekdays. Prices in fen.
 */
const optionalItems = [
  { zh: '颈动脉彩超', en: 'Carotid ultrasound', price: 12000, subsidy: 3000, recommended: true },
  { zh: '甲状腺彩超', en: 'Thyroid ultrasound', price: 8000, subsidy: 0, recommended: false },
  { zh: '肿瘤标志物（四项）', en: 'Tumour markers (four)', price: 15000, subsidy: 5000, recommended: false },
  { zh: '骨密度', en: 'Bone density', price: 6000, subsidy: 2000, recommended: false },
] as const

export const SLOT_DAYS = 60

export function writeBookingOffers(tables: Tables, seed: number, care: CareNetwork, anchorDay: number) {
  care.centres.forEach(({ institutionId }, t) => {
    // the name says what it is, not its price: it is free only to whoever is due a free exam on the day
    const rng = new Rng(seed, Domain.BOOKINGS, t)
    tables.examPackages.add([rng.id(), institutionId, 'base', '基础体检套餐', 'Basic health exam', 9000, 9000, 0])
    for (const item of optionalItems)
      tables.examPackages.add([rng.id(), institutionId, 'optional', item.zh, item.en, item.price, item.subsidy, item.recommended ? 1 : 0])
    for (let day = anchorDay + 1; day <= anchorDay + SLOT_DAYS; day++) {
      // 1970-01-01 was a Thursday: day % 7 of 2 and 3 are Saturday and Sunday
      const weekday = (day % 7 + 7) % 7
      if (weekday === 2 || weekday === 3)
        continue
      tables.examSlots.add([rng.id(), institutionId, dateOf(day), 'am', rng.between(30, 50)])
      tables.examSlots.add([rng.id(), institutionId, dateOf(day), 'pm', rng.between(10, 20)])
    }
  })
}
