import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutOffsets, type CompareOp, type Expr, type Operand } from './ast';
import { checkExpr, type ExprScope } from './check';
import { compileExpr, type LearnerFacts } from './compile';
import { ExprSyntaxError, parseExpr } from './parse';
import { printExpr } from './print';

const levels = ['none', 'basic', 'proficient', 'expert'];
const scope: ExprScope = {
  context: 'rule',
  competencies: new Map([
    ['procurement', levels],
    ['safety', levels],
  ]),
  roles: new Set(['buyer', 'approver', 'requester']),
  departments: new Set(['finance']),
};

function facts(
  overrides: Partial<LearnerFacts> & { levels?: Record<string, string>; scores?: Record<string, number> } = {},
): LearnerFacts {
  return {
    level: (c) => levels.indexOf(overrides.levels?.[c] ?? 'none'),
    score: (c) => overrides.scores?.[c] ?? 0,
    needs: () => false,
    prefers: () => false,
    misses: () => 0,
    hits: () => 0,
    asked: () => 0,
    ...overrides,
  };
}

const evaluate = (source: string, f: LearnerFacts) => {
  const ast = parseExpr(source);
  expect(checkExpr(ast, scope)).toEqual([]);
  return compileExpr(ast, scope.competencies)(f);
};

describe('parsing conditions', () => {
  it('reads the example from the brief', () => {
    expect(withoutOffsets(parseExpr('mastery(procurement) >= proficient and role in [buyer, approver]'))).toEqual({
      kind: 'and',
      items: [
        {
          kind: 'compare',
          op: '>=',
          left: { kind: 'call', name: 'mastery', args: ['procurement'] },
          right: { kind: 'name', value: 'proficient' },
        },
        {
          kind: 'in',
          negated: false,
          subject: { kind: 'name', value: 'role' },
          items: [
            { kind: 'name', value: 'buyer' },
            { kind: 'name', value: 'approver' },
          ],
        },
      ],
    });
  });

  it('binds "and" tighter than "or", and "not" tighter than both', () => {
    const tree = withoutOffsets(parseExpr('not a == b or c == d and e == f'));
    expect(tree.kind).toBe('or');
    if (tree.kind !== 'or') return;
    expect(tree.items[0]!.kind).toBe('not');
    expect(tree.items[1]!.kind).toBe('and');
  });

  it.each([
    ['', 'the condition is empty', 0],
    ['mastery(procurement) = expert', 'use "==" to compare', 21],
    ['role == buyer && seniority == new', 'write "and", "or" or "not"', 14],
    ['role in [buyer approver]', 'expected "," or "]"', 15],
    ['(role == buyer', 'expected ")"', 14],
    ['role == buyer seniority == new', 'missing "and" or "or"', 14],
    ['role == "buyer', 'never closed', 8],
    ['mastery(1) >= basic', 'takes a name', 8],
    ['role == and', 'a value is missing', 8],
  ])('explains %j: %s at offset %i', (source, message, at) => {
    try {
      parseExpr(source);
      expect.unreachable('should not parse');
    } catch (error) {
      expect(error).toBeInstanceOf(ExprSyntaxError);
      expect((error as ExprSyntaxError).message).toContain(message);
      expect((error as ExprSyntaxError).at).toBe(at);
    }
  });
});

describe('checking conditions against the course', () => {
  const problems = (source: string, s: ExprScope = scope) => checkExpr(parseExpr(source), s).map((p) => p.message);

  it('accepts well-formed rules', () => {
    for (const source of [
      'mastery(procurement) >= proficient and role in [buyer, approver]',
      'score(safety) < 0.5 or needs(captions)',
      'seniority != new and not prefers(video)',
      'proficient <= mastery(safety)',
      'department == finance',
      'true',
    ])
      expect(problems(source), source).toEqual([]);
  });

  it('names an unknown competency and suggests the closest one', () => {
    expect(problems('mastery(procurment) >= basic')).toEqual([
      expect.stringMatching(/no competency "procurment".*Did you mean "procurement"/),
    ]);
  });

  it('names a level that the competency does not have', () => {
    expect(problems('mastery(safety) >= guru')[0]).toMatch(
      /"guru" is not a mastery level of safety \(levels: none, basic, proficient, expert\)/,
    );
  });

  it('names an unknown role and lists the known ones', () => {
    expect(problems('role in [buyer, byer]')[0]).toMatch(/"byer" is not a known role.*Did you mean "buyer"/);
  });

  it('refuses ordering comparisons on roles', () => {
    expect(problems('role > buyer')[0]).toMatch(/does not order roles/);
  });

  it('refuses a bare value used as a condition', () => {
    expect(problems('mastery(safety)')[0]).toMatch(/not a yes\/no condition/);
    expect(problems('correct')[0]).toMatch(/no variable "correct" in rules/);
  });

  it('refuses placement-only functions in rules and the other way round', () => {
    expect(problems('misses(safety) >= 2')[0]).toMatch(/no function "misses" in rules/);
    const placement: ExprScope = { ...scope, context: 'placement', choices: new Set(['a', 'b']) };
    expect(problems('misses(safety) >= 2 or answer == b or correct', placement)).toEqual([]);
    expect(problems('answer == z', placement)[0]).toMatch(/"z" is not a known choice/);
    expect(problems('needs(captions)', placement)[0]).toMatch(/no function "needs" in placement branches/);
  });

  it('lets placement branches read who the learner is, as rules do', () => {
    const placement: ExprScope = {
      ...scope,
      context: 'placement',
      choices: new Set(['a', 'b']),
      attributes: new Map([['site', ['north', 'south']]]),
    };
    expect(problems('role == buyer and site in [north] or seniority != new', placement)).toEqual([]);
    expect(problems('role == byer', placement)[0]).toMatch(/"byer" is not a known role.*Did you mean "buyer"/);
    expect(problems('sit == north', placement)[0]).toMatch(/no variable "sit" in placement branches.*"site"/);
  });

  it('refuses comparing a level with a number', () => {
    expect(problems('mastery(safety) >= 2')[0]).toMatch(/same kind of value/);
  });
});

