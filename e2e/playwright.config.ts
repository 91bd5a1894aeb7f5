import { defineConfig } from '@playwright/test'

const baseURL = process.env.KANGBAN_BASE_URL
if (!baseURL)
  throw new Error('KANGBAN_BASE_URL is not set: run the e2e suite with `npm run test:e2e`, which starts the server first')

const firstSignIns = ['record.spec.ts', 'family.spec.ts', 'staff.spec.ts']

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
  // The personas' first sign-ins (the privacy notice, a PIN) are what these three specs test, and
  // the demo sends one SMS code a phone a minute: they run before any other spec signs the same
  // people in (those wait out the minute with signInWhenAllowed).
  projects: [
    { name: 'first-sign-ins', testMatch: firstSignIns },
    { name: 'the-rest', testIgnore: firstSignIns, dependencies: ['first-sign-ins'] },
  ],
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
