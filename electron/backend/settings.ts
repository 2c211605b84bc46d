import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';

const settingsSchema = z.object({
  recent: z.array(z.string()).default([]),
  /** Documents open right now; still listed at start-up means the last session did not close them. */
  open: z.array(z.string()).default([]),
});

export type Settings = z.infer<typeof settingsSchema>;

const MAX_RECENT = 20;

/** The studio's own preferences, one JSON file in the data folder, written atomically. */
export class SettingsStore {
  readonly #file: string;
  #settings: Settings;

  constructor(dataDir: string, onProblem: (message: string) => void = () => {}) {
    mkdirSync(dataDir, { recursive: true });
    this.#file = join(dataDir, 'settings.json');
    this.#settings = this.#load(onProblem);
  }

  #load(onProblem: (message: string) => void): Settings {
    let text: string;
    try {
      text = readFileSync(this.#file, 'utf8');
    } catch {
      return settingsSchema.parse({});
    }
    try {
      return settingsSchema.parse(JSON.parse(text));
    } catch (error) {
      onProblem(`Ignoring unreadable settings in ${this.#file}: ${(error as Error).message}`);
      return settingsSchema.parse({});
    }
  }

  get recent(): readonly string[] {
    return this.#settings.recent;
  }

  rememberRecent(path: string): void {
    const recent = [path, ...this.#settings.recent.filter((p) => p !== path)].slice(0, MAX_RECENT);
    this.#save({ ...this.#settings, recent });
  }

  get open(): readonly string[] {
    return this.#settings.open;
  }

  setOpen(open: readonly string[]): void {
    this.#save({ ...this.#settings, open: [...open] });
  }

  #save(settings: Settings): void {
    this.#settings = settings;
    writeFileAtomic(this.#file, `${JSON.stringify(this.#settings, null, 2)}\n`);
  }
}
