import { ref } from 'vue'
import { errorMessageKey } from '../api/error-message'

export interface RunOptions {
  /** false for an action that shows no spinner of its own: `busy` is left as it is */
  busy?: boolean
}

/**
 * A button's action against the API: `busy` while it runs, and the message a person sees when it
 * fails, cleared as the next one starts. `t` is the page's own translate function, so the message
 * is in the page's words.
 */
export function useAction(t: (key: string) => string) {
  const busy = ref(false)
  const error = ref('')

  async function run(action: () => Promise<void>, options: RunOptions = {}): Promise<void> {
    const shows = options.busy ?? true
    if (shows)
      busy.value = true
    error.value = ''
    try {
      await action()
    }
    catch (cause) {
      error.value = t(errorMessageKey(cause))
    }
    finally {
      if (shows)
        busy.value = false
    }
  }

  return { busy, error, run }
}
