import type { Agent } from 'node:https'
import { eq, sql } from 'drizzle-orm'
import webpush from 'web-push'
import { isGrantActive } from '../../../../shared/access'
import { NotificationKind } from '../../../../shared/schemas/notifications'
import type { PushPayload } from '../../../../shared/schemas/push'
import type { Db } from '../../db/client'
import { noticeDispatch } from '../../db/schema'
import type { NoticeTexter } from '../auth/sms'
import { grantFactsOf } from '../proxies/proxies.repo'
import type { SmsPreferencesRow } from './push.repo'
import { createPushRepo } from './push.repo'
import type { VapidKeys } from './push.vapid'

/** The notices that cannot wait (issue 8), and the SMS preference that lets each through. */
type Urgency = 'replies' | 'critical' | 'tomorrow' | 'actedForYou'
const urgencyOf: Partial<Record<string, Urgency>> = {
  [NotificationKind.CONSULTATION_REPLY]: 'replies',
  [NotificationKind.CRITICAL_RESULT]: 'critical',
  [NotificationKind.RESULT_RELEASED]: 'critical',
  [NotificationKind.BOOKING_TOMORROW]: 'tomorrow',
  [NotificationKind.ACTED_FOR_YOU]: 'actedForYou',
}
const BATCH = 200
const SMS_SIGNATURE = '【康伴】'
const SMS_UNSUBSCRIBE = '退订：康伴→设置→短信提醒'
/** A push service keeps an undelivered message this long: a reply is still news tomorrow. */
const PUSH_TTL_SECONDS = 24 * 3600

interface NoticeRow { rowid: number, accountId: string | null, residentId: string | null, kind: string, params: string }
type Params = Record<string, string | number>

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')

/**
 * The words of a notice outside the app: short, in Chinese (SMS reach Chinese phones), naming
 * no result value (a text message passes through carriers) and where to read more; with where
 * a tap on the push notification leads. Null when the notice is not urgent after all.
 */
export function outsideText(kind: string, params: Params, residentName: string): { text: string, url: string } | null {
  switch (kind) {
    case NotificationKind.CONSULTATION_REPLY:
      return { text: `家庭医生团队（${str(params.authorName)}）回复了${residentName}的咨询，请打开康伴查看。`, url: `/consultations/${str(params.consultationId)}` }
    case NotificationKind.RESULT_RELEASED:
      return { text: `${residentName}有一项体检结果需要尽快处理，请打开康伴查看，或联系家庭医生。`, url: `/residents/${str(params.residentId)}/exams` }
    case NotificationKind.CRITICAL_RESULT:
      return { text: `您签约的居民${str(params.residentName)}有危急值体检结果，请尽快在康伴审核。`, url: '/doctor/exams' }
    case NotificationKind.BOOKING_TOMORROW:
      return { text: `${str(params.name)}明天${params.halfDay === 'pm' ? '下午' : '上午'}在${str(params.institution)}体检，请带身份证，空腹前往。`, url: `/residents/${str(params.residentId)}/bookings/${str(params.bookingId)}` }
    case NotificationKind.ACTED_FOR_YOU:
      return { text: `${str(params.actorName)}刚刚代您在康伴办理了事项，可在「谁看过我的档案」查看。`, url: '/notifications' }
    default:
      return null
  }
}

export interface NoticeDispatcherOptions {
  db: Db
  now: () => number
  today: () => string
  texter: NoticeTexter
  vapid: VapidKeys | null
  /** production: only the browsers' push services, so a subscription cannot make the server call an address of the county's network */
  pushHosts: RegExp | null
  log: { error: (message: string) => void }
  /** the TLS agent push requests use (tests trust their own push service with it) */
  agent?: Agent
}

/** The push services of Chrome, Firefox, Edge and Safari. */
export const KNOWN_PUSH_HOSTS = /(?:^|\.)(?:fcm\.googleapis\.com|push\.services\.mozilla\.com|notify\.windows\.com|push\.apple\.com)$/

/**
 * Sends the urgent in-app notices out by SMS and Web Push, after the writes that made them have
 * committed: it reads the notifications table past the rowid it last reached, so every writer
 * (a reply, the day-before job, a release, the access gate) is covered without a hook in each,
 * and each notice goes out once. SMS: to the people addressed who opted in, and copies to those
 * acting for the resident who opted in to copies ("someone acted for you" is not copied: the
 * one who acted is one of them). Push: to the browsers of the people addressed.
 */
