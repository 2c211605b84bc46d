import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  createReadStream,
  createWriteStream,
  fsyncSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCourseFile } from '../electron/backend/document/course-file';
import { CourseDocument, referencedAssetNames } from '../electron/backend/document/course-document';
import { portableToDocument } from '../electron/backend/portable-convert';
import { course as courseSchema } from '../shared/model';
import { generateCourse } from './generate-course';
import type { Benchmark } from './harness';

const MEDIA_MIB = Number(process.env.TAILOR_BENCH_MEDIA_MIB ?? 1024);

let dir = '';
let documentPath = '';
let jsonPath = '';
let editDoc: CourseDocument | undefined;
let smallDoc: CourseDocument | undefined;
let counter = 0;
let mediaFile = '';

const largeCourse = () =>
  courseSchema.parse(
    generateCourse({ seed: 5, modules: 1000, competencies: 12, rules: 200, personas: 8, lessonsPerModule: [5, 5] }),
  );

function setupLargeDocument() {
  dir = mkdtempSync(join(tmpdir(), 'tailor-bench-doc-'));
  const course = largeCourse();
  jsonPath = join(dir, 'course.json');
  writeFileSync(jsonPath, JSON.stringify(course));
  documentPath = join(dir, 'large.tailor');
  createCourseFile(documentPath, course.title);
  const doc = CourseDocument.open(documentPath);
  doc.replaceCourse(course);
  doc.close();
}

/** A document holding `course`, open for editing. */
function openNewDocument(path: string, course: ReturnType<typeof largeCourse>): CourseDocument {
  createCourseFile(path, course.title);
  const doc = CourseDocument.open(path);
  doc.replaceCourse(course);
  return doc;
}

const rename = (doc: CourseDocument, modules: number) =>
  doc.apply({
    op: {
      kind: 'set',
      path: ['modules', { id: `module-${(counter % modules) + 1}` }, 'title'],
      value: `Title ${counter++}`,
    },
    label: 'Rename',
  });

/** The 5,000-lesson course as a portable folder: course.json and every medium it refers to (about 1,900 files). */
function setupLargeFolder(): string {
  dir = mkdtempSync(join(tmpdir(), 'tailor-bench-convert-'));
  const folder = join(dir, 'course');
  const course = largeCourse();
  mkdirSync(join(folder, 'assets'), { recursive: true });
  writeFileSync(join(folder, 'course.json'), `${JSON.stringify(course, null, 2)}\n`);
  for (const name of referencedAssetNames(course))
    writeFileSync(
      join(folder, name),
      name.endsWith('.vtt') ? 'WEBVTT\n\n00:00.000 --> 00:02.000\nCaption.\n' : randomBytes(16 * 1024),
    );
  return folder;
}

let folder = '';

