import { useCallback, useMemo, useState } from 'react';
import type { Course } from '../../../shared/model';
import { jsonPath } from '../../../shared/model/json-path';
import { applyOp, OpError, type Op, type Segment } from '../../../shared/ops';
import { useStudioAnalysis } from '../analysis/use-analysis';
import type { EditorContext } from './editor-context';

/**
 * The JSON path of a place in the course as Findings and the Problems panel name it
 * (`modules[2].lessons[0].title`): id segments become the element's index.
 */
export function dataPathOf(course: Course, path: readonly Segment[]): string {
  const out: (string | number)[] = [];
  let current: unknown = course;
  for (const seg of path) {
    if (typeof seg === 'object') {
      const list = Array.isArray(current) ? (current as { id?: unknown }[]) : [];
      const index = list.findIndex((item) => item?.id === seg.id);
      out.push(index < 0 ? list.length : index);
      current = index < 0 ? undefined : list[index];
    } else {
      out.push(seg);
      current = (current as Record<string | number, unknown> | undefined)?.[seg];
    }
  }
  return jsonPath(out);
}

const TOO_SMALL = /^Too small: expected number to be >=?(-?[\d.]+)/;
const TOO_BIG = /^Too big: expected number to be <=?(-?[\d.]+)/;

/** A model message as a sentence about the field: `Title must not be empty.` */
export function fieldMessage(label: string, message: string): string {
  let words = message;
  const small = TOO_SMALL.exec(message);
  const big = TOO_BIG.exec(message);
  if (small) words = message.includes('>=') ? `must be at least ${small[1]}` : `must be more than ${small[1]}`;
  else if (big) words = message.includes('<=') ? `must be at most ${big[1]}` : `must be less than ${big[1]}`;
  else if (/expected number/.test(message)) words = 'must be a number';
  else if (/expected int/.test(message)) words = 'must be a whole number';
  else if (/^Too small: expected array to have >=(\d+)/.test(message))
    words = `needs at least ${/>=(\d+)/.exec(message)![1]} items`;
  // Messages that already name their subject ("the lowest level must start at 0") stand alone.
  const sentence = /^(must|needs|is|are)\b/.test(words)
    ? `${label} ${words}`
    : `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

export interface Editing {
  readonly context: EditorContext;
  readonly course: Course;
  readonly editable: boolean;
  /** Messages by data-path for values the model refused (the field keeps showing what was typed). */
  readonly errors: Readonly<Record<string, string>>;
  /** What is wrong at a data-path: a refused value first, else a reference problem of the course. */
  messageAt(dataPath: string, label?: string): string | undefined;
  pathOf(path: readonly Segment[]): string;
  /**
   * Checks an edit against the model first: a refused one is not sent, and its message is kept
   * for the field at `field` (default: the edit's own path). Returns whether it was applied.
   */
  run(
    op: Op,
    label: string,
    options?: {
      merge?: string;
      field?: string;
      fieldLabel?: string;
      /** The field already shows what was typed: draw the rest of the studio after the frame (see ApplyOptions). */
      later?: boolean;
    },
  ): boolean;
  /** Forgets the message of a field (its draft was abandoned). */
  clear(field: string): void;
}

export function useEditing(context: EditorContext): Editing {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { course } = context;
  const pathOf = useCallback((path: readonly Segment[]) => dataPathOf(course, path), [course]);
  const clear = useCallback(
    (field: string) =>
      setErrors((current) => {
        if (!(field in current)) return current;
        const next = { ...current };
        delete next[field];
        return next;
      }),
    [],
  );
  const run = useCallback<Editing['run']>(
    (op, label, options = {}) => {
      const field = options.field ?? dataPathOf(course, op.path);
      try {
        applyOp(course, op);
      } catch (error) {
        const message = error instanceof OpError ? error.message : String(error);
        setErrors((current) => ({ ...current, [field]: fieldMessage(options.fieldLabel ?? 'This', message) }));
        return false;
      }
      clear(field);
      void context.apply({ op, label, merge: options.merge }, options.later ? { later: true } : undefined);
      return true;
    },
    [course, context, clear],
  );
  const problems = useCourseProblems();
  const messageAt = useCallback(
    (dataPath: string, label = 'This') => {
      const problem = problems.get(dataPath);
      return errors[dataPath] ?? (problem === undefined ? undefined : fieldMessage(label, problem));
    },
    [errors, problems],
  );
  return useMemo(
    () => ({ context, course, editable: !context.readOnly, errors, messageAt, pathOf, run, clear }),
    [context, course, errors, messageAt, pathOf, run, clear],
  );
}

/**
 * Reference problems (a level no competency has, a role the course does not know) by data-path. They are the analysis's
 * own (its worker loads the course first): loading a 5,000-lesson course again here held the main thread ~100 ms.
 */
function useCourseProblems(): ReadonlyMap<string, string> {
  const { problems } = useStudioAnalysis();
  return useMemo(() => new Map(problems.map((p) => [p.path, p.message] as const)), [problems]);
}

/** A short id that is not yet used: `base`, `base-2`, `base-3`… (ids appear in rules, so they stay readable). */
export function freshId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const stem =
    base
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^[^a-z]+/, '')
      .replace(/-+$/, '')
      .slice(0, 40) || 'item';
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}
