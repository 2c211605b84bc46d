import { H3, NonIdealState } from '@blueprintjs/core';
import { lazy, memo, type ReactNode } from 'react';
import { LazyView } from '../app/LazyView';
import type { Selection } from '../workspace/selection';
import { authoringEditor } from './authoring';
import { editorCode } from './editor-code';
import type { EditorContext } from './editor-context';

export interface SelectionEditorProps {
  readonly selection: Selection;
  readonly context: EditorContext;
}

// The personalization editors (CodeMirror, the flow view, the coverage matrix) and the preview are
// loaded when first opened: the first screen of a course does not wait for their code.
const PersonalizationEditors = lazy(() =>
  editorCode.personalization().then(({ personalizationEditor }) => ({
    default: ({ selection, context }: SelectionEditorProps) => personalizationEditor(selection, context),
  })),
);
const PreviewEditors = lazy(() =>
  editorCode.preview().then(({ previewEditor }) => ({
    default: ({ selection, context }: SelectionEditorProps) => previewEditor(selection, context),
  })),
);

const PERSONALIZATION = new Set<Selection['kind']>(['placement', 'rules', 'rule', 'personas', 'persona']);

/** The middle panel: the editor for whatever the navigator selected (drawn again only when one of them changes). */
export const SelectionEditor = memo(function SelectionEditor({ selection, context }: SelectionEditorProps): ReactNode {
  const authored = authoringEditor(selection, context);
  if (authored !== undefined) return authored;
  if (PERSONALIZATION.has(selection.kind))
    return (
      <LazyView label="Loading the personalization editors…">
        <PersonalizationEditors selection={selection} context={context} />
      </LazyView>
    );
  if (selection.kind === 'preview')
    return (
      <LazyView label="Loading the preview…">
        <PreviewEditors selection={selection} context={context} />
      </LazyView>
    );
  return (
    <NonIdealState
      description={
        <>
          <H3>Nothing to edit here yet</H3>
          <p>Pick an item in the navigator on the left.</p>
        </>
      }
    />
  );
});
