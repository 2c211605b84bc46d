import { Callout, Classes, Intent } from '@blueprintjs/core';
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { lessonReason, type CourseIndex } from '../../../shared/engine';
import { moduleLabel, previewLearner, STATUS_LABEL } from './learner-preview';

/** What the player said of the last request from the X-ray (opened, or why it could not). */
export interface PlayerNote {
  readonly ok: boolean;
  readonly text: string;
}

/** Ctrl+click (⌘+click on a Mac) or Ctrl/⌘+Enter: the item's editor instead of the player. */
const wantsEditor = (event: MouseEvent | KeyboardEvent) => event.ctrlKey || event.metaKey;

/** What one persona takes, tests out of (with the rule's evidence), may take or does not get, and the time. */
export function PathXray({
  index,
  personaId,
  note,
  onOpen,
  onEdit,
}: {
  index: CourseIndex;
  personaId: string;
  /** What the player answered the last "open" with. */
  note?: PlayerNote | null;
  /** Open the module in the previewed player, if the learner's path allows it. */
  onOpen?: (module: string) => void;
  /** Open the module's editor in the studio. */
  onEdit?: (module: string) => void;
}): ReactNode {
  const persona = index.course.personas.find((p) => p.id === personaId);
  if (!persona)
    return (
      <p className={Classes.TEXT_MUTED}>
        Choose a learner above to see their path: what they take, what they test out of and why.
      </p>
    );
  const { path, placement } = previewLearner(index, persona);
  return (
    <section className="preview-xray" aria-label={`Path of ${persona.name}`}>
      <p>
        <strong>{path.minutesLeft} min</strong> of required lessons · {placement.steps.length} placement questions
      </p>
      <p id="preview-xray-hint" className={`preview-xray-hint ${Classes.TEXT_MUTED}`}>
        Choose a module to open it in the player; with Ctrl (⌘ on a Mac) held, to open its editor.
      </p>
      {note && (
        <Callout className="preview-xray-note" intent={note.ok ? Intent.NONE : Intent.WARNING} role="status" compact>
          {note.text}
        </Callout>
      )}
      <ol className="preview-xray-list">
        {path.modules.map((m) => (
          <li key={m.id} className={`preview-xray-item is-${m.status}`}>
            <button
              type="button"
              className="preview-xray-head"
              aria-describedby="preview-xray-hint"
              onClick={(event) => (wantsEditor(event) ? onEdit?.(m.id) : onOpen?.(m.id))}
              onKeyDown={(event) => {
                if (event.key !== 'Enter' || !wantsEditor(event)) return;
                // Ctrl/⌘+Enter is the keyboard's Ctrl+click: the editor, and no plain click after it.
                event.preventDefault();
                onEdit?.(m.id);
              }}
            >
              <span className="preview-xray-title">{m.title}</span>
              <span className="preview-xray-status">{moduleLabel(m)}</span>
            </button>
            {m.reasons.map((r, i) => (
              <p key={i} className="preview-xray-reason">
                {r.text}
                {r.evidence?.length ? <span className="preview-xray-evidence"> ({r.evidence.join('; ')})</span> : null}
              </p>
            ))}
            {m.lessons.some((l) => l.reasons.length > 0) && (
              <ul className="preview-xray-lessons" aria-label={`Lessons of ${m.title} that rules touch`}>
                {m.lessons
                  .filter((l) => l.reasons.length > 0)
                  .map((l) => (
                    <li key={l.id} className={`preview-xray-lesson${l.skipped ? ' is-skipped' : ''}`}>
                      <span className="preview-xray-lesson-title">{l.title}</span>
                      <span className="preview-xray-status">
                        {l.skipped ? 'Skipped' : STATUS_LABEL[m.status]}
                        <span className="visually-hidden">: </span>
                      </span>
                      <span className="preview-xray-reason">
                        {lessonReason(l)}
                        {l.reasons.some((r) => r.evidence?.length) ? (
                          <span className="preview-xray-evidence">
                            {' '}
                            ({l.reasons.flatMap((r) => r.evidence ?? []).join('; ')})
                          </span>
                        ) : null}
                      </span>
                    </li>
                  ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