export function createNoticeDispatcher(options: NoticeDispatcherOptions) {
  const { db } = options
  const push = createPushRepo(db)
  const sqlite = db.$client
  const maxRowid = sqlite.prepare<[], { n: number | null }>('select max(rowid) as n from notifications')
  const readCursor = db.select({ lastRowid: noticeDispatch.lastRowid }).from(noticeDispatch).where(eq(noticeDispatch.name, 'notices')).prepare()
  const writeCursor = db.insert(noticeDispatch).values({ name: 'notices', lastRowid: sql.placeholder('n') })
    .onConflictDoUpdate({ target: noticeDispatch.name, set: { lastRowid: sql`excluded.last_rowid` } }).prepare()
  const batch = sqlite.prepare<[number, number], NoticeRow>('select rowid, account_id as accountId, resident_id as residentId, kind, params from notifications where rowid > ? order by rowid limit ?')
  const residentName = sqlite.prepare<[string], { name: string }>('select name from residents where id = ?')
  const residentAccounts = sqlite.prepare<[string], { id: string, phone: string }>('select id, phone from accounts where resident_id = ? and status = \'active\'')
  const account = sqlite.prepare<[string], { id: string, phone: string }>('select id, phone from accounts where id = ? and status = \'active\'')
  const grantees = sqlite.prepare<[string], { id: string, phone: string, scopes: string, status: string, endsOn: string | null, confirmedOn: string | null, createdAt: number, showSensitive: number }>(
    `select a.id, a.phone, g.scopes, g.status, g.ends_on as endsOn, g.confirmed_on as confirmedOn, g.created_at as createdAt, g.show_sensitive as showSensitive
     from proxy_grants g join accounts a on a.id = g.grantee_account_id where g.resident_id = ? and g.status = 'accepted' and a.status = 'active'`,
  )
  const criticalReleased = sqlite.prepare<[string, string], { n: number }>('select count(*) as n from exams where resident_id = ? and date = ? and status = \'released\' and worst = \'critical\'')

  // the first start on an existing database texts nothing of the past
  if (readCursor.get() === undefined)
    writeCursor.run({ n: maxRowid.get()?.n ?? 0 })

  function wants(prefs: SmsPreferencesRow | null, urgency: Urgency, copy: boolean) {
    return prefs !== null && prefs[urgency] && (!copy || prefs.forOthers)
  }

  async function sendPush(accountId: string, payload: PushPayload) {
    if (options.vapid === null)
      return
    for (const sub of push.subscriptions(accountId)) {
      if (options.pushHosts !== null && !options.pushHosts.test(new URL(sub.endpoint).hostname))
        continue
      try {
        await webpush.sendNotification({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, JSON.stringify(payload), {
          vapidDetails: options.vapid,
          TTL: PUSH_TTL_SECONDS,
          urgency: 'high',
          timeout: 10_000,
          ...(options.agent ? { agent: options.agent } : {}),
        })
      }
      catch (error) {
        const status = (error as { statusCode?: number }).statusCode
        // the browser unsubscribed or the subscription expired: the service says so once and for all
        if (status === 404 || status === 410)
          push.forget(sub.endpoint)
        else
          options.log.error(`Web Push to ${new URL(sub.endpoint).host} failed: ${status ?? (error as Error).message}`)
      }
    }
  }

  async function deliver(row: NoticeRow) {
    const urgency = urgencyOf[row.kind]
    if (urgency === undefined)
      return
    const params = JSON.parse(row.params) as Params
    const residentId = row.residentId ?? (typeof params.residentId === 'string' ? params.residentId : null)
    // a released exam is urgent only when it holds a critical value
    if (row.kind === NotificationKind.RESULT_RELEASED && (row.residentId === null || (criticalReleased.get(row.residentId, str(params.examDate))?.n ?? 0) === 0))
      return
    const name = residentId === null ? '' : residentName.get(residentId)?.name ?? ''
    const words = outsideText(row.kind, params, name)
    if (words === null)
      return
    const direct = row.accountId !== null ? [account.get(row.accountId)].filter(a => a !== undefined) : residentAccounts.all(row.residentId!)
    const today = options.today()
    const copies = row.residentId === null || row.kind === NotificationKind.ACTED_FOR_YOU
      ? []
      : grantees.all(row.residentId).filter(g => isGrantActive(grantFactsOf({ ...g, status: 'accepted', showSensitive: g.showSensitive === 1 }), today))
    const texted = new Set<string>()
    for (const [people, copy] of [[direct, false], [copies, true]] as const) {
      for (const person of people) {
        if (texted.has(person.phone) || !wants(push.preferences(person.id), urgency, copy))
          continue
        texted.add(person.phone)
        await options.texter.send(person.phone, row.kind, residentId, `${SMS_SIGNATURE}${words.text}${SMS_UNSUBSCRIBE}`)
      }
    }
    for (const person of direct)
      await sendPush(person.id, { title: '康伴', body: words.text, url: words.url })
  }

  return {
    /** Sends what was noticed since the last run; returns how many notices it read. */
    async run(): Promise<number> {
      let cursor = readCursor.get()?.lastRowid ?? 0
      // the table was emptied (a test, a restore): rowids start again from 1
      if ((maxRowid.get()?.n ?? 0) < cursor)
        cursor = 0
      const rows = batch.all(cursor, BATCH)
      for (const row of rows) {
        try {
          await deliver(row)
        }
        catch (error) {
          options.log.error(`notice ${row.kind} not sent outside the app: ${(error as Error).message}`)
        }
        writeCursor.run({ n: row.rowid })
      }
      return rows.length
    },
  }
}
export type NoticeDispatcher = ReturnType<typeof createNoticeDispatcher>
