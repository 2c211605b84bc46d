import type { CourseInput } from '../shared/model';

/** Size and shape of a synthetic course. */
export interface GeneratorOptions {
  readonly seed: number;
  readonly modules: number;
  readonly competencies: number;
  readonly rules: number;
  readonly personas: number;
  readonly roles?: number;
  readonly lessonsPerModule?: readonly [min: number, max: number];
  /** Placement nodes per competency (0 for no placement test). */
  readonly placementDepth?: number;
  /** Share of modules (0–1) that come after one of the ten modules before them; none when absent. */
  readonly prerequisites?: number;
  /** Learner attributes the course declares (2–3 values each), read by some rules, audiences, mandates and personas; none when absent. */
  readonly attributes?: number;
  /**
   * Placement branches that read who the learner is (role, seniority, the course's own attributes), some mixed with
   * the answer, and extra questions only such branches lead to; none when absent.
   */
  readonly placementBranches?: boolean;
  /** Choices that ask the learner to pick several of up to five modules (format 4); choices of one when absent. */
  readonly pickSeveral?: boolean;
  /**
   * Rules that skip single lessons (format 5): one lesson, or now and then every lesson of a module or a lesson of a
   * second one, some yielding to mandates on purpose; none when absent.
   */
  readonly lessonRules?: number;
}

/** Small, fast, seeded PRNG (mulberry32): the same seed always gives the same course. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}

const LEVELS = ['none', 'basic', 'proficient', 'expert'] as const;

/**
 * Builds a synthetic course for benchmarks and property tests: realistic proportions of audiences,
 * mandates, optional modules, rules of every kind, personas and a branching placement test.
 * The default large course: 300 modules, 12 competencies × 4 levels, 200 rules and 20 lesson rules, 8 personas.
 */
