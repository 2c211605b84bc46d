import {
  Button,
  Classes,
  Dialog,
  DialogBody,
  DialogFooter,
  FormGroup,
  H2,
  H3,
  HTMLSelect,
  Intent,
  NonIdealState,
} from '@blueprintjs/core';
import { Plus, Trash } from '@blueprintjs/icons';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { END, type Course, type PlacementNode } from '../../../../shared/model';
import type { StudioAnalysis } from '../../analysis/use-analysis';
import type { EditorContext } from '../../editors/editor-context';
import { checkCondition, scopeFor } from '../conditions/check-condition';
import { ConditionEditor } from '../conditions/ConditionEditor';
import { flowGraph, type FlowQuestion } from './flow-graph';
import { FlowView } from './FlowView';
import { focusPlacementNode, onPlacementNodeFocus, placementNodeFromHash } from './focus-node';

const nodePath = (id: string) => ['placement', 'nodes', { id }] as const;
const targetName = (id: string) => (id === END ? 'the end' : id);

function nextNodeId(course: Course, question: string): string {
  const ids = new Set(course.placement?.nodes.map((n) => n.id));
  if (!ids.has(question)) return question;
  for (let n = 2; ; n++) if (!ids.has(`${question}-${n}`)) return `${question}-${n}`;
}

/** A branch condition, kept as a draft here while it does not check, like a rule's. */
/** Branch conditions on who the learner is, from the course's first role and its first own attribute. */
function learnerPresets(course: EditorContext['course']): string[] {
  const role = course.settings.roles[0];
  const attribute = course.settings.attributes?.[0];
  return [
    ...(role ? [`role == ${role}`] : []),
    ...(attribute?.values[0] ? [`${attribute.id} == ${attribute.values[0].id}`] : []),
  ];
}

function BranchCondition(props: { node: PlacementNode; branch: number; context: EditorContext }): ReactNode {
  const { node, branch, context } = props;
  const when = node.branches[branch]!.when;
  const [draft, setDraft] = useState(when);
  const [shown, setShown] = useState(when);
  if (when !== shown) {
    setShown(when);
    setDraft(when);
  }
  const place = { context: 'placement', question: node.question } as const;
  const check = checkCondition(draft, scopeFor(context.course, place));
  return (
    <div className="branch-condition">
      <ConditionEditor
        value={draft}
        course={context.course}
        place={place}
        label={`Condition of branch ${branch + 1} after ${node.id}`}
        readOnly={context.readOnly}
        onChange={(text) => {
          setDraft(text);
          if (text === when || !checkCondition(text, scopeFor(context.course, place)).ok) return;
          void context.apply({
            op: { kind: 'set', path: [...nodePath(node.id), 'branches', branch, 'when'], value: text },
            label: `Change a branch after "${node.id}"`,
            merge: `branch-${node.id}-${branch}`,
          });
        }}
      />
      {!check.ok && <p className="field-error">{check.diagnostics[0]!.message} (draft: not used until fixed)</p>}
    </div>
  );
}

export interface PlacementEditorProps {
  readonly context: EditorContext;
  readonly analysis: StudioAnalysis;
}

/** The name of a branch's "go to" select, by its index in its question's branches. */
const branchTargetLabel = (index: number, node: string) => `Where branch ${index + 1} after ${node} goes`;

