import { describe, expect, it } from 'vitest';
import { exampleIndex, exampleJson } from '../../test/fixtures/examples';
import { loadCourseOrThrow } from '../engine/course-index';
import { personaIdentity } from '../engine/persona-state';
import { attributeFindings, uncoveredAttributeValues } from './attributes';
import { analysisLearners } from './outcomes';
import { verifyCourse } from './verify';

describe('the learners the proof reasons about', () => {
  it('take a persona that gives no value the intake asks as the package does: on the intake’s first answer', () => {
    const raw = exampleJson('shop-floor-safety') as { personas: { id: string; attributes?: unknown }[] };
    const persona = raw.personas.find((p) => p.attributes)!;
    delete persona.attributes;
    const index = loadCourseOrThrow(raw);
    const firstSite = index.attributes.get('site')![0];
    const learner = analysisLearners(index).find((l) => l.label === persona.id)!;
    expect(learner.attributes).toEqual({ site: firstSite });
    expect(learner).toMatchObject(
      personaIdentity(
        index,
        index.course.personas.find((p) => p.id === persona.id)!,
      ),
    );
  });
});

describe('attributes no learner can supply', () => {
  it('finds nothing in a course whose every attribute the intake can ask', () => {
    expect(attributeFindings(exampleIndex('shop-floor-safety'))).toEqual([]);
    const report = verifyCourse(exampleJson('purchase-approvals'));
    expect(report.usable && report.findings.filter((f) => f.code === 'attribute-unsuppliable')).toEqual([]);
  });

  it('reports each rule that reads a department when the course offers none', () => {
    const index = exampleIndex('shop-floor-safety');
    const rule = index.course.rules.findIndex((r) => r.id === 'skip-ppe');
    // The rule as compiled, but reading the department: what a custom attribute without values looks like.
    const deps = { ...index.rules[rule]!.deps, attributes: new Set(['department']) };
    const rules = index.rules.map((r, i) => (i === rule ? { ...r, deps } : r));
    const findings = attributeFindings({ ...index, rules, departments: new Set() });
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'attribute-unsuppliable',
        path: `rules[${rule}].when`,
        message: expect.stringMatching(/rule "skip-ppe" reads the learner's department/),
      }),
    ]);
  });
});

describe('answers to the course’s own questions that no persona gives', () => {
  type Raw = {
    personas: { id: string; attributes?: Record<string, string> }[];
    settings: { attributes: { id: string; values: { id: string }[] }[] };
  };
  const shopFloor = () => exampleJson('shop-floor-safety') as Raw;

  it('finds nothing where a persona gives every answer something reads', () => {
    expect(uncoveredAttributeValues(exampleIndex('shop-floor-safety'))).toEqual([]);
  });

  it('reports, as information at the value, an answer something reads that no persona gives', () => {
    const raw = shopFloor();
    for (const p of raw.personas) if (p.attributes?.['site'] === 'warehouse') delete p.attributes['site'];
    const findings = uncoveredAttributeValues(loadCourseOrThrow(raw));
    expect(findings).toEqual([
      {
        severity: 'info',
        code: 'attribute-value-without-persona',
        path: 'settings.attributes[0].values[1]',
        message: expect.stringMatching(/^No persona answers “.+” to “Where do you work\?”/),
      },
    ]);
    // Information only: the course still verifies without errors or warnings of this kind.
    const report = verifyCourse(raw);
    expect(report.usable && report.findings.filter((f) => f.code === 'attribute-value-without-persona')).toHaveLength(
      1,
    );
  });

  it('counts an answer only a placement branch reads', () => {
    const raw = shopFloor() as ReturnType<typeof shopFloor> & {
      placement: { nodes: { branches?: { when: string; goto: string }[]; next: string }[] };
    };
    raw.settings.attributes.push({
      id: 'shift',
      label: 'Which shift do you work?',
      values: [
        { id: 'day', label: 'Day' },
        { id: 'night', label: 'Night' },
      ],
    } as never);
    expect(uncoveredAttributeValues(loadCourseOrThrow(raw))).toEqual([]);
    const first = raw.placement.nodes[0]!;
    first.branches = [{ when: 'shift == night', goto: first.next }, ...(first.branches ?? [])];
    // No persona gives a shift, so each is, as when it plays the package, on the intake's first answer (day):
    // only night has no persona.
    expect(uncoveredAttributeValues(loadCourseOrThrow(raw)).map((f) => f.path)).toEqual([
      `settings.attributes[${raw.settings.attributes.length - 1}].values[1]`,
    ]);
  });

  it('says nothing of an answer to a question nothing reads', () => {
    const raw = shopFloor();
    raw.settings.attributes.push({
      id: 'shift',
      label: 'Which shift do you work?',
      values: [{ id: 'day', label: 'Day' }],
    } as never);
    expect(uncoveredAttributeValues(loadCourseOrThrow(raw))).toEqual([]);
  });
});
