import * as fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { examSlots } from '../../db/schema'
import { ORIGIN, testApp } from '../../test/test-app'
import { buildReminderWorld } from '../../test/world-reminders'
import { buildBookingWorld, manyResidents, slotIds } from './bookings.fixture'

let t: Awaited<ReturnType<typeof testApp>>
let url: string
let racers: { id: string, cookie: string }[]

beforeAll(async () => {
  t = await testApp()
  buildReminderWorld(t.db)
  buildBookingWorld(t.db)
  racers = manyResidents(t.db, 60, Date.parse('2026-11-22T02:00:00Z'))
  url = await t.app.listen({ port: 0, host: '127.0.0.1' })
})
afterAll(() => t.app.close())

const held = (slotId: string) => t.sqlite.prepare('select booked, (select count(*) from bookings b where b.slot_id = s.id and b.status = \'open\') open from exam_slots s where id = ?').get(slotId) as { booked: number, open: number }

describe('the last place', () => {
  it('goes to exactly one of 50 residents asking at once over HTTP; the others are told SLOT_FULL', async () => {
    const responses = await Promise.all(racers.slice(0, 50).map(async (racer) => {
      const response = await fetch(`${url}/api/residents/${racer.id}/bookings`, {
        method: 'POST',
        headers: { 'cookie': racer.cookie, 'origin': ORIGIN.replace('localhost:80', url.slice(7)), 'content-type': 'application/json' },
        body: JSON.stringify({ slotId: slotIds.lastPlace }),
      })
      return { status: response.status, body: await response.json() as { error?: { code: string } } }
    }))
    expect(responses.filter(r => r.status === 201)).toHaveLength(1)
    const refused = responses.filter(r => r.status !== 201)
    expect(refused).toHaveLength(49)
    expect(new Set(refused.map(r => `${r.status} ${r.body.error?.code}`))).toEqual(new Set(['409 SLOT_FULL']))
    expect(held(slotIds.lastPlace)).toEqual({ booked: 1, open: 1 })
  })
})

describe('any interleaving of bookings and cancellations', () => {
  it('keeps booked ≤ capacity and booked = the open bookings, whatever the order', async () => {
    const bookers = racers.slice(50, 60)
    const slotId = 'slotpropertyaaaa'
    t.db.insert(examSlots).values({ id: slotId, institutionId: 'instfengqiaoaaaa', date: '2026-12-10', halfDay: 'pm', capacity: 3 }).run()
    const step = fc.record({ who: fc.integer({ min: 0, max: bookers.length - 1 }), cancel: fc.boolean() })
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
      for (const { who, cancel } of steps) {
        const racer = bookers[who]!
        const headers = { cookie: racer.cookie, origin: ORIGIN }
        const mine = t.sqlite.prepare('select id from bookings where resident_id = ? and status = \'open\'').get(racer.id) as { id: string } | undefined
        const response = cancel
          ? mine === undefined ? null : await t.app.inject({ method: 'DELETE', url: `/api/residents/${racer.id}/bookings/${mine.id}`, headers })
          : await t.app.inject({ method: 'POST', url: `/api/residents/${racer.id}/bookings`, headers, payload: { slotId } })
        // a cancellation of her open booking always works; a booking is made or refused with 409
        expect(response === null || (cancel ? [200] : [201, 409]).includes(response.statusCode)).toBe(true)
        const { booked, open } = held(slotId)
        expect(booked).toBeLessThanOrEqual(3)
        expect(booked).toBe(open)
      }
      // each run starts from an empty slot
      for (const racer of bookers) {
        const open = t.sqlite.prepare('select id from bookings where resident_id = ? and status = \'open\'').get(racer.id) as { id: string } | undefined
        if (open !== undefined)
          await t.app.inject({ method: 'DELETE', url: `/api/residents/${racer.id}/bookings/${open.id}`, headers: { cookie: racer.cookie, origin: ORIGIN } })
      }
    }), { numRuns: 60 })
    expect(held(slotId)).toEqual({ booked: 0, open: 0 })
  })
})
