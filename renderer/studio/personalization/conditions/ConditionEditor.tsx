import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
  type CompletionSource,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { linter, lintKeymap, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderText } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Course } from '../../../../shared/model';
import { checkCondition, scopeFor, type ConditionPlace } from './check-condition';
import { completeCondition } from './complete-condition';
import { conditionSupport } from './condition-language';

export interface ConditionEditorProps {
  readonly value: string;
  readonly course: Course;
  readonly place: ConditionPlace;
  /** Accessible name of the text box. */
  readonly label: string;
  readonly readOnly?: boolean;
  readonly placeholder?: string;
  readonly onChange: (value: string) => void;
}

// Colours come from CSS variables in personalization.css, so light and dark follow Blueprint's theme.
const highlight = HighlightStyle.define([
  { tag: t.function(t.variableName), color: 'var(--tp-code-function)', fontWeight: '600' },
  { tag: t.labelName, color: 'var(--tp-code-name)' },
  { tag: t.variableName, color: 'var(--tp-code-variable)' },
  { tag: [t.logicOperator, t.bool], color: 'var(--tp-code-keyword)', fontWeight: '600' },
  { tag: t.compareOperator, color: 'var(--tp-code-operator)' },
  { tag: [t.number, t.string], color: 'var(--tp-code-literal)' },
]);

const theme = EditorView.theme({
  '&': {
    fontSize: '14px',
    border: '1px solid var(--tp-border)',
    borderRadius: '4px',
    background: 'var(--tp-input-bg)',
    color: 'var(--tp-text)',
  },
  '&.cm-focused': { outline: '2px solid var(--tp-focus)', outlineOffset: '1px' },
  '.cm-content': { fontFamily: 'var(--tp-mono)', padding: '6px 0', caretColor: 'var(--tp-text)' },
  '.cm-line': { padding: '0 8px' },
  '.cm-placeholder': { color: 'var(--tp-muted)' },
  '.cm-tooltip': { background: 'var(--tp-surface)', color: 'var(--tp-text)', border: '1px solid var(--tp-border)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { background: 'var(--tp-selected)', color: 'var(--tp-text)' },
  '.cm-completionDetail': { color: 'var(--tp-muted)', fontStyle: 'normal', marginLeft: '1em' },
  // Muted grey on the selected row's tint is under 4.5:1 in both themes: the selected suggestion's detail takes the text colour.
  '.cm-tooltip-autocomplete ul li[aria-selected] .cm-completionDetail': { color: 'var(--tp-text)' },
  '.cm-diagnosticAction': { background: 'var(--tp-action)', color: '#fff', borderRadius: '3px' },
});

/** A condition in the rule language: highlighted, completed from the course, checked by the engine as you type. */
export function ConditionEditor(props: ConditionEditorProps): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The latest props, read by CodeMirror's callbacks without rebuilding the editor.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const [editable] = useState(() => new Compartment());

  useEffect(() => {
    const complete: CompletionSource = (context) => {
      const { course, place } = latest.current;
      const source = context.state.doc.toString();
      const result = completeCondition(source, context.pos, course, place);
      if (!result) return null;
      if (result.from === context.pos && !context.explicit && !/[([,=<>\s]$/.test(source.slice(0, context.pos)))
        return null;
      return {
        from: result.from,
        options: result.options.map((o) => ({
          label: o.label,
          type: o.type,
          detail: o.detail,
          ...(o.apply ? { apply: o.apply } : {}),
        })),
        validFor: /^[A-Za-z0-9_-]*$/,
      };
    };
    const lint = (v: EditorView): Diagnostic[] => {
      const { course, place } = latest.current;
      const check = checkCondition(v.state.doc.toString(), scopeFor(course, place));
      if (check.ok) return [];
      return check.diagnostics.map((d) => ({
        from: d.from,
        to: d.to,
        severity: 'error',
        message: d.message,
        ...(d.suggestion
          ? {
              actions: [
                {
                  name: `Use "${d.suggestion}"`,
                  apply: (target: EditorView, from: number, to: number) =>
                    target.dispatch({ changes: { from, to, insert: d.suggestion! } }),
                },
              ],
            }
          : {}),
      }));
    };
    const state = EditorState.create({
      doc: latest.current.value,
      extensions: [
        history(),
        closeBrackets(),
        conditionSupport(),
        syntaxHighlighting(highlight),
        autocompletion({ override: [complete], activateOnTyping: true, icons: false }),
        linter(lint, { delay: 150 }),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, ...lintKeymap]),
        theme,
        // A long condition wraps instead of running out of the box; it stays one line of text.
        EditorView.lineWrapping,
        // One line: Enter accepts a completion or does nothing, never breaks the condition.
        EditorState.transactionFilter.of((tr) => (tr.newDoc.lines > 1 ? [] : tr)),
        placeholderText(latest.current.placeholder ?? 'e.g. mastery(policy) >= proficient'),
        EditorView.contentAttributes.of({
          'aria-label': latest.current.label,
          'aria-multiline': 'false',
        }),
        editable.of([EditorView.editable.of(!latest.current.readOnly)]),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) latest.current.onChange(update.state.doc.toString());
        }),
      ],
    });
    // In a shadow root CodeMirror's styles go to adoptedStyleSheets instead of a <style> tag, which a
    // style-src without 'unsafe-inline' would block.
    const element = host.current!;
    const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const parent = document.createElement('div');
    shadow.append(parent);
    const created = new EditorView({ state, parent, root: shadow });
    view.current = created;
    // Keys typed here belong to the condition, as in any text box: the workspace's global hotkeys must not see them.
    const stop = (event: KeyboardEvent) => event.stopPropagation();
    element.addEventListener('keydown', stop);
    return () => {
      element.removeEventListener('keydown', stop);
      created.destroy();
      parent.remove();
      view.current = null;
    };
  }, [editable]);

  // A change from outside (undo, the visual builder) replaces the text; the designer's own typing is already there.
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const current = v.state.doc.toString();
    if (current !== props.value) v.dispatch({ changes: { from: 0, to: current.length, insert: props.value } });
  }, [props.value]);

  useEffect(() => {
    view.current?.dispatch({ effects: editable.reconfigure([EditorView.editable.of(!props.readOnly)]) });
  }, [props.readOnly, editable]);

  return <div ref={host} className="condition-editor" />;
}
