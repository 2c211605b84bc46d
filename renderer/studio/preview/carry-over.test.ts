import { describe, expect, it } from 'vitest';
import {
  decodeLearnerRecord,
  encodeLearnerRecord,
  indexCourse,
  playAsPersona,
  type CourseIndex,
} from '../../../shared/engine';
import type { Course } from '../../../shared/model';
import { exampleIndex } from '../../../test/fixtures/examples';
import { carryOver } from './carry-over';

const before = exampleIndex('purchase-approvals');
const victor = before.course.personas.find((p) => p.id === 'victor')!;
/** Victor's saved progress after his placement, two lessons into "Approval thresholds". */
const played = playAsPersona(before, victor).record;
const record = { ...played, completed: ['thr-table'], location: 'thr-delegate' };
const stored = { 'cmi.suspend_data': encodeLearnerRecord(before, record), 'cmi.location': 'thr-delegate' };

const edited = (change: (course: Course) => Course): CourseIndex => indexCourse(change(structuredClone(before.course)));
const withoutLesson = (id: string) =>
  edited((c) => ({ ...c, modules: c.modules.map((m) => ({ ...m, lessons: m.lessons.filter((l) => l.id !== id) })) }));

describe('carrying the preview’s place across a rebuild', () => {
  it('keeps the lesson, progress and placement answers when a title changes', () => {
    const after = edited((c) => ({
      ...c,
      modules: c.modules.map((m) => ({
        ...m,
        lessons: m.lessons.map((l) => (l.id === 'thr-delegate' ? { ...l, title: 'Delegating, renamed' } : l)),
      })),
    }));
    const carried = carryOver(before, after, stored, false)!;
    expect(carried.note).toBeNull();
    expect(carried.launch['cmi.location']).toBe('thr-delegate');
    expect(carried.launch['cmi.entry']).toBe('resume');
    const resumed = decodeLearnerRecord(after, carried.launch['cmi.suspend_data']!);
    expect(resumed.location).toBe('thr-delegate');
    expect(resumed.completed).toEqual(['thr-table']);
    expect(resumed.answers).toEqual(played.answers);
  });

  it('goes on at the next lesson still there when the learner’s lesson was deleted, and says so', () => {
    const after = withoutLesson('thr-delegate');
    const carried = carryOver(before, after, stored, true)!;
    expect(carried.launch['cmi.core.lesson_location']).toBe('thr-check');
    expect(carried.note).toBe(
      '“Delegating while you are away” is no longer in the course: the learner goes on at “Check: who approves?”.',
    );
    // Written for the edited course: its player can read it (the old one's layout no longer matches).
    expect(decodeLearnerRecord(after, carried.launch['cmi.suspend_data']!).completed).toEqual(['thr-table']);
    expect(() => decodeLearnerRecord(after, stored['cmi.suspend_data'])).toThrow();
  });

  it('goes on from the course map when no later lesson is left', () => {
    const after = withoutLesson('neg-levers');
    const atEnd = { 'cmi.suspend_data': encodeLearnerRecord(before, { ...record, location: 'neg-levers' }) };
    const carried = carryOver(before, after, atEnd, false)!;
    expect(carried.launch['cmi.location']).toBe('map');
    expect(carried.note).toContain('goes on from the course map');
  });

  it('drops the placement answers the edited course no longer asks, and says so', () => {
    expect(played.answers.length).toBeGreaterThan(0);
    const after = edited((c) => {
      const { placement: _, ...rest } = c;
      return rest;
    });
    const carried = carryOver(before, after, stored, false)!;
    expect(decodeLearnerRecord(after, carried.launch['cmi.suspend_data']!).answers).toEqual([]);
    expect(carried.note).toBe(
      'The placement test changed: the learner’s earlier answers no longer fit it and are dropped.',
    );
  });

  it('keeps the picks of a choice of several whose modules the edited course still has', () => {
    const choosing = (course: Course, modules: readonly string[]): Course => ({
      ...course,
      rules: course.rules.map((r) =>
        r.id === 'choose-case-study'
          ? { ...r, then: { kind: 'offer-choice', modules: [...modules], prompt: '', pick: 2 } }
          : r,
      ),
    });
    const from = edited((c) => choosing(c, ['case-software', 'case-services', 'exceptions']));
    const picked = { ...record, picks: { 'choose-case-study': ['case-software', 'exceptions'] } };
    const saved = { 'cmi.suspend_data': encodeLearnerRecord(from, picked), 'cmi.location': 'thr-delegate' };
    // The edit deletes the software case study: the other pick is kept, still as a pick of several.
    const after = edited((c) =>
      choosing({ ...c, modules: c.modules.filter((m) => m.id !== 'case-software') }, [
        'case-services',
        'exceptions',
        'requisitions',
      ]),
    );
    const carried = carryOver(from, after, saved, false)!;
    expect(decodeLearnerRecord(after, carried.launch['cmi.suspend_data']!).picks).toEqual({
      'choose-case-study': ['exceptions'],
    });
  });

  it('carries nothing before the learner has saved anything, or from another course', () => {
    expect(carryOver(before, before, {}, false)).toBeNull();
    expect(carryOver(before, before, { 'cmi.suspend_data': 'not ours' }, false)).toBeNull();
  });
});
