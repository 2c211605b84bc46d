import { H3, NonIdealState } from '@blueprintjs/core';
import type { ReactNode } from 'react';
import type { Selection } from '../workspace/selection';
import { authoringEditor } from './authoring';
import type { EditorContext } from './editor-context';
import { personalizationEditor } from '../personalization';
import { previewEditor } from '../preview';

export interface SelectionEditorProps {
  readonly selection: Selection;
  readonly context: EditorContext;
}

/** The middle panel: the editor for whatever the navigator selected. */
export function SelectionEditor({ selection, context }: SelectionEditorProps): ReactNode {
  return (
    authoringEditor(selection, context) ??
    personalizationEditor(selection, context) ??
    previewEditor(selection, context) ?? (
      <NonIdealState
        description={
          <>
            <H3>Nothing to edit here yet</H3>
            <p>Pick an item in the navigator on the left.</p>
          </>
        }
      />
    )
  );
}
