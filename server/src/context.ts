import type { Clock } from './clock'
import type { Config } from './config'
import type { Db, Sqlite } from './db/client'
import type { SmsSender } from './features/auth/sms'
import type { SessionCache } from './plugins/session'

/** What every feature is built from; made once in buildApp. */
export interface AppContext {
  config: Config
  clock: Clock
  db: Db
  sqlite: Sqlite
  sms: SmsSender
  /** sessions read in the last few seconds; writes to sessions, accounts and consents forget them */
  sessionCache: SessionCache
}
