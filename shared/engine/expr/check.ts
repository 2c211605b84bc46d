import { didYouMean } from '../suggest';
import { forEachTest, type CompareOp, type Expr, type ExprProblem, type Operand, type TestNode } from './ast';

export const NEEDS = ['captions', 'audio', 'reduced-motion'] as const;
export const SENIORITY_VALUES = ['new', 'experienced', 'veteran'] as const;
const FORMAT_VALUES = ['video', 'text', 'audio'] as const;

/** What a condition may refer to: the course's names, and where the condition is used. */
export interface ExprScope {
  readonly context: 'rule' | 'placement';
  /** Competency id → its level ids, lowest first. */
  readonly competencies: ReadonlyMap<string, readonly string[]>;
  readonly roles: ReadonlySet<string>;
  readonly departments: ReadonlySet<string>;
  /** The course's own learner attributes: attribute id → its value ids (rules and placement branches alike). */
  readonly attributes?: ReadonlyMap<string, readonly string[]>;
  /** In a placement branch: the choice ids of the question just answered. */
  readonly choices?: ReadonlySet<string>;
}

type ValueType =
  | { readonly t: 'level'; readonly competency: string }
  | { readonly t: 'number' }
  | { readonly t: 'boolean' }
  | { readonly t: 'enum'; readonly what: string; readonly values: ReadonlySet<string> }
  /** A bare name or text whose meaning comes from the other side of a comparison. */
  | { readonly t: 'symbol'; readonly value: string };

/** Who the learner is: rules and placement branches both read it, since the intake comes before the placement test. */
const LEARNER_VARIABLES: readonly string[] = ['role', 'department', 'seniority'];
const VARIABLES: Record<'rule' | 'placement', readonly string[]> = {
  rule: LEARNER_VARIABLES,
  placement: ['correct', 'answer', ...LEARNER_VARIABLES],
};
const FUNCTIONS: Record<'rule' | 'placement', readonly string[]> = {
  rule: ['mastery', 'score', 'needs', 'prefers'],
  placement: ['mastery', 'score', 'misses', 'hits', 'asked'],
};

/** Words a designer may reach for to make one module depend on another; prerequisites say it instead (decision 0007). */
const MODULE_STATUS_WORDS: readonly string[] = ['taken', 'skipped', 'completed', 'passed', 'done', 'after'];

const suggestion = (word: string, options: Iterable<string>) => didYouMean(word, options);

const listOf = (values: Iterable<string>) => {
  const all = [...values];
  return all.length ? all.join(', ') : '(none declared)';
};

