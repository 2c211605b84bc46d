import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContractError, DocumentSnapshot } from '../../../shared/contract';
import { applyOp, OpError, replay, type Edit } from '../../../shared/ops';
import { useBackend } from '../app/backend-context';

export type DocumentState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: ContractError }
  | { readonly kind: 'ready'; readonly doc: DocumentSnapshot };

/**
 * An open document in the studio. Edits apply at once with the same ops the backend runs, then
 * the backend confirms; if it refuses, the edit is rolled back and the reason shown.
 */
export function useCourseDocument(path: string, readOnly: boolean) {
  const { client } = useBackend();
  const [state, setState] = useState<DocumentState>({ kind: 'loading' });
  const [problem, setProblem] = useState<string | null>(null);
  const current = useRef<DocumentSnapshot | null>(null);

  const show = useCallback((doc: DocumentSnapshot) => {
    current.current = doc;
    setState({ kind: 'ready', doc });
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
      // Another window changed this document: take the backend's version.
      if (live && doc && change.path === doc.path && change.version > doc.version) void reload();
    });
    return () => {
      live = false;
      unsubscribe();
      void client.invoke('document.close', { path });
    };
  }, [client, path, readOnly, reload, show]);

  const apply = useCallback(
    async (edit: Edit) => {
      const doc = current.current;
      if (!doc || doc.readOnly) return;
      let optimistic;
      try {
        optimistic = applyOp(doc.course, edit.op);
      } catch (error) {
        setProblem(error instanceof OpError ? `${error.path}: ${error.message}` : String(error));
        return;
      }
      show({ ...doc, course: optimistic.course });
      const result = await client.invoke('document.apply', { path: doc.path, edit });
      if (result.ok) {
        setProblem(null);
        const latest = current.current!;
        show({ ...latest, version: result.value.version, history: result.value.history });
      } else {
        setProblem(result.error.message);
        await reload();
      }
    },
    [client, reload, show],
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
      const result = await client.invoke('document.applyBatch', { path: doc.path, edits: [...edits], label });
      if (result.ok) {
        setProblem(null);
        const latest = current.current!;
        show({ ...latest, version: result.value.version, history: result.value.history });
      } else {
        setProblem(result.error.message);
        await reload();
      }
    },
    [client, reload, show],
  );

  const travel = useCallback(
    async (direction: 'undo' | 'redo') => {
      const doc = current.current;
      if (!doc || doc.readOnly) return;
      const result = await client.invoke(direction === 'undo' ? 'document.undo' : 'document.redo', { path: doc.path });
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
    [client, show],
  );

  const undo = useCallback(() => travel('undo'), [travel]);
  const redo = useCallback(() => travel('redo'), [travel]);
  return { state, problem, apply, applyAll, undo, redo };
}
