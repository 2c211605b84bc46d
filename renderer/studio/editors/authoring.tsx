import type { ReactNode } from 'react';
import type { Selection } from '../workspace/selection';
import type { EditorContext } from './editor-context';

/** Editors for the course's content (course, competencies, modules, lessons, questions, banks, media). */
export function authoringEditor(_selection: Selection, _context: EditorContext): ReactNode | undefined {
  return undefined;
}
