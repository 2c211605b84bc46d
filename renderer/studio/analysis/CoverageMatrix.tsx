import { Classes, HTMLTable, Intent, Tag } from '@blueprintjs/core';
import { memo, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Course } from '../../../shared/model';
import type { CoverageState, PersonaCoverage } from './use-analysis';

const STATE_LABEL: Record<CoverageState, string> = {
  taken: 'Takes',
  'tested-out': 'Tested out',
  recommended: 'Recommended',
  optional: 'Optional',
  'not-for-role': 'Not for them',
  choice: 'Picks one',
};

export interface CoverageMatrixProps {
  readonly coverage: readonly PersonaCoverage[];
  readonly modules: Course['modules'];
  readonly competencies: Course['competencies'];
}

function levelName(competencies: Course['competencies'], competency: string, level: string): string {
  return competencies.find((c) => c.id === competency)?.levels.find((l) => l.id === level)?.name ?? level;
}

const MOVES: Record<string, readonly [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/**
 * Who gets which module, and why. A cell's reason shows on hover and on focus (a CSS tooltip: one Blueprint Tooltip per
 * cell cost 2,400 popovers on a 300-module course); the cells are one tab stop, moved through with the arrow keys.
 */
export const CoverageMatrix = memo(function CoverageMatrix({
  coverage,
  modules,
  competencies,
}: CoverageMatrixProps): ReactNode {
  const [active, setActive] = useState<readonly [number, number]>([0, 0]);
  const row = Math.min(active[0], modules.length - 1);
  const column = Math.min(active[1], coverage.length - 1);

  const move = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const step = event.key === 'Home' || event.key === 'End' ? null : MOVES[event.key];
    if (!step && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const next: [number, number] = step
      ? [
          Math.max(0, Math.min(modules.length - 1, row + step[0])),
          Math.max(0, Math.min(coverage.length - 1, column + step[1])),
        ]
      : [row, event.key === 'Home' ? 0 : coverage.length - 1];
    setActive(next);
    event.currentTarget
      .querySelector<HTMLElement>(`[data-cell="${next[0]}:${next[1]}"]`)
      ?.focus({ preventScroll: false });
  };

  return (
    <div className="coverage-scroll" tabIndex={-1} role="region" aria-label="Coverage: personas and modules">
      <HTMLTable compact bordered className="coverage-matrix">
        <caption className="visually-hidden">
          What each persona does with each module, and why. Move between cells with the arrow keys.
        </caption>
        <thead>
          <tr>
            <th scope="col">Module</th>
            {coverage.map((p) => (
              <th key={p.persona} scope="col">
                <span className="coverage-persona">{p.name}</span>
                <span className={`coverage-role ${Classes.TEXT_MUTED}`}>{p.role}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody onKeyDown={move}>
          {modules.map((m, mi) => (
            <tr key={m.id}>
              <th scope="row">{m.title}</th>
              {coverage.map((p, pi) => {
                const cell = p.cells[mi];
                if (!cell || cell.module !== m.id) return <td key={p.persona} />;
                const label = STATE_LABEL[cell.state];
                return (
                  <td key={p.persona} className={`coverage-cell coverage-${cell.state}`}>
                    <span
                      className="coverage-chip"
                      data-cell={`${mi}:${pi}`}
                      data-reason={cell.reason}
                      tabIndex={mi === row && pi === column ? 0 : -1}
                      onFocus={() => setActive([mi, pi])}
                    >
                      {label}
                      {cell.skippedLessons && (
                        <span className="coverage-lessons">
                          {' '}
                          · skips {cell.skippedLessons.length} lesson{cell.skippedLessons.length > 1 ? 's' : ''}
                        </span>
                      )}
                      <span className="visually-hidden">: {cell.reason}</span>
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Placement</th>
            {coverage.map((p) => (
              <td key={p.persona} className="coverage-outcome">
                {p.placement === 'unanswered' && (
                  <Tag intent={Intent.WARNING} minimal multiline>
                    Stops: an answer is missing
                  </Tag>
                )}
                {p.placement === 'cycle' && (
                  <Tag intent={Intent.DANGER} minimal multiline>
                    Goes round in circles
                  </Tag>
                )}
                <ul>
                  {Object.entries(p.outcome).map(([c, level]) => (
                    <li key={c}>
                      <span className="coverage-outcome-competency">{c}:</span> {levelName(competencies, c, level)}
                    </li>
                  ))}
                </ul>
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Time</th>
            {coverage.map((p) => (
              <td key={p.persona}>{p.minutes} min</td>
            ))}
          </tr>
        </tfoot>
      </HTMLTable>
    </div>
  );
});
