import type { HealthCentre, Team } from './care'
import type { HealthProfile } from './health'

/** A resident as the history writers see them. */
export interface Person {
  id: string
  profile: HealthProfile
  /** 周岁 on the anchor date */
  age: number
  zhejiangHukou: boolean
  /** 居民医保: only the insured are in the free-exam programme (policy-rules.md) */
  insured: boolean
  centre: HealthCentre
  /** the centre's team that looks after the resident, signed or not */
  team: Team
  /** the centre's AFP kit prints its own 0–20 ng/mL range */
  wideAfp: boolean
  /** the last day the resident was here: the day before the anchor, or the day they died or moved away */
  lastDay: number
  active: boolean
  recordOpenedDay: number
}
