import { z } from 'zod';
import type { Course } from '../model';
import { assetPath } from '../model';
import { edit, type Patch } from '../ops';
import { MENU_GROUPS } from '../commands/menu';
import { PROFILES, STANDARDS } from '../scorm/plan';
import { courseTitle, filePath } from './schemas';

/** What the host can do natively; the studio asks this instead of sniffing for Electron. */
export interface PlatformCapabilities {
  /** A native folder picker exists (Electron); otherwise the studio asks for a typed path. */
  readonly pickFolder: boolean;
  /** A native "open document" picker exists. */
  readonly pickDocument: boolean;
  /** The host can show a file in the system's file manager. */
  readonly revealInFolder: boolean;
  /** The host draws the application menu natively (Electron); otherwise the studio shows its own menu bar. */
  readonly nativeMenu: boolean;
}

export interface AppInfo {
  readonly name: 'Tailor';
  readonly version: string;
  readonly host: 'electron' | 'web' | 'cli' | 'test';
  /** Where new courses go unless the designer picks another folder. */
  readonly documentsDir: string;
  readonly capabilities: PlatformCapabilities;
}

/** An example course shipped with Tailor, as the welcome screen offers it. */
export interface ExampleCourse {
  readonly title: string;
  /** The course's own description (what the learner reads on its cover); empty when it has none. */
  readonly description: string;
  /** The portable folder (course.json + assets/) to import. */
  readonly folder: string;
}

export interface CourseSummary {
  /** Absolute path of the `.tailor` file. */
  readonly path: string;
  readonly title: string;
  /** ISO 8601 time of the file's last change. */
  readonly modifiedAt: string;
}

/** A library entry that could not be read is still listed, with the reason, so nothing silently vanishes. */
export type LibraryEntry =
  | ({ readonly readable: true } & CourseSummary)
  | { readonly readable: false; readonly path: string; readonly problem: string };

export interface HistoryState {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly undoLabel?: string;
  readonly redoLabel?: string;
}

export interface AssetInfo {
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
  readonly mime: string;
}

/** An open document as the studio sees it. */
export interface DocumentSnapshot {
  readonly path: string;
  readonly readOnly: boolean;
  readonly version: number;
  readonly course: Course;
  readonly history: HistoryState;
  readonly assets: readonly AssetInfo[];
}

export interface DocumentChange {
  readonly path: string;
  readonly version: number;
  readonly patches: readonly Patch[];
  readonly history: HistoryState;
}

export interface CallSpec<Req extends z.ZodType, Res> {
  readonly request: Req;
  readonly summary: string;
  /** Phantom: carries the response type; never set at run time. */
  readonly response?: Res;
}

const call =
  <Res>() =>
  <Req extends z.ZodType>(request: Req, summary: string): CallSpec<Req, Res> => ({ request, summary });

const empty = z.strictObject({});

/** Bytes of media per upload chunk; base64 makes it 4/3 larger, still well under 1 MiB per request. */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;
const UPLOAD_CHUNK_BASE64_MAX = Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4;

/** The largest image the editor previews; larger ones show no thumbnail but still export. */
export const IMAGE_PREVIEW_MAX_BYTES = 5 * 1024 * 1024;

