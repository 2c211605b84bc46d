import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCourse, prng } from '../../bench/generate-course';
import { loadCourseOrThrow, type CourseIndex } from '../engine';
import type { CourseInput } from '../model';
import { exhaustivePlacement } from './exhaustive';
import { placementLearners } from './placement-learners';
import { prove } from './proof';

const seeds = fc.integer({ min: 1, max: 1_000_000 });

/** A small course whose placement branches read role, seniority and (sometimes) the course's own attributes. */
const branching = (seed: number): CourseInput =>
  generateCourse({
    seed,
    modules: 4,
    competencies: 3,
    rules: 4,
    personas: 2,
    roles: 3,
    placementDepth: 2,
    attributes: seed % 3,
    placementBranches: true,
  });

/** What the proof says about the placement test, in the terms exhaustive enumeration can check. */
function placementAnswers(index: CourseIndex) {
  const findings = prove(index).findings;
  const nodes = index.course.placement!.nodes;
  const nodeOf = (path: string) => nodes[Number(/nodes\[(\d+)\]/.exec(path)![1])]!.id;
  return {
    unreachable: new Set(
      findings.filter((f) => f.code === 'placement-question-unreachable').map((f) => nodeOf(f.path)),
    ),
    neverTaken: new Set(
      findings
        .filter((f) => f.code === 'placement-branch-never-taken')
        .map((f) => `${nodeOf(f.path)}:${/branches\[(\d+)\]/.exec(f.path)![1]}`),
    ),
    cycles: findings.filter((f) => f.code === 'placement-cycle'),
  };
}

function expectPlacementAgreement(index: CourseIndex) {
  const truth = exhaustivePlacement(index);
  expect(truth.complete).toBe(true);
  const proof = placementAnswers(index);
  const nodes = index.course.placement!.nodes;
  for (const node of nodes) {
    expect(proof.unreachable.has(node.id), node.id).toBe(!truth.reached.has(node.id));
    if (truth.reached.has(node.id))
      node.branches.forEach((b, bi) =>
        expect(proof.neverTaken.has(`${node.id}:${bi}`), `${node.id} when ${b.when}`).toBe(
          !truth.taken.has(`${node.id}:${bi}`),
        ),
      );
  }
  // A walk some learner really takes that comes round again is always reported.
  if (truth.loops) expect(proof.cycles.length).toBeGreaterThan(0);
  return truth;
}

describe('the placement proof with branches that read who the learner is', () => {
  it('agrees with exhaustive enumeration of every learner and answer sequence on the questions asked and the branches taken', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const index = loadCourseOrThrow(branching(seed));
        const truth = expectPlacementAgreement(index);
        // The generated flows only lead down, so nobody goes round and nothing is reported as a cycle.
        expect(truth.loops).toBe(false);
        expect(placementAnswers(index).cycles).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it('reports a cycle whenever some learner can go round, also through branches that read who they are', () => {
    fc.assert(
      fc.property(seeds, fc.nat(), (seed, pick) => {
        const course = branching(seed);
        const next = prng(seed ^ 0xc1c1);
        const nodes = course.placement!.nodes.filter((n) => n.id.startsWith('n-'));
        const from = nodes[1 + (pick % (nodes.length - 1))]!;
        const to = nodes[next.int(0, nodes.indexOf(from))]!;
        const when = next.pick([
          `role == role-${next.int(1, 3)}`,
          `role != role-${next.int(1, 3)} and not correct`,
          `seniority == ${next.pick(['new', 'veteran'])}`,
          ...(course.settings?.attributes?.length ? ['attr-1 == a1-v1'] : []),
        ]);
        from.branches = [{ when, goto: to.id }, ...(from.branches ?? [])];
        expectPlacementAgreement(loadCourseOrThrow(course));
      }),
      { numRuns: 60 },
    );
  });

  it('is tested on flows where who the learner is decides what they are asked', () => {
    let dependent = 0;
    let unreachable = 0;
    let neverTaken = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const index = loadCourseOrThrow(branching(seed));
      const askedBy = placementLearners(index).map(({ learner }) =>
        [...exhaustivePlacement(index, { learners: [learner] }).reached].sort().join(),
      );
      const proof = placementAnswers(index);
      if (proof.unreachable.size) unreachable++;
      if (proof.neverTaken.size) neverTaken++;
      if (new Set(askedBy).size > 1) dependent++;
    }
    // Most generated flows tell learners apart, and some leave questions or branches to nobody.
    expect(dependent).toBeGreaterThan(30);
    expect(unreachable).toBeGreaterThan(3);
    expect(neverTaken).toBeGreaterThan(3);
  });
});

/** Two questions after a start: tellers go to `cash`, and (planted) a branch back from `cash` to the start. */
const loopCourse = (back: string, forward = 'role == teller'): CourseInput => ({
  format: 5,
  id: 'loop',
  title: 'Loop',
  settings: { roles: ['teller', 'approver'] },
  questions: ['q1', 'q2', 'q3'].map((id) => ({
    type: 'true-false' as const,
    id,
    prompt: `${id}?`,
    answer: true,
  })),
  placement: {
    title: 'Placement',
    start: 'start',
    nodes: [
      { id: 'start', question: 'q1', branches: [{ when: forward, goto: 'cash' }], next: 'limits' },
      { id: 'cash', question: 'q2', branches: [{ when: back, goto: 'start' }], next: 'end' },
      { id: 'limits', question: 'q3', next: 'end' },
    ],
  },
});

describe('placement cycles and who the learner is', () => {
  it('finds no cycle where the way there and the way back are for different roles', () => {
    const findings = prove(loadCourseOrThrow(loopCourse('role != teller'))).findings;
    expect(findings.filter((f) => f.code === 'placement-cycle')).toEqual([]);
    // No learner takes the way back: it is a branch that leads nowhere.
    expect(findings.find((f) => f.code === 'placement-branch-never-taken')).toMatchObject({
      path: 'placement.nodes[1].branches[0]',
    });
  });

  it('finds the cycle, and names the learners who go round, when the way back is for the same role', () => {
    const cycle = prove(loadCourseOrThrow(loopCourse('role == teller'))).findings.find(
      (f) => f.code === 'placement-cycle',
    );
    expect(cycle?.message).toMatch(/start → cash → start/);
    expect(cycle?.message).toMatch(/It happens for role teller\.$/);
  });

  it('finds a question only one role is asked reachable, and one no role is asked unreachable', () => {
    const asked = prove(loadCourseOrThrow(loopCourse('false'))).findings;
    expect(asked.some((f) => f.code === 'placement-question-unreachable')).toBe(false);
    const nobody = prove(loadCourseOrThrow(loopCourse('false', 'role == teller and role == approver'))).findings;
    expect(nobody.find((f) => f.code === 'placement-question-unreachable')).toMatchObject({
      path: 'placement.nodes[1]',
      message: expect.stringMatching(/^No learner and no sequence of answers ever reaches “cash”/),
    });
  });
});
