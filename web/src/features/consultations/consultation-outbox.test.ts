import { describe, expect, it } from 'vitest'
import { ApiError, ClientErrorCode } from '../../api/client'
import type { OutboxEntry } from './consultations.api'
import type { OutboxStorage } from './consultation-outbox'
import { createOutbox, newOutboxKey } from './consultation-outbox'

function memory(): OutboxStorage & { rows: Map<string, OutboxEntry> } {
  const rows = new Map<string, OutboxEntry>()
  return {
    rows,
    all: async () => [...rows.values()],
    put: async (entry) => {
      rows.set(entry.key, entry)
    },
    delete: async (key) => {
      rows.delete(key)
    },
  }
}

const entry = (key: string, createdAt: string, extra: Partial<OutboxEntry> = {}): OutboxEntry =>
  ({ key, accountId: 'acct-son', residentId: 'mother', consultationId: 'thread', topic: 'other', body: `message ${key}`, createdAt, failed: null, ...extra })

describe('the consultation outbox', () => {
  it('sends what waits oldest first and keeps nothing once the server has it', async () => {
    const storage = memory()
    const sent: string[] = []
    const outbox = createOutbox(storage, async (e) => {
      sent.push(e.key)
    })
    await outbox.add(entry('b', '2026-11-22T08:01:00Z'))
    await outbox.add(entry('a', '2026-11-22T08:00:00Z'))
    expect(await outbox.flush('acct-son')).toBe(2)
    expect(sent).toEqual(['a', 'b'])
    expect(storage.rows.size).toBe(0)
  })

  it('offline, everything stays, in order, and goes when the network returns — each once', async () => {
    const storage = memory()
    let online = false
    const server = new Map<string, number>()
    const outbox = createOutbox(storage, async (e) => {
      if (!online)
        throw new ApiError(0, ClientErrorCode.NETWORK, 'offline')
      // the server stores a key once, however often it is sent
      server.set(e.key, (server.get(e.key) ?? 0) + 1)
    })
    await outbox.add(entry('a', '2026-11-22T08:00:00Z'))
    await outbox.add(entry('b', '2026-11-22T08:01:00Z'))
    expect(await outbox.flush('acct-son')).toBe(0)
    expect([...storage.rows.keys()]).toEqual(['a', 'b'])
    online = true
    await Promise.all([outbox.flush('acct-son'), outbox.flush('acct-son')])
    expect(Object.fromEntries(server)).toEqual({ a: 1, b: 1 })
    expect(storage.rows.size).toBe(0)
  })

  it('a send the server refuses for good (403) is kept, marked, and not retried; the next one still goes', async () => {
    const storage = memory()
    const tries: string[] = []
    const outbox = createOutbox(storage, async (e) => {
      tries.push(e.key)
      if (e.key === 'a')
        throw new ApiError(403, 'FORBIDDEN', 'scope withdrawn')
    })
    await outbox.add(entry('a', '2026-11-22T08:00:00Z'))
    await outbox.add(entry('b', '2026-11-22T08:01:00Z'))
    await outbox.flush('acct-son')
    await outbox.flush('acct-son')
    expect(tries).toEqual(['a', 'b'])
    expect(storage.rows.get('a')?.failed).toBe('FORBIDDEN')
  })

  it('a session that ran out (401) keeps the message for after the next sign-in', async () => {
    const storage = memory()
    let signedIn = false
    const outbox = createOutbox(storage, async () => {
      if (!signedIn)
        throw new ApiError(401, 'UNAUTHENTICATED', 'sign in first')
    })
    await outbox.add(entry('a', '2026-11-22T08:00:00Z'))
    expect(await outbox.flush('acct-son')).toBe(0)
    expect(storage.rows.get('a')?.failed).toBeNull()
    signedIn = true
    expect(await outbox.flush('acct-son')).toBe(1)
  })

  it('sends only the signed-in account\'s messages', async () => {
    const storage = memory()
    const sent: string[] = []
    const outbox = createOutbox(storage, async (e) => {
      sent.push(e.key)
    })
    await outbox.add(entry('mine', '2026-11-22T08:00:00Z'))
    await outbox.add(entry('theirs', '2026-11-22T08:00:00Z', { accountId: 'acct-other' }))
    await outbox.flush('acct-son')
    expect(sent).toEqual(['mine'])
    expect((await outbox.all('acct-other')).map(e => e.key)).toEqual(['theirs'])
  })

  it('makes keys the server takes (8–100 letters, digits, - or _), a new one each time', () => {
    const a = newOutboxKey()
    expect(a).toMatch(/^[\w-]{8,100}$/)
    expect(newOutboxKey()).not.toBe(a)
  })
})
