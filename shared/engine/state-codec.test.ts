import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCourse } from '../../bench/generate-course';
import { exampleIndex } from '../../test/fixtures/examples';
import { answerKinds } from '../analysis/proof';
import { FORMATS, SENIORITIES, type Answer } from '../model';
import type { CourseIndex } from './course-index';
import { loadCourseOrThrow } from './course-index';
import { PlacementWalker } from './placement';
import { resolvePath } from './resolve';
import {
  checkQuestionsOf,
  decodeLearnerRecord,
  MAX_SECONDS,
  encodeLearnerRecord,
  stateFromRecord,
  StateCodecError,
  worstCaseStateSize,
  type LearnerRecord,
} from './state-codec';

/** A learner record for this course, built from a seed: valid placement answers along a real walk. */
const recordArbitrary = (index: CourseIndex): fc.Arbitrary<LearnerRecord> => {
  const lessons = index.course.modules.flatMap((m) => m.lessons.map((l) => l.id));
  const modules = index.course.modules.map((m) => m.id);
  const choiceRules = index.course.rules.flatMap((r) => (r.then.kind === 'offer-choice' ? [r] : []));
  const checks = checkQuestionsOf(index);
  return fc
    .record({
      role: fc.option(fc.constantFrom(...index.roles), { nil: undefined }),
      department: fc.option(fc.constantFrom(...(index.departments.size ? index.departments : ['x'])), {
        nil: undefined,
      }),
      seniority: fc.option(fc.constantFrom(...SENIORITIES), { nil: undefined }),
      preferredFormat: fc.option(fc.constantFrom(...FORMATS), { nil: undefined }),
      needs: fc.record({ captions: fc.boolean(), audio: fc.boolean(), reducedMotion: fc.boolean() }),
      priorPicks: fc.array(fc.nat(), { minLength: index.competencyIds.length, maxLength: index.competencyIds.length }),
      answerPicks: fc.array(fc.nat(), { maxLength: 40 }),
      stopAfter: fc.nat({ max: 40 }),
      completed: fc.subarray(lessons),
      takeAnyway: fc.subarray(modules),
      formatPicks: fc.array(
        fc.tuple(fc.constantFrom(...(lessons.length ? lessons : ['none'])), fc.constantFrom(...FORMATS)),
        { maxLength: 5 },
      ),
      picks: fc.array(fc.nat(), { minLength: choiceRules.length, maxLength: choiceRules.length }),
      location: fc.option(fc.constantFrom(...(lessons.length ? lessons : ['none'])), { nil: undefined }),
      visits: fc.nat({ max: 4095 }),
      seconds: fc.nat({ max: 300_000 }),
      checkPicks: fc.array(fc.nat({ max: 3 }), { minLength: checks.length, maxLength: checks.length }),
      attributePicks: fc.array(fc.nat(), { minLength: index.attributes.size, maxLength: index.attributes.size }),
    })
    .map((r) => {
      const attributes = Object.fromEntries(
        [...index.attributes].flatMap(([id, values], i) => {
          const n = r.attributePicks[i]! % (values.length + 1);
          return n === 0 ? [] : [[id, values[n - 1]!]];
        }),
      );
      const department = index.departments.size ? r.department : undefined;
      const answers: Answer[] = [];
      // The walk is the learner's own: branches may read who they are.
      const walker = PlacementWalker.start(index, { role: r.role, department, seniority: r.seniority, attributes });
      while (walker && !walker.done && !walker.looping && answers.length < r.stopAfter) {
        const pending = walker.pending;
        if (!pending) break;
        const kinds = answerKinds(pending.question);
        const answer = kinds[(r.answerPicks[answers.length] ?? 0) % kinds.length]!;
        answers.push(answer);
        walker.answer(answer);
      }
      return {
        role: r.role,
        department,
        seniority: r.seniority,
        preferredFormat: r.preferredFormat,
        needs: r.needs,
        attributes,
        prior: Object.fromEntries(
          index.course.competencies.flatMap((c, i) => {
            const n = r.priorPicks[i]! % (c.levels.length + 1);
            return n === 0 ? [] : [[c.id, c.levels[n - 1]!.id]];
          }),
        ),
        answers,
        completed: r.completed,
        takeAnyway: r.takeAnyway,
        formats: Object.fromEntries(r.formatPicks),
        picks: Object.fromEntries(
          choiceRules.map((rule, i) => [rule.id, (rule.then as { modules: string[] }).modules[r.picks[i]! % 2]!]),
        ),
        location: lessons.length ? r.location : undefined,
        visits: r.visits,
        seconds: r.seconds,
        checks: Object.fromEntries(
          checks.flatMap((q, i) => {
            const outcome = ([undefined, 'wrong', 'correct', 'neutral'] as const)[r.checkPicks[i]!];
            return outcome ? [[q, outcome]] : [];
          }),
        ),
      } satisfies LearnerRecord;
    });
};

