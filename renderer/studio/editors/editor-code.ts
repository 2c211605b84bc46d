import type { Selection } from '../workspace/selection';

/**
 * The editors whose code is loaded on first use (see LazyView), one loader each. A loader may be
 * called early to start the download: `import()` fetches and evaluates a module once, so the lazy
 * view that asks later finds it ready.
 */
export const editorCode = {
  lesson: () => import('./LessonEditor'),
  questions: () => import('./QuestionEditors'),
  personalization: () => import('../personalization'),
  preview: () => import('../preview'),
} as const;

type EditorCode = keyof typeof editorCode;

const CODE_FOR: Partial<Record<Selection['kind'], EditorCode>> = {
  lesson: 'lesson',
  questions: 'questions',
  question: 'questions',
  banks: 'questions',
  bank: 'questions',
  placement: 'personalization',
  rules: 'personalization',
  rule: 'personalization',
  personas: 'personalization',
  persona: 'personalization',
  preview: 'preview',
};

/** Starts loading the editor a selection needs (a reload on a lesson: while the course opens), if it is a lazy one. */
export function preloadEditorFor(kind: Selection['kind'] | undefined): void {
  const code = kind ? CODE_FOR[kind] : undefined;
  // A failed download is reported by the view that needs it (its error boundary), not here.
  if (code) editorCode[code]().catch(() => undefined);
}

/**
 * Once the workspace is up and the page idle, loads the lesson editor, the one a designer opens
 * most, so the first lesson opens without waiting for its code.
 */
export function prefetchLessonEditorWhenIdle(): () => void {
  const run = () => preloadEditorFor('lesson');
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(run, { timeout: 5000 });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(run, 2000);
  return () => window.clearTimeout(timer);
}
