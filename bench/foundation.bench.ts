import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../electron/backend/backend';
import { Library } from '../electron/backend/library';
import { EventHub } from '../electron/backend/event-hub';
import { headlessPlatform } from '../electron/backend/platform';
import { SettingsStore } from '../electron/backend/settings';
import { startWebHost, type WebHost } from '../electron/web/host';
import type { Benchmark } from './harness';

const COURSES = 20;

/** A backend over a temp folder holding COURSES real course documents. */
function fixture() {
  let dir = '';
  let backend: Backend | undefined;
  let library: Library | undefined;
  let host: WebHost | undefined;
  return {
    async setup(withHost: boolean) {
      dir = mkdtempSync(join(tmpdir(), 'tailor-bench-'));
      backend = createBackend({ dataDir: dir, platform: headlessPlatform('test'), log: () => {} });
      for (let i = 0; i < COURSES; i++) await backend.dispatch('course.create', { title: `Course ${i}` });
      library = new Library({
        documentsDir: join(dir, 'Courses'),
        settings: new SettingsStore(dir),
        events: new EventHub(),
        sqlite: {},
      });
      if (withHost) host = await startWebHost({ backend, port: 0 });
    },
    async teardown() {
      await host?.close();
      rmSync(dir, { recursive: true, force: true });
    },
    get backend() {
      return backend!;
    },
    get library() {
      return library!;
    },
    get host() {
      return host!;
    },
  };
}

const direct = fixture();
const overHttp = fixture();

export const foundationBenchmarks: Benchmark[] = [
  {
    name: `contract dispatch overhead (library.list, ${COURSES} courses)`,
    goal: 'validation + Result envelope add ≤ 10% to a real call',
    maxRatio: 1.1,
    samples: 40,
    setup: () => direct.setup(false),
    teardown: () => direct.teardown(),
    baseline: { label: 'Library.list() called directly', run: () => direct.library.list() },
    subject: { label: 'dispatch("library.list")', run: () => direct.backend.dispatch('library.list', {}) },
  },
  {
    name: `browser-mode transport (library.list, ${COURSES} courses)`,
    goal: 'an HTTP round trip on 127.0.0.1 costs ≤ 2× the in-process call',
    maxRatio: 2,
    samples: 40,
    setup: () => overHttp.setup(true),
    teardown: () => overHttp.teardown(),
    baseline: { label: 'in-process dispatch', run: () => overHttp.backend.dispatch('library.list', {}) },
    subject: {
      label: 'POST /api/call/library.list',
      run: async () => {
        const response = await fetch(`${overHttp.host.url}api/call/library.list`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${overHttp.host.token}` },
          body: '{}',
        });
        await response.json();
      },
    },
  },
];
