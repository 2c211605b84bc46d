import { memo, useDeferredValue } from 'react';
import { Classes, H2, H3, Intent, NonIdealState, Spinner, Tag } from '@blueprintjs/core';
import { Error as ErrorIcon, InfoSign, TickCircle, WarningSign } from '@blueprintjs/icons';
import type { Course } from '../../../shared/model';
import type { StudioAnalysis } from '../analysis/use-analysis';
import { describeLocation } from './describe-location';

export interface ProblemsPanelProps {
  readonly course: Course;
  readonly analysis: StudioAnalysis;
  /** Opens the editor that fixes the problem at this JSON path and focuses its field. */
  readonly onOpen: (path: string) => void;
}

interface Entry {
  readonly severity: 'error' | 'warning' | 'info';
  readonly path: string;
  readonly message: string;
}

/** Notes (what the designer said they meant) are listed quietly, after errors and warnings, and not counted. */
const SEVERITY_ICON = {
  error: { Glyph: ErrorIcon, intent: Intent.DANGER, title: 'Error' },
  warning: { Glyph: WarningSign, intent: Intent.WARNING, title: 'Warning' },
  info: { Glyph: InfoSign, intent: Intent.NONE, title: 'Note' },
} as const;
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function SeverityIcon({ severity }: { readonly severity: keyof typeof SEVERITY_ICON }) {
  const { Glyph, intent, title } = SEVERITY_ICON[severity];
  return <Glyph className={Classes.intentClass(intent)} title={title} size={14} />;
}

/**
 * Problems and proof findings, each a link to the place that fixes it (like VS Code's Problems panel). The places'
 * names follow the course in a render of their own after a keystroke's frame: typing never waits for this list.
 */
export const ProblemsPanel = memo(function ProblemsPanel(props: ProblemsPanelProps) {
  const course = useDeferredValue(props.course);
  return <ProblemsList {...props} course={course} />;
});

const ProblemsList = memo(function ProblemsList({ course, analysis, onOpen }: ProblemsPanelProps) {
  const entries: Entry[] = [
    ...analysis.problems.map((p) => ({ severity: 'error' as const, path: p.path, message: p.message })),
    ...analysis.findings.map((f) => ({ severity: f.severity, path: f.path, message: f.message })),
  ].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const errors = entries.filter((e) => e.severity === 'error').length;
  const counted = entries.filter((e) => e.severity !== 'info').length;
  return (
    <section className="problems" aria-labelledby="problems-heading">
      <header className="panel-header">
        <H2 id="problems-heading" className="panel-title">
          Problems
        </H2>
        {analysis.status === 'pending' ? (
          <Spinner size={14} aria-label="Checking the course" />
        ) : (
          counted > 0 && (
            <Tag minimal round intent={errors ? Intent.DANGER : Intent.WARNING}>
              {counted}
            </Tag>
          )
        )}
      </header>
      {analysis.status === 'ready' && entries.length === 0 ? (
        <NonIdealState
          icon={<TickCircle size={32} className={Classes.intentClass(Intent.SUCCESS)} />}
          description={
            <>
              <H3>No problems</H3>
              <p>Every learner can reach what they need. Publish when you are ready.</p>
            </>
          }
          className="problems-empty"
        />
      ) : (
        <ul className="problems-list" aria-label="Problems in this course">
          {entries.map((entry, i) => (
            <li key={`${entry.path}:${i}`}>
              <button type="button" className="problem-link" onClick={() => onOpen(entry.path)}>
                <SeverityIcon severity={entry.severity} />
                <span>
                  <span className="problem-message">{entry.message}</span>
                  <span className={`${Classes.TEXT_MUTED} problem-where`}>{describeLocation(course, entry.path)}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
