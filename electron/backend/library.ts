import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { TailorError, type CourseSummary, type LibraryEntry } from '../../shared/contract';
import { COURSE_EXTENSION, createCourseFile, openCourseFile, readCourseSummary } from './document/course-file';
import type { SqliteOptions } from './document/sqlite';
import type { EventHub } from './event-hub';
import type { SettingsStore } from './settings';

const UNSAFE_IN_FILE_NAMES = new Set('<>:"/\\|?*');

const isUnsafeInFileName = (ch: string) => ch.charCodeAt(0) < 0x20 || UNSAFE_IN_FILE_NAMES.has(ch);

/** A file name a designer recognises: the title, minus characters no file system accepts. */
export function fileNameForTitle(title: string): string {
  const base = Array.from(title, (ch) => (isUnsafeInFileName(ch) ? '-' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 80)
    .trim();
  return base || 'Untitled course';
}

export interface LibraryOptions {
  readonly documentsDir: string;
  readonly settings: SettingsStore;
  readonly events: EventHub;
  readonly sqlite: SqliteOptions;
}

/** Finding, creating and opening course documents. */
export class Library {
  constructor(readonly options: LibraryOptions) {}

  resolvePath(path: string): string {
    return isAbsolute(path) ? resolve(path) : resolve(this.options.documentsDir, path);
  }

  list(): LibraryEntry[] {
    const { documentsDir, settings, sqlite } = this.options;
    const paths = new Set<string>();
    if (existsSync(documentsDir)) {
      for (const entry of readdirSync(documentsDir, { withFileTypes: true })) {
        if (entry.isFile() && entry.name.endsWith(COURSE_EXTENSION) && !entry.name.startsWith('.')) {
          paths.add(join(documentsDir, entry.name));
        }
      }
    }
    for (const path of settings.recent) paths.add(path);

    const readable: CourseSummary[] = [];
    const unreadable: LibraryEntry[] = [];
    for (const path of paths) {
      if (!existsSync(path)) {
        unreadable.push({ readable: false, path, problem: 'The file is no longer at this path (moved or deleted).' });
        continue;
      }
      try {
        readable.push(readCourseSummary(path, sqlite));
      } catch (error) {
        unreadable.push({ readable: false, path, problem: (error as Error).message });
      }
    }
    readable.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.title.localeCompare(b.title));
    return [...readable.map((s) => ({ readable: true as const, ...s })), ...unreadable];
  }

  create(title: string, folder: string | undefined): CourseSummary {
    const dir = folder === undefined ? this.options.documentsDir : this.resolvePath(folder);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new TailorError('io', `Tailor cannot create the folder "${dir}": ${(error as Error).message}`);
    }
    const base = fileNameForTitle(title);
    for (let n = 1; n < 1000; n++) {
      const path = join(dir, `${n === 1 ? base : `${base} ${n}`}${COURSE_EXTENSION}`);
      if (existsSync(path)) continue;
      try {
        const summary = createCourseFile(path, title, this.options.sqlite);
        this.options.settings.rememberRecent(path);
        this.options.events.emit('library.changed', { reason: 'created' });
        return summary;
      } catch (error) {
        // Another process took the name between the check and the write: try the next one.
        if (error instanceof TailorError && error.code === 'already-exists') continue;
        throw error;
      }
    }
    throw new TailorError('already-exists', `The folder "${dir}" already holds too many courses named "${base}".`);
  }

  open(path: string): CourseSummary {
    const absolute = this.resolvePath(path);
    if (!existsSync(absolute)) throw new TailorError('not-found', `There is no file at "${absolute}".`);
    const summary = openCourseFile(absolute, this.options.sqlite);
    this.options.settings.rememberRecent(absolute);
    this.options.events.emit('library.changed', { reason: 'opened' });
    return summary;
  }
}
