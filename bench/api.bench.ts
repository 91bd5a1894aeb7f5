import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { makeSessions, startTarget } from './sessions'

/**
 * `npm run bench:api`: GET /api/residents/:id for random residents, each with a valid session,
 * against a bare Fastify route doing one primary-key select with the raw driver, on the
 * county database of `npm run bench:seed`. 10 s, 50 connections, 127.0.0.1 only.
 * Goal (issue 3): ratio ≥ 0.5, p99 ≤ 50 ms. It also measures the record route's own reads done
 * bare (raw driver, no session, access check or schema), whose ratio is the most the route could
 * reach here. Then GET /api/residents/:id/observations?code= under the same load (issue 5:
 * p99 ≤ 20 ms).
 */
const { values } = parseArgs({
  options: {
    db: { type: 'string', default: '/tmp/kangban-county.db' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    sessions: { type: 'string', default: '2000' },
  },
})
const dbFile = values.db
const duration = Number(values.seconds)
const connections = Number(values.connections)
if (!existsSync(dbFile))
  throw new Error(`${dbFile} does not exist: run \`npm run bench:seed\` first (or pass --db)`)

interface Figures { rps: number, p50: number, p99: number, non2xx: number }

async function load(url: string, seconds: number, pathOf: (i: number) => string, cookieOf: (i: number) => string | undefined, count: number): Promise<Figures> {
  const result = await autocannon({
    url,
    duration: seconds,
    connections,
    requests: [{
      setupRequest: (request) => {
        const i = Math.floor(Math.random() * count)
        const cookie = cookieOf(i)
        return { ...request, path: pathOf(i), headers: { ...request.headers, ...(cookie ? { cookie } : {}) } }
      },
    }],
  })
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx }
}

const { users, population } = makeSessions(dbFile, Number(values.sessions))
console.log(`${population.toLocaleString('en')} residents in ${dbFile}; ${users.length} signed in; ${duration} s, ${connections} connections each`)

// each route on a server of its own, started fresh and warmed up: a figure must not depend on
// what ran before it in the same process
const scenarios = {
  bare: { target: 'bare', path: (i: number) => `/bare/${users[i]!.id}`, cookie: () => undefined },
  reads: { target: 'reads', path: (i: number) => `/bare/${users[i]!.id}`, cookie: () => undefined },
  app: { target: 'app', path: (i: number) => `/api/residents/${users[i]!.id}`, cookie: (i: number) => users[i]!.cookie },
  // issue 5: one exam item across the years, for the trend chart
  observations: { target: 'app', path: (i: number) => `/api/residents/${users[i]!.id}/observations?code=14771-0`, cookie: (i: number) => users[i]!.cookie },
} as const
const figures: Record<string, Figures> = {}
for (const [name, scenario] of Object.entries(scenarios)) {
  const target = await startTarget(scenario.target, dbFile)
  try {
    // a short warm-up lets V8 optimise the hot path before the measured run
    await load(target.url, 2, scenario.path, scenario.cookie, users.length)
    figures[name] = await load(target.url, duration, scenario.path, scenario.cookie, users.length)
  }
  finally {
    target.stop()
  }
}

const row = (name: string, f: Figures) => `${name.padEnd(36)} ${f.rps.toFixed(0).padStart(8)} req/s   p50 ${String(f.p50).padStart(3)} ms   p99 ${String(f.p99).padStart(3)} ms   non-2xx ${f.non2xx}`
console.log(row('bare Fastify, one PK select', figures.bare!))
console.log(row('bare Fastify, the record\'s five reads', figures.reads!))
console.log(row('GET /api/residents/:id (session)', figures.app!))
console.log(row('GET /api/residents/:id/observations', figures.observations!))
const ratio = figures.app!.rps / figures.bare!.rps
console.log(`ratio ${ratio.toFixed(2)} (goal ≥ 0.5); p99 ${figures.app!.p99} ms (goal ≤ 50 ms); observations p99 ${figures.observations!.p99} ms (goal ≤ 20 ms)`)
console.log(`the record's reads alone, bare: ratio ${(figures.reads!.rps / figures.bare!.rps).toFixed(2)}; the app reaches ${(figures.app!.rps / figures.reads!.rps).toFixed(2)} of that`)
process.exit(0)
