import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { examItems } from '../shared/clinical/exam-items'
import { fhirBundle } from '../server/src/features/import/import.samples'
import type { FixtureExam, FixtureItem } from '../server/src/features/import/import.samples'
import { startTarget } from './sessions'

/**
 * `npm run bench:import`: FHIR bundles of 40-item exams posted to POST /api/import/exams on the
 * county database of `npm run bench:seed`, then, in the same run, the same rows inserted with
 * the raw better-sqlite3 driver (a savepoint per exam, a commit per 50, as the import writes them). Prints
 * exams/s and observations/s for both, and their ratio. The bench's rows are deleted after.
 * Goal (issue 5): ≥ 1,000 exams/s, ratio ≥ 0.3.
 */
const { values } = parseArgs({
  options: {
    db: { type: 'string', default: '/tmp/kangban-county.db' },
    exams: { type: 'string', default: '20000' },
    batch: { type: 'string', default: '100' },
  },
})
const dbFile = values.db
const total = Number(values.exams)
const batchSize = Number(values.batch)
if (!existsSync(dbFile))
  throw new Error(`${dbFile} does not exist: run \`npm run bench:seed\` first (or pass --db)`)
const run = randomBytes(4).toString('hex')
const today = '2026-11-22'

/** Every item of the catalogue, at a value inside its range: what a routine exam looks like. */
const items: FixtureItem[] = examItems.map((item) => {
  if (item.kind === 'text')
    return { code: item.code, text: item.normalTexts?.[0] ?? '-' }
  const range = item.ranges.find(r => r.sex === undefined || r.sex === 'female')
  const low = range?.low ?? (range?.high ?? 100) / 2
  const high = range?.high ?? low * 1.5
  return { code: item.code, value: Number(((low + high) / 2).toFixed(item.decimals)), ...(item.unit === null ? {} : { unit: item.unit }) }
})

const sqlite = new Database(dbFile)
sqlite.pragma('journal_mode = WAL')
const people = sqlite.prepare('select id_number idNumber, name, birth_date birthDate from residents where status = \'active\' and sex = \'female\' and birth_date < \'2000-01-01\' order by random() limit ?').all(total) as Pick<FixtureExam, 'idNumber' | 'name' | 'birthDate'>[]
const population = (sqlite.prepare('select count(*) n from residents').get() as { n: number }).n
const exams: FixtureExam[] = people.map((p, i) => ({ ...p, externalId: `BENCH-${run}-${i}`, date: `2026-11-${String(1 + (i % 20)).padStart(2, '0')}`, items }))
console.log(`${population.toLocaleString('en')} residents in ${dbFile}; ${exams.length.toLocaleString('en')} exams of ${items.length} items, ${batchSize} to a bundle`)
const bodies: string[] = []
for (let i = 0; i < exams.length; i += batchSize)
  bodies.push(JSON.stringify(fhirBundle(exams.slice(i, i + batchSize))))
console.log(`bundles: ${bodies.length}, ${(bodies.reduce((n, b) => n + b.length, 0) / bodies.length / 1024).toFixed(0)} KB each`)

const post = async (url: string, body: string) => {
  const response = await fetch(`${url}/api/import/exams`, { method: 'POST', headers: { 'authorization': 'Bearer kb_demo_fengqiao', 'content-type': 'application/fhir+json' }, body })
  const report = await response.json() as { totals?: Record<string, number>, error?: unknown }
  if (response.status !== 200 || report.totals?.created !== JSON.parse(body).entry.filter((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'DiagnosticReport').length)
    throw new Error(`import answered ${response.status}: ${JSON.stringify(report).slice(0, 500)}`)
}

const server = await startTarget('app', dbFile, { KANGBAN_TODAY: today })
let appSeconds: number
try {
  // warm-up on a copy of the first bundle under other ids: V8 optimises the path, medplum reads its definitions
  await post(server.url, bodies[0]!.replaceAll(`BENCH-${run}-`, `BENCH-${run}-warm-`))
  const started = performance.now()
  // two bundles in flight: the server parses one while the other's reply travels
  let next = 0
  await Promise.all([0, 1].map(async () => {
    while (next < bodies.length)
      await post(server.url, bodies[next++]!)
  }))
  appSeconds = (performance.now() - started) / 1000
}
finally {
  server.stop()
}

// the raw driver: the same exam and item rows, no checks at all
const fengqiao = (sqlite.prepare('select id from institutions where name = \'枫桥镇卫生院\'').get() as { id: string }).id
const residentIds = sqlite.prepare('select id from residents where id_number = ?')
const rawExams = exams.map(e => ({ ...e, residentId: (residentIds.get(e.idNumber) as { id: string }).id, externalId: `RAW-${e.externalId}` }))
const insertExam = sqlite.prepare('insert into exams (id, resident_id, institution_id, external_id, date, status, worst, version, content_hash) values (?, ?, ?, ?, ?, \'pending-review\', \'normal\', 1, ?)')
const insertItem = sqlite.prepare('insert into exam_items (exam_id, code, value, value_text, flag, unit, ref_low, ref_high) values (?, ?, ?, ?, \'normal\', null, null, null)')
const writeRaw = sqlite.transaction((exam: (typeof rawExams)[number]) => {
  const id = randomBytes(6).readUIntBE(0, 6)
  insertExam.run(id, exam.residentId, fengqiao, exam.externalId, exam.date, 'x')
  for (const item of exam.items)
    insertItem.run(id, item.code, item.value ?? null, item.text ?? null)
})
// the import's transaction shape: a savepoint per exam, a commit per 50 exams
const writeRawGroup = sqlite.transaction((group: typeof rawExams) => group.forEach(exam => writeRaw(exam)))
const rawStarted = performance.now()
for (let i = 0; i < rawExams.length; i += 50)
  writeRawGroup(rawExams.slice(i, i + 50))
const rawSeconds = (performance.now() - rawStarted) / 1000

const removed = sqlite.transaction(() => {
  const ids = `select id from exams where external_id like 'BENCH-${run}-%' or external_id like 'RAW-BENCH-${run}-%'`
  sqlite.prepare(`delete from exam_items where exam_id in (${ids})`).run()
  sqlite.prepare(`delete from exam_corrections where exam_id in (${ids})`).run()
  return sqlite.prepare(`delete from exams where id in (${ids})`).run().changes
})()
sqlite.close()

const observations = items.length
const row = (name: string, seconds: number) => `${name.padEnd(44)} ${(exams.length / seconds).toFixed(0).padStart(6)} exams/s ${(exams.length * observations / seconds).toFixed(0).padStart(8)} observations/s  (${seconds.toFixed(1)} s)`
console.log(row('POST /api/import/exams (FHIR, HTTP)', appSeconds))
console.log(row('raw better-sqlite3 inserts, same rows', rawSeconds))
console.log(`ratio ${(rawSeconds / appSeconds).toFixed(2)} (goal ≥ 0.3); ${(exams.length / appSeconds).toFixed(0)} exams/s (goal ≥ 1,000); ${removed.toLocaleString('en')} bench exams removed`)
process.exit(0)
