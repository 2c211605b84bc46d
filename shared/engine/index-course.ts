import { END } from '../model/constants';
import type { Course, Question } from '../model/schema';
import {
  checkExpr,
  compileExpr,
  dependenciesOf,
  parseExpr,
  type Condition,
  type Expr,
  type ExprDependencies,
  type ExprScope,
  ExprSyntaxError,
} from './expr';
import { sentenceHint } from './suggest';
import { parseTarget, RESERVED_ATTRIBUTE_IDS } from './targets';
import type { Answer } from '../model/schema';

/** A problem in a course file: where (JSON path) and what. */
export interface CourseProblem {
  readonly path: string;
  readonly message: string;
}

export interface CompiledCondition {
  readonly source: string;
  readonly ast: Expr;
  readonly test: Condition;
  readonly deps: ExprDependencies;
}

/** A validated course with lookups and every condition parsed, checked and compiled once. */
export interface CourseIndex {
  readonly course: Course;
  readonly levels: ReadonlyMap<string, readonly string[]>;
  readonly competencyIds: readonly string[];
  readonly moduleIndex: ReadonlyMap<string, number>;
  readonly lessonIndex: ReadonlyMap<string, { readonly module: number; readonly lesson: number }>;
  readonly questions: ReadonlyMap<string, Question>;
  readonly roles: ReadonlySet<string>;
  readonly departments: ReadonlySet<string>;
  /** The course's own learner attributes (settings.attributes): attribute id → its value ids. */
  readonly attributes: ReadonlyMap<string, readonly string[]>;
  /** rules[i].when compiled. */
  readonly rules: readonly CompiledCondition[];
  /** placement node id → its branches compiled. */
  readonly branches: ReadonlyMap<string, readonly CompiledCondition[]>;
  readonly placementNodes: ReadonlyMap<string, number>;
  /** module id → indices of the rules whose action names it. */
  readonly rulesByModule: ReadonlyMap<string, readonly number[]>;
  /** lesson id → indices of the skip-lessons rules that name it (docs/decisions/0010-lesson-rules.md). */
  readonly rulesByLesson: ReadonlyMap<string, readonly number[]>;
  /** Per module (course order): the indices of the known modules it comes after. */
  readonly prerequisites: readonly (readonly number[])[];
}

function describeLocation(source: string, at: number): string {
  return `at character ${at + 1}: ${source.slice(0, at)}⟨here⟩${source.slice(at)}`;
}

function duplicates<T>(
  items: readonly T[],
  key: (item: T) => string,
  where: string,
  report: (p: string, m: string) => void,
) {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first !== undefined) report(`${where}[${i}].id`, `"${k}" is already used by ${where}[${first}]`);
    else seen.set(k, i);
  });
}

/** Why a persona's answer cannot be an answer to this question, or undefined when it can. */
function answerProblem(question: Question, answer: Answer): string | undefined {
  const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);
  const unknownOf = (given: readonly string[], known: readonly string[], what: string) => {
    const wrong = given.find((g) => !known.includes(g));
    return wrong === undefined
      ? undefined
      : `"${wrong}" is not ${what} of question "${question.id}" (${known.join(', ')})${sentenceHint(wrong, known)}`;
  };
  switch (question.type) {
    case 'single':
      return typeof answer !== 'string'
        ? `question "${question.id}" takes one choice id (${ids(question.choices).join(', ')})`
        : unknownOf([answer], ids(question.choices), 'a choice');
    case 'multiple':
      return !Array.isArray(answer)
        ? `question "${question.id}" takes a list of choice ids (${ids(question.choices).join(', ')})`
        : unknownOf(answer, ids(question.choices), 'a choice');
    case 'matching':
    case 'ordering': {
      const known = question.type === 'matching' ? ids(question.pairs) : ids(question.items);
      return !Array.isArray(answer)
        ? `question "${question.id}" takes a list of ${question.type === 'matching' ? 'pair' : 'item'} ids (${known.join(', ')})`
        : unknownOf(answer, known, question.type === 'matching' ? 'a pair' : 'an item');
    }
    case 'true-false':
      return typeof answer === 'boolean' ? undefined : `question "${question.id}" takes true or false`;
    case 'fill-in':
      return typeof answer === 'string' ? undefined : `question "${question.id}" takes a typed answer (text)`;
    case 'likert':
      return typeof answer === 'number' && Number.isInteger(answer) && answer >= 1 && answer <= question.points
        ? undefined
        : `question "${question.id}" is a self-rating from 1 to ${question.points}`;
  }
}

