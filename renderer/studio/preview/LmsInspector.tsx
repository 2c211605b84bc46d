import { Classes, HTMLTable } from '@blueprintjs/core';
import type { ReactNode } from 'react';
import type { LmsCall } from './lms-messages';

/** Every call the course made to the LMS, with the answer and error code, and the data model it left. */
export function LmsInspector({
  calls,
  model,
}: {
  calls: readonly LmsCall[];
  model: Readonly<Record<string, string>>;
}): ReactNode {
  if (calls.length === 0)
    return <p className={Classes.TEXT_MUTED}>No calls yet: the course talks to the LMS once it starts.</p>;
  const held = Object.entries(model).filter(([, v]) => v !== '');
  return (
    <section className="preview-lms">
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
            <tr key={c.seq} className={c.error !== '0' ? 'has-error' : undefined}>
              <td>{c.seq}</td>
              <td>
                {c.method}
                {c.args[0] ? <code> {c.args[0]}</code> : null}
              </td>
              <td className="preview-lms-value">{c.args[1] ?? ''}</td>
              <td>{c.result}</td>
              <td>{c.error}</td>
            </tr>
          ))}
        </tbody>
      </HTMLTable>
      <HTMLTable compact className="preview-lms-model">
        <caption>Data model the LMS holds</caption>
        <tbody>
          {held.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">
                <code>{k}</code>
              </th>
              <td className="preview-lms-value">{v}</td>
            </tr>
          ))}
        </tbody>
      </HTMLTable>
    </section>
  );
}
