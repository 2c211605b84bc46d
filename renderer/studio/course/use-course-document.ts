import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { ContractError, DocumentSnapshot } from '../../../shared/contract';
import { applyOp, OpError, replay, type Edit } from '../../../shared/ops';
import { useBackend } from '../app/backend-context';
import type { ApplyOptions } from '../editors/editor-context';
import { createSavingStatus } from './saving-status';
import { sameHistory } from './same-history';

export type DocumentState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: ContractError }
  | { readonly kind: 'ready'; readonly doc: DocumentSnapshot };

/**
 * An open document in the studio. Edits apply at once with the same ops the backend runs, then
 * the backend confirms; if it refuses, the edit is rolled back and the reason shown.
 */
export function useCourseDocument(path: string, readOnly: boolean) {
  const { client, info } = useBackend();
  const [state, setState] = useState<DocumentState>({ kind: 'loading' });
  const [problem, setProblem] = useState<string | null>(null);
  const current = useRef<DocumentSnapshot | null>(null);
  // Over HTTP, concurrent requests can overtake each other, and a title's "Plan firs" must never land
  // after "Plan first": browser mode sends edits one at a time. Electron's IPC keeps order by itself.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const inFlight = useRef(0);
  const [saving] = useState(createSavingStatus);
  const serial = info.host === 'web';
  const inOrder = useCallback(
    <T>(send: () => Promise<T>): Promise<T> => {
      if (inFlight.current++ === 0) saving.set(true);
      const sent = serial ? queue.current.then(send, send) : send();
      const next = sent.finally(() => {
        if (--inFlight.current === 0) saving.set(false);
      });
      queue.current = next.catch(() => undefined);
      return next;
    },
    [serial, saving],
  );

  // A browser tab closed while edits are on their way would lose them: the browser asks first.
  useEffect(() => {
    if (!serial) return;
    const hold = (event: BeforeUnloadEvent) => {
      if (saving.saving()) event.preventDefault();
    };
    window.addEventListener('beforeunload', hold);
    return () => window.removeEventListener('beforeunload', hold);
  }, [saving, serial]);

  /**
   * Shows a snapshot. `later`: in a transition, after the frame the designer is waiting for. A keystroke's text is
   * already on screen in its own field (a CodeMirror, a text box with local state); drawing the whole studio again
   * for it (the rules list, the analysis, the outline) would hold that frame back by tens of milliseconds.
   */
  const show = useCallback((doc: DocumentSnapshot, later = false) => {
    current.current = doc;
    if (later) startTransition(() => setState({ kind: 'ready', doc }));
    else setState({ kind: 'ready', doc });
  }, []);

  const reload = useCallback(async () => {
    const result = await client.invoke('document.open', { path, readOnly });
    if (result.ok) show(result.value);
    else setState({ kind: 'failed', error: result.error });
  }, [client, path, readOnly, show]);

  useEffect(() => {
    let live = true;
    void client.invoke('document.open', { path, readOnly }).then((result) => {
      if (!live) return;
      if (result.ok) show(result.value);
      else setState({ kind: 'failed', error: result.error });
    });
    const unsubscribe = client.subscribe('document.changed', (change) => {
      const doc = current.current;
      // Another window changed this document: take the backend's version. While our own edits are
      // on their way, the changes announced are ours (a document has one writer), so nothing is reloaded.
      if (inFlight.current > 0) return;
      if (live && doc && change.path === doc.path && change.version > doc.version) void reload();
    });
    return () => {
      live = false;
      unsubscribe();
      void client.invoke('document.close', { path });
    };
  }, [client, path, readOnly, reload, show]);

  const apply = useCallback(
    async (edit: Edit, options?: ApplyOptions) => {
      const doc = current.current;
      if (!doc || doc.readOnly) return;
      let optimistic;
      try {
        optimistic = applyOp(doc.course, edit.op);
      } catch (error) {
        setProblem(error instanceof OpError ? `${error.path}: ${error.message}` : String(error));
        return;
      }
      show({ ...doc, course: optimistic.course }, options?.later === true);
      const result = await inOrder(() => client.invoke('document.apply', { path: doc.path, edit }));
      if (result.ok) {
        setProblem(null);
        const latest = current.current!;
        const confirmed = { ...latest, version: result.value.version, history: result.value.history };
        // A keystroke merged into the edit on the undo stack changes only the version, which nothing on screen shows:
        // it is kept for the next edit, and the studio is not drawn again for it.
        if (sameHistory(latest.history, confirmed.history)) current.current = confirmed;
        // Otherwise the undo label changes: for an edit drawn later, drawn later too.
        // (Others at once: Undo must be enabled as soon as the edit is saved.)
        else show(confirmed, options?.later === true);
      } else {
        setProblem(result.error.message);
        await reload();
      }
    },
    [client, reload, show, inOrder],
  );

  const applyAll = useCallback(
    async (edits: readonly Edit[], label: string) => {
      const doc = current.current;
      if (!doc || doc.readOnly || edits.length === 0) return;
      let course = doc.course;
      try {
        for (const edit of edits) course = applyOp(course, edit.op).course;
      } catch (error) {
        setProblem(error instanceof OpError ? `${error.path}: ${error.message}` : String(error));
        return;
      }
      show({ ...doc, course });
      const result = await inOrder(() =>
        client.invoke('document.applyBatch', { path: doc.path, edits: [...edits], label }),
      );
      if (result.ok) {
        setProblem(null);
        const latest = current.current!;
        // Only the undo label changes: drawn in a transition, so a new module's row and rename field, often still
        // on their way to the screen when the backend answers, are not held back for it.
        show({ ...latest, version: result.value.version, history: result.value.history }, true);
      } else {
        setProblem(result.error.message);
        await reload();
      }
    },
    [client, reload, show, inOrder],
  );

  const travel = useCallback(
    async (direction: 'undo' | 'redo') => {
      const doc = current.current;
      if (!doc || doc.readOnly) return;
      const result = await inOrder(() =>
        client.invoke(direction === 'undo' ? 'document.undo' : 'document.redo', { path: doc.path }),
      );
      if (!result.ok) {
        setProblem(result.error.message);
        return;
      }
      const latest = current.current!;
      show({
        ...latest,
        course: result.value.patches.length ? replay(latest.course, result.value.patches) : latest.course,
        version: result.value.version,
        history: result.value.history,
      });
    },
    [client, show, inOrder],
  );

  const undo = useCallback(() => travel('undo'), [travel]);
  const redo = useCallback(() => travel('redo'), [travel]);
  return { state, problem, saving, apply, applyAll, undo, redo };
}