/**
 * Checks every module's prerequisites: each names another module of the course, which comes earlier in
 * it; a cycle is reported once, spelled out. Returns, per module, the indices of the modules it names.
 */
function checkPrerequisites(
  course: Course,
  moduleIndex: ReadonlyMap<string, number>,
  report: (path: string, message: string) => void,
): number[][] {
  const edges = course.modules.map((m, mi) => {
    const known: number[] = [];
    m.prerequisites.forEach((p, pi) => {
      const target = moduleIndex.get(p);
      const path = `modules[${mi}].prerequisites[${pi}]`;
      if (target === undefined)
        report(
          path,
          `there is no module "${p}"${sentenceHint(
            p,
            course.modules.flatMap((other) => (other.id === m.id ? [] : [other.id])),
          )}`,
        );
      else if (target === mi) report(path, `"${m.title}" cannot come after itself`);
      else if (!known.includes(target)) known.push(target);
    });
    return known;
  });

  // Cycles: a depth-first search along "comes after"; each cycle is reported once, at its first module.
  const state = new Map<number, 'open' | 'done'>();
  const stack: number[] = [];
  const inCycle = new Set<number>();
  const seenCycles = new Set<string>();
  const visit = (mi: number) => {
    state.set(mi, 'open');
    stack.push(mi);
    for (const p of edges[mi]!) {
      if (state.get(p) === 'open') {
        const cycle = stack.slice(stack.indexOf(p));
        cycle.forEach((c) => inCycle.add(c));
        const key = [...cycle].sort((a, b) => a - b).join(',');
        if (seenCycles.has(key)) continue;
        seenCycles.add(key);
        const first = Math.min(...cycle);
        const from = cycle.indexOf(first);
        const ordered = [...cycle.slice(from), ...cycle.slice(0, from), first].map((c) => course.modules[c]!.id);
        report(
          `modules[${first}].prerequisites[${course.modules[first]!.prerequisites.indexOf(ordered[1]!)}]`,
          `the prerequisites go round in a circle: ${ordered.join(' → ')} (each comes after the next), so none of them can ever be started`,
        );
      } else if (!state.has(p)) visit(p);
    }
    stack.pop();
    state.set(mi, 'done');
  };
  course.modules.forEach((_, mi) => {
    if (!state.has(mi)) visit(mi);
  });

  // Order: the path follows the course's order, so a prerequisite must come earlier.
  course.modules.forEach((m, mi) => {
    if (inCycle.has(mi)) return;
    m.prerequisites.forEach((p, pi) => {
      const target = moduleIndex.get(p);
      if (target !== undefined && target > mi && !inCycle.has(target))
        report(
          `modules[${mi}].prerequisites[${pi}]`,
          `"${m.title}" comes after "${course.modules[target]!.title}", which is further down the course: move "${course.modules[target]!.title}" above it (the path follows the course's order)`,
        );
    });
  });
  return edges;
}

/**
 * Indexes a course whose shape is already valid (schema-checked at load or export): checks every
 * reference and compiles every condition, reporting problems with their JSON paths. Needs no zod,
 * so the player can use it.
 */
