import { join } from 'node:path';
import { createDispatch, TailorError, type AppInfo, type Dispatch, type Handlers } from '../../shared/contract';
import { EventHub } from './event-hub';
import { listExamples } from './examples';
import { Library } from './library';
import { OpenDocuments } from './open-documents';
import type { Platform } from './platform';
import { Previews } from './preview/previews';
import { SettingsStore } from './settings';
import { Uploads } from './uploads';
import { TAILOR_VERSION } from './version';

export interface BackendOptions {
  /** Where the studio keeps its own settings (not courses). */
  readonly dataDir: string;
  /** Where new courses go by default; `<dataDir>/Courses` when not given. */
  readonly documentsDir?: string | undefined;
  readonly platform: Platform;
  /** better-sqlite3 addon for the running runtime (Electron passes its own ABI build). */
  readonly nativeBinding?: string | undefined;
  readonly log?: (message: string) => void;
  /** Folder holding out/ (the built player and schema files); the working folder by default. */
  readonly appRoot?: string | undefined;
}

export interface Backend {
  readonly dispatch: Dispatch;
  readonly events: EventHub;
  readonly info: AppInfo;
  /** Packages being previewed; the host serves their files on an origin of their own. */
  readonly previews: Previews;
  /** Closes every open document (checkpointing it) and forgets them as "open"; call on clean exit. */
  close(): void;
}

function unsupported(what: string): never {
  throw new TailorError('unsupported', `${what} is not available here; type the path instead.`);
}

/** Composition root of the backend: plain factories wired together, served by every transport. */
export function createBackend(options: BackendOptions): Backend {
  const log = options.log ?? ((message: string) => console.error(message));
  const events = new EventHub();
  const settings = new SettingsStore(options.dataDir, log);
  const documentsDir = options.documentsDir ?? join(options.dataDir, 'Courses');
  const sqlite = { nativeBinding: options.nativeBinding };
  const library = new Library({ documentsDir, settings, events, sqlite });
  const documents = new OpenDocuments(library, settings, events, sqlite, options.appRoot);
  const { platform } = options;
  const previews = new Previews(options.appRoot);
  const uploads = new Uploads((path, file, name) => documents.importAsset(path, file, name));

  const info: AppInfo = {
    name: 'Tailor',
    version: TAILOR_VERSION,
    host: platform.host,
    documentsDir,
    capabilities: platform.capabilities,
  };

  const handlers: Handlers = {
    'app.info': () => info,
    'examples.list': () => ({ examples: listExamples(options.appRoot ?? process.cwd()) }),
    'platform.pickFolder': async ({ title }) => ({
      path: platform.pickFolder ? await platform.pickFolder(title) : unsupported('A folder picker'),
    }),
    'platform.pickDocument': async () => ({
      path: platform.pickDocument ? await platform.pickDocument() : unsupported('A file picker'),
    }),
    'platform.revealInFolder': async ({ path }) => {
      if (!platform.revealInFolder) unsupported('Showing files in the file manager');
      await platform.revealInFolder(library.resolvePath(path));
      return null;
    },
    'platform.setMenu': (state) => {
      if (!platform.setMenu)
        throw new TailorError('unsupported', 'This host has no native menu; the studio shows its own menu bar.');
      platform.setMenu(state);
      return null;
    },
    'library.list': () => ({ entries: library.list() }),
    'course.create': ({ title, folder }) => library.create(title, folder),
    'course.open': ({ path }) => library.open(path),
    'document.open': ({ path, readOnly }) => documents.open(path, readOnly),
    'document.close': ({ path }) => {
      documents.close(path);
      return null;
    },
    'document.apply': ({ path, edit }) => documents.apply(path, edit),
    'document.applyBatch': ({ path, edits, label }) => documents.applyBatch(path, edits, label),
    'document.undo': ({ path }) => documents.undo(path),
    'document.redo': ({ path }) => documents.redo(path),
    'document.importAsset': ({ path, file, name }) => documents.importAsset(path, library.resolvePath(file), name),
    'document.compact': ({ path }) => documents.compact(path),
    'document.readImage': ({ path, name }) => documents.readImage(path, name),
    'document.uploadBegin': ({ path, fileName, size }) => uploads.begin(path, fileName, size),
    'document.uploadChunk': ({ upload, data }) => uploads.chunk(upload, data),
    'document.uploadFinish': ({ upload }) => uploads.finish(upload),
    'document.uploadCancel': ({ upload }) => {
      uploads.cancel(upload);
      return null;
    },
    'document.exportPortable': ({ path, folder }) => documents.exportPortable(path, folder),
    'document.importPortable': ({ folder, target }) => documents.importPortable(folder, target),
    'document.exportScorm': ({ path, job, standard, profile, out, replace }) =>
      documents.exportScorm(path, job, standard, profile, out, replace),
    'export.cancel': ({ job }) => {
      documents.cancelExport(job);
      return null;
    },
    'recovery.list': () => ({ entries: documents.recovered() }),
    'preview.open': ({ path, standard }) => {
      const { course, assets } = documents.source(path);
      return { url: previews.open(course, assets, standard).url };
    },
    'preview.report': ({ path, out, replace }) => documents.writeReviewReport(path, out, replace),
  };

  const dispatch = createDispatch(handlers, {
    onInternalError: (name, error) =>
      log(`[tailor] ${name} failed: ${error instanceof Error ? error.stack : String(error)}`),
  });
  return {
    dispatch,
    events,
    info,
    previews,
    close: () => {
      uploads.cancelAll();
      documents.closeAll();
    },
  };
}
