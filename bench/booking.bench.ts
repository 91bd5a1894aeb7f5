import { randomBytes, randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import { base32Id } from '../shared/ids'
import { openDb } from '../server/src/db/client'
import { makeSessions, startTarget } from './sessions'

/**
 * `npm run bench:booking`: POST /api/residents/:id/bookings from 50 concurrent clients for 10 s
 * on the county database of `npm run bench:seed`, each request a random signed-in resident and a
 * random half-day of a few the bench publishes: most have room, some five places, fought over.
 * A 2 s warm-up comes first and is not measured.
 * Prints bookings/s and the p99, then checks by a query that no half-day holds more bookings
 * than places and that each one's count equals its bookings. The bench's rows are deleted after.
 * Goal (issue 6): p99 ≤ 100 ms, zero overbooking.
 */
const { values } = parseArgs({
  options: {
    db: { type: 'string', default: '/tmp/kangban-county.db' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    residents: { type: 'string', default: '20000' },
  },
})
const dbFile = values.db
if (!existsSync(dbFile))
  throw new Error(`${dbFile} does not exist: run \`npm run bench:seed\` first (or pass --db)`)
const today = '2026-11-22'

// the server's migrations first: the half-days go into its tables
openDb(dbFile).sqlite.close()
const { users, population } = makeSessions(dbFile, Number(values.residents))
const sqlite = new Database(dbFile)
const institutions = (sqlite.prepare('select id from institutions where kind = \'township-health-centre\' order by id limit 5').all() as { id: string }[]).map(r => r.id)
const slotIds: string[] = []
const insertSlot = sqlite.prepare('insert into exam_slots (id, institution_id, date, half_day, capacity) values (?, ?, ?, ?, ?)')
// a county seeded before booking existed offers no package: the bench gives each its base one
const basePackage = sqlite.prepare('insert into exam_packages (id, institution_id, kind, name_zh, name_en, price_fen, subsidy_fen) select ?, ?, \'base\', \'基础体检套餐（基准测试）\', \'Basic health exam (bench)\', 9000, 9000 where not exists (select 1 from exam_packages where institution_id = ? and kind = \'base\')')
const packageIds: string[] = []
// far enough ahead that no seeded half-day is taken; five tiny ones are fought over
sqlite.transaction(() => {
  institutions.forEach((institutionId, i) => {
    const packageId = base32Id(randomBytes(10))
    if (basePackage.run(packageId, institutionId, institutionId).changes === 1)
      packageIds.push(packageId)
    for (let d = 0; d < 6; d++) {
      const id = base32Id(randomBytes(10))
      insertSlot.run(id, institutionId, `2029-0${1 + i}-1${d}`, 'am', d === 0 ? 5 : 2000)
      slotIds.push(id)
    }
  })
})()
sqlite.close()
console.log(`${population.toLocaleString('en')} residents in ${dbFile}; ${users.length.toLocaleString('en')} signed in; ${slotIds.length} half-days; ${values.seconds} s, ${values.connections} connections`)

const server = await startTarget('app', dbFile, { KANGBAN_TODAY: today })
const statuses = new Map<string, number>()
/** Books from `connections` clients for `seconds`; the answers are counted into `tally`. */
const load = (seconds: number, tally: Map<string, number>) => autocannon({
  url: server.url,
  duration: seconds,
  connections: Number(values.connections),
  requests: [{
    method: 'POST',
    setupRequest: (request) => {
      const user = users[Math.floor(Math.random() * users.length)]!
      const slotId = slotIds[Math.floor(Math.random() * slotIds.length)]!
      return {
        ...request,
        path: `/api/residents/${user.id}/bookings`,
        headers: { 'cookie': user.cookie, 'origin': server.url, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        // not every resident is due a free exam on that day: those book it self-paid, as the screen offers
        body: JSON.stringify({ slotId, selfPaid: true }),
      }
    },
    onResponse: (status, body) => {
      const error = status === 201 ? null : (JSON.parse(body) as { error?: { code?: string, field?: string } }).error
      const code = error === null ? '201' : `${status} ${error?.code ?? ''} ${error?.field ?? ''}`.trim()
      tally.set(code, (tally.get(code) ?? 0) + 1)
    },
  }],
})
let result: autocannon.Result
try {
  // a short warm-up first, as bench:api does: V8 optimises the hot path before the measured run
  await load(2, new Map())
  result = await load(Number(values.seconds), statuses)
}
finally {
  server.stop()
}

const check = new Database(dbFile)
const inList = slotIds.map(() => '?').join(', ')
const wrong = check.prepare(`select count(*) n from exam_slots s where s.id in (${inList}) and (s.booked > s.capacity or s.booked <> (select count(*) from bookings b where b.slot_id = s.id and b.status in ('open', 'checked-in')))`).get(...slotIds) as { n: number }
const full = check.prepare(`select count(*) n from exam_slots where id in (${inList}) and booked = capacity`).get(...slotIds) as { n: number }
const made = check.prepare(`select count(*) n from bookings where slot_id in (${inList})`).get(...slotIds) as { n: number }
check.transaction(() => {
  check.prepare(`delete from booking_requests where booking_id in (select id from bookings where slot_id in (${inList}))`).run(...slotIds)
  check.prepare(`delete from bookings where slot_id in (${inList})`).run(...slotIds)
  check.prepare(`delete from exam_slots where id in (${inList})`).run(...slotIds)
  for (const id of packageIds)
    check.prepare('delete from exam_packages where id = ?').run(id)
})()
check.close()

const seconds = Number(values.seconds)
console.log(`requests: ${[...statuses].sort().map(([code, n]) => `${code} × ${n.toLocaleString('en')}`).join(', ')}`)
console.log(`${((statuses.get('201') ?? 0) / seconds).toFixed(0)} bookings/s (${result.requests.average.toFixed(0)} requests/s); p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms (goal ≤ 100 ms)`)
console.log(`half-days overbooked or miscounted: ${wrong.n} of ${slotIds.length} (goal 0); ${full.n} filled to the last place; ${made.n.toLocaleString('en')} bookings made in all, the warm-up's included`)
process.exit(0)
