import { shanghaiDateOf } from '../../shared/dates'

/** The server's only source of time, so tests and the demo can pin the evaluation date. */
export interface Clock {
  /** epoch milliseconds */
  now: () => number
  /** the evaluation date, YYYY-MM-DD in Asia/Shanghai */
  today: () => string
}

export function systemClock(pinnedToday: string | null): Clock {
  return {
    now: () => Date.now(),
    today: () => pinnedToday ?? shanghaiDateOf(new Date()),
  }
}
