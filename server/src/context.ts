import type { Clock } from './clock'
import type { Config } from './config'
import type { Db, Sqlite } from './db/client'
import type { SmsSender } from './features/auth/sms'
import type { CareTeamCard } from './features/residents/residents.service'
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
  /** contracts' doctors and teams as records show them; a doctor's change of reply time forgets them */
  careTeamCache: ShortCache<CareTeamCard>
}
