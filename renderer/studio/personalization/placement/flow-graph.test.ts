import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { course as courseSchema, type CourseInput } from '../../../../shared/model';
import { analyzeCourse } from '../../analysis/analyze';
import { flowGraph } from './flow-graph';

const input = (): CourseInput =>
  JSON.parse(
    readFileSync(new URL('../../../../resources/examples/purchase-approvals/course.json', import.meta.url), 'utf8'),
  ) as CourseInput;

describe('the placement flow graph', () => {
  it('has a node per question and an edge per branch and default, labelled with the parsed condition', () => {
    const course = courseSchema.parse(input());
    const graph = flowGraph(course, [])!;
    expect(graph.questions.map((q) => q.id)).toEqual(course.placement!.nodes.map((n) => n.id));
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ from: 'policy-easy', to: 'thresholds-1', label: 'misses(policy) >= 2', branch: 0 }),
    );
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ from: 'self-negotiation', to: 'end', label: 'otherwise', branch: -1 }),
    );
    expect(graph.edges).toHaveLength(9 + 4);
    expect(graph.questions.find((q) => q.id === 'policy-1')!.start).toBe(true);
  });

  it('lays the flow out top to bottom: every default edge goes down', () => {
    const graph = flowGraph(courseSchema.parse(input()), [])!;
    const y = new Map(graph.questions.map((q) => [q.id, q.y]));
    for (const e of graph.edges.filter((e) => e.to !== 'end')) expect(y.get(e.to)!).toBeGreaterThan(y.get(e.from)!);
    expect(graph.end.y).toBeGreaterThan(Math.max(...y.values()));
  });

  it("marks the proof's unreachable question and a cycle", () => {
    const raw = input();
    raw.placement!.nodes.push({ id: 'orphan', question: 'p-thr-3', branches: [], next: 'end' });
    raw.placement!.nodes.find((n) => n.id === 'vendors-hard')!.next = 'vendors-1';
    const analysis = analyzeCourse(raw);
    const graph = flowGraph(courseSchema.parse(raw), analysis.findings, analysis.problems)!;
    expect(graph.questions.find((q) => q.id === 'orphan')!.unreachable).toBe(true);
    expect(graph.questions.find((q) => q.id === 'vendors-hard')!.inCycle).toBe(true);
    expect(graph.questions.find((q) => q.id === 'policy-1')!.unreachable).toBe(false);
  });

  it('labels branches that read who the learner is from the parsed condition, and marks one no learner takes', () => {
    const raw = input();
    const first = raw.placement!.nodes[0]!;
    first.branches = [
      { when: 'role  in [buyer,approver,requester]', goto: 'vendors-1' },
      { when: 'role == approver', goto: 'thresholds-1' },
      ...(first.branches ?? []),
    ];
    const analysis = analyzeCourse(raw);
    expect(analysis.problems).toEqual([]);
    const graph = flowGraph(courseSchema.parse(raw), analysis.findings, analysis.problems)!;
    const [everyone, approvers] = graph.edges.filter((e) => e.from === first.id);
    expect(everyone).toMatchObject({ label: 'role in [buyer, approver, requester]', neverTaken: false });
    // Every role already left by the branch above: no learner takes this one.
    expect(approvers).toMatchObject({ label: 'role == approver', to: 'thresholds-1', neverTaken: true });
  });

  it('marks a branch to a node that does not exist as a dead end', () => {
    const raw = input();
    raw.placement!.nodes[0]!.branches![0]!.goto = 'nowhere';
    const analysis = analyzeCourse(raw);
    const graph = flowGraph(courseSchema.parse(raw), analysis.findings, analysis.problems)!;
    expect(graph.questions[0]!.deadEnd).toBe(true);
  });
});
