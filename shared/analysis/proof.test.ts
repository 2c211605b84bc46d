import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCourse, prng } from '../../bench/generate-course';
import { EXAMPLE_NAMES, exampleJson } from '../../test/fixtures/examples';
import { loadCourseOrThrow, personaState, resolvePath, type LearnerState } from '../engine';
import { isTargeted } from '../engine/targets';
import { courseWith, moduleNamed, ruleNamed, type ModuleInput, type RuleInput } from '../engine/testing/course-builder';
import type { CourseInput } from '../model';
import { budgetFindings } from './budget';
import { exhaustiveReachability } from './exhaustive';
import { lintCourse } from './lint';
import { prove } from './proof';
import { expectProofAgreesWithEnumeration } from './testing/proof-agreement';
import { verifyCourse } from './verify';

const small = (seed: number): CourseInput =>
  generateCourse({ seed, modules: 8, competencies: 3, rules: 12, personas: 2, placementDepth: 2 });
const codes = (course: CourseInput) => prove(loadCourseOrThrow(course)).findings;
/** Gives about half the modules an audience of one role, drawn from the seed. */
function narrowAudiences(course: CourseInput, seed: number): void {
  const next = prng(seed ^ 0xa0d1);
  const roles = course.settings?.roles ?? [];
  for (const m of course.modules ?? []) if (next.chance(0.5)) m.audience = [next.pick(roles)];
}
const seeds = fc.integer({ min: 1, max: 1_000_000 });
/** A role the course gives no label, as findings name it: its id in plain words ("role-1" → "role 1"). */
const plain = (id: string) => id.replace(/-/g, ' ');

describe('the example courses', () => {
  it.each(EXAMPLE_NAMES)('%s passes the proof, the budget and lint with no findings', (name) => {
    const report = verifyCourse(exampleJson(name));
    expect(report.usable).toBe(true);
    if (!report.usable) return;
    expect(report.findings).toEqual([]);
    expect(report.budget.scorm12.fits).toBe(true);
    expect(report.stats.learners).toBeGreaterThanOrEqual(3);
  });
});

