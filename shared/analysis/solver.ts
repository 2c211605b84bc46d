import type { CourseIndex } from '../engine/course-index';
import { compileExpr, dependenciesOf, type Condition, type Expr, type LearnerFacts } from '../engine/expr';
import { outcomeFacts, type AnalysisLearner, type OutcomeClass } from './outcomes';

/** A rule condition as a tree of and/or/not over atoms, each atom a single test with what it reads. */
type Formula =
  | { readonly kind: 'and' | 'or'; readonly items: readonly Formula[] }
  | { readonly kind: 'not'; readonly item: Formula }
  | { readonly kind: 'const'; readonly value: boolean }
  | { readonly kind: 'atom'; readonly test: Condition; readonly competencies: readonly string[] };

/** Kleene's three values: a condition is true, false, or not yet decided by the competencies fixed so far. */
const FALSE = 0;
const TRUE = 1;
const UNKNOWN = 2;
type Tri = typeof FALSE | typeof TRUE | typeof UNKNOWN;

/** A concrete learner for a finding: the placement outcome class of each competency that matters. */
export interface Witness {
  readonly competencies: readonly string[];
  readonly outcome: readonly OutcomeClass[];
}

/** `values[g]` is whether group g holds. */
export type GroupValues = readonly boolean[];

/**
 * A group of rules the search decides as one value: a list holds when any of its rules holds (an empty list never);
 * `{ all }` holds when each of its lists has a rule that holds, e.g. "some rule skips each lesson of this module".
 */
export type RuleGroup = readonly number[] | { readonly all: readonly (readonly number[])[] };

/**
 * Answers the proof's questions ("can this module be reached", "can these two rules both hold") by
 * a DPLL-style search over competencies' outcome classes instead of enumerating their product:
 * each rule is evaluated in three-valued logic under the classes fixed so far, a branch stops as
 * soon as every group of rules is decided, and a branch whose every completion is already known
 * (or unwanted) is pruned. Classes that no atom can tell apart are merged first. Exact: every
 * combination of group values that some outcome gives is found, each with a concrete witness.
 */
export class OutcomeSolver {
  private readonly formulas = new Map<number, Formula>();
  private readonly attributeIds: ReadonlySet<string>;
  /** Search nodes visited, for the proof's statistics. */
  nodes = 0;

  constructor(
    private readonly index: CourseIndex,
    private readonly classes: ReadonlyMap<string, readonly OutcomeClass[]>,
  ) {
    this.attributeIds = new Set(index.attributes.keys());
  }

