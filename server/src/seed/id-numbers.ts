import { idNumberCheckChar } from '../../../shared/residents/id-number'

/**
 * 居民身份证号 (GB 11643): region, birth date, a 3-digit sequence whose last digit is odd for
 * men, and the check character. Sequences are handed out per region, birth date and sex, so
 * numbers never repeat; the order within the 500 available is scrambled so they look issued,
 * not counted.
 */
export class IdNumbers {
  private readonly issued = new Map<string, number>()
  private readonly reserved = new Set<string>()

  /** Keeps a fixed persona's number from being issued again. */
  reserve(idNumber: string): void {
    this.reserved.add(idNumber)
  }

  issue(region: string, birthDate: string, sex: 'male' | 'female'): string {
    const born = birthDate.replaceAll('-', '')
    const key = region + born + sex
    const scramble = Number(born) % 500
    for (let n = this.issued.get(key) ?? 0; n < 500; n++) {
      const sequence = ((n * 137 + scramble) % 500) * 2 + (sex === 'male' ? 1 : 0)
      const first17 = region + born + String(sequence).padStart(3, '0')
      const idNumber = first17 + idNumberCheckChar(first17)
      if (this.reserved.has(idNumber))
        continue
      this.issued.set(key, n + 1)
      return idNumber
    }
    throw new Error(`more than 500 ${sex} residents born on ${birthDate} in region ${region}: GB 11643 has no sequence left`)
  }
}
