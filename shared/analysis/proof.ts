import { END, type Answer, type Question } from '../model';
import type { CourseIndex } from '../engine/course-index';
import { correctAnswer } from '../engine/grade';
import { PlacementWalker } from '../engine/placement';
import { applyPrerequisites, decideLesson, decideModule, type ModuleDecision } from '../engine/resolve';
import type { Counterexample, Finding } from './findings';
import { analysisLearners, describeOutcome, outcomeClasses, type AnalysisLearner } from './outcomes';
import { OutcomeSolver, type RuleGroup, type Witness } from './solver';
import { describeTargets, isTargeted, labelOf, parseTarget, type LearnerTargeting } from '../engine/targets';
import { placementLearners, type PlacementLearnerKind } from './placement-learners';

export interface ProofOptions {
  /** Placement states explored before the reachability check falls back to the graph alone. */
  readonly maxPlacementStates?: number;
}

export interface ProofStats {
  readonly learners: number;
  /** Nodes of the outcome search the proof visited across all its questions. */
  readonly casesChecked: number;
  readonly placementStates: number;
}

/**
 * Proves, for every persona (and any learner of a role no persona covers) and every class of
 * placement outcome, that modules are reachable, required modules can be done, role mandates hold,
 * rules do not contradict, lesson rules skip something and a module's every lesson only by a module skip, and the
 * placement flow terminates with every question reachable.
 *
 * Each question is answered by a three-valued search over the outcome classes of only the
 * competencies its rules read (see OutcomeSolver), so the cost grows with the rules' structure, not
 * with the product of their outcome classes.
 */
