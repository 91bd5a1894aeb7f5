import type { AccessLogEntry } from '../../../../shared/schemas/access-log'
import { sectionName } from './section-name'

/** An access-log entry in words: "李建国（亲友）查看了体检结果". */
export function accessLogLine(entry: Pick<AccessLogEntry, 'actorName' | 'actorRole' | 'action' | 'what'>, t: (key: string, params?: Record<string, unknown>) => string): string {
  return t('accessLog.line', {
    actor: entry.actorName,
    role: t(`accessLog.role.${entry.actorRole}`),
    action: t(`accessLog.action.${entry.action}`),
    what: sectionName(entry.what, t),
  })
}
