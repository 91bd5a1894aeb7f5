import { Workbox } from 'workbox-window'

/** Registers the hand-written worker (sw.ts); a new version takes over at the next page load. */
export async function registerServiceWorker(): Promise<void> {
  await new Workbox('/sw.js', { scope: '/' }).register()
}
