import { z } from 'zod'

/** A browser's PushSubscription as `toJSON()` gives it. Only HTTPS push services are accepted. */
export const PushSubscriptionBodySchema = z.object({
  endpoint: z.url({ protocol: /^https$/, error: 'expected the https address of a push service' }).max(1000),
  keys: z.object({
    p256dh: z.string().regex(/^[\w-]{80,100}$/, 'expected the subscription\'s P-256 key, base64url'),
    auth: z.string().regex(/^[\w-]{16,30}$/, 'expected the subscription\'s auth secret, base64url'),
  }),
})
export type PushSubscriptionBody = z.infer<typeof PushSubscriptionBodySchema>
export const PushSubscriptionStoredSchema = z.object({ endpoint: z.string() })
export const PushUnsubscribeQuerySchema = z.object({ endpoint: z.url().max(1000) })

/** The server's VAPID public key for `pushManager.subscribe`; null when this server sends no push. */
export const PushKeySchema = z.object({ publicKey: z.string().nullable() })

/**
 * Which notices also go by SMS (issue 8: opt-in, because SMS is the channel that reaches most
 * phones in China). `forOthers`: copies of those notices for the people this account acts for.
 */
export const NoticeChannelsSchema = z.object({
  sms: z.object({
    replies: z.boolean(),
    critical: z.boolean(),
    tomorrow: z.boolean(),
    actedForYou: z.boolean(),
    forOthers: z.boolean(),
  }),
})
export type NoticeChannels = z.infer<typeof NoticeChannelsSchema>

/** What a push message carries to the service worker: words to show and where a tap leads. */
export const PushPayloadSchema = z.object({ title: z.string(), body: z.string(), url: z.string() })
export type PushPayload = z.infer<typeof PushPayloadSchema>
