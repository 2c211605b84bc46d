import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ConditionEditor, type ConditionEditorProps } from './ConditionEditor';

export interface LazyConditionEditorProps extends ConditionEditorProps {
  /** Mount the editor now (the selected rule), whatever the scroll position. */
  readonly eager: boolean;
}

/** How far outside the visible list an editor is still kept ready, so scrolling never shows a plain text box. */
const READY_MARGIN = '600px 0px';

/**
 * A condition editor that exists only while its card is on or near the screen. Each CodeMirror listens to every
 * selection change in the page: 200 of them made a keystroke in one rule cost half a second. Off screen the condition
 * is shown as text in the same box; focusing that box mounts the editor and hands it the focus.
 */
export function LazyConditionEditor({ eager, ...props }: LazyConditionEditorProps): ReactNode {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [focusWithin, setFocusWithin] = useState(false);
  const wantFocus = useRef(false);
  const live = eager || near || focusWithin;

  useEffect(() => {
    const element = box.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => setNear(entries.some((e) => e.isIntersecting)), {
      rootMargin: READY_MARGIN,
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // The resting box had the focus: give it to the editor that replaced it.
  useEffect(() => {
    if (!live || !wantFocus.current) return;
    wantFocus.current = false;
    box.current?.querySelector('.condition-editor')?.shadowRoot?.querySelector<HTMLElement>('.cm-content')?.focus();
  }, [live]);

  return (
    <div
      ref={box}
      className="condition-editor-slot"
      onFocus={() => setFocusWithin(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusWithin(false);
      }}
    >
      {live ? (
        <ConditionEditor {...props} />
      ) : (
        <div
          className="condition-editor-resting"
          role="textbox"
          tabIndex={0}
          aria-label={props.label}
          aria-readonly={props.readOnly}
          onFocus={() => {
            wantFocus.current = true;
            setFocusWithin(true);
          }}
        >
          {props.value || <span className="condition-editor-placeholder">{props.placeholder ?? ''}</span>}
        </div>
      )}
    </div>
  );
}