/** The purchase-approvals example with two attributes of its own: 63 sites (the most one character holds) and a tenure. */
function attributeCourse(): CourseIndex {
  const course = structuredClone(exampleIndex('purchase-approvals').course);
  course.settings.attributes = [
    {
      id: 'site',
      label: 'Which site do you work at?',
      values: Array.from({ length: 63 }, (_, i) => ({ id: `site-${i}`, label: `Site ${i}` })),
    },
    {
      id: 'tenure',
      label: 'How long have you been with us?',
      values: [
        { id: 'short', label: 'Under a year' },
        { id: 'long', label: 'A year or more' },
      ],
    },
  ];
  course.modules[0]!.audience = ['site=site-62', 'site=site-1'];
  return loadCourseOrThrow(course);
}

const courses: Array<[string, CourseIndex]> = [
  ['purchase-approvals', exampleIndex('purchase-approvals')],
  ['shop-floor-safety', exampleIndex('shop-floor-safety')],
  ['a course with learner attributes', attributeCourse()],
  [
    'a generated 300-module course',
    loadCourseOrThrow(generateCourse({ seed: 7, modules: 300, competencies: 12, rules: 200, personas: 8 })),
  ],
];

describe.each(courses)('learner state codec on %s', (_name, index) => {
  it('round-trips: decoding gives the same path as the original record', () => {
    fc.assert(
      fc.property(recordArbitrary(index), (record) => {
        const encoded = encodeLearnerRecord(index, record);
        const decoded = decodeLearnerRecord(index, encoded);
        expect(encodeLearnerRecord(index, decoded)).toBe(encoded);
        const original = stateFromRecord(index, record);
        const restored = stateFromRecord(index, decoded);
        expect(restored.placement.mastery).toEqual(original.placement.mastery);
        expect(restored.placement.steps.map((s) => [s.node, s.correct])).toEqual(
          original.placement.steps.map((s) => [s.node, s.correct]),
        );
        expect(resolvePath(index, restored.state)).toEqual(resolvePath(index, original.state));
        expect(decoded.checks).toEqual(record.checks);
        expect([decoded.location, decoded.visits]).toEqual([record.location, record.visits]);
        expect(decoded.seconds).toBe(Math.min(record.seconds ?? 0, MAX_SECONDS));
        if (index.attributes.size) expect(decoded.attributes).toEqual(record.attributes);
      }),
      { numRuns: 150 },
    );
  });

  it('stays within the worst case it reports, which fits SCORM 1.2’s 4096 characters', () => {
    const budget = worstCaseStateSize(index);
    expect(budget).toBeLessThanOrEqual(4096);
    fc.assert(
      fc.property(recordArbitrary(index), (record) => {
        const encoded = encodeLearnerRecord(index, record);
        expect(encoded.length).toBeLessThanOrEqual(budget);
        expect(encoded).toMatch(/^[A-Za-z0-9_.-]+$/);
      }),
      { numRuns: 150 },
    );
  });
});

