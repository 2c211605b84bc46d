import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium: `npx playwright install` cannot download browsers on these machines.
export const CHROMIUM = process.env.TAILOR_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  throw new Error(`No Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set TAILOR_CHROMIUM.`);
}

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  // One retry, as CI runs on a loaded two-core machine: a test that passes only on its retry is named by
  // test/summary.mjs ("flaky …") and in the list above it, never counted silently.
  retries: 1,
  reporter: [['list'], ['json', { outputFile: 'out/test-results/playwright.json' }]],
  outputDir: 'out/test-results/playwright',
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
    },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'studio (browser mode)', testMatch: /studio.*\.spec\.ts$/ },
    { name: 'electron', testMatch: /electron\.spec\.ts$/ },
    { name: 'scorm conformance', testMatch: /(conformance|player)\.spec\.ts$/ },
  ],
});