export function prove(index: CourseIndex, options: ProofOptions = {}): { findings: Finding[]; stats: ProofStats } {
  const findings: Finding[] = [];
  const { course } = index;
  const learners = analysisLearners(index);

  const thresholds = new Map<string, number[]>();
  for (const rule of index.rules)
    for (const [c, ts] of rule?.deps.scoreThresholds ?? []) thresholds.set(c, [...(thresholds.get(c) ?? []), ...ts]);
  const classes = new Map(
    index.competencyIds.map((c) => [c, outcomeClasses(index, c, thresholds.get(c) ?? [])] as const),
  );

  const solver = new OutcomeSolver(index, classes);
  /** A role in the course's words: its label (settings.labels), else its id in plain words, as the player says it. */
  const role = (id: string) => labelOf(course, id);
  /** Audience or mandate entries in the course's words, e.g. "Forklift driver who answered “In the warehouse”". */
  const targets = (entries: readonly string[]) => describeTargets(course, entries);
  /** A learner in the course's words: a persona by id, any other learner by their role and answers. */
  const learnerWords = (learner: AnalysisLearner) => {
    const entries = [
      ...(learner.role ? [learner.role] : []),
      ...Object.entries(learner.attributes ?? {}).map(([a, v]) => `${a}=${v}`),
    ];
    return course.personas.some((p) => p.id === learner.label) || entries.length === 0
      ? learner.label
      : `any ${targets(entries)}`;
  };

  const counterexample = (learner: AnalysisLearner, witness: Witness, path: string): Counterexample => ({
    persona: learnerWords(learner),
    outcome: describeOutcome(index, witness.competencies, witness.outcome),
    path,
  });
  const holdsFor = (learner: AnalysisLearner, witness: Witness) => {
    const facts = OutcomeSolver.facts(learner, witness);
    return (i: number) => index.rules[i]?.test(facts) === true;
  };
  /** The first learner (in persona order) for whom all these rules hold, with their outcome. */
  const firstSatisfying = (rules: readonly number[]) => {
    for (const learner of learners) {
      const witness = solver.satisfy(learner, rules);
      if (witness) return { learner, witness };
    }
    return undefined;
  };

  const describeDecision = (d: ModuleDecision) =>
    `${d.status}: ${d.reasons.map((r) => (r.rule ? `${r.text} [${r.rule}]` : r.text)).join(' ')}`;

  /**
   * Per learner (role and attribute values): module index → the prerequisite that leaves it out. It depends on who
   * the learner is alone (decision 0007): prerequisites exclude a module only when one is excluded, and only the
   * audience excludes at decision time, whatever the rules say.
   */
  const leftOutByLearner = new Map<string, Map<number, string>>();
  const leftOutByPrerequisites = (who: LearnerTargeting) => {
    const key = JSON.stringify([who.role ?? null, who.attributes ?? null]);
    const cached = leftOutByLearner.get(key);
    if (cached) return cached;
    const work = course.modules.map((_, mi) => decideModule(index, mi, who, () => false));
    const before = work.map((w) => w.status);
    applyPrerequisites(index, work);
    const out = new Map<number, string>();
    work.forEach((w, mi) => {
      if (before[mi] !== 'excluded' && w.status === 'excluded') out.set(mi, w.reasons.at(-1)!.text);
    });
    leftOutByLearner.set(key, out);
    return out;
  };

  /** The rules that decide a module's status, as groups: whether some require, some skip and some optional rule hold. */
  const statusGroups = (mi: number): [requires: number[], skips: number[], optionals: number[]] => {
    const touching = index.rulesByModule.get(course.modules[mi]!.id) ?? [];
    const ofKind = (kind: string) => touching.filter((i) => course.rules[i]!.then.kind === kind);
    return [ofKind('require'), ofKind('skip'), ofKind('optional')];
  };
  const onPath = (d: ModuleDecision) => d.status === 'required' || d.status === 'optional';
  const quoted = (titles: readonly string[]) =>
    titles.length === 1
      ? `“${titles[0]}”`
      : `${titles
          .slice(0, -1)
          .map((t) => `“${t}”`)
          .join(', ')} and “${titles.at(-1)}”`;
  const lessonsWords = (titles: readonly string[]) => `${titles.length === 1 ? 'lesson' : 'lessons'} ${quoted(titles)}`;

  /**
   * Lesson rules (decision 0010), decided on the path before the learner's own choices, as module reachability is: a
   * skip-lessons rule skips a lesson only where its module is on the learner's path and not mandatory for them.
   */
  const proveLessonRules = () => {
    course.rules.forEach((rule, ri) => {
      const action = rule.then;
      if (action.kind !== 'skip-lessons' || !index.rules[ri]) return;
      // Module index → titles of the lessons the rule names in it, in the course's order.
      const named = new Map<number, string[]>();
      const first = new Map<number, string>();
      for (const id of new Set(action.lessons)) {
        const at = index.lessonIndex.get(id);
        if (!at) continue;
        named.set(at.module, [...(named.get(at.module) ?? []), course.modules[at.module]!.lessons[at.lesson]!.title]);
        if (!first.has(at.module)) first.set(at.module, id);
      }
      let skipsSome = false;
      let heldWhereMandatory = false;
      const overridden = new Map<number, Counterexample>();
      for (const learner of learners) {
        const leftOut = leftOutByPrerequisites(learner);
        for (const mi of named.keys()) {
          const m = course.modules[mi]!;
          if (isTargeted(m.mandatoryFor, learner)) {
            if (overridden.has(mi)) continue;
            const witness = solver.satisfy(learner, [ri]);
            if (!witness) continue;
            heldWhereMandatory = true;
            const holds = holdsFor(learner, witness);
            const decision = decideModule(index, mi, learner, holds);
            const lesson = m.lessons[index.lessonIndex.get(first.get(mi)!)!.lesson]!;
            const said = decideLesson(index, lesson.id, decision, holds)
              .reasons.map((r) => r.text)
              .join(' ');
            overridden.set(
              mi,
              counterexample(learner, witness, `${describeDecision(decision)} Lesson “${lesson.title}”: ${said}`),
            );
            continue;
          }
          if (skipsSome || leftOut.has(mi)) continue;
          for (const { witness } of solver.combinations(learner, [[ri], ...statusGroups(mi)], (v) => v[0]!).values())
            if (onPath(decideModule(index, mi, learner, holdsFor(learner, witness)))) {
              skipsSome = true;
              break;
            }
        }
      }

      for (const [mi, example] of overridden) {
        const m = course.modules[mi]!;
        const titles = named.get(mi)!;
        findings.push(
          rule.mandateWins
            ? {
                severity: 'info',
                code: 'rule-yields-to-mandate',
                path: `rules[${ri}]`,
                message: `As intended, the mandate for ${targets(m.mandatoryFor)} wins over rule “${rule.id}”: they take ${lessonsWords(titles)} of “${m.title}” even when the rule would skip ${titles.length === 1 ? 'it' : 'them'}.`,
                counterexample: example,
              }
            : {
                severity: 'warning',
                code: 'rule-overridden-by-mandate',
                path: `rules[${ri}]`,
                message: `Rule “${rule.id}” would skip ${lessonsWords(titles)} of “${m.title}”, which is mandatory for ${targets(m.mandatoryFor)}; the mandate wins and the rule is ignored for them. If that is meant, set "mandateWins": true on the rule.`,
                counterexample: example,
              },
        );
      }

      // A rule that holds for someone but never skips a lesson; one that never holds is a rule that never applies.
      const holding = skipsSome ? undefined : firstSatisfying([ri]);
      if (!holding) return;
      const [mi, titles] = [...named][0]!;
      const leftOut = leftOutByPrerequisites(holding.learner).get(mi);
      const decision = decideModule(index, mi, holding.learner, holdsFor(holding.learner, holding.witness));
      const modules = [...new Set([...named.keys()].map((i) => course.modules[i]!.title))];
      findings.push({
        severity: 'warning',
        code: 'lesson-rule-without-effect',
        path: `rules[${ri}]`,
        message: `Rule “${rule.id}” never skips a lesson: whenever “${rule.when}” holds, ${quoted(modules)} ${modules.length === 1 ? 'is' : 'are'} not on the learner's path (tested out of, or not for them)${heldWhereMandatory ? ' or mandatory for them' : ''}. Narrow the condition to learners who take ${modules.length === 1 ? 'it' : 'them'}, or remove the rule.`,
        counterexample: counterexample(
          holding.learner,
          holding.witness,
          `“${course.modules[mi]!.title}” ${leftOut !== undefined ? `excluded: ${leftOut}` : describeDecision(decision)} (the rule names ${lessonsWords(titles)})`,
        ),
      });
    });

    // Modules whose every lesson lesson rules skip for a learner who takes the module.
    course.modules.forEach((m, mi) => {
      const perLesson = new Map(
        m.lessons.map((l) => {
          const rules = index.rulesByLesson.get(l.id) ?? [];
          return [rules.join(), rules] as const;
        }),
      );
      if (m.lessons.length === 0 || [...perLesson.values()].some((rules) => rules.length === 0)) return;
      const every: RuleGroup = { all: [...perLesson.values()] };
      for (const learner of learners) {
        if (isTargeted(m.mandatoryFor, learner) || leftOutByPrerequisites(learner).has(mi)) continue;
        for (const { witness } of solver.combinations(learner, [every, ...statusGroups(mi)], (v) => v[0]!).values()) {
          const holds = holdsFor(learner, witness);
          const decision = decideModule(index, mi, learner, holds);
          if (!onPath(decision)) continue;
          const skipping = [
            ...new Set(m.lessons.flatMap((l) => (index.rulesByLesson.get(l.id) ?? []).filter(holds))),
          ].sort((a, b) => a - b);
          const names = skipping.map((i) => course.rules[i]!.id);
          findings.push({
            severity: 'warning',
            code: 'module-every-lesson-skipped',
            path: `rules[${skipping[0]}].then.lessons`,
            message: `For some learners who take “${m.title}”, ${names.length === 1 ? `rule ${quoted(names)} skips` : `rules ${quoted(names)} together skip`} every one of its lessons, so it stays on their path as a module to take with nothing left to do in it. If they should test out of the whole module, skip the module instead (a skip rule on “${m.title}”): they then see it as tested out and may still take it anyway.`,
            counterexample: counterexample(
              learner,
              witness,
              `${describeDecision(decision)} Every lesson skipped by ${names.map((n) => `[${n}]`).join(' ')}.`,
            ),
          });
          return;
        }
      }
    });
  };

  // Modules: reachable by someone, doable when required, mandates respected.
  course.modules.forEach((m, mi) => {
    const at = `modules[${mi}]`;
    const [requires, skips, optionals] = statusGroups(mi);
    let reachable = false;
    let sample: Counterexample | undefined;
    let emptyRequired: Counterexample | undefined;
    const mandateFindings = new Map<number, Counterexample>();
    const requireOutside = new Map<number, Counterexample>();

    let reachableButForPrerequisites = false;
    for (const learner of learners) {
      const leftOut = leftOutByPrerequisites(learner).get(mi);
      // A module's status depends only on whether some require, some skip and some optional rule hold.
      for (const { witness } of solver.combinations(learner, [requires, skips, optionals]).values()) {
        const decision = decideModule(index, mi, learner, holdsFor(learner, witness));
        const onPath = decision.status === 'required' || decision.status === 'optional';
        if (leftOut !== undefined) {
          // The telling learner is one the rules would give the module to.
          if (onPath && !reachableButForPrerequisites) {
            reachableButForPrerequisites = true;
            sample = counterexample(learner, witness, `excluded: ${leftOut}`);
          }
          continue;
        }
        if (!reachableButForPrerequisites) sample ??= counterexample(learner, witness, describeDecision(decision));
        if (onPath) reachable = true;
        if (decision.status === 'required' && m.lessons.length === 0)
          emptyRequired ??= counterexample(learner, witness, describeDecision(decision));
      }
      const mandated = isTargeted(m.mandatoryFor, learner);
      const outsideAudience = m.audience.length > 0 && !isTargeted(m.audience, learner);
      if (outsideAudience && !mandated)
        for (const i of requires) {
          if (requireOutside.has(i)) continue;
          const witness = solver.satisfy(learner, [i]);
          if (witness)
            requireOutside.set(i, counterexample(learner, witness, `excluded: Meant for ${targets(m.audience)}.`));
        }
      if (!mandated) continue;
      for (const i of [...skips, ...optionals]) {
        if (mandateFindings.has(i)) continue;
        const witness = solver.satisfy(learner, [i]);
        if (!witness) continue;
        const decision = decideModule(index, mi, learner, holdsFor(learner, witness));
        mandateFindings.set(i, counterexample(learner, witness, describeDecision(decision)));
      }
    }

    if (!reachable) {
      findings.push({
        severity: 'error',
        code: 'module-unreachable',
        path: at,
        message: reachableButForPrerequisites
          ? `No learner ever gets “${m.title}”: the learners whose rules would give it to them do not have its prerequisites (${m.prerequisites.join(', ')}) on their path, so it is left out for them.`
          : `No learner ever gets “${m.title}”: for every persona and placement outcome it is skipped or left out.`,
        ...(sample ? { counterexample: sample } : {}),
      });
    }
    if (emptyRequired)
      findings.push({
        severity: 'error',
        code: 'required-module-empty',
        path: `${at}.lessons`,
        message: `“${m.title}” is required for some learners but has no lessons, so they cannot finish the course.`,
        counterexample: emptyRequired,
      });
    for (const [ruleIndex, example] of mandateFindings) {
      const rule = course.rules[ruleIndex]!;
      const action = rule.then.kind === 'skip' ? 'skip' : 'make optional';
      findings.push(
        rule.mandateWins
          ? {
              severity: 'info',
              code: 'rule-yields-to-mandate',
              path: `rules[${ruleIndex}]`,
              message: `As intended, the mandate for ${targets(m.mandatoryFor)} wins over rule “${rule.id}”: they take “${m.title}” even when the rule would ${action} it.`,
              counterexample: example,
            }
          : {
              severity: 'warning',
              code: 'rule-overridden-by-mandate',
              path: `rules[${ruleIndex}]`,
              message: `Rule “${rule.id}” would ${action} “${m.title}”, which is mandatory for ${targets(m.mandatoryFor)}; the mandate wins and the rule is ignored for them. If that is meant, set "mandateWins": true on the rule.`,
              counterexample: example,
            },
      );
    }
    for (const [ruleIndex, example] of requireOutside)
      findings.push({
        severity: 'warning',
        code: 'require-outside-audience',
        path: `rules[${ruleIndex}].when`,
        message: `Rule “${course.rules[ruleIndex]!.id}” requires “${m.title}” for some learners outside its audience (${targets(m.audience)}); the audience wins and they do not get it. Add them to the audience, make the module mandatory for them, or narrow the rule.`,
        counterexample: example,
      });
    // The learners the mandate holds for: each role it names on its own, or the analysed learners when it names attributes.
    const mandatedLearners: { readonly who: LearnerTargeting; readonly name: string }[] = m.mandatoryFor.every(
      (e) => parseTarget(e).attribute === 'role',
    )
      ? m.mandatoryFor.map((id) => ({ who: { role: id }, name: role(id) }))
      : learners.filter((l) => isTargeted(m.mandatoryFor, l)).map((l) => ({ who: l, name: learnerWords(l) }));
    const reportedWithout = new Set<string>();
    for (const { who, name } of mandatedLearners)
      for (const p of index.prerequisites[mi] ?? []) {
        if (reportedWithout.has(`${name}|${p}`)) continue;
        if (!leftOutByPrerequisites(who).has(p) && decideModule(index, p, who, () => false).status !== 'excluded')
          continue;
        reportedWithout.add(`${name}|${p}`);
        const before = course.modules[p]!;
        findings.push({
          severity: 'warning',
          code: 'mandate-without-prerequisite',
          path: `${at}.prerequisites[${m.prerequisites.indexOf(before.id)}]`,
          message: `“${m.title}” is mandatory for ${name}, but its prerequisite “${before.title}” is never on their path; they take “${m.title}” without it. Add ${name} to the audience of “${before.title}”, or drop the prerequisite.`,
        });
      }
    const byRoleOnly = [...m.audience, ...m.mandatoryFor].every((e) => parseTarget(e).attribute === 'role');
    if (byRoleOnly) {
      for (const id of m.mandatoryFor)
        if (m.audience.length > 0 && !m.audience.includes(id))
          findings.push({
            severity: 'warning',
            code: 'mandate-outside-audience',
            path: `${at}.mandatoryFor`,
            message: `“${m.title}” is mandatory for ${role(id)}, but its audience (${targets(m.audience)}) leaves ${role(id)} out; the mandate wins.`,
          });
    } else if (m.audience.length > 0) {
      // With attributes, entries combine (a role and a site), so ask the analysed learners, which cover every combination read.
      const leftOut = learners.filter((l) => isTargeted(m.mandatoryFor, l) && !isTargeted(m.audience, l));
      if (leftOut.length > 0)
        findings.push({
          severity: 'warning',
          code: 'mandate-outside-audience',
          path: `${at}.mandatoryFor`,
          message: `“${m.title}” is mandatory for ${targets(m.mandatoryFor)}, but its audience (${targets(m.audience)}) leaves some of them out (${leftOut.slice(0, 3).map(learnerWords).join('; ')}${leftOut.length > 3 ? '; …' : ''}); the mandate wins.`,
        });
    }

    // Contradictions: a require together with a skip or make-optional for the same module.
    for (const r of requires)
      for (const w of [...skips, ...optionals].sort((a, b) => a - b)) {
        const both = firstSatisfying([r, w]);
        if (both)
          findings.push({
            severity: 'warning',
            code: 'rules-contradict',
            path: `rules[${w}]`,
            message: `Rules “${course.rules[r]!.id}” (require) and “${course.rules[w]!.id}” (${course.rules[w]!.then.kind}) both apply to “${m.title}” for some learners.`,
            counterexample: counterexample(
              both.learner,
              both.witness,
              `both hold; “${course.rules[r]!.id}” (require) wins`,
            ),
          });
      }
  });

  // Choices (decision 0009): for whom some of the options are not open to pick, so fewer are left than a choice needs.
  course.rules.forEach((rule, ri) => {
    const action = rule.then;
    if (action.kind !== 'offer-choice' || !index.rules[ri]) return;
    const options = [...new Set(action.modules)].flatMap((id) => {
      const mi = index.moduleIndex.get(id);
      return mi === undefined ? [] : [mi];
    });
    const pick = action.pick ?? 1;
    const groups = [[ri], ...options.flatMap(statusGroups)];
    for (const learner of learners) {
      const leftOut = leftOutByPrerequisites(learner);
      for (const { witness } of solver.combinations(learner, groups, (values) => values[0] === true).values()) {
        const holds = holdsFor(learner, witness);
        const open = options.filter((mi) => {
          if (leftOut.has(mi)) return false;
          const d = decideModule(index, mi, learner, holds);
          return (d.status === 'required' || d.status === 'optional') && !d.locked && !d.requiredByRule;
        });
        if (open.length > pick) continue;
        const titles = open.map((mi) => `“${course.modules[mi]!.title}”`);
        findings.push({
          severity: 'warning',
          code: 'choice-without-alternatives',
          path: `rules[${ri}].then.modules`,
          message: `Rule “${rule.id}” asks the learner to pick ${pick === 1 ? 'one' : pick} of ${options.length} modules, but for some learners only ${open.length === 0 ? 'none' : `${titles.join(' and ')}`} ${open.length === 1 ? 'is' : 'are'} open to pick (the others are not for them, tested out, mandatory or required by a rule), so they have no choice.`,
          counterexample: counterexample(learner, witness, `open to pick: ${open.length ? titles.join(', ') : 'none'}`),
        });
        return;
      }
    }
  });

  proveLessonRules();

  // Rules that can never apply.
  course.rules.forEach((rule, ri) => {
    if (!index.rules[ri]) return;
    if (!firstSatisfying([ri]))
      findings.push({
        severity: 'warning',
        code: 'rule-never-applies',
        path: `rules[${ri}].when`,
        message: `Rule “${rule.id}” never applies: no persona and no placement outcome make “${rule.when}” true.`,
      });
  });

  const placementStates = provePlacement(index, findings, options.maxPlacementStates ?? 200_000);

  // Every persona's own answer profile must get through the placement test.
  course.personas.forEach((persona, pi) => {
    const answers = persona.prior.answers;
    if (!course.placement || Object.keys(answers).length === 0) return;
    const walker = PlacementWalker.start(index, persona)!;
    while (!walker.done && !walker.looping) {
      const pending = walker.pending;
      if (!pending) break;
      const answer = answers[pending.question.id];
      if (answer === undefined) {
        findings.push({
          severity: 'warning',
          code: 'persona-answers-incomplete',
          path: `personas[${pi}].prior.answers`,
          message: `Persona “${persona.name}” has no answer for “${pending.question.id}”, which the placement test asks them; their preview stops there.`,
        });
        break;
      }
      walker.answer(answer);
    }
  });

  return { findings, stats: { learners: learners.length, casesChecked: solver.nodes, placementStates } };
}

