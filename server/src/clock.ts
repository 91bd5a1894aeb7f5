/** The server's only source of time, so tests and the demo can pin the evaluation date. */
export interface Clock {
  /** epoch milliseconds */
  now: () => number
  /** the evaluation date, YYYY-MM-DD in Asia/Shanghai */
  today: () => string
}

// China has kept UTC+8 all year since 1991: a fixed offset is exact, and several times cheaper
// per request than Intl's time-zone formatting (shared/dates.ts shanghaiDateOf gives the same day).
export const SHANGHAI_OFFSET_MS = 8 * 3600_000

/** The Asia/Shanghai calendar date at epoch milliseconds `ms`. */
export function shanghaiDayAt(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

export function systemClock(pinnedToday: string | null): Clock {
  return {
    now: () => Date.now(),
    today: () => pinnedToday ?? shanghaiDayAt(Date.now()),
  }
}
