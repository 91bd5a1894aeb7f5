import ICAL from 'ical.js'
import { addDays } from '../../../../shared/dates'
import type { ReminderKind } from '../../../../shared/policy'
import { renderReason } from '../../../../shared/policy'
import type { ReminderItem } from '../../../../shared/schemas/reminders'

/** What each reminder is called in a calendar, in the plain words of the app (zh-CN). */
const titles: Record<ReminderKind, string> = {
  'health-exam': '免费健康体检',
  'flu-shot': '免费接种流感疫苗',
  'crc-screening': '免费肠癌筛查',
  'colonoscopy': '肠镜检查（请联系家庭医生）',
  'copd-questionnaire': '慢阻肺筛查问卷',
  'spirometry': '免费肺功能检查',
  'chronic-followup': '家庭医生随访',
  'abnormal-result-review': '体检结果有异常，请联系家庭医生',
  'critical-result': '体检结果需要尽快处理，请马上联系家庭医生',
  'booked-exam': '预约的体检',
}

const zhDate = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })

function formatDate(date: string): string {
  return zhDate.format(new Date(`${date}T00:00:00Z`))
}

/** The first day a calendar shows an open reminder: its `dueFrom`, or today once that has passed. */
export function eventDay(reminder: ReminderItem, today: string): string {
  return reminder.status === 'upcoming' || reminder.dueFrom > today ? reminder.dueFrom : today
}

/**
 * An RFC 5545 calendar of the open reminders (`due`, `overdue`, `upcoming`), one all-day event
 * each. ical.js writes the lines: it escapes text values and folds lines at 75 octets of UTF-8,
 * which matters for Chinese text (three octets a character).
 *
 * @param uidSuffix appended to each reminder id to make the UID world-unique (`<resident id>@kangban`)
 */
export function remindersCalendar(reminders: readonly ReminderItem[], options: { today: string, now: number, uidSuffix: string }): string {
  const calendar = new ICAL.Component(['vcalendar', [], []])
  calendar.addPropertyWithValue('prodid', '-//Kangban//康伴提醒//ZH-CN')
  calendar.addPropertyWithValue('version', '2.0')
  calendar.addPropertyWithValue('calscale', 'GREGORIAN')
  calendar.addPropertyWithValue('method', 'PUBLISH')
  calendar.addPropertyWithValue('x-wr-calname', '康伴提醒')
  calendar.addPropertyWithValue('x-wr-timezone', 'Asia/Shanghai')
  const stamp = ICAL.Time.fromJSDate(new Date(options.now), true)

  for (const reminder of reminders) {
    if (reminder.status === 'done')
      continue
    const day = eventDay(reminder, options.today)
    const lines = [renderReason(reminder.reason, 'zh-CN')]
    if (reminder.dueBy !== null)
      lines.push(`请在${formatDate(reminder.dueBy)}前完成。`)
    if (reminder.free)
      lines.push('免费。')
    if (reminder.missingFact !== undefined)
      lines.push(renderReason(reminder.missingFact, 'zh-CN'))
    const event = new ICAL.Component('vevent')
    event.addPropertyWithValue('uid', `${reminder.id}.${options.uidSuffix}`)
    event.addPropertyWithValue('dtstamp', stamp.clone())
    event.addPropertyWithValue('dtstart', ICAL.Time.fromDateString(day))
    event.addPropertyWithValue('dtend', ICAL.Time.fromDateString(addDays(day, 1)))
    event.addPropertyWithValue('summary', reminder.status === 'overdue' ? `已过期：${titles[reminder.kind]}` : titles[reminder.kind])
    event.addPropertyWithValue('description', lines.join('\n'))
    // an all-day reminder, not an appointment: it must not mark the day busy
    event.addPropertyWithValue('transp', 'TRANSPARENT')
    calendar.addSubcomponent(event)
  }
  return `${calendar.toString()}\r\n`
}