/** Every kind of answer a question can get, as far as grading and branching can tell them apart. */
export function answerKinds(question: Question): Answer[] {
  switch (question.type) {
    case 'single':
      return question.choices.map((c) => c.id);
    case 'likert':
      return Array.from({ length: question.points }, (_, i) => i + 1);
    case 'true-false':
      return [true, false];
    case 'fill-in':
      return [correctAnswer(question) ?? '', ''];
    default:
      return [correctAnswer(question) ?? [], []];
  }
}

/** What exploring the placement test found for every kind of learner its branches tell apart. */
interface PlacementExploration {
  /** Nodes some learner is asked. */
  readonly reached: Set<string>;
  /** Branches ("node:index") some learner takes. */
  readonly taken: Set<string>;
  /** Per kind of learner: node → the nodes (or "end") some answer sequence moves them to from it. */
  readonly moves: Map<string, Set<string>>[];
  readonly states: number;
  readonly exhausted: boolean;
}

/**
 * Explores every kind of answer at every node for every kind of learner the branches tell apart, merging walkers of
 * one learner that behave alike from where they stand (same node, same tallies of the competencies read ahead).
 * Exact when no walk goes round in circles: a merged walker does what the one kept does.
 */
function explorePlacement(
  index: CourseIndex,
  learners: readonly PlacementLearnerKind[],
  edges: (id: string) => string[],
  maxStates: number,
): PlacementExploration {
  const placement = index.course.placement!;
  // Competencies that conditions at or after each node can read (a fixed point, as the graph may loop).
  const ahead = new Map<string, Set<string>>();
  for (const node of placement.nodes) {
    const own = new Set<string>();
    for (const branch of index.branches.get(node.id) ?? []) branch.deps.competencies.forEach((c) => own.add(c));
    ahead.set(node.id, own);
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const node of placement.nodes) {
      const set = ahead.get(node.id)!;
      for (const next of edges(node.id))
        for (const c of ahead.get(next) ?? [])
          if (!set.has(c)) {
            set.add(c);
            changed = true;
          }
    }
  }

  const reached = new Set<string>();
  const taken = new Set<string>();
  const moves: Map<string, Set<string>>[] = [];
  let states = 0;
  for (const { learner } of learners) {
    const own = new Map<string, Set<string>>();
    moves.push(own);
    const seen = new Set<string>();
    const start = PlacementWalker.start(index, learner);
    const queue = start ? [start] : [];
    while (queue.length) {
      const walker = queue.pop()!;
      if (walker.done || walker.looping) continue;
      const key = walker.key(ahead.get(walker.current));
      if (seen.has(key)) continue;
      seen.add(key);
      if (++states > maxStates) return { reached, taken, moves, states, exhausted: true };
      const pending = walker.pending;
      if (!pending) continue;
      reached.add(pending.node.id);
      for (const answer of answerKinds(pending.question)) {
        const next = walker.clone();
        next.answer(answer);
        const step = next.steps.at(-1)!;
        if (step.branch >= 0) taken.add(`${step.node}:${step.branch}`);
        const to = own.get(step.node) ?? new Set<string>();
        to.add(next.current);
        own.set(step.node, to);
        queue.push(next);
      }
    }
  }
  return { reached, taken, moves, states, exhausted: false };
}