describe('the proof finds planted flaws', () => {
  it('always finds a module no learner can reach, and says why for a learner', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const course = small(seed);
        course.modules!.push({
          id: 'planted',
          title: 'Planted module',
          lessons: [{ id: 'planted-l', title: 'L', blocks: [] }],
        });
        course.rules!.push({
          id: 'planted-skip',
          when: 'true',
          then: { kind: 'skip', modules: ['planted'] },
          reason: 'Always skipped.',
        });
        const finding = codes(course).find(
          (f) => f.code === 'module-unreachable' && f.path === `modules[${course.modules!.length - 1}]`,
        );
        expect(finding).toBeDefined();
        expect(finding!.counterexample!.path).toMatch(/skipped: .*Always skipped\. \[planted-skip\]/);
      }),
      { numRuns: 60 },
    );
  });

  it('always finds two rules that contradict, with a learner for whom both hold', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const course = small(seed);
        const role = course.personas![0]!.role;
        course.modules!.push({
          id: 'contested',
          title: 'Contested',
          lessons: [{ id: 'contested-l', title: 'L', blocks: [] }],
        });
        course.rules!.push(
          {
            id: 'planted-require',
            when: `role == ${role}`,
            then: { kind: 'require', modules: ['contested'] },
            reason: 'Required.',
          },
          {
            id: 'planted-skip',
            when: 'mastery(comp-1) >= basic',
            then: { kind: 'skip', modules: ['contested'] },
            reason: 'Skipped.',
          },
        );
        const finding = codes(course).find(
          (f) => f.code === 'rules-contradict' && f.message.includes('planted-require'),
        );
        expect(finding).toBeDefined();
        expect(finding!.counterexample!.outcome['comp-1']).toMatch(/^(basic|proficient|expert)/);
      }),
      { numRuns: 60 },
    );
  });

  it('always finds a placement flow that can loop forever, naming the cycle', () => {
    fc.assert(
      fc.property(seeds, fc.nat(), (seed, pick) => {
        const course = small(seed);
        const nodes = course.placement!.nodes;
        const from = nodes.length - 1 - (pick % 2);
        const to = pick % (from + 1);
        nodes[from] = { ...nodes[from]!, next: nodes[to]!.id };
        const finding = codes(course).find((f) => f.code === 'placement-cycle');
        expect(finding).toBeDefined();
        expect(finding!.message).toContain(nodes[to]!.id);
      }),
      { numRuns: 60 },
    );
  });

  it('finds a placement question no sequence of answers reaches', () => {
    const course = small(3);
    const q = course.questions![0]!;
    course.placement!.nodes.push({ id: 'orphan', question: q.id, branches: [], next: 'end' });
    const first = course.placement!.nodes[0]!;
    first.branches = [...(first.branches ?? []), { when: 'false', goto: 'orphan' }];
    const finding = codes(course).find((f) => f.code === 'placement-question-unreachable');
    expect(finding).toMatchObject({ path: `placement.nodes[${course.placement!.nodes.length - 1}]` });
  });

  it('warns when a rule tries to skip a module mandatory for a role, with the learner', () => {
    const course = small(5);
    const role = course.personas![0]!.role;
    course.modules!.push({
      id: 'mandated',
      title: 'Mandated',
      mandatoryFor: [role],
      lessons: [{ id: 'm-l', title: 'L', blocks: [] }],
    });
    course.rules!.push({
      id: 'try-skip',
      when: 'true',
      then: { kind: 'skip', modules: ['mandated'] },
      reason: 'Skip it.',
    });
    const finding = codes(course).find((f) => f.code === 'rule-overridden-by-mandate');
    expect(finding).toMatchObject({
      path: `rules[${course.rules!.length - 1}]`,
      counterexample: { persona: expect.any(String) },
    });
  });

  it('reports a mandate the designer marked as winning over a skip rule as information, not a warning', () => {
    const course = small(5);
    const role = course.personas![0]!.role;
    course.modules!.push({
      id: 'incident-reporting',
      title: 'Incident reporting',
      mandatoryFor: [role],
      lessons: [{ id: 'ir-l', title: 'L', blocks: [] }],
    });
    course.rules!.push({
      id: 'experts-skip',
      when: 'mastery(comp-1) >= expert',
      then: { kind: 'skip', modules: ['incident-reporting'] },
      reason: 'You know this.',
      mandateWins: true,
    });
    const at = `rules[${course.rules!.length - 1}]`;
    const report = verifyCourse(course);
    if (!report.usable) throw new Error('the course must load');
    const mine = report.findings.filter((f) => f.path === at);
    expect(mine).toEqual([
      expect.objectContaining({
        severity: 'info',
        code: 'rule-yields-to-mandate',
        message: expect.stringMatching(/As intended/),
      }),
    ]);
    expect(report.notes).toBeGreaterThanOrEqual(1);
  });

  it('keeps a module outside the audience of a learner a require rule names, and warns with that learner', () => {
    const course = small(5);
    const [inside, outside] = [course.personas![0]!.role, course.personas![1]!.role];
    expect(inside).not.toBe(outside);
    course.modules!.push({
      id: 'admins-only',
      title: 'Admins only',
      audience: [inside],
      lessons: [{ id: 'a-l', title: 'L', blocks: [] }],
    });
    course.rules!.push({
      id: 'require-admin',
      when: 'true',
      then: { kind: 'require', modules: ['admins-only'] },
      reason: 'Everyone needs this.',
    });
    const index = loadCourseOrThrow(course);
    const outsider = index.course.personas.find((p) => p.role === outside)!;
    const path = resolvePath(index, personaState(index, outsider).state);
    expect(path.modules.find((m) => m.id === 'admins-only')!.status).toBe('excluded');
    const at = `rules[${course.rules!.length - 1}].when`;
    expect(prove(index).findings.find((f) => f.code === 'require-outside-audience' && f.path === at)).toMatchObject({
      counterexample: { persona: expect.any(String) },
    });
  });

  /** A small course that declares `site` (north: "North plant", south: "South depot"), with no persona giving it. */
  function withSite(seed: number): CourseInput {
    const course = small(seed);
    course.settings = {
      ...course.settings,
      attributes: [
        {
          id: 'site',
          label: 'Where do you work?',
          values: [
            { id: 'north', label: 'North plant' },
            { id: 'south', label: 'South depot' },
          ],
        },
      ],
    };
    return course;
  }

  it('names audience and mandate entries in the course’s words in its findings', () => {
    const course = withSite(5);
    const role = course.personas![0]!.role;
    course.modules!.push({
      id: 'north-only',
      title: 'North only',
      audience: ['site=north'],
      mandatoryFor: [role, 'site=north'],
      lessons: [{ id: 'n-l', title: 'L', blocks: [] }],
    });
    course.rules!.push(
      { id: 'try-skip', when: 'true', then: { kind: 'skip', modules: ['north-only'] }, reason: 'Skip it.' },
      { id: 'require-all', when: 'true', then: { kind: 'require', modules: ['north-only'] }, reason: 'Everyone.' },
    );
    const [skipAt, requireAt] = [course.rules!.length - 2, course.rules!.length - 1];
    const findings = codes(course).filter(
      (f) => f.path.startsWith(`rules[${skipAt}]`) || f.path.startsWith(`rules[${requireAt}]`),
    );
    const messages = findings.map((f) => f.message).join('\n');
    expect(findings.find((f) => f.code === 'rule-overridden-by-mandate')?.message).toContain(
      `which is mandatory for ${plain(role)} who answered “North plant”;`,
    );
    const outside = findings.find((f) => f.code === 'require-outside-audience');
    expect(outside?.message).toContain('outside its audience (learners who answered “North plant”)');
    expect(outside?.counterexample?.path).toBe('excluded: Meant for learners who answered “North plant”.');
    expect(messages).not.toMatch(/site=/);
  });

  it('warns when a mandate reaches learners an attribute audience leaves out, in the course’s words', () => {
    const course = withSite(5);
    const role = course.personas![0]!.role;
    course.modules!.push({
      id: 'north-only',
      title: 'North only',
      audience: ['site=north'],
      mandatoryFor: [role],
      lessons: [{ id: 'n-l', title: 'L', blocks: [] }],
    });
    const finding = codes(course).find((f) => f.code === 'mandate-outside-audience');
    expect(finding).toMatchObject({
      severity: 'warning',
      path: `modules[${course.modules!.length - 1}].mandatoryFor`,
      message: expect.stringContaining(
        `“North only” is mandatory for ${plain(role)}, but its audience (learners who answered “North plant”) leaves some of them out (`,
      ),
    });
    expect(finding!.message).toContain(`any ${plain(role)} who answered “South depot”`);
    expect(finding!.message).not.toMatch(/site=/);
    // The same mandate inside the audience says nothing.
    course.modules!.at(-1)!.mandatoryFor = [`${role}`, 'site=north'];
    expect(codes(course).some((f) => f.code === 'mandate-outside-audience')).toBe(false);
  });

  it('finds a module its prerequisites leave out for every learner who would get it, and says so', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const course = small(seed);
        const roles = course.settings!.roles!;
        course.modules!.push(
          {
            id: 'basics',
            title: 'Basics',
            audience: [roles[0]!],
            lessons: [{ id: 'basics-l', title: 'L', blocks: [] }],
          },
          {
            id: 'advanced',
            title: 'Advanced',
            audience: [roles[1]!],
            prerequisites: ['basics'],
            lessons: [{ id: 'advanced-l', title: 'L', blocks: [] }],
          },
        );
        const at = `modules[${course.modules!.length - 1}]`;
        const finding = codes(course).find((f) => f.code === 'module-unreachable' && f.path === at);
        expect(finding?.message).toMatch(/do not have its prerequisites \(basics\) on their path/);
        expect(finding?.counterexample?.path).toMatch(/^excluded: Comes after “Basics”, which is not on your path\.$/);
        // Without the prerequisite the same module is reachable: the finding is the prerequisite's doing.
        delete course.modules!.at(-1)!.prerequisites;
        expect(codes(course).some((f) => f.path === at)).toBe(false);
      }),
      { numRuns: 30 },
    );
  });

  it('warns when a module is mandatory for a role that never has its prerequisite', () => {
    const course = small(3);
    const roles = course.settings!.roles!;
    course.modules!.push(
      { id: 'basics', title: 'Basics', audience: [roles[0]!], lessons: [{ id: 'basics-l', title: 'L', blocks: [] }] },
      {
        id: 'audit',
        title: 'Audit',
        mandatoryFor: [roles[1]!],
        prerequisites: ['basics'],
        lessons: [{ id: 'audit-l', title: 'L', blocks: [] }],
      },
    );
    expect(codes(course).filter((f) => f.code === 'mandate-without-prerequisite')).toEqual([
      {
        severity: 'warning',
        code: 'mandate-without-prerequisite',
        path: `modules[${course.modules!.length - 1}].prerequisites[0]`,
        message: expect.stringMatching(
          new RegExp(
            `“Audit” is mandatory for ${plain(roles[1]!)}, but its prerequisite “Basics” is never on their path`,
          ),
        ),
      },
    ]);
  });

  it('finds a rule that can never apply', () => {
    const course = small(9);
    course.rules!.push({
      id: 'dead',
      when: 'mastery(comp-1) > expert',
      then: { kind: 'skip', modules: ['module-1'] },
      reason: 'Never.',
    });
    const dead = codes(course)
      .filter((f) => f.code === 'rule-never-applies')
      .map((f) => f.path);
    expect(dead).toContain(`rules[${course.rules!.length - 1}].when`);
  });

  it('finds a required module with no lessons, which stops learners finishing', () => {
    const course = small(11);
    course.modules!.push({ id: 'hollow', title: 'Hollow', lessons: [] });
    expect(codes(course).find((f) => f.code === 'required-module-empty')).toMatchObject({
      path: `modules[${course.modules!.length - 1}].lessons`,
    });
  });
});

