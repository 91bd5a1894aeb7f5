import { randomBytes } from 'node:crypto'
import Database from 'better-sqlite3'

/**
 * Leaves in-app notices for an account in the suite's database. No route of this issue creates
 * one (a proxy's change will, in a later issue), so the inbox spec plants them the way that
 * code will: one row per notice, unread.
 */
export function leaveNotices(phone: string, notices: { kind: string, params: Record<string, string> }[]): void {
  const file = process.env.KANGBAN_DB
  if (!file)
    throw new Error('KANGBAN_DB is not set: run the e2e suite with `npm run test:e2e`')
  const db = new Database(file)
  try {
    db.pragma('busy_timeout = 5000')
    const account = db.prepare('select id, resident_id as residentId from accounts where phone = ?').get(phone) as { id: string, residentId: string | null } | undefined
    if (account === undefined)
      throw new Error(`no account with phone ${phone}: sign in first`)
    const insert = db.prepare('insert into notifications (id, account_id, resident_id, kind, params, created_at) values (?, ?, ?, ?, ?, ?)')
    const now = Date.now()
    notices.forEach((notice, i) => insert.run(residentLikeId(), account.id, account.residentId, notice.kind, JSON.stringify(notice.params), now + i))
  }
  finally {
    db.close()
  }
}

/** 16 characters of base32, the shape of every id the API accepts. */
function residentLikeId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567'
  return [...randomBytes(16)].map(b => alphabet[b % 32]).join('')
}
