import { ref, shallowRef } from 'vue'

/** One thing loaded from the API with its loading and error states, and a retry. */
export function useResource<T>(load: () => Promise<T>) {
  const data = shallowRef<T | null>(null)
  const error = shallowRef<unknown>(null)
  const loading = ref(false)
  let generation = 0

  async function reload(): Promise<void> {
    const mine = ++generation
    loading.value = true
    error.value = null
    try {
      const value = await load()
      if (mine === generation)
        data.value = value
    }
    catch (cause) {
      if (mine === generation) {
        data.value = null
        error.value = cause
      }
    }
    finally {
      if (mine === generation)
        loading.value = false
    }
  }

  return { data, error, loading, reload }
}
