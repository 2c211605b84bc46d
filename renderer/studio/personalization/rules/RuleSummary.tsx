import { Button, Classes } from '@blueprintjs/core';
import { Edit } from '@blueprintjs/icons';
import { memo, type ReactNode } from 'react';
import type { Rule } from '../../../../shared/model';
import { RuleHeader } from './RuleHeader';
import { actionSummary } from './rule-summary';

export interface RuleSummaryProps {
  readonly rule: Rule;
  /** The condition being typed when it does not check yet (kept while another rule is open); undefined otherwise. */
  readonly draft: string | undefined;
  readonly effect: string | undefined;
  /** Module titles by id, for the targets. */
  readonly titles: ReadonlyMap<string, string>;
  /** Lesson titles by id, for the lessons a lesson rule skips. */
  readonly lessonTitles: ReadonlyMap<string, string>;
  readonly onEdit: (id: string) => void;
}

/**
 * A rule that is not open: what it reads, what it does and why, in a few lines of text. Only the open rule carries the
 * editors (CodeMirror, the condition builder, a select of every module): 200 of them made every keystroke lay out and
 * paint some 95,000 elements on a 300-module course.
 */
export const RuleSummary = memo(function RuleSummary({
  rule,
  draft,
  effect,
  titles,
  lessonTitles,
  onEdit,
}: RuleSummaryProps): ReactNode {
  const titleId = `rule-summary-${rule.id}`;
  return (
    <li
      className={`rule-summary${draft === undefined ? '' : ' rule-card-draft'}`}
      aria-labelledby={titleId}
      data-rule={rule.id}
    >
      <RuleHeader rule={rule.id} titleId={titleId} draft={draft !== undefined}>
        <Button
          variant="minimal"
          size="small"
          icon={<Edit />}
          text="Edit"
          aria-label={`Edit rule ${rule.id}`}
          onClick={() => onEdit(rule.id)}
        />
      </RuleHeader>
      <p className="rule-summary-line">
        <span className={Classes.TEXT_MUTED}>When </span>
        <code className="rule-summary-condition">{draft ?? rule.when}</code>
      </p>
      <p className="rule-summary-line">
        <span className={Classes.TEXT_MUTED}>Then </span>
        {actionSummary(rule.then, titles, lessonTitles)}
      </p>
      <p className="rule-summary-line">
        <span className={Classes.TEXT_MUTED}>The learner reads </span>“{rule.reason}”
      </p>
      {draft === undefined && effect !== undefined && (
        <p className={`rule-summary-line ${Classes.TEXT_MUTED}`}>{effect}</p>
      )}
    </li>
  );
});
