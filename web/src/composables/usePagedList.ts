import { ref, shallowRef } from 'vue'

export interface Page<T> { items: T[], nextCursor: string | null }

/**
 * A keyset-paged list with an explicit "load more" button: no infinite scroll, because elder
 * mode forbids gestures and a list that grows by itself loses the reader's place.
 */
export function usePagedList<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>) {
  const items = shallowRef<T[]>([])
  const nextCursor = ref<string | null>(null)
  const loaded = ref(false)
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  let generation = 0

  async function load(cursor: string | undefined) {
    const mine = ++generation
    loading.value = true
    error.value = null
    try {
      const page = await fetchPage(cursor)
      if (mine !== generation)
        return
      items.value = cursor === undefined ? page.items : [...items.value, ...page.items]
      nextCursor.value = page.nextCursor
      loaded.value = true
    }
    catch (cause) {
      if (mine === generation)
        error.value = cause
    }
    finally {
      if (mine === generation)
        loading.value = false
    }
  }

  /** Starts again from the first page. */
  const refresh = () => load(undefined)
  /** Loads the next page, or retries the failed one. */
  const loadMore = () => load(nextCursor.value ?? undefined)

  return { items, nextCursor, loaded, loading, error, refresh, loadMore }
}
