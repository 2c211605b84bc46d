import { Checkbox, Classes, HTMLTable, Switch } from '@blueprintjs/core';
import { useMemo, useState, type ReactNode } from 'react';
import type { CourseIndex } from '../../../shared/engine';
import { compareLearners, previewLearner } from './learner-preview';

const MAX = 4;

/** Two to four personas' paths in one table: rows where they differ marked, rows the same for all greyed. */
export function SideBySide({ index }: { index: CourseIndex }): ReactNode {
  const personas = index.course.personas;
  const [chosen, setChosen] = useState<readonly string[]>(() => personas.slice(0, MAX).map((p) => p.id));
  const learners = useMemo(
    () => personas.filter((p) => chosen.includes(p.id)).map((p) => previewLearner(index, p)),
    [index, personas, chosen],
  );
  const rows = useMemo(() => compareLearners(index, learners), [index, learners]);
  const [onlyDiffering, setOnlyDiffering] = useState(false);
  const differing = rows.filter((r) => r.differs).length;
  // With nothing to narrow (every row or no row differs) the switch is off: it never hides the whole table.
  const narrowing = onlyDiffering && differing > 0 && differing < rows.length;
  if (personas.length < 2)
    return <p className={Classes.TEXT_MUTED}>Add at least two personas to compare their paths side by side.</p>;
  const toggle = (id: string, on: boolean) => setChosen((list) => (on ? [...list, id] : list.filter((x) => x !== id)));
  return (
    <section className="preview-compare">
      <fieldset className="preview-compare-pick">
        <legend>Compare (two to four)</legend>
        {personas.map((p) => (
          <Checkbox
            key={p.id}
            inline
            label={p.name}
            checked={chosen.includes(p.id)}
            disabled={chosen.includes(p.id) ? chosen.length <= 2 : chosen.length >= MAX}
            onChange={(e) => toggle(p.id, e.currentTarget.checked)}
          />
        ))}
      </fieldset>
      <div className="preview-compare-options">
        <p className={Classes.TEXT_MUTED}>
          {differing === 0
            ? 'Their paths are the same in every row.'
            : differing === rows.length
              ? 'Every row differs between them.'
              : `${differing} of ${rows.length} rows differ; a bar marks them, and rows the same for all are greyed.`}
        </p>
        <Switch
          label="Only rows that differ"
          checked={narrowing}
          disabled={differing === 0 || differing === rows.length}
          onChange={(e) => setOnlyDiffering(e.currentTarget.checked)}
        />
      </div>
      <HTMLTable compact className="preview-compare-table">
        <caption className="visually-hidden">
          Paths side by side; rows marked “differs” are not the same for all
        </caption>
        <thead>
          <tr>
            <td />
            {learners.map((l) => (
              <th key={l.persona.id} scope="col">
                {l.persona.name}
              </th>
            ))}
          </tr>
        </thead>
        {(['summary', 'modules'] as const).map((group) => (
          <tbody key={group}>
            <tr>
              <th scope="colgroup" colSpan={learners.length + 1} className="preview-compare-group">
                {group === 'summary' ? 'Summary' : 'Modules'}
              </th>
            </tr>
            {rows
              .filter((r) => r.group === group && (r.differs || !narrowing))
              .map((r) => (
                <tr key={r.key} className={r.differs ? 'differs' : 'same'}>
                  <th scope="row">
                    {r.label}
                    {r.differs && <span className="visually-hidden"> (differs)</span>}
                  </th>
                  {r.cells.map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))}
          </tbody>
        ))}
      </HTMLTable>
    </section>
  );
}