/** Checks names and types; returns every problem found, each with its offset. */
export function checkExpr(expr: Expr, scope: ExprScope): ExprProblem[] {
  const problems: ExprProblem[] = [];
  const problem = (message: string, at: number) => problems.push({ message, at });
  const variablesOf = (context: 'rule' | 'placement'): readonly string[] => [
    ...VARIABLES[context],
    ...(scope.attributes?.keys() ?? []),
  ];

  const enumOf = (what: string, values: Iterable<string>): ValueType => ({ t: 'enum', what, values: new Set(values) });

  /** Opposite a variable (`site == …`, `answer == …`), a bare name is a value, even one spelt like another variable. */
  const isVariable = (operand: Operand) =>
    operand.kind === 'name' &&
    (VARIABLES.placement.includes(operand.value) || (scope.attributes?.has(operand.value) ?? false));

  function typeOf(operand: Operand, literal = false): ValueType | null {
    if (literal && operand.kind === 'name') return { t: 'symbol', value: operand.value };
    switch (operand.kind) {
      case 'number':
        return { t: 'number' };
      case 'string':
        return { t: 'symbol', value: operand.value };
      case 'name': {
        const v = operand.value;
        if (scope.context === 'placement') {
          if (v === 'correct') return { t: 'boolean' };
          if (v === 'answer') return enumOf('choice', scope.choices ?? []);
        }
        if (v === 'role') return enumOf('role', scope.roles);
        if (v === 'department') return enumOf('department', scope.departments);
        if (v === 'seniority') return enumOf('seniority', SENIORITY_VALUES);
        const values = scope.attributes?.get(v);
        if (values) return enumOf(v, values);
        return { t: 'symbol', value: v };
      }
      case 'call': {
        const { name, args, at } = operand;
        if (scope.context === 'rule' && MODULE_STATUS_WORDS.includes(name)) {
          problem(
            `rules cannot read another module's status with "${name}(…)": to make a module come after another, list that one in the module's "prerequisites" (it is then left out for learners who do not have it on their path)`,
            at,
          );
          return null;
        }
        if (!FUNCTIONS[scope.context].includes(name)) {
          problem(
            `there is no function "${name}" in ${scope.context === 'rule' ? 'rules' : 'placement branches'}; use ${FUNCTIONS[scope.context].join(', ')}.${suggestion(name, FUNCTIONS[scope.context])}`,
            at,
          );
          return null;
        }
        if (args.length !== 1) {
          problem(`${name}(…) takes exactly one name, not ${args.length}`, at);
          return null;
        }
        const arg = args[0]!;
        const argAt = operand.argsAt?.[0] ?? at;
        if (name === 'needs') {
          if (!(NEEDS as readonly string[]).includes(arg))
            problem(`needs(…) takes one of ${NEEDS.join(', ')}, not "${arg}".${suggestion(arg, NEEDS)}`, argAt);
          return { t: 'boolean' };
        }
        if (name === 'prefers') {
          if (!(FORMAT_VALUES as readonly string[]).includes(arg))
            problem(
              `prefers(…) takes one of ${FORMAT_VALUES.join(', ')}, not "${arg}".${suggestion(arg, FORMAT_VALUES)}`,
              argAt,
            );
          return { t: 'boolean' };
        }
        if (!scope.competencies.has(arg)) {
          problem(`there is no competency "${arg}".${suggestion(arg, scope.competencies.keys())}`, argAt);
          return null;
        }
        return name === 'mastery' ? { t: 'level', competency: arg } : { t: 'number' };
      }
    }
  }

  /** Checks that a symbol names a value of the given type. */
  function checkSymbol(symbol: string, against: ValueType, at: number): void {
    if (against.t === 'level') {
      const levels = scope.competencies.get(against.competency) ?? [];
      if (!levels.includes(symbol))
        problem(
          `"${symbol}" is not a mastery level of ${against.competency} (levels: ${listOf(levels)}).${suggestion(symbol, levels)}`,
          at,
        );
    } else if (against.t === 'enum') {
      if (!against.values.has(symbol))
        problem(
          `"${symbol}" is not a known ${against.what} (known: ${listOf(against.values)}).${suggestion(symbol, against.values)}`,
          at,
        );
    } else if (against.t === 'number') {
      problem(`"${symbol}" is not a number`, at);
    } else if (against.t === 'boolean') {
      problem(`"${symbol}" cannot be compared with a yes/no value`, at);
    }
  }

  function checkComparison(op: CompareOp, left: Operand, right: Operand, at: number): void {
    const lt = typeOf(left, !isVariable(left) && isVariable(right));
    const rt = typeOf(right, isVariable(left));
    if (!lt || !rt) return;
    if (lt.t === 'symbol' && rt.t === 'symbol') {
      // Usually one side is a misspelt variable (`senority == new`): point at it and name the variable.
      const variables = variablesOf(scope.context);
      const slip = [left, right].find((o) => o.kind === 'name' && suggestion(o.value, variables));
      if (slip && slip.kind === 'name')
        problem(
          `there is no variable "${slip.value}" in ${scope.context === 'rule' ? 'rules' : 'placement branches'}.${suggestion(slip.value, variables)}`,
          slip.at,
        );
      else
        problem(
          `neither side of "${op}" is something the learner has: compare a function such as mastery(…) or a variable such as role`,
          at,
        );
      return;
    }
    const [typed, other, otherOperand] = lt.t === 'symbol' ? [rt, lt, left] : [lt, rt, right];
    const ordered = op !== '==' && op !== '!=';
    if (ordered && (typed.t === 'enum' || typed.t === 'boolean'))
      problem(`"${op}" does not order ${typed.t === 'enum' ? `${typed.what}s` : 'yes/no values'}; use == or !=`, at);
    if (other.t === 'symbol') checkSymbol(other.value, typed, otherOperand.at);
    else if (
      typed.t !== other.t ||
      (typed.t === 'level' && other.t === 'level' && typed.competency !== other.competency)
    )
      problem(`both sides of "${op}" must be the same kind of value`, at);
  }

  function visit(node: TestNode): void {
    switch (node.kind) {
      case 'compare':
        checkComparison(node.op, node.left, node.right, node.at);
        return;
      case 'in': {
        const subject = typeOf(node.subject);
        if (!subject) return;
        if (subject.t === 'symbol' || subject.t === 'number' || subject.t === 'boolean') {
          const variables = variablesOf(scope.context);
          const slip = node.subject.kind === 'name' ? suggestion(node.subject.value, variables) : '';
          if (slip && node.subject.kind === 'name')
            problem(
              `there is no variable "${node.subject.value}" in ${scope.context === 'rule' ? 'rules' : 'placement branches'}.${slip}`,
              node.subject.at,
            );
          else
            problem(
              `"in" needs a role, department, seniority, one of the course's learner attributes, answer or mastery(…) on its left`,
              node.at,
            );
          return;
        }
        if (node.items.length === 0) problem('the list after "in" is empty', node.at);
        for (const item of node.items) {
          if (item.kind === 'name' || item.kind === 'string') checkSymbol(item.value, subject, item.at);
          else problem('a list after "in" holds names only', item.at);
        }
        return;
      }
      case 'test': {
        const type = typeOf(node.operand);
        if (!type) return;
        if (type.t !== 'boolean') {
          const what = node.operand.kind === 'name' ? `"${node.operand.value}"` : 'this value';
          const known =
            node.operand.kind === 'name' && type.t === 'symbol'
              ? ` (there is no variable "${node.operand.value}" in ${scope.context === 'rule' ? 'rules' : 'placement branches'}; known: ${variablesOf(scope.context).join(', ')}.${suggestion(node.operand.value, variablesOf(scope.context))})`
              : '';
          problem(`${what} is not a yes/no condition: compare it with something${known}`, node.at);
        }
        return;
      }
    }
  }

  forEachTest(expr, visit);
  return problems;
}
