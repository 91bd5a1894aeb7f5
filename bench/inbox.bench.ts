import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { idNumberCheckChar } from '../shared/residents/id-number'
import { buildApp } from '../server/src/app'
import { loadConfig } from '../server/src/config'
import { openDb } from '../server/src/db/client'
import { buildWorld } from '../server/src/test/world'

/**
 * `npm run bench:inbox [-- --requests N]`: issue 8's figure, the doctor's consultation inbox
 * (GET /api/doctor/inbox, as his page asks for it) with 2,000 residents signed with his team and
 * 500 threads waiting for it, p50 and p99 over N requests through the whole app (session,
 * routing, query, serialization). Goal: p99 ≤ 30 ms. A fresh SQLite file in a temporary
 * directory, with the real migrations, removed afterwards: the county file is not touched.
 */
const { values } = parseArgs({ options: { requests: { type: 'string', default: '2000' } } })
const requests = Number(values.requests)
const SIGNED = 2_000
const WAITING = 500
const TEAM = 'teamchenaaaaaaaa'
/** An id as the API gives them (16 base32 characters): a prefix, then k in letters. */
const idOf = (prefix: string, k: number) => `${prefix}${String(k).replace(/\d/g, d => 'abcdefghij'[Number(d)]!)}`.padEnd(16, 'z')

const dir = mkdtempSync(join(tmpdir(), 'kangban-inbox-bench-'))
const { db, sqlite } = openDb(join(dir, 'inbox.db'))
try {
  buildWorld(db)
  const now = Date.now()
  sqlite.transaction(() => {
    const resident = sqlite.prepare(`insert into residents (id, name, sex, birth_date, id_number, hukou_region, residence_region, township, address, insurance, record_opened_on)
      values (?, ?, ?, ?, ?, '330681', '330681', '枫桥镇', '枫桥镇某村', 'resident', '2010-01-01')`)
    const contract = sqlite.prepare(`insert into contracts (id, resident_id, doctor_id, team_id, service_package, signed_on, starts_on, ends_on)
      values (?, ?, 'staffchenaaaaaaa', ?, '基础包', '2025-12-01', '2026-01-01', '2027-12-31')`)
    const thread = sqlite.prepare(`insert into consultation_threads (id, resident_id, team_id, doctor_id, topic, status, waiting_since, preview, created_by_account_id, created_at, last_message_at)
      values (?, ?, ?, 'staffchenaaaaaaa', ?, 'waiting', ?, ?, 'acctmotheraaaaaa', ?, ?)`)
    const message = sqlite.prepare(`insert into consultation_messages (id, thread_id, author_account_id, author_name, author_role, body, client_key, created_at)
      values (?, ?, 'acctmotheraaaaaa', '王秀英', 'self', ?, ?, ?)`)
    const topics = ['result', 'medicine', 'booking', 'other']
    for (let k = 0; k < SIGNED; k++) {
      const id = idOf('benchres', k)
      const birth = `19${40 + (k % 50)}-0${1 + (k % 9)}-1${k % 9}`
      const first17 = `330681${birth.replaceAll('-', '')}${String(k % 1000).padStart(3, '0')}`
      resident.run(id, `居民${k}`, k % 2 === 0 ? 'female' : 'male', birth, `${first17.slice(0, 14)}${String(k).padStart(4, '0').slice(-3)}${idNumberCheckChar(`${first17.slice(0, 14)}${String(k).padStart(4, '0').slice(-3)}`)}`)
      contract.run(idOf('benchcon', k), id, TEAM)
      // one in four has a question waiting, up to three days old; the rest were answered
      if (k % 4 === 0 && k / 4 < WAITING) {
        const at = now - (k * 7_919_993) % (3 * 86_400_000)
        const body = `第${k}个问题：最近血压有点高，药要不要调整？`
        thread.run(idOf('benchthr', k), id, TEAM, topics[k % 4], at, body.slice(0, 60), at, at)
        message.run(idOf('benchmsg', k), idOf('benchthr', k), body, `bench-key-${k}`, at)
      }
    }
  })()
  const waiting = (sqlite.prepare('select count(*) as n from consultation_threads where waiting_since is not null').get() as { n: number }).n
  const signed = (sqlite.prepare('select count(*) as n from contracts where team_id = ?').get(TEAM) as { n: number }).n

  const app = await buildApp({ config: loadConfig({ KANGBAN_MODE: 'demo', KANGBAN_DB: join(dir, 'inbox.db') }), db, sqlite })
  await app.inject({ method: 'POST', url: '/api/auth/otp', payload: { phone: '13900000001' } })
  const { code } = sqlite.prepare('select code from dev_outbox where phone = ? order by id desc limit 1').get('13900000001') as { code: string }
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: '13900000001', code } })
  const cookie = login.cookies.map(c => `${c.name}=${c.value}`).join('; ')
  await app.inject({ method: 'POST', url: '/api/me/consent', headers: { cookie, origin: 'http://localhost:80' }, payload: { noticeVersion: '2026-11' } })

  const first = await app.inject({ url: '/api/doctor/inbox', headers: { cookie } })
  const items = (first.json() as { items: { waitedMinutes: number }[] }).items
  if (first.statusCode !== 200 || items.length === 0)
    throw new Error(`the inbox answered ${first.statusCode}: ${first.body.slice(0, 200)}`)
  for (let i = 0; i < 200; i++)
    await app.inject({ url: '/api/doctor/inbox', headers: { cookie } })
  const times: number[] = []
  for (let i = 0; i < requests; i++) {
    const started = performance.now()
    await app.inject({ url: '/api/doctor/inbox', headers: { cookie } })
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2)
  await app.close()
  console.log([
    `doctor inbox, ${signed.toLocaleString('en')} signed residents, ${waiting} threads waiting; ${items.length} shown, oldest waited ${items[0]!.waitedMinutes} min`,
    `requests  ${requests}`,
    `p50       ${at(0.5)} ms`,
    `p99       ${at(0.99)} ms (goal ≤ 30 ms)`,
    `max       ${times.at(-1)!.toFixed(2)} ms`,
  ].join('\n'))
}
finally {
  sqlite.close()
  rmSync(dir, { recursive: true, force: true })
}
