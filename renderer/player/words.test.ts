import { describe, expect, it } from 'vitest';
import { loadCourseOrThrow, personaState, resolvePath } from '../../shared/engine';
import { PlacementWalker } from '../../shared/engine/placement';
import { lessonCounts, lessonReason } from '../../shared/engine/resolve';
import { exampleIndex } from '../../test/fixtures/examples';
import { duration, labelOf, moduleReasons, placementLength, SECTION_TITLES, sectionOf, timeSpent } from './words';

const safety = exampleIndex('shop-floor-safety');
const approvals = exampleIndex('purchase-approvals');

describe('the words a learner reads', () => {
  it('names roles with the course’s labels, else the id in plain words, never the raw id', () => {
    expect(labelOf(safety.course, 'floor-operator')).toBe('floor operator');
    const labelled = {
      ...safety.course,
      settings: { ...safety.course.settings, labels: { 'floor-operator': 'Floor operator' } },
    };
    expect(labelOf(labelled, 'floor-operator')).toBe('Floor operator');
  });

  it('gives a module’s reasons without raw ids or words that only repeat its section', () => {
    const femi = safety.course.personas.find((p) => p.id === 'femi')!;
    const path = resolvePath(safety, personaState(safety, femi).state);
    const all = path.modules.flatMap((m) => moduleReasons(safety.course, m, femi.role));
    expect(all.join(' ')).not.toMatch(
      /floor-operator|office-staff|forklift-driver|Part of the course|Optional in this course/,
    );
    const mandatory = path.modules.find((m) => m.reasons.some((r) => r.kind === 'mandatory'))!;
    expect(moduleReasons(safety.course, mandatory, femi.role)).toContain('Required for your role (floor operator).');
  });

  it('puts every module in one outline section, and other roles’ modules under "Not for you"', () => {
    const office = safety.course.personas.find((p) => p.role === 'office-staff')!;
    const path = resolvePath(safety, personaState(safety, office).state);
    const hidden = path.modules.filter((m) => sectionOf(m) === 'not-for-you');
    expect(hidden.length).toBeGreaterThan(0);
    expect(moduleReasons(safety.course, hidden[0]!, office.role)[0]).toMatch(/^Meant for floor operator/);
  });

  it('names the course’s own attribute values by their labels in audiences and mandates, never as ids', () => {
    const course = structuredClone(safety.course);
    course.modules[5]!.audience = ['site=warehouse'];
    course.modules[6]!.audience = [];
    course.modules[6]!.mandatoryFor = ['office-staff', 'site=plant'];
    const index = loadCourseOrThrow(course);
    const olga = index.course.personas.find((p) => p.id === 'olga')!;
    const path = resolvePath(index, { ...personaState(index, olga).state, attributes: { site: 'plant' } });
    const reasons = (id: string) =>
      moduleReasons(
        course,
        path.modules.find((m) => m.id === id)!,
        olga.role,
      );
    expect(reasons(course.modules[5]!.id)).toEqual(['Meant for learners who answered “In the warehouse”.']);
    // Kept out by where she works, not her role: the section's title must not say it is her role.
    expect(sectionOf(path.modules.find((m) => m.id === course.modules[5]!.id)!)).toBe('not-for-you');
    expect(SECTION_TITLES['not-for-you']).not.toMatch(/role/i);
    expect(reasons(course.modules[6]!.id)).toEqual(['Required for office staff who answered “At the main plant”.']);
  });

  it('counts a lesson a lesson rule skips as neither to do nor done, and gives its reason in the course’s words', () => {
    const sam = safety.course.personas.find((p) => p.id === 'sam')!;
    const path = resolvePath(safety, personaState(safety, sam).state);
    const induction = path.modules.find((m) => m.id === 'site-induction')!;
    expect(lessonCounts(induction)).toEqual({ toDo: 1, done: 0, skipped: 1, minutes: 2 });
    const walkaround = induction.lessons.find((l) => l.id === 'walkaround')!;
    expect(lessonReason(walkaround)).toBe(safety.course.rules.find((r) => r.id === 'skip-walkaround-film')!.reason);
    const completed = { ...induction, lessons: induction.lessons.map((l) => ({ ...l, completed: !l.skipped })) };
    expect(lessonCounts(completed)).toEqual({ toDo: 1, done: 1, skipped: 1, minutes: 2 });
    const femi = safety.course.personas.find((p) => p.id === 'femi')!;
    const hers = resolvePath(safety, personaState(safety, femi).state).modules.find((m) => m.id === 'site-induction')!;
    expect(lessonCounts(hers)).toEqual({ toDo: 2, done: 0, skipped: 0, minutes: 6 });
    expect(lessonReason(hers.lessons[0]!)).toBe('');
  });

  it('counts the placement questions ahead: of about N while it branches', () => {
    const walker = PlacementWalker.start(approvals)!;
    const first = placementLength(approvals.course, 0, walker.current);
    expect(first.total).toBeGreaterThan(1);
    expect(first.exact).toBe(false);
    walker.answer('nonsense');
    const second = placementLength(approvals.course, 1, walker.current);
    expect(second.total).toBeGreaterThanOrEqual(2);
    expect(placementLength(approvals.course, 3, 'end')).toEqual({ total: 3, exact: false });
  });

  it('says measured time spent without rounding it up', () => {
    expect(timeSpent(0)).toBe('under a minute');
    expect(timeSpent(59.9)).toBe('under a minute');
    expect(timeSpent(60)).toBe('1 minute');
    expect(timeSpent(17 * 60 + 59)).toBe('17 minutes');
    expect(timeSpent(3900)).toBe('1 h 5 min');
  });

  it('says durations the way people do', () => {
    expect(duration(1)).toBe('1 minute');
    expect(duration(17)).toBe('17 minutes');
    expect(duration(65)).toBe('1 h 5 min');
    expect(duration(120)).toBe('2 hours');
  });
});