export function generateCourse(options: GeneratorOptions): CourseInput {
  const r = prng(options.seed);
  const roles = Array.from({ length: options.roles ?? 4 }, (_, i) => `role-${i + 1}`);
  const competencies = Array.from({ length: options.competencies }, (_, i) => `comp-${i + 1}`);
  const [minLessons, maxLessons] = options.lessonsPerModule ?? [1, 3];
  const questions: NonNullable<CourseInput['questions']> = [];

  const modules = Array.from({ length: options.modules }, (_, mi) => {
    const id = `module-${mi + 1}`;
    const audience = r.chance(0.2) ? roles.filter(() => r.chance(0.5)) : [];
    const pool = audience.length ? audience : roles;
    const mandatoryFor = r.chance(0.1) ? [r.pick(pool)] : [];
    const lessons = Array.from({ length: r.int(minLessons, maxLessons) }, (_, li) => {
      const lessonId = `${id}-lesson-${li + 1}`;
      const withVideo = r.chance(0.2);
      return {
        id: lessonId,
        title: `Lesson ${li + 1} of module ${mi + 1}`,
        minutes: r.int(2, 10),
        blocks: withVideo
          ? [
              {
                type: 'video' as const,
                id: `${lessonId}-video`,
                src: `assets/${lessonId}.mp4`,
                captions: [{ language: 'en', label: 'English', src: `assets/${lessonId}.en.vtt` }],
                transcript: '<p>Transcript.</p>',
              },
            ]
          : [{ type: 'text' as const, id: `${lessonId}-text`, html: `<p>Content of lesson ${li + 1}.</p>` }],
        renditions: withVideo
          ? [
              {
                format: 'text' as const,
                blocks: [{ type: 'text' as const, id: `${lessonId}-alt`, html: '<p>Transcript.</p>' }],
              },
            ]
          : [],
      };
    });
    return {
      id,
      title: `Module ${mi + 1}`,
      competencies: [r.pick(competencies)],
      audience,
      optional: r.chance(0.15),
      mandatoryFor,
      lessons,
    };
  });

  /** A random condition drawn from `g`: mastery, score, role and seniority tests, sometimes two joined. */
  const conditionFrom =
    (g: ReturnType<typeof prng>) =>
    (depth = 0): string => {
      const roll = g.next();
      const condition = conditionFrom(g);
      if (depth < 1 && roll < 0.2) return `${condition(depth + 1)} and ${condition(depth + 1)}`;
      if (depth < 1 && roll < 0.3) return `${condition(depth + 1)} or ${condition(depth + 1)}`;
      if (roll < 0.65)
        return `mastery(${g.pick(competencies)}) ${g.pick(['>=', '<=', '==', '>', '<'])} ${g.pick(LEVELS)}`;
      if (roll < 0.75) return `score(${g.pick(competencies)}) >= ${g.pick([0.3, 0.5, 0.8])}`;
      if (roll < 0.85) return `role == ${g.pick(roles)}`;
      if (roll < 0.92)
        return `role in [${roles
          .filter(() => g.chance(0.5))
          .concat(g.pick(roles))
          .join(', ')}]`;
      return `seniority ${g.pick(['==', '!='])} ${g.pick(['new', 'experienced', 'veteran'])}`;
    };
  const condition = conditionFrom(r);
  const moduleIds = modules.map((m) => m.id);
  const rules: NonNullable<CourseInput['rules']> = Array.from({ length: options.rules }, (_, ri) => {
    const roll = r.next();
    const targets = [...new Set([r.pick(moduleIds), ...(r.chance(0.3) ? [r.pick(moduleIds)] : [])])];
    const then =
      roll < 0.4
        ? { kind: 'skip' as const, modules: targets }
        : roll < 0.65
          ? { kind: 'recommend' as const, modules: targets }
          : roll < 0.8
            ? { kind: 'require' as const, modules: targets }
            : roll < 0.9
              ? { kind: 'optional' as const, modules: targets }
              : roll < 0.95 && moduleIds.length >= 2
                ? {
                    kind: 'offer-choice' as const,
                    modules: [...new Set([r.pick(moduleIds), r.pick(moduleIds), r.pick(moduleIds)])],
                  }
                : { kind: 'offer-formats' as const, lessons: [], formats: ['video' as const, 'text' as const] };
    const fixed =
      then.kind === 'offer-choice' && then.modules.length < 2
        ? { kind: 'recommend' as const, modules: then.modules }
        : then;
    return { id: `rule-${ri + 1}`, when: condition(), then: fixed, reason: `Reason ${ri + 1}.` };
  });

  // Choices of several draw from their own sequence, so courses generated without them stay exactly as they were.
  if (options.pickSeveral) {
    const c = prng(options.seed ^ 0x91c5);
    for (const rule of rules) {
      if (rule.then.kind !== 'offer-choice') continue;
      const modules = [...new Set([...rule.then.modules, c.pick(moduleIds), c.pick(moduleIds)])];
      Object.assign(rule, { then: { ...rule.then, modules, pick: c.int(1, modules.length - 1) } });
    }
  }

  // Prerequisites draw from their own sequence, so courses generated without them stay exactly as they were.
  if (options.prerequisites) {
    const p = prng(options.seed ^ 0x5eed);
    const choices = rules.flatMap((rule) => (rule.then.kind === 'offer-choice' ? [rule.then.modules] : []));
    modules.forEach((m, mi) => {
      if (mi === 0 || !p.chance(options.prerequisites!)) return;
      const before = moduleIds[p.int(Math.max(0, mi - 10), mi - 1)]!;
      // A module and its prerequisite cannot be alternatives of one choice.
      if (choices.some((ids) => ids.includes(m.id) && ids.includes(before))) return;
      Object.assign(m, { prerequisites: [before] });
    });
  }

  // Attributes draw from their own sequence too, so courses generated without them stay exactly as they were.
  const attributes = Array.from({ length: options.attributes ?? 0 }, (_, ai) => {
    const a = prng(options.seed ^ (0xa77 + ai));
    return {
      id: `attr-${ai + 1}`,
      label: `Attribute ${ai + 1}?`,
      values: Array.from({ length: a.int(2, 3) }, (_, vi) => ({
        id: `a${ai + 1}-v${vi + 1}`,
        label: `Value ${vi + 1}`,
      })),
    };
  });
  if (attributes.length) {
    const a = prng(options.seed ^ 0xa77a);
    const test = () => {
      const attribute = a.pick(attributes);
      const values = attribute.values.map((v) => v.id);
      return a.chance(0.3)
        ? `${attribute.id} ${a.chance(0.5) ? 'in' : 'not in'} [${values
            .filter(() => a.chance(0.5))
            .concat(a.pick(values))
            .join(', ')}]`
        : `${attribute.id} ${a.pick(['==', '!='])} ${a.pick(values)}`;
    };
    for (const rule of rules) {
      const roll = a.next();
      if (roll < 0.2) rule.when = test();
      else if (roll < 0.35) rule.when = `${test()} and (${rule.when})`;
      else if (roll < 0.45) rule.when = `${test()} or (${rule.when})`;
    }
    const target = () => {
      const attribute = a.pick(attributes);
      return `${attribute.id}=${a.pick(attribute.values).id}`;
    };
    for (const m of modules) {
      if (a.chance(0.25)) m.audience = [...m.audience, target(), ...(a.chance(0.3) ? [target()] : [])];
      if (a.chance(0.15)) m.mandatoryFor = [...(a.chance(0.5) ? [a.pick(roles)] : []), target()];
    }
  }

  // Lesson rules draw from their own sequence too, and come after every other rule.
  if (options.lessonRules) {
    const l = prng(options.seed ^ 0x1e55);
    const lessonCondition = conditionFrom(l);
    for (let i = 0; i < options.lessonRules; i++) {
      const m = l.pick(modules);
      const roll = l.next();
      const lessons =
        roll < 0.25
          ? m.lessons.map((x) => x.id)
          : [l.pick(m.lessons).id, ...(roll > 0.85 ? [l.pick(l.pick(modules).lessons).id] : [])];
      const test =
        attributes.length && l.chance(0.3)
          ? (() => {
              const attribute = l.pick(attributes);
              return `${attribute.id} ${l.pick(['==', '!='])} ${l.pick(attribute.values).id}`;
            })()
          : undefined;
      rules.push({
        id: `lesson-rule-${i + 1}`,
        when: test ? `${test} and (${lessonCondition()})` : lessonCondition(),
        then: { kind: 'skip-lessons', lessons: [...new Set(lessons)] },
        reason: `Lesson reason ${i + 1}.`,
        ...(l.chance(0.2) ? { mandateWins: true } : {}),
      });
    }
  }

  const depth = options.placementDepth ?? 2;
  const nodes: NonNullable<CourseInput['placement']>['nodes'] = [];
  if (depth > 0) {
    competencies.forEach((c, ci) => {
      for (let d = 0; d < depth; d++) {
        const qid = `q-${c}-${d + 1}`;
        questions.push({
          type: 'single',
          id: qid,
          prompt: `Question ${d + 1} on ${c}`,
          competency: c,
          choices: [
            { id: 'right', text: 'Right', correct: true },
            { id: 'wrong', text: 'Wrong', correct: false },
          ],
        });
        const nextCompetency = ci + 1 < competencies.length ? `n-${competencies[ci + 1]}-1` : 'end';
        const next = d + 1 < depth ? `n-${c}-${d + 2}` : nextCompetency;
        nodes.push({
          id: `n-${c}-${d + 1}`,
          question: qid,
          branches: d + 1 < depth ? [{ when: `misses(${c}) >= 1`, goto: nextCompetency }] : [],
          next,
        });
      }
    });
  }

  // Branches reading who the learner is draw from their own sequence too; they only ever lead further down the flow.
  if (options.placementBranches && nodes.length) {
    const b = prng(options.seed ^ 0xb4a7);
    const learnerTest = (): string => {
      const roll = b.next();
      if (attributes.length && roll < 0.45) {
        const attribute = b.pick(attributes);
        const values = attribute.values.map((v) => v.id);
        return b.chance(0.4)
          ? `${attribute.id} ${b.chance(0.5) ? 'in' : 'not in'} [${values
              .filter(() => b.chance(0.5))
              .concat(b.pick(values))
              .join(', ')}]`
          : `${attribute.id} ${b.pick(['==', '!='])} ${b.pick(values)}`;
      }
      if (roll < 0.85) return `role ${b.pick(['==', '!='])} ${b.pick(roles)}`;
      return `seniority ${b.pick(['==', '!='])} ${b.pick(['new', 'experienced', 'veteran'])}`;
    };
    const test = (): string => {
      const roll = b.next();
      if (roll < 0.15) return `${learnerTest()} and ${learnerTest()}`;
      if (roll < 0.25) return `${learnerTest()} or ${learnerTest()}`;
      if (roll < 0.4) return `${learnerTest()} and ${b.pick(['correct', 'not correct'])}`;
      return learnerTest();
    };
    const regular = nodes.length;
    // Extra questions placed after a regular node: only nodes up to it branch there, and they go on below it.
    const extras: { id: string; anchor: number }[] = [];
    competencies.forEach((c) => {
      if (!b.chance(0.6)) return;
      const anchor = b.int(0, regular - 1);
      const qid = `q-${c}-x`;
      questions.push({
        type: 'single',
        id: qid,
        prompt: `Extra question on ${c}`,
        competency: c,
        choices: [
          { id: 'right', text: 'Right', correct: true },
          { id: 'wrong', text: 'Wrong', correct: false },
        ],
      });
      extras.push({ id: `x-${c}`, anchor });
      nodes.push({ id: `x-${c}`, question: qid, next: anchor + 1 < regular ? nodes[anchor + 1]!.id : 'end' });
    });
    for (let i = 0; i < regular; i++) {
      const node = nodes[i]!;
      for (let k = b.int(0, 2); k > 0; k--) {
        const targets = [
          ...nodes.slice(i + 1, regular).map((n) => n.id),
          ...extras.filter((x) => x.anchor >= i).map((x) => x.id),
          'end',
        ];
        const branch = { when: test(), goto: b.pick(targets) };
        const list = [...(node.branches ?? [])];
        list.splice(b.int(0, list.length), 0, branch);
        node.branches = list;
      }
    }
  }

  const personaAttributes = prng(options.seed ^ 0xa77b);
  const personas = Array.from({ length: options.personas }, (_, pi) => ({
    ...(attributes.length
      ? {
          attributes: Object.fromEntries(
            attributes.flatMap((attribute) =>
              personaAttributes.chance(0.7) ? [[attribute.id, personaAttributes.pick(attribute.values).id]] : [],
            ),
          ),
        }
      : {}),
    id: `persona-${pi + 1}`,
    name: `Persona ${pi + 1}`,
    role: roles[pi % roles.length]!,
    seniority: r.pick(['new', 'experienced', 'veteran'] as const),
    prior: { mastery: Object.fromEntries(competencies.map((c) => [c, r.pick(LEVELS)])) },
    needs: { captions: r.chance(0.2), audio: r.chance(0.1), reducedMotion: r.chance(0.1) },
  }));

  return {
    format: 5,
    id: `generated-${options.seed}`,
    title: `Generated course (${options.modules} modules, seed ${options.seed})`,
    settings: { roles, ...(attributes.length ? { attributes } : {}) },
    competencies: competencies.map((id) => ({
      id,
      name: `Competency ${id}`,
      levels: LEVELS.map((level, i) => ({ id: level, name: level, minScore: [0, 0.4, 0.7, 0.95][i]! })),
    })),
    modules,
    questions,
    ...(nodes.length ? { placement: { title: 'Placement', start: nodes[0]!.id, nodes } } : {}),
    rules,
    personas,
  };
}

