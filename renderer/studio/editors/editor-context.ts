import type { AssetInfo } from '../../../shared/contract';
import type { Course } from '../../../shared/model';
import type { Edit } from '../../../shared/ops';
import type { Selection } from '../workspace/selection';

export interface ApplyOptions {
  /**
   * Draw the rest of the studio for this edit after the next frame (a React transition), not before it: for a field
   * that already shows what was typed and tells its own echo from a change made elsewhere (see RuleCard).
   */
  readonly later?: boolean;
}

/** What every editor in the workspace's middle panel gets: the snapshot and the one way to change it. */
export interface EditorContext {
  /** The open document's path (for calls such as `document.importAsset`). */
  readonly path: string;
  readonly course: Course;
  readonly assets: readonly AssetInfo[];
  readonly readOnly: boolean;
  /** Apply one edit (optimistically, then confirmed by the backend; undo covers it). */
  apply(edit: Edit, options?: ApplyOptions): Promise<void>;
  /** Apply several edits as the designer's one action (e.g. move a lesson to another module). */
  applyAll(edits: readonly Edit[], label: string): Promise<void>;
  /** Show another item (changes the URL, so a reload comes back to it). */
  select(selection: Selection): void;
}
