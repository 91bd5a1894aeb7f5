import { ApiError, ClientErrorCode } from '../../api/client'
import type { OutboxEntry } from './consultations.api'
import { OutboxEntrySchema } from './consultations.api'
import { outboxRows } from './consultation-outbox-db'

/** Where the outbox keeps its entries: IndexedDB on the phone, memory in tests. */
export interface OutboxStorage {
  all: () => Promise<OutboxEntry[]>
  put: (entry: OutboxEntry) => Promise<void>
  delete: (key: string) => Promise<void>
}

export const indexedDbStorage: OutboxStorage = {
  async all() {
    const rows = await outboxRows.all()
    // a row this version cannot read is dropped rather than sent half-understood
    return rows.flatMap((row) => {
      const parsed = OutboxEntrySchema.safeParse(row)
      return parsed.success ? [parsed.data] : []
    })
  },
  put: outboxRows.put,
  delete: outboxRows.delete,
}

/** A new idempotency key: random, so two phones never make the same one. */
export function newOutboxKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return `kb-${Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('')}`
}

/**
 * Messages written on the phone wait here until the server has them (issue 8): every message
 * goes in first and is sent from here, so one written with no network, or in a tab closed
 * mid-send, is sent when the network returns. Each carries its idempotency key, so a resend the
 * server already stored is answered with the first copy and stored once, never twice.
 */
export function createOutbox(storage: OutboxStorage, send: (entry: OutboxEntry) => Promise<unknown>) {
  let flushing: Promise<number> | null = null

  async function flushOnce(accountId: string): Promise<number> {
    const entries = (await storage.all())
      .filter(e => e.accountId === accountId && e.failed === null)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    let sent = 0
    for (const entry of entries) {
      try {
        await send(entry)
        await storage.delete(entry.key)
        sent++
      }
      catch (error) {
        // no network yet, signed out (it goes after the next sign-in), too many, or the server
        // failing: the rest waits with it, in order
        if (!(error instanceof ApiError) || error.code === ClientErrorCode.NETWORK || error.status >= 500 || error.status === 429 || error.status === 401)
          break
        // refused for good (a scope withdrawn, a contract ended): kept and shown, not retried for ever
        await storage.put({ ...entry, failed: error.code })
      }
    }
    return sent
  }

  return {
    add: (entry: OutboxEntry) => storage.put(entry),
    all: async (accountId: string) => (await storage.all()).filter(e => e.accountId === accountId),
    remove: (key: string) => storage.delete(key),
    /** Sends what waits, oldest first; a second call while one runs waits for that one. */
    flush(accountId: string): Promise<number> {
      flushing ??= flushOnce(accountId).finally(() => {
        flushing = null
      })
      return flushing
    },
  }
}
export type Outbox = ReturnType<typeof createOutbox>
