import { gzipSync } from 'node:zlib'
import { VantResolver } from '@vant/auto-import-resolver'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { defineConfig, type Plugin, type Rolldown } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'

/** The route a signed-out person lands on; its chunk is part of the first screen. */
const firstRouteModule = 'features/auth/LoginPage.vue'
const firstScreenGoalKb = 120

/**
 * Prints the gzip size of the JS a cheap phone must fetch before the first screen paints:
 * the entry chunk, the login route's chunk, and every chunk they import statically.
 */
function firstScreenSize(): Plugin {
  return {
    name: 'kangban-first-screen-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, Rolldown.OutputChunk>()
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type === 'chunk')
          chunks.set(fileName, output)
      }
      // The PWA plugin builds sw.ts as a second bundle; it has no login route and is not a screen.
      const route = [...chunks.entries()].find(([, c]) => c.facadeModuleId?.endsWith(firstRouteModule))
      if (route === undefined)
        return
      const needed = new Set<string>()
      const visit = (fileName: string) => {
        const chunk = chunks.get(fileName)
        if (chunk === undefined || needed.has(fileName))
          return
        needed.add(fileName)
        chunk.imports.forEach(visit)
      }
      for (const [fileName, chunk] of chunks) {
        if (chunk.isEntry)
          visit(fileName)
      }
      visit(route[0])
      const bytes = [...needed].reduce((sum, f) => sum + gzipSync(chunks.get(f)!.code, { level: 9 }).length, 0)
      const kb = (bytes / 1024).toFixed(1)
      console.log(`\nfirst-screen JS: ${kb} KB gzip in ${needed.size} chunks (goal ≤ ${firstScreenGoalKb} KB)\n`)
    },
  }
}

export default defineConfig({
  root: 'web',
  // Compile-time flags: drop the Options API, vue-i18n's legacy API and devtools hooks from the
  // bundle a cheap phone downloads first.
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  plugins: [
    vue(),
    Components({
      dts: 'src/components.d.ts',
      dirs: [],
      resolvers: [VantResolver({ importStyle: true })],
    }),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: {
        name: '康伴 Kangban',
        short_name: '康伴',
        description: '您的健康档案、家庭医生与免费公共卫生服务',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b6e4f',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // the desk's QR decoder (130 KB) serves staff at a desk with a camera and a network, not
        // every resident's phone offline: fetched when the scanner first needs it
        globIgnores: ['**/*.worker-*.js'],
      },
    }),
    firstScreenSize(),
  ],
})
