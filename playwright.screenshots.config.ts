import { defineConfig } from '@playwright/test';
import base, { CHROMIUM } from './playwright.config';

/**
 * `npm run screenshots`: drives the real studio (browser mode) and player in Chromium and writes
 * docs/screenshots/. Each area keeps its own `test/screenshots/<area>.shots.ts`.
 */
export default defineConfig({
  ...base,
  testDir: 'test/screenshots',
  testMatch: /\.shots\.ts$/,
  timeout: 120_000,
  reporter: [['list']],
  outputDir: 'out/test-results/screenshots',
  use: { ...base.use, launchOptions: { ...base.use?.launchOptions, executablePath: CHROMIUM } },
  projects: undefined,
});