describe('learner state codec', () => {
  const index = exampleIndex('purchase-approvals');
  const record: LearnerRecord = {
    role: 'buyer',
    needs: { captions: true, audio: false, reducedMotion: false },
    prior: {},
    answers: ['a', 'a'],
    takeAnyway: [],
    formats: {},
    picks: {},
    completed: ['why-risks'],
  };

  it('reaches the worst case exactly for a learner who did everything', () => {
    const everything: LearnerRecord = {
      ...record,
      role: 'requester',
      department: 'procurement',
      seniority: 'veteran',
      preferredFormat: 'audio',
      prior: Object.fromEntries(index.competencyIds.map((c) => [c, 'expert'])),
      answers: ['b', 'a', 'a', 'b', false, 'a', ['sanctions', 'bank', 'coi'], 5],
      completed: index.course.modules.flatMap((m) => m.lessons.map((l) => l.id)),
      takeAnyway: index.course.modules.map((m) => m.id),
      formats: { 'why-risks': 'audio', 'thr-table': 'text' },
      picks: { 'choose-case-study': 'case-services' },
      checks: Object.fromEntries(checkQuestionsOf(index).map((q) => [q, 'neutral'])),
      location: 'neg-levers',
      visits: 4095,
    };
    expect(encodeLearnerRecord(index, everything).length).toBe(worstCaseStateSize(index));
  });

  it('keeps the values of the course’s own attributes, one character each, within the worst case', () => {
    const withAttributes = attributeCourse();
    const saved: LearnerRecord = { ...record, attributes: { site: 'site-62', tenure: 'long' } };
    const encoded = encodeLearnerRecord(withAttributes, saved);
    expect(decodeLearnerRecord(withAttributes, encoded).attributes).toEqual({ site: 'site-62', tenure: 'long' });
    expect(stateFromRecord(withAttributes, decodeLearnerRecord(withAttributes, encoded)).state.attributes).toEqual({
      site: 'site-62',
      tenure: 'long',
    });
    expect(worstCaseStateSize(withAttributes)).toBe(worstCaseStateSize(index) + 2);
    // A course without attributes saves exactly what it saved before format 3.
    expect(encodeLearnerRecord(index, record).split('.')[1]).toHaveLength(7);
  });

  it('refuses progress saved before the course declared its attributes', () => {
    expect(() => decodeLearnerRecord(attributeCourse(), encodeLearnerRecord(index, record))).toThrow(
      /earlier version of the course/,
    );
  });

  it('refuses progress saved for an earlier version of the course', () => {
    const changed = structuredClone(index.course);
    changed.modules[0]!.lessons.push({ id: 'new-lesson', title: 'New', minutes: 3, blocks: [], renditions: [] });
    const other = loadCourseOrThrow(changed);
    expect(() => decodeLearnerRecord(other, encodeLearnerRecord(index, record))).toThrow(
      /earlier version of the course/,
    );
  });

  it('keeps knowledge-check outcomes across sessions', () => {
    const checks = { 'k-three-questions': 'wrong', 'k-who-approves': 'correct' } as const;
    expect(decodeLearnerRecord(index, encodeLearnerRecord(index, { ...record, checks })).checks).toEqual(checks);
  });

  it('keeps the time spent across sessions, and keeps about 72 hours at most', () => {
    expect(decodeLearnerRecord(index, encodeLearnerRecord(index, { ...record, seconds: 1234.9 })).seconds).toBe(1234);
    expect(decodeLearnerRecord(index, encodeLearnerRecord(index, { ...record, seconds: 1e9 })).seconds).toBe(
      MAX_SECONDS,
    );
  });

  it('still reads progress saved before time spent was kept, as no time', () => {
    const current = encodeLearnerRecord(index, { ...record, location: 'why-risks', visits: 3, seconds: 600 });
    const older = current.slice(0, -3);
    expect(decodeLearnerRecord(index, older)).toMatchObject({ location: 'why-risks', visits: 3, seconds: 0 });
  });

  it('still reads progress saved before knowledge checks were kept', () => {
    const current = encodeLearnerRecord(index, record);
    const sections = current.split('.');
    const older = `T1${sections.slice(0, 8).join('.').slice(2)}`;
    expect(decodeLearnerRecord(index, older)).toMatchObject({ role: 'buyer', completed: ['why-risks'], checks: {} });
  });

  it('refuses progress whose knowledge checks belong to an earlier version of the course', () => {
    const changed = structuredClone(index.course);
    changed.modules[0]!.lessons[0]!.blocks.push({ type: 'check', id: 'extra-check', question: 'k-bank-change' });
    const other = loadCourseOrThrow(changed);
    expect(() => decodeLearnerRecord(other, encodeLearnerRecord(index, record))).toThrow(
      /earlier version of the course/,
    );
  });

  it.each(['', 'garbage', 'T1xxxx', 'T9....'])('refuses damaged saved progress %j with a StateCodecError', (text) => {
    expect(() => decodeLearnerRecord(index, text)).toThrow(StateCodecError);
  });
});
