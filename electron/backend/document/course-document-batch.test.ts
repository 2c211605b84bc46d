import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TailorError } from '../../../shared/contract';
import type { Edit } from '../../../shared/ops';
import { useTempDirs } from '../../../test/fixtures/temp-dir';
import { createCourseFile } from './course-file';
import { CourseDocument } from './course-document';

const tempDir = useTempDirs();

function withDocument<T>(work: (doc: CourseDocument, path: string) => T): T {
  const path = join(tempDir(), 'Batch.tailor');
  createCourseFile(path, 'Batch');
  const doc = CourseDocument.open(path);
  try {
    return work(doc, path);
  } finally {
    doc.close();
  }
}

const addModule = (id: string): Edit => ({
  op: { kind: 'insert', path: ['modules'], value: { id, title: `Module ${id}`, lessons: [] } },
  label: 'Add module',
});

describe('course documents: batches', () => {
  it('undoes a batch of edits in one step and redoes it in one step', () => {
    withDocument((doc) => {
      doc.apply(addModule('a'));
      doc.applyBatch(
        [
          addModule('b'),
          addModule('c'),
          { op: { kind: 'move', path: ['modules', { id: 'c' }], to: 0 }, label: 'Move' },
        ],
        'Add two modules',
      );
      expect(doc.course.modules.map((m) => m.id)).toEqual(['c', 'a', 'b']);
      expect(doc.history().undoLabel).toBe('Add two modules');
      doc.undo();
      expect(doc.course.modules.map((m) => m.id)).toEqual(['a']);
      doc.redo();
      expect(doc.course.modules.map((m) => m.id)).toEqual(['c', 'a', 'b']);
    });
  });

  it('makes a batch durable: it is there after reopening, with its undo step', () => {
    const path = withDocument((doc, path) => {
      doc.applyBatch([addModule('x'), addModule('y')], 'Add modules');
      return path;
    });
    const reopened = CourseDocument.open(path);
    try {
      expect(reopened.course.modules.map((m) => m.id)).toEqual(['x', 'y']);
      reopened.undo();
      expect(reopened.course.modules).toEqual([]);
    } finally {
      reopened.close();
    }
  });

  it('refuses the whole batch when one edit is invalid, says which, and changes nothing', () => {
    withDocument((doc) => {
      doc.apply(addModule('a'));
      let refused: unknown;
      try {
        doc.applyBatch(
          [addModule('b'), { op: { kind: 'remove', path: ['modules', { id: 'nope' }] }, label: 'x' }],
          'Tidy',
        );
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(TailorError);
      expect((refused as TailorError).message).toMatch(/"Tidy" was not applied \(step 2\)/);
      expect(doc.course.modules.map((m) => m.id)).toEqual(['a']);
      expect(doc.history().undoLabel).toBe('Add module');
    });
  });
});
