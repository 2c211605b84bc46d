/** The rule and branch language, e.g. `mastery(procurement) >= proficient and role in [buyer, approver]`. */

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

/** A value in a comparison. `name` is a bare identifier whose meaning (level, role…) the checker decides. */
export type Operand =
  | {
      readonly kind: 'call';
      readonly name: string;
      readonly args: readonly string[];
      readonly at: number;
      /** Where each argument starts, so a misspelt name is pointed at exactly. */
      readonly argsAt?: readonly number[];
    }
  | { readonly kind: 'name'; readonly value: string; readonly at: number }
  | { readonly kind: 'number'; readonly value: number; readonly at: number }
  | { readonly kind: 'string'; readonly value: string; readonly at: number };

export type Expr =
  | { readonly kind: 'or'; readonly items: readonly Expr[]; readonly at: number }
  | { readonly kind: 'and'; readonly items: readonly Expr[]; readonly at: number }
  | { readonly kind: 'not'; readonly expr: Expr; readonly at: number }
  | {
      readonly kind: 'compare';
      readonly op: CompareOp;
      readonly left: Operand;
      readonly right: Operand;
      readonly at: number;
    }
  | {
      readonly kind: 'in';
      readonly negated: boolean;
      readonly subject: Operand;
      readonly items: readonly Operand[];
      readonly at: number;
    }
  | { readonly kind: 'bool'; readonly value: boolean; readonly at: number }
  /** An operand used as a condition on its own: `correct`, `needs(captions)`. */
  | { readonly kind: 'test'; readonly operand: Operand; readonly at: number };

/** A problem in a condition, with the character offset it starts at. */
export interface ExprProblem {
  readonly message: string;
  readonly at: number;
}

/** Drops source offsets, so two trees can be compared for meaning. */
export function withoutOffsets<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withoutOffsets) as T;
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node))
      if (key !== 'at' && key !== 'argsAt') out[key] = withoutOffsets(value);
    return out as T;
  }
  return node;
}

/** The conditions that test a value (comparisons, lists, bare tests), wherever they sit in the tree. */
export type TestNode = Extract<Expr, { kind: 'compare' | 'in' | 'test' }>;

/** Calls `visit` for every test in the tree, looking through and/or/not; constants have none. */
export function forEachTest(expr: Expr, visit: (node: TestNode) => void): void {
  switch (expr.kind) {
    case 'or':
    case 'and':
      for (const item of expr.items) forEachTest(item, visit);
      return;
    case 'not':
      forEachTest(expr.expr, visit);
      return;
    case 'bool':
      return;
    default:
      visit(expr);
  }
}
