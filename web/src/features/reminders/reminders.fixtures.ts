import type { ReminderItem } from '../../../../shared/schemas/reminders'

/** A test reminder: 王秀英's overdue flu shot as the API gives it; override what a case is about. */
export function fluReminder(over: Partial<ReminderItem> = {}): ReminderItem {
  return {
    id: 'flu-shot-2026-09-01',
    kind: 'flu-shot',
    ruleId: 'zhejiang-2022/flu',
    status: 'overdue',
    priority: 'normal',
    dueFrom: '2026-09-01',
    dueBy: '2026-10-31',
    free: true,
    reason: { key: 'flu-shot.eligible', params: { age: 70 } },
    action: 'vaccinate',
    missingFact: { key: 'flu-shot.shot-elsewhere', params: {} },
    subjectId: null,
    sensitive: false,
    ...over,
  }
}
