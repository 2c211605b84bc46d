import type { ReactNode } from 'react';
import type { EditorContext } from '../editors/editor-context';
import type { Selection } from '../workspace/selection';

/** Editors for personalization (placement test, rules, personas). */
export function personalizationEditor(_selection: Selection, _context: EditorContext): ReactNode | undefined {
  return undefined;
}