/** Phishing: three bite-sized lessons. Rules and module options come from each test. */
const lessonCourse = (rules: RuleInput[] | undefined, phishing: Partial<ModuleInput> = {}) =>
  courseWith({
    modules: [
      moduleNamed('phishing', {
        title: 'Phishing',
        lessons: [
          { id: 'what-is', title: 'What phishing is', blocks: [] },
          { id: 'spot-it', title: 'Spot the signs', blocks: [] },
          { id: 'report-it', title: 'Report it', blocks: [] },
        ],
        ...phishing,
      }),
      moduleNamed('wrap-up'),
    ],
    rules,
  });
const experts = 'mastery(basics) >= expert';

describe('the proof of lesson rules', () => {
  it('finds a lesson rule that holds only for learners who do not take the module, with such a learner', () => {
    const course = lessonCourse(
      [ruleNamed('admins-skip', 'role == admin', { kind: 'skip-lessons', lessons: ['what-is'] })],
      {
        audience: ['teller'],
      },
    );
    expect(codes(course).filter((f) => f.path === 'rules[0]')).toEqual([
      {
        severity: 'warning',
        code: 'lesson-rule-without-effect',
        path: 'rules[0]',
        message:
          "Rule “admins-skip” never skips a lesson: whenever “role == admin” holds, “Phishing” is not on the learner's path (tested out of, or not for them). Narrow the condition to learners who take it, or remove the rule.",
        counterexample: {
          persona: 'any admin',
          outcome: {},
          path: '“Phishing” excluded: Meant for teller. (the rule names lesson “What phishing is”)',
        },
      },
    ]);
    // The same rule for the learners the module is for skips the lesson, and says nothing.
    course.rules![0]!.when = 'role == teller';
    expect(codes(course).filter((f) => f.path.startsWith('rules[0]'))).toEqual([]);
  });

  it('finds a lesson rule that holds only where a module skip already tested the learner out of the module', () => {
    const course = lessonCourse([
      ruleNamed('experts-skip-phishing', experts, { kind: 'skip', modules: ['phishing'] }),
      ruleNamed('experts-skip-basics', experts, { kind: 'skip-lessons', lessons: ['what-is', 'spot-it'] }),
    ]);
    const finding = codes(course).find((f) => f.path === 'rules[1]');
    expect(finding).toMatchObject({ code: 'lesson-rule-without-effect', severity: 'warning' });
    expect(finding!.counterexample!.outcome).toEqual({ basics: 'expert (score 0.8)' });
    expect(finding!.counterexample!.path).toMatch(
      /^“Phishing” skipped: .*Because experts-skip-phishing\. \[experts-skip-phishing\]/,
    );
  });

  it('leaves a lesson rule whose condition never holds to the rule-never-applies finding', () => {
    const course = lessonCourse([
      ruleNamed('never', 'mastery(basics) > expert', { kind: 'skip-lessons', lessons: ['what-is'] }),
    ]);
    expect(codes(course).map((f) => `${f.code} ${f.path}`)).toEqual(['rule-never-applies rules[0].when']);
  });

  it('warns when a mandate keeps a lesson rule from applying, with the learner, and names the lessons', () => {
    const course = lessonCourse(
      [ruleNamed('experts-skip-basics', experts, { kind: 'skip-lessons', lessons: ['what-is', 'spot-it'] })],
      {
        mandatoryFor: ['admin'],
      },
    );
    expect(codes(course)).toEqual([
      {
        severity: 'warning',
        code: 'rule-overridden-by-mandate',
        path: 'rules[0]',
        message:
          'Rule “experts-skip-basics” would skip lessons “What phishing is” and “Spot the signs” of “Phishing”, which is mandatory for admin; the mandate wins and the rule is ignored for them. If that is meant, set "mandateWins": true on the rule.',
        counterexample: {
          persona: 'any admin',
          outcome: { basics: 'expert (score 0.8)' },
          path: 'required: Mandatory for admin. Lesson “What phishing is”: Because experts-skip-basics. (not applied: this module is mandatory for your role)',
        },
      },
    ]);
  });

  it('reports a mandate the designer marked as winning over a lesson rule as information', () => {
    const course = lessonCourse(
      [
        {
          ...ruleNamed('experts-skip-basics', experts, { kind: 'skip-lessons', lessons: ['spot-it'] }),
          mandateWins: true,
        },
      ],
      { mandatoryFor: ['admin'] },
    );
    const report = verifyCourse(course);
    if (!report.usable) throw new Error('the course must load');
    expect(report.findings.filter((f) => f.path.startsWith('rules[0]'))).toEqual([
      expect.objectContaining({
        severity: 'info',
        code: 'rule-yields-to-mandate',
        message:
          'As intended, the mandate for admin wins over rule “experts-skip-basics”: they take lesson “Spot the signs” of “Phishing” even when the rule would skip it.',
      }),
    ]);
    expect(report.findings.filter((f) => f.severity === 'warning' && f.path.startsWith('rules'))).toEqual([]);
  });

  it('warns when lesson rules skip every lesson of a module for a learner who takes it, alone or together', () => {
    const alone = lessonCourse([
      ruleNamed('experts-skip-all', experts, { kind: 'skip-lessons', lessons: ['what-is', 'spot-it', 'report-it'] }),
    ]);
    expect(codes(alone)).toEqual([
      {
        severity: 'warning',
        code: 'module-every-lesson-skipped',
        path: 'rules[0].then.lessons',
        message:
          'For some learners who take “Phishing”, rule “experts-skip-all” skips every one of its lessons, so it stays on their path as a module to take with nothing left to do in it. If they should test out of the whole module, skip the module instead (a skip rule on “Phishing”): they then see it as tested out and may still take it anyway.',
        counterexample: {
          persona: 'any admin',
          outcome: { basics: 'expert (score 0.8)' },
          path: 'required: Part of the course. Every lesson skipped by [experts-skip-all].',
        },
      },
    ]);
    const together = lessonCourse([
      ruleNamed('experts-skip-basics', experts, { kind: 'skip-lessons', lessons: ['what-is', 'spot-it'] }),
      ruleNamed('tellers-skip-reporting', 'role == teller', { kind: 'skip-lessons', lessons: ['report-it'] }),
    ]);
    expect(codes(together)).toEqual([
      expect.objectContaining({
        code: 'module-every-lesson-skipped',
        message: expect.stringContaining(
          'rules “experts-skip-basics” and “tellers-skip-reporting” together skip every one',
        ),
        counterexample: expect.objectContaining({ persona: 'any teller', outcome: { basics: 'expert (score 0.8)' } }),
      }),
    ]);
    // Nobody who takes the module loses every lesson: admins keep "Report it", and the module is mandatory for tellers.
    const kept = lessonCourse(together.rules, { mandatoryFor: ['teller'] });
    // Tellers, whom "tellers-skip-reporting" is for, must take the module: that rule never skips anything.
    expect(codes(kept).map((f) => `${f.code} ${f.path}`)).toEqual([
      'rule-overridden-by-mandate rules[0]',
      'rule-overridden-by-mandate rules[1]',
      'lesson-rule-without-effect rules[1]',
    ]);
  });

  it('names roles by the course’s labels in every finding, and by their ids in plain words where it has none', () => {
    const course = lessonCourse(
      [
        ruleNamed('novices-skip-basics', 'mastery(basics) < expert', { kind: 'skip-lessons', lessons: ['what-is'] }),
        ruleNamed('experts-skip', experts, { kind: 'skip', modules: ['phishing'] }),
      ],
      { mandatoryFor: ['forklift-driver'], audience: ['teller'] },
    );
    course.settings = {
      roles: ['teller', 'forklift-driver', 'admin'],
      labels: { 'forklift-driver': 'Forklift driver', teller: 'Bank teller' },
    };
    const findings = codes(course);
    const text = JSON.stringify(findings);
    expect(findings.map((f) => f.code).sort()).toEqual([
      'mandate-outside-audience',
      'rule-overridden-by-mandate',
      'rule-overridden-by-mandate',
    ]);
    expect(text).toContain('mandatory for Forklift driver, but its audience (Bank teller) leaves Forklift driver out');
    expect(text).toContain('"persona":"any Forklift driver"');
    expect(text).not.toMatch(/forklift-driver|"any teller"/);
  });
});

