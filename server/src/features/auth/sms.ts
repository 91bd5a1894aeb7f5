import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { devOutbox, smsNoticesSent } from '../../db/schema'

/** Sends the few text messages Kangban sends. Demo mode writes them to the dev outbox instead. */
export interface SmsSender {
  sendSignInCode: (phone: string, code: string) => Promise<void>
  sendNotice: (phone: string, text: string) => Promise<void>
}

const codeText = (code: string) => `【康伴】您的登录验证码是${code}，5分钟内有效。请勿告诉他人。`

export function createDevOutboxSender(db: Db, now: () => number): SmsSender {
  return {
    async sendSignInCode(phone, code) {
      db.insert(devOutbox).values({ phone, kind: 'sign-in-code', code, body: codeText(code), sentAt: now() }).run()
    },
    async sendNotice(phone, text) {
      db.insert(devOutbox).values({ phone, kind: 'notice', body: text, sentAt: now() }).run()
    },
  }
}

/**
 * A plain HTTP SMS gateway: POST { phone, text } with a bearer token. Vendors' APIs
 * (Aliyun, Tencent Cloud) sit behind such a gateway in the county's own network.
 */
export function createGatewaySender(gateway: { url: string, token: string }): SmsSender {
  async function send(phone: string, text: string) {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'authorization': `Bearer ${gateway.token}` },
      body: JSON.stringify({ phone, text }),
      signal: AbortSignal.timeout(10_000),
    })
    if (!response.ok)
      throw new Error(`SMS gateway answered ${response.status}`)
  }
  return {
    sendSignInCode: (phone, code) => send(phone, codeText(code)),
    sendNotice: send,
  }
}

/** Notices per phone (issue 8): a few a day reach an elderly reader; more would read as spam and cost the county money. */
export const NOTICE_LIMITS = { perHour: 3, perDay: 10 } as const
/** The same kind about the same person again within this window is the same news: not texted twice. */
export const NOTICE_REPEAT_MS = 10 * 60_000
const HOUR_MS = 3_600_000

export type NoticeOutcome = 'sent' | 'repeat' | 'limited'

/**
 * SMS notices with the per-phone rate limit and repeat check, through the same sender as
 * sign-in codes. What was sent is kept in sms_notices_sent, which both checks read.
 */
export function createNoticeTexter(db: Db, sender: SmsSender, now: () => number) {
  const sent = db.$client.prepare<[number, string, number], { hour: number, day: number }>(
    'select count(*) filter (where sent_at > ?) as hour, count(*) as day from sms_notices_sent where phone = ? and sent_at > ?',
  )
  const repeat = db.$client.prepare<[string, string, string | null, number]>('select 1 from sms_notices_sent where phone = ? and kind = ? and resident_id is ? and sent_at > ? limit 1')
  const record = db.insert(smsNoticesSent).values({ phone: sql.placeholder('phone'), kind: sql.placeholder('kind'), residentId: sql.placeholder('residentId'), sentAt: sql.placeholder('sentAt') }).prepare()
  return {
    async send(phone: string, kind: string, residentId: string | null, text: string): Promise<NoticeOutcome> {
      const at = now()
      if (repeat.get(phone, kind, residentId, at - NOTICE_REPEAT_MS) !== undefined)
        return 'repeat'
      const counts = sent.get(at - HOUR_MS, phone, at - 24 * HOUR_MS)!
      if (counts.hour >= NOTICE_LIMITS.perHour || counts.day >= NOTICE_LIMITS.perDay)
        return 'limited'
      record.run({ phone, kind, residentId, sentAt: at })
      await sender.sendNotice(phone, text)
      return 'sent'
    },
  }
}
export type NoticeTexter = ReturnType<typeof createNoticeTexter>
