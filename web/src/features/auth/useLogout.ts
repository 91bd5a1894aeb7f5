import { ref } from 'vue'
import { useRouter } from 'vue-router'
import { usePrefsStore } from '../prefs/prefs.store'
import { authApi } from './auth.api'
import { wipeDevice } from './device-wipe'
import { useSessionStore } from './session.store'

/** Ends the session and leaves nothing of it on the phone, even when the network is down. */
export function useLogout() {
  const router = useRouter()
  const session = useSessionStore()
  const prefs = usePrefsStore()
  const busy = ref(false)

  async function logout() {
    busy.value = true
    try {
      // The wipe must happen whether or not the server heard us: the cached record is on this phone.
      await authApi.logout().catch(() => undefined)
      session.clear()
      // Leave the page first: vue-router writes its (empty) scroll record on the way out.
      await router.replace({ name: 'login' })
      await wipeDevice(prefs.current())
    }
    finally {
      busy.value = false
    }
  }

  return { logout, busy }
}
