import { Classes } from '@blueprintjs/core';
import type { ReactNode } from 'react';
import type { CourseIndex } from '../../../shared/engine';
import { moduleLabel, previewLearner } from './learner-preview';

/** What one persona takes, tests out of (with the rule's evidence), may take or does not get, and the time. */
export function PathXray({ index, personaId }: { index: CourseIndex; personaId: string }): ReactNode {
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
      <ol className="preview-xray-list">
        {path.modules.map((m) => (
          <li key={m.id} className={`preview-xray-item is-${m.status}`}>
            <div className="preview-xray-head">
              <span className="preview-xray-title">{m.title}</span>
              <span className="preview-xray-status">{moduleLabel(m)}</span>
            </div>
            {m.reasons.map((r, i) => (
              <p key={i} className="preview-xray-reason">
                {r.text}
                {r.evidence?.length ? <span className={Classes.TEXT_MUTED}> ({r.evidence.join('; ')})</span> : null}
              </p>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
