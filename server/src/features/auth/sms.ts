import type { Db } from '../../db/client'
import { devOutbox } from '../../db/schema'

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
