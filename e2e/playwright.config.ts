import { defineConfig } from '@playwright/test'

const baseURL = process.env.KANGBAN_BASE_URL
if (!baseURL)
  throw new Error('KANGBAN_BASE_URL is not set: run the e2e suite with `npm run test:e2e`, which starts the server first')

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../test-results/playwright',
  reporter: 'list',
  // Two workers on a two-core machine that also runs the server.
  workers: 2,
  // A retry would ask for a second SMS code within a minute, which the server refuses (429).
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    serviceWorkers: 'allow',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    },
  },
})
