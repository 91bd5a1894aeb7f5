import { z } from 'zod'
import { PushKeySchema, PushSubscriptionStoredSchema } from '../../../../shared/schemas/push'
import { api } from '../../api/client'

/** Whether this browser can take Web Push at all (most phones in China cannot reach Google's push service even when it can). */
export function pushSupported(): boolean {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=')
  return Uint8Array.from(atob(base64), c => c.charCodeAt(0))
}

/** This browser's current subscription, or null. */
export async function currentPushSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported())
    return null
  const registration = await navigator.serviceWorker.ready
  return registration.pushManager.getSubscription()
}

/**
 * Asks the browser for permission, subscribes with the server's VAPID key and tells the server.
 * @returns false when the server sends no push or the person said no
 */
export async function subscribeToPush(): Promise<boolean> {
  const { publicKey } = await api.get('/push/key', PushKeySchema)
  if (publicKey === null || await Notification.requestPermission() !== 'granted')
    return false
  const registration = await navigator.serviceWorker.ready
  const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) })
  const json = subscription.toJSON()
  await api.post('/push/subscriptions', PushSubscriptionStoredSchema, { endpoint: json.endpoint, keys: json.keys })
  return true
}

/** Turns push off here: the server forgets the endpoint and the browser drops the subscription. */
export async function unsubscribeFromPush(): Promise<void> {
  const subscription = await currentPushSubscription()
  if (subscription === null)
    return
  await api.delete(`/push/subscriptions?endpoint=${encodeURIComponent(subscription.endpoint)}`, z.null()).catch(() => null)
  await subscription.unsubscribe()
}
