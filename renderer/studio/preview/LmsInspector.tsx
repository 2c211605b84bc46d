import { Button, ButtonGroup, Callout, Classes, HTMLTable, Intent, Switch } from '@blueprintjs/core';
import { Cross, Refresh, WarningSign } from '@blueprintjs/icons';
import type { ReactNode } from 'react';
import { limitWarning, type Standard } from '../../../shared/scorm';
import type { LmsCall, LmsMisbehaviour } from './lms-messages';

export interface LmsSimulation {
  readonly misbehaviour: LmsMisbehaviour;
  readonly onMisbehave: (next: LmsMisbehaviour) => void;
  readonly onClose: () => void;
  readonly onRelaunch: () => void;
  /** The course's tab is closed (until a relaunch). */
  readonly closed: boolean;
  /** What the LMS last did on close or relaunch, in words. */
  readonly sessionNote: string | null;
}

const SET_VALUE = new Set(['LMSSetValue', 'SetValue']);

/**
 * SCORM 2004's answer to reading an element nothing has set yet (403, "value not initialized"): the normal
 * first read of cmi.location or cmi.suspend_data, not a failure, so it is not shown in red.
 */
export const notSetYet = (c: LmsCall): boolean => c.method === 'GetValue' && c.error === '403';

/** Warnings for every value the course set that breaks the standard's limits. */
export function callWarnings(standard: Standard, calls: readonly LmsCall[]): { seq: number; text: string }[] {
  return calls.flatMap((c) => {
    if (!SET_VALUE.has(c.method)) return [];
    const text = limitWarning(standard, c.args[0] ?? '', c.args[1] ?? '');
    return text ? [{ seq: c.seq, text }] : [];
  });
}

/**
 * Every call the course made to the LMS, with the answer and error code, the data model of the
 * session beside what the LMS stored, warnings where a value breaks the standard's limits, and
 * buttons to close the tab, relaunch, and make the LMS misbehave.
 */
export function LmsInspector({
  standard,
  calls,
  model,
  held,
  simulation,
}: {
  standard: Standard;
  calls: readonly LmsCall[];
  model: Readonly<Record<string, string>>;
  held: Readonly<Record<string, string>>;
  simulation: LmsSimulation;
}): ReactNode {
  const { misbehaviour, onMisbehave } = simulation;
  const warnings = callWarnings(standard, calls);
  const elements = [...new Set([...Object.keys(model), ...Object.keys(held)])].filter(
    (k) => (model[k] ?? '') !== '' || (held[k] ?? '') !== '',
  );
  return (
    <section className="preview-lms">
      <div className="preview-lms-simulate" role="group" aria-label="Simulate the LMS">
        <ButtonGroup>
          <Button icon={<Cross />} text="Close the tab" disabled={simulation.closed} onClick={simulation.onClose} />
          <Button icon={<Refresh />} text="Relaunch (resume)" onClick={simulation.onRelaunch} />
        </ButtonGroup>
        <Switch
          label="Commits fail"
          checked={misbehaviour.failCommits}
          onChange={(e) => onMisbehave({ ...misbehaviour, failCommits: e.currentTarget.checked })}
        />
        <Switch
          label="LMS drops values equal to their launch value"
          checked={misbehaviour.dropRepeats}
          onChange={(e) => onMisbehave({ ...misbehaviour, dropRepeats: e.currentTarget.checked })}
        />
      </div>
      {simulation.sessionNote && (
        <Callout compact intent={Intent.PRIMARY} role="status">
          {simulation.sessionNote}
        </Callout>
      )}
      {warnings.length > 0 && (
        <Callout compact intent={Intent.WARNING} icon={<WarningSign />} title="Values past the standard’s limits">
          <ul className="preview-lms-warnings">
            {warnings.map((w) => (
              <li key={w.seq}>
                Call {w.seq}: {w.text}
              </li>
            ))}
          </ul>
        </Callout>
      )}
      {calls.length === 0 ? (
        <p className={Classes.TEXT_MUTED}>No calls yet: the course talks to the LMS once it starts.</p>
      ) : (
        <>
          <HTMLTable compact striped className="preview-lms-calls">
            <caption>API calls</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Call</th>
                <th scope="col">Value</th>
                <th scope="col">Answer</th>
                <th scope="col">Error</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((c) => (
                <tr key={c.seq} className={c.error !== '0' && !notSetYet(c) ? 'has-error' : undefined}>
                  <td>{c.seq}</td>
                  <td>
                    {c.method}
                    {c.args[0] ? <code> {c.args[0]}</code> : null}
                    {c.note ? <span className="preview-lms-note">{c.note}</span> : null}
                  </td>
                  <td className="preview-lms-value">{c.args[1] ?? ''}</td>
                  <td>{c.result}</td>
                  <td>{notSetYet(c) ? `${c.error} · not set yet` : c.error}</td>
                </tr>
              ))}
            </tbody>
          </HTMLTable>
          <HTMLTable compact className="preview-lms-model">
            <caption>Data model</caption>
            <thead>
              <tr>
                <th scope="col">Element</th>
                <th scope="col">This session</th>
                <th scope="col">Stored by the LMS</th>
              </tr>
            </thead>
            <tbody>
              {elements.map((k) => (
                <tr key={k} className={(model[k] ?? '') !== (held[k] ?? '') ? 'is-unsaved' : undefined}>
                  <th scope="row">
                    <code>{k}</code>
                  </th>
                  <td className="preview-lms-value">{model[k] ?? ''}</td>
                  <td className="preview-lms-value">{held[k] ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </HTMLTable>
        </>
      )}
    </section>
  );
}
