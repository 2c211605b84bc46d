import { describe, expect, it } from 'vitest';
import { exampleIndex, exampleJson } from '../../test/fixtures/examples';
import { attributeFindings } from './attributes';
import { verifyCourse } from './verify';

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