describe('mandates', () => {
  it('never let a module or a lesson of a module mandatory for a learner be skipped, whatever rules hold and the learner picks', () => {
    let mandatedWithLessonRules = 0;
    fc.assert(
      fc.property(seeds, fc.nat(), (seed, draw) => {
        const course = generateCourse({
          seed,
          modules: 10,
          competencies: 3,
          rules: 14,
          personas: 2,
          placementDepth: 1,
          prerequisites: 0.3,
          attributes: seed % 3,
          pickSeveral: true,
          lessonRules: 8,
        });
        const index = loadCourseOrThrow(course);
        const next = prng(draw);
        const levels = ['none', 'basic', 'proficient', 'expert'];
        const scores = [0.1, 0.5, 0.8, 1];
        const level = index.competencyIds.map(() => next.int(0, 3));
        const state: LearnerState = {
          role: next.pick([...index.roles]),
          ...(index.attributes.size
            ? { attributes: Object.fromEntries([...index.attributes].map(([a, values]) => [a, next.pick(values)])) }
            : {}),
          needs: { captions: false, audio: false, reducedMotion: false },
          mastery: Object.fromEntries(index.competencyIds.map((c, i) => [c, levels[level[i]!]!])),
          scores: Object.fromEntries(index.competencyIds.map((c, i) => [c, scores[level[i]!]!])),
          takeAnyway: index.course.modules.filter(() => next.chance(0.2)).map((m) => m.id),
          formats: {},
          picks: Object.fromEntries(
            index.course.rules.flatMap((r) =>
              r.then.kind === 'offer-choice' && next.chance(0.7)
                ? [[r.id, r.then.modules.filter(() => next.chance(0.5))]]
                : [],
            ),
          ),
          completed: [],
        };
        const path = resolvePath(index, state);
        index.course.modules.forEach((m, mi) => {
          if (!isTargeted(m.mandatoryFor, state)) return;
          const laid = path.modules[mi]!;
          expect(laid.status, m.id).toBe('required');
          expect(laid.lessons.filter((l) => l.skipped)).toEqual([]);
          if (laid.lessons.some((l) => l.reasons.length > 0)) mandatedWithLessonRules++;
        });
      }),
      // A fixed seed: the counts below say what the generator plants, so they must not depend on the draw
      { numRuns: 300, seed: 20261207 },
    );
    // Lesson rules that hold do meet modules mandatory for the learner, so the property is tested where it matters.
    expect(mandatedWithLessonRules).toBeGreaterThan(5);
  });
});

