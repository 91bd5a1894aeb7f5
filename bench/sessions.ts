import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import Database from 'better-sqlite3'

/** What the benchmarks share: signed-in residents, and the server under test. */

/**
 * Signs in `count` random active residents by writing their accounts, consents and sessions
 * straight into the database: a benchmark measures the API, not the SMS sign-in.
 */
export function makeSessions(dbFile: string, count: number) {
  const sqlite = new Database(dbFile)
  const now = Date.now()
  const residents = sqlite.prepare('select id from residents where status = \'active\' order by random() limit ?').all(count) as { id: string }[]
  const upsertAccount = sqlite.prepare('insert into accounts (id, phone, resident_id, created_at) values (?, ?, ?, ?) on conflict(phone) do nothing')
  const consent = sqlite.prepare('insert or ignore into consents (id, account_id, kind, notice_version, given_at) values (?, ?, \'health-information\', \'2026-11\', ?)')
  const session = sqlite.prepare('insert into sessions (token_hash, account_id, created_at, last_seen_at, expires_at) values (?, ?, ?, ?, ?)')
  const users = sqlite.transaction(() => residents.map(({ id }) => {
    const accountId = `bench${id}`.slice(0, 16)
    upsertAccount.run(accountId, `bench-${id}`, id, now)
    consent.run(`c${accountId}`.slice(0, 16), accountId, now)
    const token = randomBytes(32).toString('base64url')
    session.run(createHash('sha256').update(token).digest('hex'), accountId, now, now, now + 12 * 3600_000)
    return { id, cookie: `kb_session=${token}` }
  }))()
  const { n } = sqlite.prepare('select count(*) as n from residents').get() as { n: number }
  sqlite.close()
  return { users, population: n }
}

/**
 * Starts a server of bench/api-target.ts in its own process, so the load generator does not
 * share its core: `app` is Kangban on `dbFile`, `bare` the one-select floor, `reads` the record
 * route's reads done bare.
 */
export async function startTarget(kind: 'app' | 'bare' | 'reads', dbFile: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/api-target.ts', kind, dbFile], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } })
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /listening (\S+)/.exec(chunk.toString())
      if (match)
        resolve(match[1]!)
    })
    child.once('exit', code => reject(new Error(`${kind} server exited with ${code}`)))
  })
  return { url, stop: () => child.kill('SIGTERM') }
}
