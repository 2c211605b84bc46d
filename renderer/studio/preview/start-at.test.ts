import { describe, expect, it } from 'vitest';
import { decodeLearnerRecord, resultOfRecord } from '../../../shared/engine';
import { exampleIndex } from '../../../test/fixtures/examples';
import { startLaunch, startOptions } from './start-at';

const approvals = exampleIndex('purchase-approvals');
const victor = approvals.course.personas.find((p) => p.id === 'victor')!;

describe('starting a preview as a persona somewhere in the course', () => {
  it('offers the beginning, after the placement test, and each module the persona takes, in their order', () => {
    const options = startOptions(approvals, victor);
    expect(options.slice(0, 2).map((o) => o.value)).toEqual(['', 'placed']);
    const modules = options.slice(2).map((o) => o.value.slice('module:'.length));
    expect(modules.length).toBeGreaterThan(1);
    const { path } = resultOfRecord(
      approvals,
      decodeLearnerRecord(approvals, startLaunch(approvals, victor, 'placed', false)!['cmi.suspend_data']!),
    );
    const onPath = path.modules.filter((m) => m.status === 'required' || m.status === 'optional').map((m) => m.id);
    expect(modules.every((id) => onPath.includes(id) || path.choices.some((c) => c.options.includes(id)))).toBe(true);
    expect(options[2]!.label).toBe(`Module: ${approvals.course.modules.find((m) => m.id === modules[0])!.title}`);
  });

  it('offers only the beginning when no learner is chosen', () => {
    expect(startOptions(approvals, undefined).map((o) => o.value)).toEqual(['']);
  });

  it('launches at a module’s first lesson, with the placement answered and the modules before it done', () => {
    const options = startOptions(approvals, victor);
    const last = options.at(-1)!.value;
    const moduleId = last.slice('module:'.length);
    for (const v12 of [true, false]) {
      const launch = startLaunch(approvals, victor, last, v12)!;
      const record = decodeLearnerRecord(approvals, launch['cmi.suspend_data']!);
      const first = approvals.course.modules.find((m) => m.id === moduleId)!.lessons[0]!.id;
      expect(record.location).toBe(first);
      expect(launch[v12 ? 'cmi.core.lesson_location' : 'cmi.location']).toBe(first);
      expect(launch[v12 ? 'cmi.core.entry' : 'cmi.entry']).toBe('resume');
      expect(record.answers.length).toBeGreaterThan(0);
      expect(record.completed.length).toBeGreaterThan(0);
      expect(record.role).toBe(victor.role);
    }
  });

  it('launches on the map after the placement test, nothing taken yet', () => {
    const launch = startLaunch(approvals, victor, 'placed', false)!;
    const record = decodeLearnerRecord(approvals, launch['cmi.suspend_data']!);
    expect(launch['cmi.location']).toBe('map');
    expect(record.completed).toEqual([]);
    expect(resultOfRecord(approvals, record).result.placementDone).toBe(true);
  });

  it('launches nothing for the beginning: the persona answers the intake', () => {
    expect(startLaunch(approvals, victor, '', false)).toBeUndefined();
  });
});
