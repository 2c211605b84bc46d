import type { ReactNode } from 'react';
import type { EditorContext } from '../editors/editor-context';
import type { Selection } from '../workspace/selection';
import { PreviewView } from './PreviewView';

/** The preview in the workspace's middle panel, when the selection is `preview`. */
export function previewEditor(selection: Selection, context: EditorContext): ReactNode | undefined {
  return selection.kind === 'preview' ? <PreviewView context={context} /> : undefined;
}