/** The branching placement test: a flow drawn from the parsed branches, and the same test as a list by competency. */
export function PlacementEditor({ context, analysis }: PlacementEditorProps): ReactNode {
  const { course, readOnly } = context;
  const [focused, setFocused] = useState<string | null>(placementNodeFromHash);
  const [connecting, setConnecting] = useState<{ from: string; to: string } | null>(null);
  const [condition, setCondition] = useState('correct');
  const [newQuestion, setNewQuestion] = useState('');
  const rows = useRef(new Map<string, HTMLElement>());
  /** After Add branch, the new branch's target takes the focus once the dialog has closed (focus follows the action). */
  const focusAfterDialog = useRef<{ node: string; label: string } | null>(null);

  useEffect(
    () =>
      onPlacementNodeFocus((id) => {
        setFocused(id);
        // Focus even when the node was already the focused one (the state does not change then).
        requestAnimationFrame(() => rows.current.get(id)?.focus());
      }),
    [],
  );
  useEffect(() => {
    if (focused) rows.current.get(focused)?.focus();
  }, [focused]);

  const graph = useMemo(
    () => flowGraph(course, analysis.findings, analysis.problems),
    [course, analysis.findings, analysis.problems],
  );
  const placement = course.placement;

  if (!placement || !graph)
    return (
      <section className="personalization-editor" aria-labelledby="placement-heading">
        <H2 id="placement-heading">Placement test</H2>
        <NonIdealState
          title="No placement test yet"
          description="A placement test lets learners skip what they already know. Add placement questions in the question bank, then start the test here."
          action={
            <Button
              intent={Intent.PRIMARY}
              icon={<Plus />}
              text="Start a placement test"
              disabled={readOnly || course.questions.length === 0}
              onClick={() => {
                const q = course.questions[0]!;
                void context.apply({
                  op: {
                    kind: 'set',
                    path: ['placement'],
                    value: {
                      title: 'Find your starting point',
                      intro: '',
                      start: q.id,
                      nodes: [{ id: q.id, question: q.id, branches: [], next: END }],
                    },
                  },
                  label: 'Start a placement test',
                });
              }}
            />
          }
        />
      </section>
    );

  const scope = connecting
    ? scopeFor(course, {
        context: 'placement',
        question: placement.nodes.find((n) => n.id === connecting.from)?.question ?? '',
      })
    : null;
  const connectCheck = scope ? checkCondition(condition, scope) : null;
  const addBranch = async () => {
    if (!connecting || !connectCheck?.ok) return;
    const count = placement.nodes.find((n) => n.id === connecting.from)?.branches.length ?? 0;
    focusAfterDialog.current = { node: connecting.from, label: branchTargetLabel(count, connecting.from) };
    await context.apply({
      op: {
        kind: 'insert',
        path: [...nodePath(connecting.from), 'branches'],
        value: { when: condition, goto: connecting.to },
      },
      label: `Branch from "${connecting.from}" to "${targetName(connecting.to)}"`,
    });
    setConnecting(null);
    setFocused(connecting.from);
  };

  const byCompetency = new Map<string, FlowQuestion[]>();
  for (const q of graph.questions) byCompetency.set(q.competency, [...(byCompetency.get(q.competency) ?? []), q]);
  const competencyName = (id: string) => course.competencies.find((c) => c.id === id)?.name ?? 'No competency';
  const targets = [...placement.nodes.map((n) => n.id), END];

  return (
    <section className="personalization-editor placement-editor" aria-labelledby="placement-heading">
      <header className="personalization-header">
        <div>
          <H2 id="placement-heading">Placement test: {placement.title}</H2>
          <p className={Classes.TEXT_MUTED}>
            After each answer the branches are tried in order; the first that holds decides the next question. Drag from
            a question's lower handle to another question to add a branch.
          </p>
        </div>
      </header>
      <FlowView
        graph={graph}
        focused={focused}
        readOnly={readOnly}
        onConnect={(from, to) => {
          setCondition('correct');
          setConnecting({ from, to });
        }}
        onFocusNode={focusPlacementNode}
      />

      <div className="placement-add">
        <HTMLSelect
          aria-label="Question to add to the test"
          value={newQuestion}
          disabled={readOnly}
          options={[
            { value: '', label: 'Add a question to the test…' },
            ...course.questions.map((q) => ({ value: q.id, label: `${q.id}: ${q.prompt.slice(0, 60)}` })),
          ]}
          onChange={(e) => setNewQuestion(e.currentTarget.value)}
        />
        <Button
          icon={<Plus />}
          text="Add to the test"
          disabled={readOnly || !newQuestion}
          onClick={() => {
            const id = nextNodeId(course, newQuestion);
            void context
              .apply({
                op: {
                  kind: 'insert',
                  path: ['placement', 'nodes'],
                  value: { id, question: newQuestion, branches: [], next: END },
                },
                label: `Add "${newQuestion}" to the placement test`,
              })
              .then(() => setFocused(id));
            setNewQuestion('');
          }}
        />
      </div>

      <div className="placement-list">
        {[...byCompetency].map(([competency, questions]) => (
          <section key={competency} aria-label={competencyName(competency)}>
            <H3 className="placement-competency">{competencyName(competency)}</H3>
            <ol className="placement-nodes">
              {questions.map((q) => {
                const node = placement.nodes.find((n) => n.id === q.id)!;
                const problems = [
                  ...(q.unreachable ? ['No answers ever lead here.'] : []),
                  ...(q.inCycle ? ['The test can come back here and never finish.'] : []),
                  ...(q.deadEnd ? ['A branch leads to a question that does not exist.'] : []),
                ];
                return (
                  <li
                    key={q.id}
                    className={`placement-node${problems.length ? ' placement-node-problem' : ''}${focused === q.id ? ' placement-node-focused' : ''}`}
                  >
                    <h4
                      tabIndex={-1}
                      ref={(el) => {
                        if (el) rows.current.set(q.id, el);
                        else rows.current.delete(q.id);
                      }}
                      className="placement-node-title"
                    >
                      {q.start && <span className="flow-badge flow-badge-start">Start</span>} {q.id}
                      <span className={Classes.TEXT_MUTED}> · {q.prompt}</span>
                    </h4>
                    {problems.map((p) => (
                      <p key={p} className="field-error">
                        {p}
                      </p>
                    ))}
                    <ol className="placement-branches">
                      {node.branches.map((b, bi) => (
                        <li key={bi} className="placement-branch">
                          <span className="placement-branch-if">If</span>
                          <BranchCondition node={node} branch={bi} context={context} />
                          <span>go to</span>
                          <HTMLSelect
                            aria-label={branchTargetLabel(bi, node.id)}
                            value={b.goto}
                            disabled={readOnly}
                            options={targets.map((t) => ({ value: t, label: targetName(t) }))}
                            onChange={(e) =>
                              void context.apply({
                                op: {
                                  kind: 'set',
                                  path: [...nodePath(node.id), 'branches', bi, 'goto'],
                                  value: e.currentTarget.value,
                                },
                                label: `Change where a branch after "${node.id}" goes`,
                              })
                            }
                          />
                          <Button
                            variant="minimal"
                            icon={<Trash />}
                            aria-label={`Delete branch ${bi + 1} after ${node.id}`}
                            disabled={readOnly}
                            onClick={() =>
                              void context.apply({
                                op: { kind: 'remove', path: [...nodePath(node.id), 'branches', bi] },
                                label: `Delete a branch after "${node.id}"`,
                              })
                            }
                          />
                        </li>
                      ))}
                      <li className="placement-branch">
                        <span className="placement-branch-if">Otherwise</span>
                        <span>go to</span>
                        <HTMLSelect
                          aria-label={`Where ${node.id} goes otherwise`}
                          value={node.next}
                          disabled={readOnly}
                          options={targets.map((t) => ({ value: t, label: targetName(t) }))}
                          onChange={(e) =>
                            void context.apply({
                              op: { kind: 'set', path: [...nodePath(node.id), 'next'], value: e.currentTarget.value },
                              label: `Change where "${node.id}" goes otherwise`,
                            })
                          }
                        />
                        <Button
                          variant="minimal"
                          size="small"
                          icon={<Plus />}
                          text="Add branch"
                          disabled={readOnly}
                          onClick={() => {
                            setCondition('correct');
                            setConnecting({ from: node.id, to: node.next });
                          }}
                        />
                      </li>
                    </ol>
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
      </div>

      <Dialog
        isOpen={connecting !== null}
        onClose={() => setConnecting(null)}
        onClosed={() => {
          const next = focusAfterDialog.current;
          focusAfterDialog.current = null;
          if (!next) return;
          const item = rows.current.get(next.node)?.closest('li');
          item?.querySelector<HTMLElement>(`[aria-label="${CSS.escape(next.label)}"]`)?.focus();
        }}
        title={connecting ? `Branch from ${connecting.from}` : 'Branch'}
      >
        {connecting && (
          <>
            <DialogBody>
              <FormGroup label="Go to">
                <HTMLSelect
                  aria-label="Go to"
                  value={connecting.to}
                  options={targets
                    .filter((t) => t !== connecting.from)
                    .map((t) => ({ value: t, label: targetName(t) }))}
                  onChange={(e) => setConnecting({ ...connecting, to: e.currentTarget.value })}
                />
              </FormGroup>
              <FormGroup label="When (after the answer to this question)">
                <ConditionEditor
                  value={condition}
                  course={course}
                  place={{
                    context: 'placement',
                    question: placement.nodes.find((n) => n.id === connecting.from)?.question ?? '',
                  }}
                  label="Condition of the new branch"
                  onChange={setCondition}
                />
              </FormGroup>
              <div className="placement-presets">
                {[
                  'correct',
                  'not correct',
                  'misses(' +
                    (graph.questions.find((q) => q.id === connecting.from)?.competency || 'policy') +
                    ') >= 2',
                  // Who the learner is: the intake comes first, so a branch can send each role its own way.
                  ...learnerPresets(course),
                ].map((preset) => (
                  <Button
                    key={preset}
                    size="small"
                    variant="outlined"
                    text={preset}
                    onClick={() => setCondition(preset)}
                  />
                ))}
              </div>
              {connectCheck && !connectCheck.ok && (
                <p className="field-error">{connectCheck.diagnostics[0]!.message}</p>
              )}
            </DialogBody>
            <DialogFooter
              actions={
                <>
                  <Button text="Cancel" onClick={() => setConnecting(null)} />
                  <Button
                    intent={Intent.PRIMARY}
                    text="Add branch"
                    disabled={!connectCheck?.ok}
                    onClick={() => void addBranch()}
                  />
                </>
              }
            />
          </>
        )}
      </Dialog>
    </section>
  );
}
