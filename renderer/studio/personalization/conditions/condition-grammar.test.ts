import { readFileSync } from 'node:fs';
import { buildParser } from '@lezer/generator';
import { describe, expect, it } from 'vitest';

const parser = buildParser(readFileSync(new URL('./condition.grammar', import.meta.url), 'utf8'));
const course = JSON.parse(
  readFileSync(new URL('../../../../resources/examples/purchase-approvals/course.json', import.meta.url), 'utf8'),
) as { rules: { when: string }[]; placement: { nodes: { branches: { when: string }[] }[] } };

function tree(source: string): string {
  return parser.parse(source).toString();
}

describe('the condition grammar', () => {
  it('parses every rule and branch of the procurement example without an error node', () => {
    const sources = [
      ...course.rules.map((r) => r.when),
      ...course.placement.nodes.flatMap((n) => n.branches.map((b) => b.when)),
    ];
    for (const source of sources) expect(tree(source), source).not.toContain('⚠');
  });

  it('tells function names, their argument and variables apart', () => {
    expect(tree('mastery(policy) >= proficient and role in [buyer, approver]')).toBe(
      'Condition(And(Comparison(Call(FunctionName,ArgList("(",ArgName,")")),CompareOp,VariableName),and,Membership(VariableName,in,List("[",VariableName,",",VariableName,"]"))))',
    );
  });

  it('binds and tighter than or, and reads not in as one test', () => {
    expect(tree('a or b and c')).toMatch(/^Condition\(Or\(Test\(VariableName\),or,And\(/);
    expect(tree('seniority not in [new]')).toContain('Membership(VariableName,not,in,List');
  });

  it('recovers from a half-typed condition so highlighting keeps working', () => {
    expect(tree('mastery(polic')).toContain('FunctionName');
  });
});
