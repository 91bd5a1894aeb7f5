import type { Clock } from './clock'
import type { Config } from './config'
import type { Db, Sqlite } from './db/client'
import type { SmsSender } from './features/auth/sms'
import type { ResidentFacts } from './plugins/access'
import type { SessionCache } from './plugins/session'
import type { ShortCache } from './short-cache'

/** What every feature is built from; made once in buildApp. */
export interface AppContext {
  config: Config
  clock: Clock
  db: Db
  sqlite: Sqlite
  sms: SmsSender
  /** sessions read in the last few seconds; writes to sessions, accounts and consents forget them */
  sessionCache: SessionCache
  /** record headers the access gate read in the last few seconds; a write to residents forgets them */
  residentFactsCache: ShortCache<ResidentFacts>
}
