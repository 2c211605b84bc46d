import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { course as courseSchema } from '../../../shared/model';
import { findingPlace } from './finding-place';

const course = courseSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../resources/examples/purchase-approvals/course.json', import.meta.url), 'utf8'),
  ),
);

describe('where a finding is fixed', () => {
  it('opens the rule a rule finding names', () => {
    expect(findingPlace(course, 'rules[1].when')).toMatchObject({ selection: { kind: 'rule', id: 'skip-thresholds' } });
  });

  it('opens the placement flow at the node of a placement finding', () => {
    expect(findingPlace(course, 'placement.nodes[4]')).toEqual({
      selection: { kind: 'placement' },
      placementNode: 'thresholds-hard',
      label: 'Question p-thr-2 in the placement test',
    });
  });

  it('opens personas, modules and the course for their findings', () => {
    expect(findingPlace(course, 'personas[1].prior.answers').selection).toEqual({ kind: 'persona', id: 'victor' });
    expect(findingPlace(course, 'modules[2].mandatoryFor').selection).toEqual({ kind: 'module', id: 'thresholds' });
    expect(findingPlace(course, '(the whole course)').selection).toEqual({ kind: 'course' });
  });
});
