import { forEachTest, type CompareOp, type Expr, type Operand } from './ast';

/** What a compiled condition may ask about the learner. */
export interface LearnerFacts {
  /** Index of the learner's mastery level in the competency's level list. */
  level(competency: string): number;
  score(competency: string): number;
  readonly role?: string | undefined;
  readonly department?: string | undefined;
  readonly seniority?: string | undefined;
  /** The course's own learner attributes: attribute id → the learner's value. */
  readonly attributes?: Readonly<Record<string, string>> | undefined;
  needs(need: string): boolean;
  prefers(format: string): boolean;
  /** Placement only: the answer just given. */
  readonly correct?: boolean | undefined;
  readonly answer?: string | undefined;
  misses(competency: string): number;
  hits(competency: string): number;
  asked(competency: string): number;
}

export type Condition = (facts: LearnerFacts) => boolean;
type Value = (facts: LearnerFacts) => number | string | boolean | undefined;

const NO_ATTRIBUTES: ReadonlySet<string> = new Set();
/** The built-in variables a bare name may stand for; the course's own attributes come on top. */
const VARIABLE_NAMES: ReadonlySet<string> = new Set(['role', 'department', 'seniority', 'answer', 'correct']);

/** Competency id → level ids, to turn `proficient` into a comparable index. */
export type LevelIndex = ReadonlyMap<string, readonly string[]>;

const compare = (op: CompareOp, a: number | string, b: number | string): boolean => {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
};

/**
 * Turns a checked tree into a closure. Nothing is evaluated as JavaScript: the tree is walked once
 * and each node becomes a small function. Call only on trees that `checkExpr` accepted.
 */
export function compileExpr(
  expr: Expr,
  levels: LevelIndex,
  attributes: ReadonlySet<string> = NO_ATTRIBUTES,
): Condition {
  const levelIndex = (competency: string, level: string) => (levels.get(competency) ?? []).indexOf(level);

  const isVariable = (operand: Operand) =>
    operand.kind === 'name' && (VARIABLE_NAMES.has(operand.value) || attributes.has(operand.value));

  function value(operand: Operand, levelOf?: string, literal = false): Value {
    switch (operand.kind) {
      case 'number':
        return () => operand.value;
      case 'string':
      case 'name': {
        const v = operand.kind === 'name' ? operand.value : operand.value;
        if (levelOf !== undefined) {
          const index = levelIndex(levelOf, v);
          return () => index;
        }
        if (operand.kind === 'name' && !literal) {
          if (v === 'role') return (f) => f.role;
          if (v === 'department') return (f) => f.department;
          if (v === 'seniority') return (f) => f.seniority;
          if (v === 'answer') return (f) => f.answer;
          if (v === 'correct') return (f) => f.correct === true;
          if (attributes.has(v)) return (f) => f.attributes?.[v];
        }
        return () => v;
      }
      case 'call': {
        const arg = operand.args[0] ?? '';
        switch (operand.name) {
          case 'mastery':
            return (f) => f.level(arg);
          case 'score':
            return (f) => f.score(arg);
          case 'misses':
            return (f) => f.misses(arg);
          case 'hits':
            return (f) => f.hits(arg);
          case 'asked':
            return (f) => f.asked(arg);
          case 'needs':
            return (f) => f.needs(arg);
          case 'prefers':
            return (f) => f.prefers(arg);
          default:
            return () => undefined;
        }
      }
    }
  }

  const masteryOf = (operand: Operand) =>
    operand.kind === 'call' && operand.name === 'mastery' ? operand.args[0] : undefined;

  function condition(node: Expr): Condition {
    switch (node.kind) {
      case 'bool':
        return () => node.value;
      case 'not': {
        const inner = condition(node.expr);
        return (f) => !inner(f);
      }
      case 'and': {
        const items = node.items.map(condition);
        return (f) => items.every((c) => c(f));
      }
      case 'or': {
        const items = node.items.map(condition);
        return (f) => items.some((c) => c(f));
      }
      case 'test': {
        const v = value(node.operand);
        return (f) => v(f) === true;
      }
      case 'compare': {
        const leftLevel = masteryOf(node.left);
        const rightLevel = masteryOf(node.right);
        // Opposite a variable a bare name is a value, as the checker reads it (a choice may be spelt like an attribute).
        const left = value(node.left, rightLevel, !isVariable(node.left) && isVariable(node.right));
        const right = value(node.right, leftLevel, isVariable(node.left));
        const { op } = node;
        return (f) => {
          const a = left(f);
          const b = right(f);
          if (a === undefined || b === undefined || typeof a === 'boolean' || typeof b === 'boolean')
            return op === '!=' ? a !== b : op === '==' ? a === b : false;
          return compare(op, a, b);
        };
      }
      case 'in': {
        const level = masteryOf(node.subject);
        const subject = value(node.subject);
        const constant = (item: Operand): number | string =>
          item.kind === 'number'
            ? item.value
            : level !== undefined
              ? levelIndex(level, item.kind === 'call' ? '' : item.value)
              : item.kind === 'call'
                ? ''
                : item.value;
        const set = new Set<unknown>(node.items.map(constant));
        return node.negated ? (f) => !set.has(subject(f)) : (f) => set.has(subject(f));
      }
    }
  }

  return condition(expr);
}

/** What a condition reads: used by the analysis to enumerate only what matters. */
export interface ExprDependencies {
  readonly competencies: Set<string>;
  /** Competency → thresholds compared against score(…). */
  readonly scoreThresholds: Map<string, number[]>;
  /** Learner attributes read: role, department, seniority, `needs:…`, `prefers:…`, and the course's own by id. */
  readonly attributes: Set<string>;
}

export function dependenciesOf(
  expr: Expr,
  into?: ExprDependencies,
  courseAttributes: ReadonlySet<string> = NO_ATTRIBUTES,
): ExprDependencies {
  const deps = into ?? { competencies: new Set(), scoreThresholds: new Map(), attributes: new Set() };
  const operand = (o: Operand, other?: Operand) => {
    if (o.kind === 'call') {
      if (o.name === 'needs' || o.name === 'prefers') deps.attributes.add(`${o.name}:${o.args[0]}`);
      else if (o.args[0]) {
        deps.competencies.add(o.args[0]);
        if (o.name === 'score' && other?.kind === 'number') {
          const list = deps.scoreThresholds.get(o.args[0]) ?? [];
          list.push(other.value);
          deps.scoreThresholds.set(o.args[0], list);
        }
      }
    } else if (
      o.kind === 'name' &&
      (['role', 'department', 'seniority'].includes(o.value) || courseAttributes.has(o.value))
    )
      deps.attributes.add(o.value);
  };
  forEachTest(expr, (node) => {
    if (node.kind === 'compare') {
      operand(node.left, node.right);
      operand(node.right, node.left);
    } else operand(node.kind === 'in' ? node.subject : node.operand);
  });
  return deps;
}
