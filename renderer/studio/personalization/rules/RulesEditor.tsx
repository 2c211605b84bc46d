import { Button, H2, Intent, NonIdealState, Classes } from '@blueprintjs/core';
import { Plus } from '@blueprintjs/icons';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Rule } from '../../../../shared/model';
import type { EditorContext } from '../../editors/editor-context';
import type { StudioAnalysis } from '../../analysis/use-analysis';
import { RuleCard } from './RuleCard';
import { RuleSummary } from './RuleSummary';
import { withDraft, type Drafts } from './rule-summary';

function nextRuleId(rules: readonly Rule[]): string {
  const ids = new Set(rules.map((r) => r.id));
  for (let n = rules.length + 1; ; n++) if (!ids.has(`rule-${n}`)) return `rule-${n}`;
}

export interface RulesEditorProps {
  readonly context: EditorContext;
  readonly analysis: StudioAnalysis;
  readonly selectedRule?: string | undefined;
}

/**
 * Skip-ahead rules, each with its live effect on the personas. The selected rule is open for editing; the others are
 * summaries with an "Edit" button, so a keystroke lays out one rule's editors, not two hundred.
 */
export function RulesEditor({ context, analysis, selectedRule }: RulesEditorProps): ReactNode {
  const { course, readOnly } = context;
  const { select } = context;
  const [drafts, setDrafts] = useState<Drafts>(() => new Map());
  const onDraft = useCallback((id: string, draft: string | undefined) => setDrafts((d) => withDraft(d, id, draft)), []);
  // The rule opened from the list by its "Edit" button: its condition takes the focus when it opens.
  const [opened, setOpened] = useState<string | null>(null);
  const edit = useCallback(
    (id: string) => {
      setOpened(id);
      select({ kind: 'rule', id });
    },
    [select],
  );
  const titles = useMemo(() => new Map(course.modules.map((m) => [m.id, m.title])), [course.modules]);
  const lessonTitles = useMemo(
    () => new Map(course.modules.flatMap((m) => m.lessons.map((l) => [l.id, l.title] as const))),
    [course.modules],
  );
  const add = async () => {
    const id = nextRuleId(course.rules);
    const first = course.modules[0];
    if (!first) return;
    await context.apply({
      op: {
        kind: 'insert',
        path: ['rules'],
        value: {
          id,
          when: 'true',
          then: { kind: 'recommend', modules: [first.id] },
          reason: 'Recommended for you.',
        } satisfies Rule,
      },
      label: 'Add a rule',
    });
    context.select({ kind: 'rule', id });
  };
  const addButton = (
    <Button
      icon={<Plus />}
      intent={Intent.PRIMARY}
      text="Add rule"
      disabled={readOnly || course.modules.length === 0}
      onClick={() => void add()}
    />
  );

  return (
    <section className="personalization-editor rules-editor" aria-labelledby="rules-heading">
      <header className="personalization-header">
        <div>
          <H2 id="rules-heading">Skip-ahead rules</H2>
          <p className={Classes.TEXT_MUTED}>
            Each rule reads what a learner is and knows, and changes their path. The reason is what the learner sees.
          </p>
        </div>
        {addButton}
      </header>
      {course.rules.length === 0 ? (
        <NonIdealState
          title="No rules yet"
          description={
            course.modules.length === 0
              ? 'Add a module first: rules skip, require or recommend modules.'
              : 'Add a rule to let learners skip what they already know.'
          }
          action={addButton}
        />
      ) : (
        <ul className="rule-list" aria-label="Rules">
          {course.rules.map((rule) =>
            rule.id === selectedRule ? (
              <li key={rule.id} className="rule-list-open">
                <RuleCard
                  rule={rule}
                  context={context}
                  effect={analysis.ruleEffects[rule.id]?.summary}
                  selected
                  draft={drafts.get(rule.id)}
                  onDraft={onDraft}
                  takeFocus={opened === rule.id}
                />
              </li>
            ) : (
              <RuleSummary
                key={rule.id}
                rule={rule}
                draft={drafts.get(rule.id)}
                effect={analysis.ruleEffects[rule.id]?.summary}
                titles={titles}
                lessonTitles={lessonTitles}
                onEdit={edit}
              />
            ),
          )}
        </ul>
      )}
    </section>
  );
}
