import Database from 'better-sqlite3'
import Fastify from 'fastify'
import { buildApp } from '../server/src/app'
import { loadConfig } from '../server/src/config'
import { openDb } from '../server/src/db/client'

/**
 * One server for bench/api.bench.ts, in its own process so the load generator does not share
 * its core: `app` is Kangban itself; `bare` is Fastify with one primary-key select on the raw
 * driver, the floor against which the app's overhead is measured; `reads` is bare Fastify doing
 * the five reads of what the record route answers (the resident, conditions, allergies, running
 * contract with its doctor, team and institution, team members) on the raw driver, in one read
 * transaction, with no session, access check, schema or cache.
 */
const [kind, dbFile] = process.argv.slice(2)
if ((kind !== 'app' && kind !== 'bare' && kind !== 'reads') || !dbFile)
  throw new Error('usage: tsx bench/api-target.ts app|bare|reads <db file>')
const today = process.env.KANGBAN_TODAY

function bare(file: string, reads: boolean) {
  const sqlite = new Database(file, { readonly: true })
  sqlite.pragma('cache_size = -262144')
  const byId = sqlite.prepare('select * from residents where id = ?')
  const conditions = sqlite.prepare('select id, code, name, diagnosed_on, managed, sensitive, private from conditions where resident_id = ?')
  const allergies = sqlite.prepare('select id, substance, reaction, recorded_on from allergies where resident_id = ?')
  const contract = sqlite.prepare(`select c.*, s.name as doctor_name, s.title, s.reply_time, t.name as team_name, i.id as institution_id, i.name as institution_name, i.phone
    from contracts c join staff s on s.id = c.doctor_id join care_teams t on t.id = c.team_id join institutions i on i.id = t.institution_id
    where c.resident_id = @id and c.starts_on <= @on and c.ends_on >= @on and (c.ended_on is null or c.ended_on > @on)`)
  const team = sqlite.prepare('select name, role, title from staff where team_id = ?')
  const on = today ?? new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  const record = sqlite.transaction((id: string) => {
    const resident = byId.get(id) as object | undefined
    if (resident === undefined)
      return undefined
    const running = contract.get({ id, on }) as { team_id: string } | undefined
    return { ...resident, conditions: conditions.all(id), allergies: allergies.all(id), contract: running && { ...running, members: team.all(running.team_id) } }
  })
  const app = Fastify()
  app.get<{ Params: { id: string } }>('/bare/:id', async (request, reply) => {
    const row = reads ? record(request.params.id) : byId.get(request.params.id)
    return row ?? reply.code(404).send({ error: 'not found' })
  })
  return app
}

const app = kind === 'app'
  ? await (async () => {
    const { db, sqlite } = openDb(dbFile)
    return buildApp({ config: loadConfig({ KANGBAN_MODE: 'demo', KANGBAN_DB: dbFile, ...(today === undefined ? {} : { KANGBAN_TODAY: today }) }), db, sqlite })
  })()
  : bare(dbFile, kind === 'reads')
const address = await app.listen({ port: 0, host: '127.0.0.1' })
console.log(`listening ${address}`)
