import { describe, expect, it } from 'vitest'
import { webcalUrl } from './calendar-feed'

describe('webcalUrl', () => {
  it('turns the https feed into a webcal link a phone calendar subscribes to', () => {
    expect(webcalUrl('https://kangban.example/api/calendar/abc.ics')).toBe('webcal://kangban.example/api/calendar/abc.ics')
  })

  it('turns a plain http feed (a local demo) into webcal too', () => {
    expect(webcalUrl('http://127.0.0.1:3000/api/calendar/abc.ics')).toBe('webcal://127.0.0.1:3000/api/calendar/abc.ics')
  })

  it('leaves the token, the only secret, untouched', () => {
    expect(webcalUrl('HTTPS://h/api/calendar/Ab_-9.ics')).toBe('webcal://h/api/calendar/Ab_-9.ics')
  })
})
