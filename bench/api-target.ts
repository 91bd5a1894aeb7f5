import Database from 'better-sqlite3'
import Fastify from 'fastify'
import { buildApp } from '../server/src/app'
import { loadConfig } from '../server/src/config'
import { openDb } from '../server/src/db/client'

/**
 * One server for bench/api.bench.ts, in its own process so the load generator does not share
 * its core: `app` is Kangban itself, `bare` is Fastify with one primary-key select on the raw
 * driver — the floor against which the app's overhead is measured.
 */
const [kind, dbFile] = process.argv.slice(2)
if ((kind !== 'app' && kind !== 'bare') || !dbFile)
  throw new Error('usage: tsx bench/api-target.ts app|bare <db file>')

async function bare(file: string) {
  const sqlite = new Database(file, { readonly: true })
  const byId = sqlite.prepare('select * from residents where id = ?')
  const app = Fastify()
  app.get<{ Params: { id: string } }>('/bare/:id', async (request, reply) => {
    const row = byId.get(request.params.id)
    return row ?? reply.code(404).send({ error: 'not found' })
  })
  return app
}

const app = kind === 'bare'
  ? await bare(dbFile)
  : await (async () => {
    const { db, sqlite } = openDb(dbFile)
    const today = process.env.KANGBAN_TODAY
    return buildApp({ config: loadConfig({ KANGBAN_MODE: 'demo', KANGBAN_DB: dbFile, ...(today === undefined ? {} : { KANGBAN_TODAY: today }) }), db, sqlite })
  })()
const address = await app.listen({ port: 0, host: '127.0.0.1' })
console.log(`listening ${address}`)
