import { buildApp } from './app'
import type { Config } from './config'
import { openDb } from './db/client'
import { scheduleRemindersJob } from './jobs/reminders.schedule'

/** Opens the database and listens; the first log line says the mode (demo.md). */
export async function serve(config: Config, afterOpen?: (db: ReturnType<typeof openDb>) => void) {
  console.log(`Kangban starting in ${config.mode} mode${config.mode === 'demo' ? ' (demo data, dev SMS outbox, demo API keys)' : ''}; database ${config.dbFile}`)
  const opened = openDb(config.dbFile)
  afterOpen?.(opened)
  const app = await buildApp({ config, db: opened.db, sqlite: opened.sqlite, logger: true, serveWeb: true })
  await app.listen({ port: config.port, host: config.host })
  const stopJobs = scheduleRemindersJob(config, { info: message => app.log.info(message), error: message => app.log.error(message) })
  const close = async () => {
    stopJobs()
    await app.close()
    opened.sqlite.close()
    process.exit(0)
  }
  process.once('SIGINT', close)
  process.once('SIGTERM', close)
  return app
}
