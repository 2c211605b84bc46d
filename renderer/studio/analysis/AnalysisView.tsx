import { Callout, Classes, H2, H3, Intent, Tag } from '@blueprintjs/core';
import { Error as ErrorIcon, WarningSign } from '@blueprintjs/icons';
import type { ReactNode } from 'react';
import type { EditorContext } from '../editors/editor-context';
import { focusPlacementNode } from '../personalization/placement/focus-node';
import { findingPlace } from './finding-place';
import { CoverageMatrix } from './CoverageMatrix';
import type { StudioAnalysis } from './use-analysis';

export interface AnalysisViewProps {
  readonly analysis: StudioAnalysis;
  readonly context: EditorContext;
}

/** The live proof: who gets which module and why, each persona's placement and time, saved-progress size, findings. */
export function AnalysisView({ analysis, context }: AnalysisViewProps): ReactNode {
  const { course } = context;
  const open = (path: string) => {
    const place = findingPlace(course, path);
    if (place.placementNode) focusPlacementNode(place.placementNode);
    context.select(place.selection);
  };
  const busy = analysis.status === 'pending';

  return (
    <section className="analysis-view" aria-labelledby="analysis-heading" aria-busy={busy}>
      <H2 id="analysis-heading">Who gets what</H2>
      {busy && <p className={Classes.TEXT_MUTED}>Checking every persona's path…</p>}
      {analysis.problems.length > 0 && (
        <Callout
          intent={Intent.DANGER}
          title="Fix these before the paths can be worked out"
          className="analysis-problems"
        >
          <ul className="finding-list">
            {analysis.problems.map((p, i) => (
              <li key={i}>
                <FindingLink label={findingPlace(course, p.path).label} onOpen={() => open(p.path)} />: {p.message}
              </li>
            ))}
          </ul>
        </Callout>
      )}
      {analysis.coverage.length > 0 && (
        <CoverageMatrix coverage={analysis.coverage} modules={course.modules} competencies={course.competencies} />
      )}

      {analysis.budget && (
        <>
          <H3 className="analysis-subheading">Saved progress</H3>
          <p>
            At worst a learner's saved progress takes <strong>{analysis.budget.worstCaseChars.toLocaleString()}</strong>{' '}
            characters.{' '}
            <Tag minimal intent={analysis.budget.scorm12.fits ? Intent.SUCCESS : Intent.WARNING}>
              SCORM 1.2 {analysis.budget.scorm12.fits ? 'fits' : 'too large'} (limit{' '}
              {analysis.budget.scorm12.limit.toLocaleString()})
            </Tag>{' '}
            <Tag minimal intent={analysis.budget.scorm2004Third.fits ? Intent.SUCCESS : Intent.WARNING}>
              SCORM 2004 3rd {analysis.budget.scorm2004Third.fits ? 'fits' : 'too large'} (limit{' '}
              {analysis.budget.scorm2004Third.limit.toLocaleString()})
            </Tag>{' '}
            <Tag minimal intent={analysis.budget.scorm2004.fits ? Intent.SUCCESS : Intent.DANGER}>
              SCORM 2004 4th {analysis.budget.scorm2004.fits ? 'fits' : 'too large'} (limit{' '}
              {analysis.budget.scorm2004.limit.toLocaleString()})
            </Tag>
          </p>
        </>
      )}

      {analysis.status === 'ready' && analysis.problems.length === 0 && (
        <>
          <H3 className="analysis-subheading">Findings</H3>
          {analysis.findings.length === 0 ? (
            <p className={Classes.TEXT_MUTED}>Every persona gets a valid path. Nothing to fix.</p>
          ) : (
            <ul className="finding-list" aria-label="Findings">
              {analysis.findings.map((f, i) => (
                <li key={i} className={`finding finding-${f.severity}`}>
                  {f.severity === 'error' ? (
                    <ErrorIcon className="finding-icon-error" title="Error" />
                  ) : (
                    <WarningSign className="finding-icon-warning" title="Warning" />
                  )}
                  <span>
                    <FindingLink label={findingPlace(course, f.path).label} onOpen={() => open(f.path)} />
                    {' — '}
                    {f.message}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function FindingLink({ label, onOpen }: { label: string; onOpen: () => void }): ReactNode {
  return (
    <button type="button" className="finding-link" onClick={onOpen}>
      {label}
    </button>
  );
}