describe('the projected proof', () => {
  it('agrees with exhaustive enumeration on modules, rules, choices and lesson rules, on courses with every construct', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const course = generateCourse({
          seed,
          modules: 8,
          competencies: 3,
          rules: 10,
          personas: 2,
          placementDepth: 2,
          prerequisites: 0.5,
          attributes: seed % 3,
          placementBranches: true,
          pickSeveral: true,
          lessonRules: 6,
        });
        narrowAudiences(course, seed);
        expectProofAgreesWithEnumeration(loadCourseOrThrow(course));
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it.each([
    ['without prerequisites', 0, 0],
    ['with prerequisites on half the modules', 0.5, 0],
    ['with learner attributes the course declares in rules, audiences, mandates and personas', 0.5, 2],
  ])('agrees with exhaustive enumeration on which modules someone can reach, %s', (_, prerequisites, attributes) => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const course = generateCourse({
          seed,
          modules: 8,
          competencies: 3,
          rules: 12,
          personas: 2,
          placementDepth: 2,
          prerequisites,
          attributes,
        });
        // Narrow audiences make prerequisites bite: a module after one meant for another role is left out.
        if (prerequisites) narrowAudiences(course, seed);
        const index = loadCourseOrThrow(course);
        const exhaustive = exhaustiveReachability(index);
        expect(exhaustive.complete).toBe(true);
        const unreachable = new Set(
          prove(index)
            .findings.filter((f) => f.code === 'module-unreachable')
            .map((f) => index.course.modules[Number(/\[(\d+)\]/.exec(f.path)![1])]!.id),
        );
        for (const m of index.course.modules) expect(unreachable.has(m.id), m.id).toBe(!exhaustive.reachable.has(m.id));
      }),
      { numRuns: 80 },
    );
  });
});

