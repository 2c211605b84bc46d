import { Intent, Tag } from '@blueprintjs/core';
import type { ReactNode } from 'react';

export interface RuleHeaderProps {
  /** The rule's id, its title. */
  readonly rule: string;
  /** The title's element id, for a container labelled by it. */
  readonly titleId?: string | undefined;
  /** The rule's condition does not check: the rule is kept as a draft the engine never sees. */
  readonly draft: boolean;
  /** The header's action, at its end (Edit on a summary, Delete on the open rule). */
  readonly children: ReactNode;
}

/** The first line of a rule, open or summarized: its title, the draft tag when it does not check, and its action. */
export function RuleHeader({ rule, titleId, draft, children }: RuleHeaderProps): ReactNode {
  return (
    <div className="rule-card-header">
      <h3 className="rule-card-title" id={titleId}>
        {rule}
      </h3>
      {draft && (
        <Tag intent={Intent.DANGER} minimal>
          Draft: not used until fixed
        </Tag>
      )}
      <span className="rule-card-spacer" />
      {children}
    </div>
  );
}
