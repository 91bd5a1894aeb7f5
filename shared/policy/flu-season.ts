/**
 * The flu season of a date (seed 000 §二(二)): 1 September to 31 August. Its first day, the
 * earliest shot that counts for that season.
 */
export function fluSeasonStart(on: string): string {
  const year = Number(on.slice(0, 4))
  return `${String(Number(on.slice(5, 7)) >= 9 ? year : year - 1).padStart(4, '0')}-09-01`
}
