import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as diagnosed } from './diagnosed';
import { startHostProcess, type RunningHost } from './web-host-process';

export interface StudioFixtures {
  /** A data folder of this test's own. */
  dataDir: string;
  /** The real web host serving the built studio over that folder. */
  host: RunningHost;
}

export const test = diagnosed.extend<StudioFixtures>({
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'tailor-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  host: async ({ dataDir }, use) => {
    const host = await startHostProcess(dataDir);
    await use(host);
    await host.stop();
  },
});

export { expect } from '@playwright/test';
