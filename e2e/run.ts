import { type ChildProcess, spawn } from 'node:child_process'
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * The e2e runner: a fresh SQLite file, the real server seeded with the demo county, the
 * Playwright suite against it, and the runner's exit code. `npm run test:e2e` builds the PWA first.
 */

const root = resolve(import.meta.dirname, '..')
const bin = (name: string) => join(root, 'node_modules', '.bin', name)
const HEALTH_TIMEOUT_MS = 180_000

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.unref()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => typeof address === 'object' && address !== null ? resolvePort(address.port) : reject(new Error('no port')))
    })
  })
}

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`the server exited with code ${server.exitCode} before it was healthy`)
    try {
      const response = await fetch(url)
      if (response.ok)
        return
    }
    catch {
      // not listening yet: seeding the demo county takes a few seconds
    }
    await new Promise(r => setTimeout(r, 250))
  }
  throw new Error(`no healthy answer from ${url} within ${HEALTH_TIMEOUT_MS / 1000} s`)
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve()
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000)
    // 'close', not 'exit': its output has been read to the end
    child.once('close', () => {
      clearTimeout(force)
      done()
    })
    child.kill('SIGTERM')
  })
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' })
    child.once('exit', code => done(code ?? 1))
  })
}

const dir = mkdtempSync(join(tmpdir(), 'kangban-e2e-'))
const logFile = join(dir, 'server.log')
const port = await freePort()
const baseURL = `http://127.0.0.1:${port}`

const server = spawn(bin('tsx'), ['server/src/start.ts'], {
  cwd: root,
  env: {
    ...process.env,
    KANGBAN_DB: join(dir, 'kangban-e2e.db'),
    KANGBAN_TODAY: '2026-11-22',
    KANGBAN_MODE: 'demo',
    KANGBAN_SEED_RESIDENTS: '300',
    KANGBAN_CHECK_RESPONSES: '1',
    HOST: '127.0.0.1',
    PORT: String(port),
  },
  stdio: ['ignore', 'pipe', 'pipe'],
})
const log = createWriteStream(logFile)
server.stdout?.pipe(log)
server.stderr?.pipe(log)

let code = 1
try {
  const started = Date.now()
  await waitForHealth(`${baseURL}/api/health`, server)
  console.log(`e2e: server healthy on ${baseURL} after ${((Date.now() - started) / 1000).toFixed(1)} s`)
  mkdirSync(join(root, 'test-results', 'screenshots'), { recursive: true })
  // any arguments go to Playwright: `tsx e2e/run.ts e2e/bookings.spec.ts` runs one spec
  code = await run(bin('playwright'), ['test', '-c', 'e2e/playwright.config.ts', ...process.argv.slice(2)], { ...process.env, KANGBAN_BASE_URL: baseURL, KANGBAN_DB: join(dir, 'kangban-e2e.db') })
}
catch (error) {
  console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`)
}
finally {
  await stop(server)
  // the server's last lines are in the file only once its pipes have drained into it
  await new Promise(done => log.end(done))
  // a page may live through a failed request; the run does not. With KANGBAN_CHECK_RESPONSES a
  // response that zod and the serializer disagree on is one of these
  const failed = readFileSync(logFile, 'utf8').split('\n').filter(line => /"statusCode":5\d\d/.test(line))
  if (code === 0 && failed.length > 0) {
    console.error(`e2e: the server answered ${failed.length} request(s) with a 5xx status`)
    code = 1
  }
  if (code !== 0)
    console.error(`e2e: server log (${logFile}):\n${readFileSync(logFile, 'utf8').split('\n').slice(-60).join('\n')}`)
  else
    rmSync(dir, { recursive: true, force: true })
}
process.exit(code)
