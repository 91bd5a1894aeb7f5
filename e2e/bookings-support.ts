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

export interface GeneratedResident extends BookingResident { id: string, idNumber: string }

/**
 * Generated residents of 65 or more (a yearly free exam, seed 000 §二(一)) with resident
 * insurance and no exam this year, from the end of the 137… numbers, where the import spec
 * (which takes the first ones without a family doctor) does not reach. The choice reads only
 * what the seed wrote, never what other specs change as they run (accounts, bookings), so each
 * spec's `offset` names the same people whenever it runs: bookings.spec takes 0,
 * proxies.spec 2, booking-desk.spec 10 to 13.
 */
export function residentsDueAnExam(count: number, offset = 0): GeneratedResident[] {
  const db = openDb(true)
  try {
    const rows = db.prepare(`
      select r.id, r.name, r.phone, r.id_number idNumber from residents r
      where r.phone like '137%' and r.status = 'active' and r.insurance = 'resident' and r.birth_date <= '1961-11-22'
        and not exists (select 1 from exams e where e.resident_id = r.id and e.date >= '2026-01-01')
      order by r.phone desc limit ? offset ?`).all(count, offset) as GeneratedResident[]
    if (rows.length < count)
      throw new Error(`fewer than ${offset + count} generated residents of 65 or more are due an exam: seed more residents`)
    return rows
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

/**
 * Lets `granteePhone` view (only) the resident's record, as an accepted grant of hers would: the
 * booking spec's view-only person, without going through the grant pages proxies.spec covers.
 */
export function grantViewOnly(residentId: string, granteePhone: string, today: string): void {
  const db = openDb(false)
  try {
    const at = Date.parse(`${today}T09:00:00+08:00`)
    db.prepare(`insert into proxy_grants (id, resident_id, grantee_phone, grantee_account_id, relationship, scopes, status, created_at, accepted_at, confirmed_on)
      values (?, ?, ?, (select id from accounts where phone = ?), 'child', 'view', 'accepted', ?, ?, ?)`).run(`e2eviewonly${residentId.slice(0, 5)}`, residentId, granteePhone, granteePhone, at, at, today)
  }
  finally {
    db.close()
  }
}