  /**
   * Every combination of group values reachable for this learner that `wanted` accepts, with a witness each.
   * A group's value is whether any of its rules holds (an empty group is false), or for `{ all }` whether each list has one.
   */
  combinations(
    learner: AnalysisLearner,
    groups: readonly RuleGroup[],
    wanted: (values: GroupValues) => boolean = () => true,
  ): Map<string, { values: GroupValues; witness: Witness }> {
    const found = new Map<string, { values: GroupValues; witness: Witness }>();
    const anyOf = (rules: readonly number[]): Formula => ({
      kind: 'or',
      items: rules.flatMap((i) => (this.formula(i) ? [this.formula(i)!] : [])),
    });
    const formulas = groups.map((g): Formula => ('all' in g ? { kind: 'and', items: g.all.map(anyOf) } : anyOf(g)));
    const atoms: Extract<Formula, { kind: 'atom' }>[] = [];
    const collect = (f: Formula) => {
      if (f.kind === 'atom') atoms.push(f);
      else if (f.kind === 'not') collect(f.item);
      else if (f.kind !== 'const') f.items.forEach(collect);
    };
    formulas.forEach(collect);
    const reads = new Map<string, number>();
    for (const a of atoms) for (const c of a.competencies) reads.set(c, (reads.get(c) ?? 0) + 1);
    // The most-read competencies first: they decide the most atoms, so branches close sooner.
    const competencies = [...reads.keys()].sort((a, b) => reads.get(b)! - reads.get(a)! || (a < b ? -1 : 1));
    const position = new Map(competencies.map((c, i) => [c, i] as const));
    const domains = competencies.map((c) => this.distinctClasses(learner, c, competencies, atoms));
    const chosen: (OutcomeClass | undefined)[] = competencies.map(() => undefined);
    const current: OutcomeClass[] = domains.map((d) => d[0]!);
    let facts: LearnerFacts = outcomeFacts(learner, competencies, current);

    const atomValue = (a: Extract<Formula, { kind: 'atom' }>): Tri =>
      a.competencies.every((c) => chosen[position.get(c)!] !== undefined) ? (a.test(facts) ? TRUE : FALSE) : UNKNOWN;
    const value = (f: Formula): Tri => {
      switch (f.kind) {
        case 'const':
          return f.value ? TRUE : FALSE;
        case 'atom':
          return atomValue(f);
        case 'not': {
          const v = value(f.item);
          return v === UNKNOWN ? UNKNOWN : v === TRUE ? FALSE : TRUE;
        }
        case 'and':
        case 'or': {
          const decisive = f.kind === 'and' ? FALSE : TRUE;
          let result: Tri = f.kind === 'and' ? TRUE : FALSE;
          for (const item of f.items) {
            const v = value(item);
            if (v === decisive) return decisive;
            if (v === UNKNOWN) result = UNKNOWN;
          }
          return result;
        }
      }
    };
    const key = (values: GroupValues) => values.map((v) => (v ? '1' : '0')).join('');

    /** Whether some completion of these three-valued group values is wanted and not yet found. */
    const open = (tri: readonly Tri[]): boolean => {
      const unknown = tri.flatMap((t, i) => (t === UNKNOWN ? [i] : []));
      for (let mask = 0; mask < 1 << unknown.length; mask++) {
        const values = tri.map((t, i) => (t === UNKNOWN ? ((mask >> unknown.indexOf(i)) & 1) === 1 : t === TRUE));
        if (!found.has(key(values)) && wanted(values)) return true;
      }
      return false;
    };

    const search = (depth: number): void => {
      this.nodes++;
      const tri = formulas.map(value);
      if (!open(tri)) return;
      if (tri.every((t) => t !== UNKNOWN)) {
        const values = tri.map((t) => t === TRUE);
        found.set(key(values), { values, witness: { competencies, outcome: [...current] } });
        return;
      }
      if (depth === competencies.length) return;
      for (const cls of domains[depth]!) {
        chosen[depth] = cls;
        current[depth] = cls;
        facts = outcomeFacts(learner, competencies, current);
        search(depth + 1);
        if (!open(tri)) break;
      }
      chosen[depth] = undefined;
      current[depth] = domains[depth]![0]!;
      facts = outcomeFacts(learner, competencies, current);
    };
    search(0);
    return found;
  }

  /** A witness for which every listed rule holds, if this learner has one. */
  satisfy(learner: AnalysisLearner, rules: readonly number[]): Witness | undefined {
    const all = this.combinations(
      learner,
      rules.map((r) => [r]),
      (values) => values.every(Boolean),
    );
    return [...all.values()][0]?.witness;
  }

  /** Facts for a witness, to evaluate whole rules and decide modules exactly as learners get them. */
  static facts(learner: AnalysisLearner, witness: Witness): LearnerFacts {
    return outcomeFacts(learner, witness.competencies, witness.outcome);
  }

  /** One class per behaviour: classes of a competency that give every atom reading only it the same value. */
  private distinctClasses(
    learner: AnalysisLearner,
    competency: string,
    competencies: readonly string[],
    atoms: readonly Extract<Formula, { kind: 'atom' }>[],
  ): readonly OutcomeClass[] {
    const all = this.classes.get(competency) ?? [{ level: 0, score: 0 }];
    const own = atoms.filter((a) => a.competencies.includes(competency));
    // An atom comparing two competencies couples them; keep every class rather than reason about pairs.
    if (own.some((a) => a.competencies.length > 1)) return all;
    const at = competencies.indexOf(competency);
    const seen = new Set<string>();
    return all.filter((cls) => {
      const outcome = competencies.map((_, i) => (i === at ? cls : { level: 0, score: 0 }));
      const facts = outcomeFacts(learner, competencies, outcome);
      const signature = own.map((a) => (a.test(facts) ? '1' : '0')).join('');
      if (seen.has(signature)) return false;
      seen.add(signature);
      return true;
    });
  }

  private formula(rule: number): Formula | undefined {
    const cached = this.formulas.get(rule);
    if (cached) return cached;
    const compiled = this.index.rules[rule];
    if (!compiled) return undefined;
    const build = (e: Expr): Formula => {
      switch (e.kind) {
        case 'and':
        case 'or':
          return { kind: e.kind, items: e.items.map(build) };
        case 'not':
          return { kind: 'not', item: build(e.expr) };
        case 'bool':
          return { kind: 'const', value: e.value };
        default:
          return {
            kind: 'atom',
            // Atoms read the course's own attributes exactly as the whole rule does.
            test: compileExpr(e, this.index.levels, this.attributeIds),
            competencies: [...dependenciesOf(e).competencies],
          };
      }
    };
    const f = build(compiled.ast);
    this.formulas.set(rule, f);
    return f;
  }
}