describe('lint', () => {
  it('finds each authoring slip at its JSON path', () => {
    const course = small(13);
    course.modules![0]!.lessons[0]!.blocks = [
      { type: 'image', id: 'no-alt', src: 'assets/a.png', alt: '' },
      { type: 'video', id: 'no-captions', src: 'assets/v.mp4' },
      { type: 'audio', id: 'no-transcript', src: 'assets/a.mp3' },
    ];
    course.questions!.push(
      {
        type: 'single',
        id: 'no-answer',
        prompt: 'Q',
        choices: [
          { id: 'a', text: 'A' },
          { id: 'b', text: 'B' },
        ],
      },
      {
        type: 'single',
        id: 'two-answers',
        prompt: 'Q',
        choices: [
          { id: 'a', text: 'A', correct: true },
          { id: 'b', text: 'B', correct: true },
        ],
      },
    );
    course.modules!.push({ id: 'nothing', title: 'Nothing', lessons: [] });
    const found = lintCourse(loadCourseOrThrow(course)).map((f) => `${f.code} ${f.path}`);
    const q = course.questions!.length;
    expect(found).toEqual(
      expect.arrayContaining([
        'image-without-alt modules[0].lessons[0].blocks[0].alt',
        'video-without-captions modules[0].lessons[0].blocks[1].captions',
        'video-without-transcript modules[0].lessons[0].blocks[1].transcript',
        'audio-without-transcript modules[0].lessons[0].blocks[2].transcript',
        `question-without-answer questions[${q - 2}].choices`,
        `question-several-answers questions[${q - 1}].choices`,
        `unlinked-question questions[${q - 1}]`,
        `empty-module modules[${course.modules!.length - 1}].lessons`,
      ]),
    );
  });
});

