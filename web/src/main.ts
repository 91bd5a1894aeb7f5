import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { i18n, loadLanguage } from './i18n'
import { router } from './router'
import { readPrefs } from './features/prefs/prefs'

// The chosen language is in place before the first paint, so nobody sees the other one flash.
await loadLanguage(readPrefs().language)

const app = createApp(App)
app.use(createPinia())
app.use(i18n)
app.use(router)
app.mount('#app')

// After the first route has rendered, so the worker's precache downloads never compete with it.
void router.isReady().then(async () => {
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    const { registerServiceWorker } = await import('./pwa')
    await registerServiceWorker()
  }
})
