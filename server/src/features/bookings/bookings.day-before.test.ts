import { beforeAll, describe, expect, it } from 'vitest'
import { runRemindersJob } from '../../jobs/reminders.job'
import { ids } from '../../test/world'
import { book, boot, cancel, slotIds, t } from './bookings.fixture'
import { sendDayBeforeReminders } from './bookings.day-before'

beforeAll(boot)

const noticesOf = (kind: string) => t.sqlite.prepare(`
  select coalesce(a.phone, 'resident:' || n.resident_id) "to", json_extract(n.params, '$.name') name, json_extract(n.params, '$.halfDay') halfDay
  from notifications n left join accounts a on a.id = n.account_id where n.kind = ? order by 1, 2`).all(kind)

describe('the day-before reminder of a booked exam', () => {
  it('tells whoever booked, and the adult booked for, once; a child\'s goes to her parent alone', async () => {
    const forMother = await book(ids.mother, { slotId: slotIds.tomorrow, selfPaid: true }, 'son')
    const forChild = await book(ids.child, { slotId: slotIds.tomorrow, selfPaid: true }, 'son')
    const herOwn = await book(ids.stranger, { slotId: slotIds.tomorrow, selfPaid: true }, 'stranger')
    const cancelled = await book(ids.viewer, { slotId: slotIds.tomorrow, selfPaid: true }, 'viewer')
    expect((await cancel(ids.viewer, cancelled.json().id, 'viewer')).statusCode).toBe(200)
    const later = await book(ids.viewer, { slotId: slotIds.twoPlaces, selfPaid: true }, 'viewer')
    expect([forMother.statusCode, forChild.statusCode, herOwn.statusCode, later.statusCode]).toEqual([201, 201, 201, 201])

    expect(sendDayBeforeReminders(t.db, '2026-11-22', t.clock.now())).toBe(3)
    expect(noticesOf('booking-tomorrow')).toEqual([
      { to: '13800000002', name: '李小雨', halfDay: 'am' },
      { to: '13800000002', name: '王秀英', halfDay: 'am' },
      { to: `resident:${ids.mother}`, name: '王秀英', halfDay: 'am' },
      { to: `resident:${ids.stranger}`, name: '张伟', halfDay: 'am' },
    ])
    const params = JSON.parse((t.sqlite.prepare('select params from notifications where kind = \'booking-tomorrow\' and resident_id = ?').get(ids.mother) as { params: string }).params)
    expect(params).toMatchObject({ residentId: ids.mother, bookingId: forMother.json().id, date: '2026-11-23', institution: '枫桥镇卫生院' })

    // the daily job runs again (a restart): nobody is told twice
    expect(sendDayBeforeReminders(t.db, '2026-11-22', t.clock.now())).toBe(0)
    const job = await runRemindersJob(t.db, { on: '2026-11-22' })
    expect(job.bookingsReminded).toBe(0)
    expect(noticesOf('booking-tomorrow')).toHaveLength(4)

    // the day after, the booking two days ahead is next
    expect(sendDayBeforeReminders(t.db, '2026-11-24', t.clock.now())).toBe(1)
  })
})
