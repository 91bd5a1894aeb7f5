import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { Me } from '../../../../shared/schemas/me'
import { ApiError } from '../../api/client'
import { authApi } from './auth.api'

/** The signed-in account, as `GET /api/me` describes it; null when signed out. */
export const useSessionStore = defineStore('session', () => {
  const me = shallowRef<Me | null>(null)
  let loaded = false

  /** Asks the API once per page load; a 401 means signed out, anything else is thrown. */
  async function ensureLoaded(): Promise<Me | null> {
    if (loaded)
      return me.value
    try {
      me.value = await authApi.me()
    }
    catch (error) {
      if (!(error instanceof ApiError && error.status === 401))
        throw error
      me.value = null
    }
    loaded = true
    return me.value
  }

  function signedIn(value: Me) {
    me.value = value
    loaded = true
  }

  function clear() {
    me.value = null
    loaded = true
  }

  function setUnread(count: number) {
    if (me.value !== null)
      me.value = { ...me.value, unreadNotifications: count }
  }

  function setDeviceRemembered(remembered: boolean) {
    if (me.value !== null)
      me.value = { ...me.value, deviceRemembered: remembered }
  }

  const self = computed(() => me.value?.actingFor.find(p => p.relation === 'self') ?? null)

  return { me, self, ensureLoaded, signedIn, clear, setUnread, setDeviceRemembered }
})