export const LARGE_COURSE: GeneratorOptions = {
  seed: 42,
  modules: 300,
  competencies: 12,
  rules: 200,
  personas: 8,
  prerequisites: 0.2,
  lessonRules: 20,
};

/** The two rule shapes that made enumeration explode: one rule reading k competencies, or k rules each reading one. */
export type WideRuleShape = 'one rule reading all' | 'one rule per competency';

/**
 * A course whose capstone module is decided by rules reading k competencies at once: either one
 * `require` rule AND-ing k mastery tests, or k `recommend` rules on it, each testing another score.
 */
export function wideRuleCourse(shape: WideRuleShape, k: number, seed = 7): CourseInput {
  const course = generateCourse({ seed, modules: 12, competencies: k, rules: 8, personas: 4, placementDepth: 1 });
  const competencies = Array.from({ length: k }, (_, i) => `comp-${i + 1}`);
  course.modules!.push({
    id: 'capstone',
    title: 'Capstone',
    lessons: [{ id: 'capstone-lesson', title: 'Capstone case', blocks: [] }],
  });
  const rules =
    shape === 'one rule reading all'
      ? [
          {
            id: 'experts-in-all-areas',
            when: competencies.map((c) => `mastery(${c}) >= proficient`).join(' and '),
            then: { kind: 'require' as const, modules: ['capstone'] },
            reason: 'Proficient in every area: the capstone is yours.',
          },
        ]
      : competencies.map((c, i) => ({
          id: `recommend-for-${c}`,
          when: `score(${c}) >= ${(0.3 + (0.5 * i) / k).toFixed(2)}`,
          then: { kind: 'recommend' as const, modules: ['capstone'] },
          reason: `Strong in ${c}.`,
        }));
  course.rules!.push(...rules);
  return course;
}
