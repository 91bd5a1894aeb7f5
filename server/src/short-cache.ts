/**
 * Rows read in the last few seconds, by key: for reads that nearly every request repeats (its
 * session, the record header its access is decided on) and that change seldom. Whoever writes
 * what a cache holds calls `forget()` in the same request; anything else shows within `ttlMs`.
 * The cache is this process's: it holds because one process serves the database (SQLite
 * embedded); a deployment of several would have to share the forgetting.
 */
export function createShortCache<V>(ttlMs: number, max: number) {
  const entries = new Map<string, { value: V, readAt: number }>()
  return {
    get(key: string, now: number): V | null {
      const entry = entries.get(key)
      // a clock that moves backwards (tests pin it) also makes an entry stale
      return entry !== undefined && now - entry.readAt < ttlMs && now >= entry.readAt ? entry.value : null
    },
    set(key: string, value: V, now: number) {
      if (entries.size >= max)
        entries.clear()
      entries.set(key, { value, readAt: now })
    },
    forget() {
      entries.clear()
    },
  }
}

export type ShortCache<V> = ReturnType<typeof createShortCache<V>>