/** Each cycle (as node ids, first repeated last) of a graph from `start`, once per set of nodes. */
function cyclesOf(start: string, next: (id: string) => readonly string[]): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found = new Map<string, string[]>();
  const dfs = (id: string) => {
    state.set(id, 'open');
    stack.push(id);
    for (const to of next(id)) {
      if (state.get(to) === 'open') {
        const cycle = [...stack.slice(stack.indexOf(to)), to];
        const key = [...new Set(cycle)].sort().join(',');
        if (!found.has(key)) found.set(key, cycle);
      } else if (!state.has(to)) dfs(to);
    }
    stack.pop();
    state.set(id, 'done');
  };
  dfs(start);
  return [...found.values()];
}

function provePlacement(index: CourseIndex, findings: Finding[], maxStates: number): number {
  const placement = index.course.placement;
  if (!placement) return 0;
  const nodeAt = (id: string) => `placement.nodes[${index.placementNodes.get(id)}]`;
  const known = (id: string) => id !== END && index.placementNodes.has(id);

  const edges = (id: string) => {
    const node = placement.nodes[index.placementNodes.get(id) ?? -1];
    return node ? [...node.branches.map((b) => b.goto), node.next].filter(known) : [];
  };
  const learners = placementLearners(index);
  const explored = index.placementNodes.has(placement.start)
    ? explorePlacement(index, learners, edges, maxStates)
    : { reached: new Set<string>(), taken: new Set<string>(), moves: [], states: 0, exhausted: false };

  const cycleFinding = (cycle: readonly string[], who: readonly string[]): Finding => ({
    severity: 'error',
    code: 'placement-cycle',
    path: nodeAt(cycle[0]!),
    message: `The placement test can go round in circles: ${cycle.join(' → ')}. A learner could be asked the same question again and never finish.${
      who.length ? ` It happens for ${who.slice(0, 3).join('; ')}${who.length > 3 ? '; …' : ''}.` : ''
    }`,
  });
  if (explored.exhausted || !index.placementNodes.has(placement.start)) {
    // Too many states to follow every learner: every edge of the graph counts, which over-approximates.
    if (index.placementNodes.has(placement.start))
      for (const cycle of cyclesOf(placement.start, edges)) findings.push(cycleFinding(cycle, []));
  } else {
    // Termination: for each kind of learner, no cycle among the moves some answers make (branches reading
    // who they are move each kind its own way, so `role == teller` there and `role != teller` back is no cycle).
    const byCycle = new Map<string, { cycle: string[]; who: string[] }>();
    explored.moves.forEach((moves, li) => {
      for (const cycle of cyclesOf(placement.start, (id) => [...(moves.get(id) ?? [])].filter(known))) {
        const key = [...new Set(cycle)].sort().join(',');
        const entry = byCycle.get(key) ?? { cycle, who: [] };
        if (learners[li]!.words) entry.who.push(learners[li]!.words);
        byCycle.set(key, entry);
      }
    });
    for (const { cycle, who } of byCycle.values())
      findings.push(cycleFinding(cycle, who.length === learners.length ? [] : who));
  }

  const reached = explored.reached;
  if (explored.exhausted) {
    // Too many distinct states to be exact: fall back to the graph, which over-approximates.
    const visit = (id: string) => {
      if (reached.has(id)) return;
      reached.add(id);
      edges(id).forEach(visit);
    };
    if (index.placementNodes.has(placement.start)) visit(placement.start);
    findings.push({
      severity: 'warning',
      code: 'placement-too-large',
      path: 'placement',
      message: `The placement test has more than ${maxStates} distinct answer states; question reachability was checked on the flow graph only.`,
    });
  }
  placement.nodes.forEach((node, ni) => {
    if (!reached.has(node.id))
      findings.push({
        severity: 'warning',
        code: 'placement-question-unreachable',
        path: `placement.nodes[${ni}]`,
        message: `No ${learners.length > 1 ? 'learner and no ' : ''}sequence of answers ever reaches “${node.id}” (question “${node.question}”): no branch or default leads to it in a way that can hold.`,
      });
    else if (!explored.exhausted)
      node.branches.forEach((branch, bi) => {
        if (!explored.taken.has(`${node.id}:${bi}`))
          findings.push({
            severity: 'warning',
            code: 'placement-branch-never-taken',
            path: `placement.nodes[${ni}].branches[${bi}]`,
            message: `The branch “${branch.when}” after “${node.id}” is never taken: for no ${learners.length > 1 ? 'learner and no ' : ''}answers does it hold before the branches above it, so it leads nowhere. Change its condition or remove it.`,
          });
      });
  });
  return explored.states;
}
