import type { Clock } from './clock'
import type { Config } from './config'
import type { Db, Sqlite } from './db/client'
import type { SmsSender } from './features/auth/sms'

/** What every feature is built from; made once in buildApp. */
export interface AppContext {
  config: Config
  clock: Clock
  db: Db
  sqlite: Sqlite
  sms: SmsSender
}
