import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Course } from '../../shared/model';
import { CourseDocument } from './document/course-document';
import { folderAssets, type AssetSource } from './export/export-package';
import { parseCourseForStorage } from './portable-convert';
import { readPortableCourse } from './portable-course';

export interface CourseSource {
  readonly course: Course;
  readonly file: string;
  readonly assets: AssetSource;
  close(): void;
}

function filesUnder(root: string, dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? filesUnder(root, join(dir, e.name))
      : e.isFile()
        ? [relative(root, join(dir, e.name)).split(sep).join('/')]
        : [],
  );
}

/** A course with its media, from a .tailor document (read-only) or a portable folder. */
export function openCourseSource(path: string): CourseSource {
  if (path.endsWith('.tailor')) {
    const doc = CourseDocument.open(resolve(path), { readOnly: true });
    const list = doc.listAssets();
    return {
      course: doc.course,
      file: doc.path,
      assets: {
        names: () => list.map((a) => a.name),
        size: (name) => list.find((a) => a.name === name)?.size ?? 0,
        copyTo: (name, target) => doc.exportAsset(name, target),
      },
      close: () => doc.close(),
    };
  }
  const portable = readPortableCourse(path);
  return {
    course: parseCourseForStorage(portable.json, portable.file),
    file: portable.file,
    assets: folderAssets(portable.folder, filesUnder(portable.folder, join(portable.folder, 'assets'))),
    close: () => {},
  };
}
