import {
  Background,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  type Connection,
  type Edge,
  type Node,
  type NodeChange,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, useState, type ReactNode } from 'react';
import { END_NODE, type FlowGraph, type FlowQuestion } from './flow-graph';

type QuestionNode = Node<{ question: FlowQuestion; focused: boolean }, 'question'>;
type EndNode = Node<Record<string, never>, 'end'>;

function problemsOf(q: FlowQuestion): string[] {
  return [
    ...(q.unreachable ? ['never reached'] : []),
    ...(q.inCycle ? ['goes round in a circle'] : []),
    ...(q.deadEnd ? ['leads nowhere'] : []),
  ];
}

function QuestionCard({ data }: NodeProps<QuestionNode>): ReactNode {
  const q = data.question;
  const problems = problemsOf(q);
  return (
    <div
      className={`flow-question${problems.length ? ' flow-question-problem' : ''}${data.focused ? ' flow-question-focused' : ''}`}
    >
      <Handle type="target" position={Position.Top} />
      <div className="flow-question-head">
        {q.start && <span className="flow-badge flow-badge-start">Start</span>}
        <span className="flow-competency">{q.competency || 'no competency'}</span>
        <span className="flow-node-id">{q.id}</span>
      </div>
      <div className="flow-question-prompt">{q.prompt}</div>
      {problems.length > 0 && <div className="flow-question-warning">⚠ {problems.join(', ')}</div>}
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}

function EndCard(): ReactNode {
  return (
    <div className="flow-end">
      <Handle type="target" position={Position.Top} />
      End of the test
    </div>
  );
}

const NODE_TYPES = { question: QuestionCard, end: EndCard };

/** What a screen reader hears on a focused node: what Enter does here (the defaults speak of moving and deleting nodes). */
const NODE_HINT = 'Press Enter to edit this question and its branches in the list below the flow.';
const ARIA_LABELS = { 'node.a11yDescription.default': NODE_HINT, 'node.a11yDescription.keyboardDisabled': NODE_HINT };

export interface FlowViewProps {
  readonly graph: FlowGraph;
  readonly focused: string | null;
  readonly readOnly: boolean;
  /** The designer dragged from one question to another (or to the end). */
  readonly onConnect: (from: string, to: string) => void;
  readonly onFocusNode: (id: string) => void;
}

/** The placement test as a graph drawn from the parsed branches: drag from a question's bottom handle to add a branch. */
export function FlowView({ graph, focused, readOnly, onConnect, onFocusNode }: FlowViewProps): ReactNode {
  // Sizes React Flow measured, handed back with every rebuilt node so edges stay drawn after a change.
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({});
  const built = useMemo<(QuestionNode | EndNode)[]>(
    () => [
      ...graph.questions.map((q): QuestionNode => ({
        id: q.id,
        type: 'question',
        position: { x: q.x, y: q.y },
        data: { question: q, focused: q.id === focused },
        selected: q.id === focused,
        ariaLabel: `Question ${q.id} (${q.competency || 'no competency'}): ${q.prompt}${problemsOf(q).length ? `. Problem: ${problemsOf(q).join(', ')}` : ''}`,
        connectable: !readOnly,
      })),
      {
        id: END_NODE,
        type: 'end',
        position: graph.end,
        data: {},
        ariaLabel: 'End of the placement test',
        connectable: !readOnly,
      },
    ],
    [graph, focused, readOnly],
  );
  const nodes = useMemo(
    () => built.map((n) => (measured[n.id] ? { ...n, measured: measured[n.id] } : n)),
    [built, measured],
  );
  const onNodesChange = (changes: NodeChange[]) => {
    const sized = changes.flatMap((c) =>
      c.type === 'dimensions' && c.dimensions ? [[c.id, c.dimensions] as const] : [],
    );
    if (sized.length) setMeasured((m) => ({ ...m, ...Object.fromEntries(sized) }));
  };
  const edges = useMemo<Edge[]>(
    () =>
      graph.edges.map((e) => ({
        id: e.id,
        source: e.from,
        target: e.to,
        label: e.neverTaken ? `${e.label} (never taken)` : e.label,
        ariaLabel: `From ${e.from} to ${e.to === END_NODE ? 'the end' : e.to} when ${e.label}${e.neverTaken ? '. Problem: no learner ever takes this branch' : ''}`,
        className:
          e.branch < 0
            ? 'flow-edge-default'
            : e.broken
              ? 'flow-edge-broken'
              : e.neverTaken
                ? 'flow-edge-never'
                : 'flow-edge-branch',
        markerEnd: { type: MarkerType.ArrowClosed },
        labelBgPadding: [6, 3] as [number, number],
        labelBgBorderRadius: 3,
      })),
    [graph],
  );
  return (
    <div
      className="flow-view"
      aria-label="Placement flow"
      role="region"
      onKeyDown={(event) => {
        // Each question is a tab stop; Enter on it opens its editor, as a click does.
        if (event.key !== 'Enter' || !(event.target instanceof HTMLElement)) return;
        const id = event.target.classList.contains('react-flow__node') ? event.target.dataset.id : undefined;
        if (id && id !== END_NODE) onFocusNode(id);
      }}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        fitView
        fitViewOptions={{ padding: 0.08 }}
        minZoom={0.2}
        nodesDraggable={false}
        edgesFocusable={false}
        deleteKeyCode={null}
        ariaLabelConfig={ARIA_LABELS}
        nodesConnectable={!readOnly}
        proOptions={{ hideAttribution: true }}
        onConnect={(c: Connection) => {
          if (c.source && c.target && c.source !== END_NODE && c.source !== c.target) onConnect(c.source, c.target);
        }}
        onNodeClick={(_, node) => node.id !== END_NODE && onFocusNode(node.id)}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