describe('evaluating conditions', () => {
  it('orders mastery levels by the competency’s own order', () => {
    expect(evaluate('mastery(procurement) >= proficient', facts({ levels: { procurement: 'expert' } }))).toBe(true);
    expect(evaluate('mastery(procurement) >= proficient', facts({ levels: { procurement: 'basic' } }))).toBe(false);
    expect(evaluate('proficient <= mastery(procurement)', facts({ levels: { procurement: 'proficient' } }))).toBe(true);
    expect(evaluate('mastery(procurement) in [basic, expert]', facts({ levels: { procurement: 'expert' } }))).toBe(
      true,
    );
  });

  it('tests roles, lists and negation', () => {
    const buyer = facts({ role: 'buyer' });
    expect(evaluate('role in [buyer, approver]', buyer)).toBe(true);
    expect(evaluate('role not in [buyer, approver]', buyer)).toBe(false);
    expect(evaluate('not role == approver', buyer)).toBe(true);
    expect(evaluate('role != approver and (department == finance or true)', buyer)).toBe(true);
  });

  it('treats an absent attribute as different from every value', () => {
    const nobody = facts();
    expect(evaluate('role == buyer', nobody)).toBe(false);
    expect(evaluate('role != buyer', nobody)).toBe(true);
    expect(evaluate('role in [buyer]', nobody)).toBe(false);
  });

  it('compares scores as numbers and reads needs', () => {
    expect(evaluate('score(safety) >= 0.5', facts({ scores: { safety: 0.5 } }))).toBe(true);
    expect(evaluate('score(safety) > 0.5', facts({ scores: { safety: 0.5 } }))).toBe(false);
    expect(evaluate('needs(captions)', facts({ needs: (n) => n === 'captions' }))).toBe(true);
  });
});

const name = fc
  .stringMatching(/^[a-z][a-z0-9_-]{0,8}$/)
  .filter((n) => !['and', 'or', 'not', 'in', 'true', 'false'].includes(n));
const operand: fc.Arbitrary<Operand> = fc.oneof(
  fc.record({
    kind: fc.constant('call' as const),
    name,
    args: fc.array(name, { minLength: 1, maxLength: 2 }),
    at: fc.constant(0),
  }),
  fc.record({ kind: fc.constant('name' as const), value: name, at: fc.constant(0) }),
  fc.record({
    kind: fc.constant('number' as const),
    value: fc
      .oneof(
        fc.integer({ min: -1000, max: 1000 }),
        fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }),
      )
      .filter((n) => !Object.is(n, -0)),
    at: fc.constant(0),
  }),
  fc.record({ kind: fc.constant('string' as const), value: fc.string({ maxLength: 12 }), at: fc.constant(0) }),
);
const ops: CompareOp[] = ['==', '!=', '<', '<=', '>', '>='];
const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      kind: fc.constant('compare' as const),
      op: fc.constantFrom(...ops),
      left: operand,
      right: operand,
      at: fc.constant(0),
    }),
    fc.record({
      kind: fc.constant('in' as const),
      negated: fc.boolean(),
      subject: operand,
      items: fc.array(operand, { maxLength: 3 }),
      at: fc.constant(0),
    }),
    fc.record({ kind: fc.constant('bool' as const), value: fc.boolean(), at: fc.constant(0) }),
    fc.record({ kind: fc.constant('test' as const), operand, at: fc.constant(0) }),
    fc.record({ kind: fc.constant('not' as const), expr: tie('expr'), at: fc.constant(0) }),
    fc.record({
      kind: fc.constant('and' as const),
      items: fc.array(tie('expr'), { minLength: 2, maxLength: 3 }),
      at: fc.constant(0),
    }),
    fc.record({
      kind: fc.constant('or' as const),
      items: fc.array(tie('expr'), { minLength: 2, maxLength: 3 }),
      at: fc.constant(0),
    }),
  ),
}));

describe('printer and parser', () => {
  it('round-trip every tree: parse(print(tree)) is the same tree', () => {
    fc.assert(
      fc.property(expr, (tree) => {
        expect(withoutOffsets(parseExpr(printExpr(tree)))).toEqual(withoutOffsets(tree));
      }),
      { numRuns: 500 },
    );
  });

  it('print canonically: printing a parsed condition twice gives the same text', () => {
    fc.assert(
      fc.property(expr, (tree) => {
        const once = printExpr(tree);
        expect(printExpr(parseExpr(once))).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
