import Database from 'better-sqlite3'

/**
 * What the booking spec needs of the suite's database: a generated resident no other spec signs
 * in as, due her free health exam, and the one step no route takes: letting the day of her
 * exam come.
 */

function openDb(readonly: boolean): Database.Database {
  const file = process.env.KANGBAN_DB
  if (!file)
    throw new Error('KANGBAN_DB is not set: run the e2e suite with `npm run test:e2e`')
  const db = new Database(file, { readonly })
  db.pragma('busy_timeout = 5000')
  return db
}

export interface BookingResident { name: string, phone: string }

/**
 * A generated resident of 65 or more (a yearly free exam, seed 000 §二(一)) with resident
 * insurance and no exam this year. Taken from the end of the 137… numbers, where the import
 * spec, which takes the first ones without a family doctor, does not reach.
 */
export function residentDueAnExam(): BookingResident {
  const db = openDb(true)
  try {
    const row = db.prepare(`
      select r.name, r.phone from residents r
      where r.phone like '137%' and r.status = 'active' and r.insurance = 'resident' and r.birth_date <= '1961-11-22'
        and not exists (select 1 from accounts a where a.phone = r.phone)
        and not exists (select 1 from exams e where e.resident_id = r.id and e.date >= '2026-01-01')
        and not exists (select 1 from bookings b where b.resident_id = r.id)
      order by r.phone desc limit 1`).get() as BookingResident | undefined
    if (row === undefined)
      throw new Error('no generated resident of 65 or more is due an exam: seed more residents')
    return row
  }
  finally {
    db.close()
  }
}

/**
 * Moves the booking's half-day to `today`, as the days passing would: slots open from tomorrow,
 * and the desk checks in only today's bookings. The demo seed publishes weekdays only, so a
 * Sunday (2026-11-22) holds no half-day of its own to clash with.
 */
export function letTheExamDayCome(checkInCode: string, today: string): void {
  const db = openDb(false)
  try {
    const moved = db.prepare('update exam_slots set date = ? where id = (select slot_id from bookings where check_in_code = ?)').run(today, checkInCode)
    if (moved.changes !== 1)
      throw new Error(`no booking with the code ${checkInCode}`)
  }
  finally {
    db.close()
  }
}
