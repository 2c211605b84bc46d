import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { openCourseSource } from '../../electron/backend/course-source';
import { buildPreviewPackage } from '../../electron/backend/preview/preview-package';
import { mimeTypeOf, resolveUnderRoot } from '../../electron/backend/static-files';

export { nextLaunch } from '../../shared/scorm/lms-limits';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Unpacks a package zip into `dir/pkg`, refusing entries that would land outside it. */
export function unpack(zip: string, dir: string): string[] {
  const target = join(dir, 'pkg');
  const entries = unzipSync(readFileSync(zip));
  for (const [name, data] of Object.entries(entries)) {
    const path = resolveUnderRoot(target, `/${name}`);
    if (!path) throw new Error(`package entry escapes the folder: ${name}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
  return Object.keys(entries);
}

/** Every API method of each standard, as the test LMS records them. */
export const LMS_METHODS = {
  scorm12: [
    'LMSInitialize',
    'LMSFinish',
    'LMSGetValue',
    'LMSSetValue',
    'LMSCommit',
    'LMSGetLastError',
    'LMSGetErrorString',
    'LMSGetDiagnostic',
  ],
  scorm2004: [
    'Initialize',
    'Terminate',
    'GetValue',
    'SetValue',
    'Commit',
    'GetLastError',
    'GetErrorString',
    'GetDiagnostic',
  ],
} as const;

/**
 * A test LMS: a page that provides the SCORM API with scorm-again, records every call and opens
 * the package in a frame, as an LMS would. `?resume=<json>` preloads stored CMI data first.
 */
export function writeLms(dir: string, standard: 'scorm12' | 'scorm2004'): void {
  const lib = standard === 'scorm12' ? 'scorm12.min.js' : 'scorm2004.min.js';
  copyFileSync(join(root, 'node_modules', 'scorm-again', 'dist', lib), join(dir, lib));
  const [global, name] = standard === 'scorm12' ? ['Scorm12API', 'API'] : ['Scorm2004API', 'API_1484_11'];
  const methods = LMS_METHODS[standard];
  writeFileSync(
    join(dir, 'lms.js'),
    `window.trace = [];
const api = new ${global}({ autocommit: false, logLevel: 5 });
const params = new URLSearchParams(location.search);
const resume = params.get('resume');
if (resume) api.loadFromFlattenedJSON(JSON.parse(resume));
// ?fail=commit refuses every Commit (and the save at Terminate); ?fail=suspend refuses suspend_data.
const fail = params.get('fail');
// ?drop=launch stores nothing equal to its launch value, as Moodle's SCORM 2004 player does.
const drop = params.get('drop') === 'launch';
const launch = api.getFlattenedCMI();
let held = { ...launch };
const store = () => {
  for (const [k, v] of Object.entries(api.getFlattenedCMI())) if (!(drop && launch[k] === v)) held[k] = v;
};
const [commitName, finishName, setName] = ${JSON.stringify(standard === 'scorm12' ? ['LMSCommit', 'LMSFinish', 'LMSSetValue'] : ['Commit', 'Terminate', 'SetValue'])};
for (const m of ${JSON.stringify(methods)}) {
  const original = api[m].bind(api);
  api[m] = (...args) => {
    let result;
    if (fail === 'commit' && m === commitName) result = 'false';
    else if (fail === 'suspend' && m === setName && args[0] === 'cmi.suspend_data') result = 'false';
    else {
      result = original(...args);
      if ((m === commitName || m === finishName) && String(result) === 'true' && fail !== 'commit') store();
    }
    window.trace.push({ m, args, result: String(result) });
    return result;
  };
}
window.${name} = api;
window.flattened = () => api.getFlattenedCMI();
/** What the LMS holds: the data of the last save it accepted. */
window.held = () => held;
const frame = document.createElement('iframe');
frame.title = 'Course';
frame.src = 'pkg/index.html';
frame.style = 'width:100%;height:95vh;border:0';
document.querySelector('main').append(frame);
`,
  );
  writeFileSync(
    join(dir, 'lms.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title></head><body><main aria-label="Test LMS"><h1 style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)">Test LMS</h1></main><script src="${lib}"></script><script src="lms.js"></script></body></html>`,
  );
}

/** Serves a folder on 127.0.0.1, like an LMS's content server. */
export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = resolveUnderRoot(dir, new URL(req.url ?? '/', 'http://x').pathname);
    if (!path || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': mimeTypeOf(path) });
    createReadStream(path).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    // The page is still open: the browser may hold a connection mid-response (media it preloads, paused), and
    // `close` alone waits for every connection to end, which then happens only when the test has timed out.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Exports a course folder with the real CLI, unpacks it into `dir/pkg` and sets up the test LMS beside it. */
export function packageForLms(
  courseFolder: string,
  standard: 'scorm12' | 'scorm2004-3rd' | 'scorm2004-4th',
  dir: string,
): string[] {
  const zip = join(dir, 'package.zip');
  execFileSync(process.execPath, [
    join(root, 'out/cli/tailor.mjs'),
    'export',
    courseFolder,
    '--standard',
    standard,
    '--out',
    zip,
  ]);
  const entries = unpack(zip, dir);
  writeLms(dir, standard === 'scorm12' ? 'scorm12' : 'scorm2004');
  return entries;
}

/**
 * Sets up the studio's preview of a course beside the test LMS, as the studio serves it: the package
 * the preview builds (`dir/preview/pkg`) and the preview's LMS page (`dir/preview/lms/lms.html`).
 */
export async function previewForLms(
  courseFolder: string,
  standard: 'scorm12' | 'scorm2004-3rd' | 'scorm2004-4th',
  dir: string,
): Promise<void> {
  const source = openCourseSource(courseFolder);
  try {
    const preview = buildPreviewPackage({ course: source.course, assets: source.assets, standard, appRoot: root });
    for (const path of preview.paths()) {
      const target = resolveUnderRoot(join(dir, 'preview', 'pkg'), `/${path}`);
      const bytes = await preview.read(path);
      if (!target || !bytes) throw new Error(`the preview package cannot serve ${path}`);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
    }
  } finally {
    source.close();
  }
  const lms = join(dir, 'preview', 'lms');
  mkdirSync(lms, { recursive: true });
  for (const file of readdirSync(join(root, 'out', 'preview-lms')))
    copyFileSync(join(root, 'out', 'preview-lms', file), join(lms, file));
}