/** Every call between the UI and the backend, declared once. */
export const calls = {
  'app.info': call<AppInfo>()(empty, 'Version, host kind, default folder and native capabilities.'),
  'examples.list': call<{ readonly examples: readonly ExampleCourse[] }>()(
    empty,
    'The example courses shipped with Tailor (portable folders to import).',
  ),
  'platform.pickFolder': call<{ readonly path: string | null }>()(
    z.strictObject({ title: z.string().max(200).optional() }),
    'Ask the designer for a folder with the native picker; null when cancelled.',
  ),
  'platform.pickDocument': call<{ readonly path: string | null }>()(
    empty,
    'Ask the designer for a .tailor document with the native picker; null when cancelled.',
  ),
  'platform.revealInFolder': call<null>()(
    z.strictObject({ path: filePath }),
    'Show a file in the system file manager.',
  ),
  'platform.setMenu': call<null>()(
    z.strictObject({
      commands: z
        .array(
          z.strictObject({
            id: z.string().min(1).max(100),
            label: z.string().min(1).max(200),
            group: z.enum(MENU_GROUPS),
            hotkeys: z.array(z.string().min(1).max(40)).max(4).optional(),
            enabled: z.boolean(),
          }),
        )
        .max(200),
      recent: z.array(z.strictObject({ path: filePath, title: z.string().max(500) })).max(20),
    }),
    "Show the studio's commands (and recent courses) in the native application menu.",
  ),
  'library.list': call<{ readonly entries: readonly LibraryEntry[] }>()(
    empty,
    'Courses in the documents folder and recently opened ones, newest first.',
  ),
  'course.create': call<CourseSummary>()(
    z.strictObject({ title: courseTitle, folder: filePath.optional() }),
    'Create a new .tailor document with this title in the folder (default: the documents folder).',
  ),
  'course.open': call<CourseSummary>()(
    z.strictObject({ path: filePath }),
    'Open an existing .tailor document and remember it among recent courses.',
  ),
  'document.open': call<DocumentSnapshot>()(
    z.strictObject({ path: filePath, readOnly: z.boolean().default(false) }),
    'Open a course document for editing (one writer at a time) or read-only.',
  ),
  'document.close': call<null>()(z.strictObject({ path: filePath }), 'Close an open document.'),
  'document.apply': call<DocumentChange>()(
    z.strictObject({ path: filePath, edit }),
    'Apply one edit; it is durable when the answer arrives.',
  ),
  'document.applyBatch': call<DocumentChange>()(
    z.strictObject({ path: filePath, edits: z.array(edit).min(1).max(5000), label: z.string().min(1).max(200) }),
    'Apply several edits as one action: all or none, undone in one step.',
  ),
  'document.undo': call<DocumentChange>()(z.strictObject({ path: filePath }), 'Undo the last edit.'),
  'document.redo': call<DocumentChange>()(z.strictObject({ path: filePath }), 'Redo the last undone edit.'),
  'document.importAsset': call<AssetInfo>()(
    z.strictObject({ path: filePath, file: filePath, name: assetPath.optional() }),
    'Import a media file into the document (streamed, stored once per content).',
  ),
  'document.uploadBegin': call<{ readonly upload: string; readonly name: string }>()(
    z.strictObject({
      path: filePath,
      fileName: z.string().min(1).max(255),
      size: z.number().int().min(0),
    }),
    'Start sending a media file from the browser in chunks; answers the upload id and the asset name it will get.',
  ),
  'document.uploadChunk': call<{ readonly received: number }>()(
    z.strictObject({
      upload: z.string().min(1).max(100),
      /** Base64 of at most 512 KiB, so a request stays under the web host's 1 MiB limit. */
      data: z.string().max(UPLOAD_CHUNK_BASE64_MAX, { error: 'must be at most 512 KiB of data' }),
    }),
    'Append the next chunk (base64) of an upload.',
  ),
  'document.uploadFinish': call<AssetInfo>()(
    z.strictObject({ upload: z.string().min(1).max(100) }),
    'Import the uploaded file into the document (stored once per content).',
  ),
  'document.uploadCancel': call<null>()(
    z.strictObject({ upload: z.string().min(1).max(100) }),
    'Stop an upload; nothing is imported.',
  ),
  'document.compact': call<{ readonly removedNames: readonly string[]; readonly bytesFreed: number }>()(
    z.strictObject({ path: filePath }),
    'Remove media no lesson uses.',
  ),
  'document.readImage': call<{ readonly mime: string; readonly base64: string }>()(
    z.strictObject({ path: filePath, name: assetPath }),
    "An image of the document, for the lesson editor's thumbnail (images up to 5 MB).",
  ),
  'document.exportPortable': call<{ readonly folder: string }>()(
    z.strictObject({ path: filePath, folder: filePath }),
    'Write the course as a portable folder (course.json + assets/).',
  ),
  'document.importPortable': call<CourseSummary>()(
    z.strictObject({ folder: filePath, target: filePath.optional() }),
    'Create a .tailor document from a portable folder (in the documents folder unless a target is given).',
  ),
  'document.exportScorm': call<{
    readonly out: string;
    readonly files: number;
    readonly bytes: number;
    readonly warnings: readonly string[];
  }>()(
    z.strictObject({
      path: filePath,
      job: z.string().min(1).max(100),
      standard: z.enum(STANDARDS, { error: `must be one of ${STANDARDS.join(', ')}` }),
      profile: z.enum(PROFILES, { error: `must be one of ${PROFILES.join(', ')}` }).default('generic'),
      out: filePath.refine((p) => p.toLowerCase().endsWith('.zip'), { error: 'must end in .zip' }),
      /** An existing file at `out` is replaced only when this is true (after the designer chose "Replace"). */
      replace: z.boolean().default(false),
    }),
    'Export a SCORM package (verified and checked first); progress arrives as export.progress events.',
  ),
  'export.cancel': call<null>()(
    z.strictObject({ job: z.string().min(1).max(100) }),
    'Cancel a running export; nothing is written.',
  ),
  'preview.open': call<{ readonly url: string }>()(
    z.strictObject({
      path: filePath,
      standard: z.enum(STANDARDS, { error: `must be one of ${STANDARDS.join(', ')}` }),
    }),
    'Build the package export would write, in memory, and answer the address of its preview LMS page.',
  ),
  'preview.report': call<{ readonly out: string; readonly bytes: number }>()(
    z.strictObject({
      path: filePath,
      out: filePath.refine((p) => /\.html?$/i.test(p), { error: 'must end in .html' }),
      /** An existing file at `out` is replaced only when this is true (after the designer chose "Replace"). */
      replace: z.boolean().default(false),
    }),
    'Write the review report: one self-contained HTML page with the course, every persona’s path, the side-by-side table and the proof’s findings.',
  ),
  'recovery.list': call<{ readonly entries: readonly LibraryEntry[] }>()(
    empty,
    'Documents that were open when Tailor last stopped without closing them.',
  ),
} as const;

export type CallName = keyof typeof calls;
export type CallRequest<K extends CallName> = z.input<(typeof calls)[K]['request']>;
/** The request after validation (defaults applied, strings trimmed). */
export type ParsedRequest<K extends CallName> = z.output<(typeof calls)[K]['request']>;
export type CallResponse<K extends CallName> = Exclude<(typeof calls)[K]['response'], undefined>;

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(calls, name);
}
