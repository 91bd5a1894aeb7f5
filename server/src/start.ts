import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { shanghaiDateOf } from '../../shared/dates'
import { loadConfig } from './config'
import { webRoot } from './plugins/web'
import { seedDemoCounty } from './seed/seed'
import { serve } from './server'
import { webBuildIsStale } from './web-build'

/**
 * `npm start`: build the PWA if it is missing or older than its sources, migrate, seed the demo
 * county on first start (demo mode only), then serve the PWA and the API together.
 */
const config = loadConfig()
const root = resolve(import.meta.dirname, '../..')
if (webBuildIsStale(resolve(webRoot, 'index.html'), ['web', 'shared', 'vite.config.ts', 'package-lock.json'].map(path => resolve(root, path)))) {
  console.log('Building the web app…')
  const built = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit', cwd: root })
  if (built.status !== 0)
    process.exit(built.status ?? 1)
}
await serve(config, ({ sqlite }) => {
  const { n } = sqlite.prepare('select count(*) as n from residents').get() as { n: number }
  if (config.mode === 'demo' && n === 0) {
    const stats = seedDemoCounty(sqlite, {
      residents: config.seed.residents,
      seed: config.seed.seed,
      today: config.today ?? shanghaiDateOf(new Date()),
      log: line => console.log(line),
    })
    console.log(`Seeded the demo county: ${stats.residents} residents, ${stats.exams} exams in ${stats.seconds.toFixed(1)} s`)
  }
})
