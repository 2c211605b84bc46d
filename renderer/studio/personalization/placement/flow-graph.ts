import { Graph, layout } from '@dagrejs/dagre';
import type { Finding } from '../../../../shared/analysis';
import type { CourseProblem } from '../../../../shared/engine';
import { ExprSyntaxError, parseExpr, printExpr } from '../../../../shared/engine/expr';
import { END, type Course } from '../../../../shared/model';

export const END_NODE = END;

export interface FlowQuestion {
  readonly id: string;
  readonly question: string;
  readonly prompt: string;
  readonly competency: string;
  readonly start: boolean;
  readonly unreachable: boolean;
  readonly inCycle: boolean;
  /** A branch or default leads nowhere (no such node). */
  readonly deadEnd: boolean;
  readonly x: number;
  readonly y: number;
}

export interface FlowEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** The condition as the engine reads it (printed from the parsed tree), or "otherwise" for the default. */
  readonly label: string;
  /** Branch index in the node's list, or -1 for the default next. */
  readonly branch: number;
  readonly broken: boolean;
  /** The proof found that no learner takes this branch (it holds for no one who gets here, e.g. `role == teller` after a branch for every role). */
  readonly neverTaken: boolean;
}

export interface FlowGraph {
  readonly questions: readonly FlowQuestion[];
  readonly edges: readonly FlowEdge[];
  readonly end: { readonly x: number; readonly y: number };
}

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 72;

/** The label of a branch: its parsed, canonical form, so the graph shows what the engine will do. */
function conditionLabel(when: string): { label: string; broken: boolean } {
  try {
    return { label: printExpr(parseExpr(when)), broken: false };
  } catch (error) {
    if (error instanceof ExprSyntaxError) return { label: when, broken: true };
    throw error;
  }
}

const nodeIndex = (path: string) => /^placement\.nodes\[(\d+)\]/.exec(path)?.[1];

/** The placement flow as a graph laid out top to bottom, with the proof's findings on its nodes. */
export function flowGraph(
  course: Course,
  findings: readonly Finding[],
  problems: readonly CourseProblem[] = [],
): FlowGraph | null {
  const placement = course.placement;
  if (!placement) return null;
  const nodes = placement.nodes;
  const ids = new Set(nodes.map((n) => n.id));
  const flagged = (code: string) =>
    new Set(findings.filter((f) => f.code === code).flatMap((f) => nodes[Number(nodeIndex(f.path) ?? -1)]?.id ?? []));
  const unreachable = flagged('placement-question-unreachable');
  const cycleStarts = flagged('placement-cycle');
  const cycleMembers = new Set<string>(cycleStarts);
  for (const f of findings)
    if (f.code === 'placement-cycle')
      // The cycle is the chain of ids joined by arrows; the rest of the message (who goes round) names no node.
      for (const id of /[a-z][a-z0-9_-]*(?: → [a-z][a-z0-9_-]*)+/.exec(f.message)?.[0].split(' → ') ?? [])
        if (ids.has(id)) cycleMembers.add(id);
  const deadEnds = new Set(
    problems.flatMap((p) => (/\.(goto|next)$/.test(p.path) ? (nodes[Number(nodeIndex(p.path) ?? -1)]?.id ?? []) : [])),
  );

  const neverTaken = new Set(
    findings.flatMap((f) => {
      const at = /^placement\.nodes\[(\d+)\]\.branches\[(\d+)\]$/.exec(f.path);
      return f.code === 'placement-branch-never-taken' && at ? [`${nodes[Number(at[1])]?.id}:${at[2]}`] : [];
    }),
  );

  const edges: FlowEdge[] = [];
  for (const node of nodes) {
    node.branches.forEach((b, bi) => {
      const { label, broken } = conditionLabel(b.when);
      const id = `${node.id}:${bi}`;
      edges.push({ id, from: node.id, to: b.goto, label, branch: bi, broken, neverTaken: neverTaken.has(id) });
    });
    edges.push({
      id: `${node.id}:next`,
      from: node.id,
      to: node.next,
      label: 'otherwise',
      branch: -1,
      broken: false,
      neverTaken: false,
    });
  }

  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 30, ranksep: 56, edgesep: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  g.setNode(END_NODE, { width: 120, height: 44 });
  for (const e of edges)
    if (e.to === END_NODE || ids.has(e.to)) g.setEdge(e.from, e.to, { width: 90, height: 20 }, e.id);
  layout(g);

  const questions = course.questions;
  return {
    questions: nodes.map((node) => {
      const question = questions.find((q) => q.id === node.question);
      const at = g.node(node.id);
      return {
        id: node.id,
        question: node.question,
        prompt: question?.prompt ?? `Missing question "${node.question}"`,
        competency: question?.competency ?? '',
        start: node.id === placement.start,
        unreachable: unreachable.has(node.id),
        inCycle: cycleMembers.has(node.id),
        deadEnd: deadEnds.has(node.id) || edges.some((e) => e.from === node.id && e.to !== END_NODE && !ids.has(e.to)),
        x: at.x - NODE_WIDTH / 2,
        y: at.y - NODE_HEIGHT / 2,
      };
    }),
    edges,
    end: { x: g.node(END_NODE).x - 60, y: g.node(END_NODE).y - 22 },
  };
}
