import type { CompareOp, Expr, Operand } from '../../../../shared/engine/expr';

/** What a test looks at, as the visual builder offers it. */
export type BuilderSubject =
  | { readonly kind: 'mastery' | 'score'; readonly competency: string }
  | { readonly kind: 'variable'; readonly name: 'role' | 'department' | 'seniority' }
  | { readonly kind: 'needs' | 'prefers'; readonly what: string };

/** One test the builder can show as dropdowns; anything else stays text-only. */
export type BuilderTest =
  | { readonly kind: 'compare'; readonly subject: BuilderSubject; readonly op: CompareOp; readonly value: string }
  | { readonly kind: 'flag'; readonly subject: BuilderSubject; readonly negated: boolean };

export interface BuilderRow {
  /** The test as dropdowns, or null when only the text editor can show it. */
  readonly test: BuilderTest | null;
  readonly expr: Expr;
}

export interface BuilderModel {
  readonly join: 'and' | 'or';
  readonly rows: readonly BuilderRow[];
}

const VARIABLES = new Set(['role', 'department', 'seniority']);

function subjectOf(operand: Operand): BuilderSubject | null {
  if (operand.kind === 'call' && operand.args.length === 1) {
    const arg = operand.args[0]!;
    if (operand.name === 'mastery' || operand.name === 'score') return { kind: operand.name, competency: arg };
    if (operand.name === 'needs' || operand.name === 'prefers') return { kind: operand.name, what: arg };
  }
  if (operand.kind === 'name' && VARIABLES.has(operand.value))
    return { kind: 'variable', name: operand.value as 'role' | 'department' | 'seniority' };
  return null;
}

function testOf(expr: Expr): BuilderTest | null {
  if (expr.kind === 'compare') {
    const subject = subjectOf(expr.left);
    const right = expr.right;
    if (!subject || (right.kind !== 'name' && right.kind !== 'number')) return null;
    return { kind: 'compare', subject, op: expr.op, value: String(right.value) };
  }
  const negated = expr.kind === 'not';
  const inner = negated ? expr.expr : expr;
  if (inner.kind === 'test') {
    const subject = subjectOf(inner.operand);
    if (subject && (subject.kind === 'needs' || subject.kind === 'prefers')) return { kind: 'flag', subject, negated };
  }
  return null;
}

/** The builder's view of a condition tree: a list of tests joined by all/any. */
export function builderModel(expr: Expr): BuilderModel {
  if (
    (expr.kind === 'and' || expr.kind === 'or') &&
    expr.items.every((item) => item.kind !== 'and' && item.kind !== 'or')
  )
    return { join: expr.kind, rows: expr.items.map((item) => ({ test: testOf(item), expr: item })) };
  if (expr.kind === 'bool' && expr.value) return { join: 'and', rows: [] };
  return { join: 'and', rows: [{ test: testOf(expr), expr }] };
}

function operandOf(subject: BuilderSubject): Operand {
  switch (subject.kind) {
    case 'mastery':
    case 'score':
      return { kind: 'call', name: subject.kind, args: [subject.competency], at: 0 };
    case 'needs':
    case 'prefers':
      return { kind: 'call', name: subject.kind, args: [subject.what], at: 0 };
    case 'variable':
      return { kind: 'name', value: subject.name, at: 0 };
  }
}

export function testToExpr(test: BuilderTest): Expr {
  const operand = operandOf(test.subject);
  if (test.kind === 'flag') {
    const node: Expr = { kind: 'test', operand, at: 0 };
    return test.negated ? { kind: 'not', expr: node, at: 0 } : node;
  }
  const number = Number(test.value);
  const right: Operand =
    test.subject.kind === 'score' && test.value.trim() !== '' && Number.isFinite(number)
      ? { kind: 'number', value: number, at: 0 }
      : { kind: 'name', value: test.value, at: 0 };
  return { kind: 'compare', op: test.op, left: operand, right, at: 0 };
}

/** The tree a builder model stands for; no tests means "always". */
export function modelToExpr(model: BuilderModel): Expr {
  const items = model.rows.map((row) => (row.test ? testToExpr(row.test) : row.expr));
  if (items.length === 0) return { kind: 'bool', value: true, at: 0 };
  if (items.length === 1) return items[0]!;
  return { kind: model.join, items, at: 0 };
}