describe('tracking budget', () => {
  it('warns for SCORM 1.2 and 2004 3rd Edition (4000) and refuses SCORM 2004 4th when the worst case is too large', () => {
    expect(
      budgetFindings({
        worstCaseChars: 5000,
        scorm12: { limit: 4096, fits: false },
        scorm2004Third: { limit: 4000, fits: false },
        scorm2004: { limit: 64000, fits: true },
      }),
    ).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'budget-scorm12',
        message: expect.stringMatching(/5000 characters.*SCORM 1\.2 allows \(4096\)/),
      }),
      expect.objectContaining({
        severity: 'warning',
        code: 'budget-scorm2004-3rd',
        message: expect.stringMatching(/5000 characters.*SCORM 2004 3rd Edition promises to store \(4000\)/),
      }),
    ]);
    expect(
      budgetFindings({
        worstCaseChars: 70000,
        scorm12: { limit: 4096, fits: false },
        scorm2004Third: { limit: 4000, fits: false },
        scorm2004: { limit: 64000, fits: false },
      }),
    ).toHaveLength(2);
  });

  it('grows with the course: more lessons, more progress to store', () => {
    const a = verifyCourse(generateCourse({ seed: 1, modules: 10, competencies: 2, rules: 5, personas: 2 }));
    const b = verifyCourse(generateCourse({ seed: 1, modules: 1000, competencies: 2, rules: 5, personas: 2 }));
    if (!a.usable || !b.usable) throw new Error('generated courses must load');
    expect(b.budget.worstCaseChars).toBeGreaterThan(a.budget.worstCaseChars + 300);
  });
});