export const documentBenchmarks: Benchmark[] = [
  {
    name: 'open a 5,000-lesson document to a usable state',
    goal: 'under 300 ms; the ratio compares with reading the same course as JSON',
    maxSubjectMs: 300,
    samples: 10,
    setup: setupLargeDocument,
    teardown: () => rmSync(dir, { recursive: true, force: true }),
    baseline: {
      label: 'read and parse the same course as one JSON file',
      run: () => courseSchema.parse(JSON.parse(readFileSync(jsonPath, 'utf8'))),
    },
    subject: {
      label: 'CourseDocument.open (+ close)',
      run: () => CourseDocument.open(documentPath).close(),
    },
  },
  {
    name: 'edit-to-durable latency (rename in a 5,000-lesson document)',
    goal: 'p99 under 10 ms; the ratio shows the cost beyond one fsync’d write',
    maxSubjectP99Ms: 10,
    samples: 200,
    setup() {
      setupLargeDocument();
      editDoc = CourseDocument.open(documentPath);
    },
    teardown() {
      editDoc?.close();
      rmSync(dir, { recursive: true, force: true });
    },
    baseline: {
      label: 'write 200 bytes and fsync',
      run: () => {
        const fd = openSync(join(dir, 'probe'), 'w');
        writeSync(fd, 'x'.repeat(200));
        fsyncSync(fd);
        closeSync(fd);
      },
    },
    subject: {
      label: 'CourseDocument.apply',
      run: () => rename(editDoc!, 1000),
    },
  },
  {
    name: 'edit-to-durable latency against course size (rename: 5,000-lesson vs 3-module document)',
    goal: 'an edit costs the same whatever the size of the course (ratio ≤ 1.25)',
    maxRatio: 1.25,
    samples: 200,
    setup() {
      dir = mkdtempSync(join(tmpdir(), 'tailor-bench-edit-size-'));
      editDoc = openNewDocument(join(dir, 'large.tailor'), largeCourse());
      smallDoc = openNewDocument(
        join(dir, 'small.tailor'),
        courseSchema.parse(
          generateCourse({ seed: 5, modules: 3, competencies: 2, rules: 2, personas: 2, lessonsPerModule: [5, 5] }),
        ),
      );
    },
    teardown() {
      editDoc?.close();
      smallDoc?.close();
      rmSync(dir, { recursive: true, force: true });
    },
    baseline: { label: 'the same rename in a 3-module document', run: () => rename(smallDoc!, 3) },
    subject: { label: 'CourseDocument.apply on the 5,000-lesson document', run: () => rename(editDoc!, 1000) },
  },
  {
    name: 'tailor convert of the 5,000-lesson course (portable folder with ~1,900 media → .tailor)',
    goal: 'within 2× copying the same folder (cp -r)',
    maxRatio: 2,
    samples: 5,
    setup() {
      folder = setupLargeFolder();
    },
    // Outputs are removed at the end, so neither side is timed deleting the other's files, and the dirty
    // pages of one run are written out before the next, so neither is timed writing back the other's (the
    // convert ends with an fsync, which on ext4 also commits what the copy before it left in the journal).
    // The copy is only fast a few minutes after a mass deletion: see docs/benchmarks.md.
    beforeEachRun: () => void execFileSync('sync'),
    teardown: () => rmSync(dir, { recursive: true, force: true }),
    baseline: {
      label: 'cp -r of the folder',
      run: () => execFileSync('cp', ['-r', folder, join(dir, `copy-${counter++}`)]),
    },
    subject: {
      label: 'portableToDocument (what tailor convert runs)',
      run: () => portableToDocument(folder, join(dir, `converted-${counter++}.tailor`)),
    },
  },
  {
    name: `media import throughput (${MEDIA_MIB} MiB file)`,
    goal: 'throughput at least 0.8 of a durable file copy (ratio ≤ 1.25)',
    maxRatio: 1.25,
    samples: 3,
    setup() {
      dir = mkdtempSync(join(tmpdir(), 'tailor-bench-media-'));
      mediaFile = join(dir, 'video.mp4');
      const fd = openSync(mediaFile, 'w');
      for (let i = 0; i < MEDIA_MIB; i++) writeSync(fd, randomBytes(1024 * 1024));
      closeSync(fd);
    },
    teardown: () => rmSync(dir, { recursive: true, force: true }),
    baseline: {
      label: 'streamed copy of the same file, fsync’d',
      run: async () => {
        const target = join(dir, 'copy.mp4');
        const out = createWriteStream(target);
        createReadStream(mediaFile, { highWaterMark: 1024 * 1024 }).pipe(out);
        await once(out, 'finish');
        const fd = openSync(target, 'r+');
        fsyncSync(fd);
        closeSync(fd);
        rmSync(target);
      },
    },
    subject: {
      label: 'CourseDocument.importAsset',
      run: async () => {
        const path = join(dir, `media-${counter++}.tailor`);
        createCourseFile(path, 'Media');
        const doc = CourseDocument.open(path);
        await doc.importAsset(mediaFile);
        doc.close();
        rmSync(path);
      },
    },
  },
];