export function indexCourse(course: Course, report: (path: string, message: string) => void = () => {}): CourseIndex {
  const levels = new Map(course.competencies.map((c) => [c.id, c.levels.map((l) => l.id)] as const));
  const questions = new Map(course.questions.map((q) => [q.id, q] as const));
  const moduleIndex = new Map(course.modules.map((m, i) => [m.id, i] as const));
  const lessonIndex = new Map<string, { module: number; lesson: number }>();
  const declaredRoles = new Set(course.settings.roles);
  const roles = new Set([...declaredRoles, ...course.personas.map((p) => p.role)]);
  const departments = new Set([
    ...course.settings.departments,
    ...course.personas.flatMap((p) => (p.department ? [p.department] : [])),
  ]);

  const declaredAttributes = course.settings.attributes ?? [];
  const attributes = new Map(declaredAttributes.map((a) => [a.id, a.values.map((v) => v.id)] as const));
  const attributeIds = new Set(attributes.keys());
  declaredAttributes.forEach((a, ai) => {
    const at = `settings.attributes[${ai}]`;
    if (RESERVED_ATTRIBUTE_IDS.has(a.id))
      report(
        `${at}.id`,
        `"${a.id}" is already a word of the rule language; name the attribute something else (e.g. "${a.id}-group")`,
      );
    duplicates(a.values, (v) => v.id, `${at}.values`, report);
    a.values.forEach((v, vi) => {
      if (attributeIds.has(v.id))
        report(`${at}.values[${vi}].id`, `"${v.id}" is also the id of an attribute; rules could not tell them apart`);
    });
  });
  duplicates(declaredAttributes, (a) => a.id, 'settings.attributes', report);

  duplicates(course.competencies, (c) => c.id, 'competencies', report);
  duplicates(course.modules, (m) => m.id, 'modules', report);
  duplicates(course.questions, (q) => q.id, 'questions', report);
  duplicates(course.rules, (r) => r.id, 'rules', report);
  duplicates(course.personas, (p) => p.id, 'personas', report);
  duplicates(course.banks, (b) => b.id, 'banks', report);

  const checkRole = (role: string, path: string) => {
    if (declaredRoles.size > 0 && !declaredRoles.has(role))
      report(
        path,
        `"${role}" is not one of the course's roles (${[...declaredRoles].join(', ')})${sentenceHint(role, declaredRoles)}`,
      );
  };
  const checkAttributeValue = (attribute: string, value: string, path: string) => {
    const values = attributes.get(attribute);
    if (!values)
      report(
        path,
        `"${attribute}" is not one of the course's learner attributes (${[...attributeIds].join(', ') || 'none declared: add them in the course settings'})${sentenceHint(attribute, attributeIds)}`,
      );
    else if (!values.includes(value))
      report(path, `"${value}" is not a value of ${attribute} (${values.join(', ')})${sentenceHint(value, values)}`);
  };
  /** An audience or mandate entry: a role, or `attribute=value`. */
  const checkTarget = (entry: string, path: string) => {
    const target = parseTarget(entry);
    if (target.attribute === 'role') checkRole(target.value, path);
    else checkAttributeValue(target.attribute, target.value, path);
  };
  const checkCompetency = (id: string, path: string) => {
    if (!levels.has(id)) report(path, `there is no competency "${id}"${sentenceHint(id, levels.keys())}`);
  };
  const checkQuestion = (id: string, path: string) => {
    if (!questions.has(id)) report(path, `there is no question "${id}"${sentenceHint(id, questions.keys())}`);
  };

  course.modules.forEach((m, mi) => {
    const at = `modules[${mi}]`;
    m.competencies.forEach((c, ci) => checkCompetency(c, `${at}.competencies[${ci}]`));
    m.audience.forEach((r, ri) => checkTarget(r, `${at}.audience[${ri}]`));
    m.mandatoryFor.forEach((r, ri) => checkTarget(r, `${at}.mandatoryFor[${ri}]`));
    if (m.level !== undefined && !m.competencies.some((c) => levels.get(c)?.includes(m.level!)))
      report(`${at}.level`, `"${m.level}" is not a mastery level of this module's competencies`);
    m.lessons.forEach((lesson, li) => {
      const seen = lessonIndex.get(lesson.id);
      if (seen)
        report(
          `${at}.lessons[${li}].id`,
          `"${lesson.id}" is already used by modules[${seen.module}].lessons[${seen.lesson}]`,
        );
      else lessonIndex.set(lesson.id, { module: mi, lesson: li });
      const blocks = [
        ...lesson.blocks.map((b, bi) => [b, `${at}.lessons[${li}].blocks[${bi}]`] as const),
        ...lesson.renditions.flatMap((r, ri) =>
          r.blocks.map((b, bi) => [b, `${at}.lessons[${li}].renditions[${ri}].blocks[${bi}]`] as const),
        ),
      ];
      for (const [b, path] of blocks) if (b.type === 'check') checkQuestion(b.question, `${path}.question`);
    });
  });
  const prerequisites = checkPrerequisites(course, moduleIndex, report);
  course.questions.forEach((q, qi) => {
    if (q.competency !== undefined) checkCompetency(q.competency, `questions[${qi}].competency`);
  });
  course.banks.forEach((b, bi) => {
    b.questions.forEach((q, qi) => checkQuestion(q, `banks[${bi}].questions[${qi}]`));
    if (b.draw > b.questions.length)
      report(`banks[${bi}].draw`, `draws ${b.draw} questions but the bank holds only ${b.questions.length}`);
  });
  course.personas.forEach((p, pi) => {
    checkRole(p.role, `personas[${pi}].role`);
    for (const [attribute, value] of Object.entries(p.attributes ?? {}))
      checkAttributeValue(attribute, value, `personas[${pi}].attributes.${attribute}`);
    for (const [c, level] of Object.entries(p.prior.mastery)) {
      if (!levels.has(c))
        report(`personas[${pi}].prior.mastery.${c}`, `there is no competency "${c}"${sentenceHint(c, levels.keys())}`);
      else if (!levels.get(c)!.includes(level))
        report(
          `personas[${pi}].prior.mastery.${c}`,
          `"${level}" is not a mastery level of ${c} (${levels.get(c)!.join(', ')})${sentenceHint(level, levels.get(c)!)}`,
        );
    }
    for (const [q, answer] of Object.entries(p.prior.answers)) {
      const question = questions.get(q);
      if (!question) checkQuestion(q, `personas[${pi}].prior.answers.${q}`);
      else {
        const problem = answerProblem(question, answer);
        if (problem) report(`personas[${pi}].prior.answers.${q}`, problem);
      }
    }
  });

  const compile = (source: string, scope: ExprScope, path: string): CompiledCondition | null => {
    let ast: Expr;
    try {
      ast = parseExpr(source);
    } catch (error) {
      if (error instanceof ExprSyntaxError) {
        report(path, `${error.message} (${describeLocation(source, error.at)})`);
        return null;
      }
      throw error;
    }
    const exprProblems = checkExpr(ast, scope);
    for (const p of exprProblems) report(path, `${p.message} (${describeLocation(source, p.at)})`);
    if (exprProblems.length) return null;
    return {
      source,
      ast,
      test: compileExpr(ast, levels, attributeIds),
      deps: dependenciesOf(ast, undefined, attributeIds),
    };
  };

  const ruleScope: ExprScope = { context: 'rule', competencies: levels, roles, departments, attributes };
  const rules: CompiledCondition[] = [];
  course.rules.forEach((rule, ri) => {
    const compiled = compile(rule.when, ruleScope, `rules[${ri}].when`);
    if (compiled) rules[ri] = compiled;
    const action = rule.then;
    if ('modules' in action)
      action.modules.forEach((m, mi) => {
        if (!moduleIndex.has(m))
          report(`rules[${ri}].then.modules[${mi}]`, `there is no module "${m}"${sentenceHint(m, moduleIndex.keys())}`);
      });
    if (action.kind === 'offer-choice' && action.pick !== undefined && action.pick >= new Set(action.modules).size)
      report(
        `rules[${ri}].then.pick`,
        `picks ${action.pick} of ${new Set(action.modules).size} modules, which leaves no choice: pick fewer, offer more, or require them`,
      );
    if (action.kind === 'offer-choice')
      action.modules.forEach((id, k) => {
        const mi = moduleIndex.get(id);
        const before =
          mi === undefined ? undefined : prerequisites[mi]!.find((p) => action.modules.includes(course.modules[p]!.id));
        if (before !== undefined)
          report(
            `rules[${ri}].then.modules[${k}]`,
            `"${course.modules[mi!]!.title}" comes after "${course.modules[before]!.title}", so they cannot be alternatives of one choice: picking one leaves the other out`,
          );
      });
    if (action.kind === 'offer-formats' || action.kind === 'skip-lessons')
      action.lessons.forEach((l, li) => {
        if (!lessonIndex.has(l))
          report(`rules[${ri}].then.lessons[${li}]`, `there is no lesson "${l}"${sentenceHint(l, lessonIndex.keys())}`);
      });
  });

  const placementNodes = new Map<string, number>();
  const branches = new Map<string, CompiledCondition[]>();
  const placement = course.placement;
  if (placement) {
    duplicates(placement.nodes, (n) => n.id, 'placement.nodes', report);
    placement.nodes.forEach((n, ni) => placementNodes.set(n.id, ni));
    if (!placementNodes.has(placement.start))
      report(
        'placement.start',
        `there is no placement node "${placement.start}"${sentenceHint(placement.start, placementNodes.keys())}`,
      );
    placement.nodes.forEach((node, ni) => {
      const at = `placement.nodes[${ni}]`;
      const question = questions.get(node.question);
      if (!question) report(`${at}.question`, `there is no question "${node.question}"`);
      const target = (id: string, path: string) => {
        if (id !== END && !placementNodes.has(id))
          report(
            path,
            `there is no placement node "${id}" (use "${END}" to finish)${sentenceHint(id, [...placementNodes.keys(), END])}`,
          );
      };
      target(node.next, `${at}.next`);
      const choices =
        question && (question.type === 'single' || question.type === 'multiple')
          ? question.choices.map((c) => c.id)
          : [];
      const scope: ExprScope = {
        context: 'placement',
        competencies: levels,
        roles,
        departments,
        attributes,
        choices: new Set(choices),
      };
      const compiled: CompiledCondition[] = [];
      node.branches.forEach((branch, bi) => {
        target(branch.goto, `${at}.branches[${bi}].goto`);
        const c = compile(branch.when, scope, `${at}.branches[${bi}].when`);
        if (c) compiled.push(c);
      });
      branches.set(node.id, compiled);
    });
  }

  const rulesByModule = new Map<string, number[]>();
  course.rules.forEach((rule, ri) => {
    if (!('modules' in rule.then)) return;
    for (const m of new Set(rule.then.modules)) rulesByModule.set(m, [...(rulesByModule.get(m) ?? []), ri]);
  });
  const rulesByLesson = new Map<string, number[]>();
  course.rules.forEach((rule, ri) => {
    if (rule.then.kind !== 'skip-lessons') return;
    for (const l of new Set(rule.then.lessons)) rulesByLesson.set(l, [...(rulesByLesson.get(l) ?? []), ri]);
  });

  return {
    course,
    levels,
    rulesByModule,
    rulesByLesson,
    prerequisites,
    competencyIds: course.competencies.map((c) => c.id),
    moduleIndex,
    lessonIndex,
    questions,
    roles,
    departments,
    attributes,
    rules,
    branches,
    placementNodes,
  };
}
