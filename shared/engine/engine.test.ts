import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCourse } from '../../bench/generate-course';
import { exampleIndex } from '../../test/fixtures/examples';
import type { Persona } from '../model';
import { loadCourse, loadCourseOrThrow } from './course-index';
import { feedbackFor, grade } from './grade';
import type { LearnerState } from './learner';
import { personaState } from './persona-state';
import { runPlacement } from './placement';
import { resolvePath } from './resolve';

const purchase = exampleIndex('purchase-approvals');
const shop = exampleIndex('shop-floor-safety');
const persona = (index: typeof purchase, id: string) => index.course.personas.find((p) => p.id === id)! as Persona;
const statusOf = (path: ReturnType<typeof resolvePath>, id: string) => path.modules.find((m) => m.id === id)!.status;

describe('grading', () => {
  const q = (id: string) => purchase.questions.get(id)!;
  it('grades each question type and never throws on a malformed answer', () => {
    expect(grade(q('p-policy-1'), 'a').correct).toBe(true);
    expect(grade(q('p-policy-1'), 'z').correct).toBe(false);
    expect(grade(q('p-thr-2'), false).correct).toBe(true);
    expect(grade(q('p-vendor-2'), ['coi', 'bank', 'sanctions']).correct).toBe(true);
    expect(grade(q('p-vendor-2'), ['bank', 'sanctions']).correct).toBe(false);
    expect(grade(q('p-vendor-2'), 'bank').correct).toBe(false);
    expect(grade(q('k-bank-change'), '  Phone ').correct).toBe(true);
    expect(grade(q('p-negotiation-self'), 4)).toEqual({ correct: null, score: 0.75 });
  });

  it('gives the choice’s own feedback first, then the general one', () => {
    expect(feedbackFor(q('p-vendor-1'), 'b')).toMatch(/spoof/);
    expect(feedbackFor(q('k-three-questions'), 'a')).toMatch(/three questions are/);
    expect(feedbackFor(q('p-thr-2'), false)).toMatch(/Right/);
  });
});

describe('placement runner', () => {
  it('follows the branches: a right first answer goes to the hard question', () => {
    const answers: Record<string, string | boolean> = { 'p-policy-1': 'a', 'p-policy-3': 'a' };
    const result = runPlacement(purchase, (q) => answers[q.id]);
    expect(result.steps.map((s) => s.node)).toEqual(['policy-1', 'policy-hard']);
    expect(result.ended).toBe('unanswered');
  });

  it('ends a competency’s section after two misses on the basics', () => {
    const answers: Record<string, string> = { 'p-policy-1': 'b', 'p-policy-2': 'b', 'p-thr-1': 'a', 'p-thr-3': 'a' };
    const result = runPlacement(purchase, (q) => answers[q.id]);
    expect(result.steps.map((s) => s.node)).toEqual(['policy-1', 'policy-easy', 'thresholds-1', 'thresholds-easy']);
    expect(result.ended).toBe('unanswered');
    expect(result.mastery.policy).toBe('none');
    expect(result.evidence.policy!.questions).toEqual([
      { question: 'p-policy-1', correct: false },
      { question: 'p-policy-2', correct: false },
    ]);
  });

  it('branches on the choice picked, not only on right or wrong', () => {
    const result = runPlacement(shop, (q) => (q.id === 's-hazards-1' ? 'b' : undefined));
    expect(result.steps[0]).toMatchObject({ node: 'hazards-1', branch: 0 });
  });

  it('turns a self-rating into a level for a competency with no graded questions', () => {
    const { placement } = personaState(purchase, persona(purchase, 'ben'));
    expect(placement.ended).toBe('end');
    expect(placement.evidence.negotiation).toMatchObject({ source: 'self-rating', level: 'expert' });
  });

  it('keeps the prior level for competencies the test never asked about', () => {
    const result = runPlacement(purchase, () => undefined, { vendors: 'proficient' });
    expect(result.mastery.vendors).toBe('proficient');
    expect(result.evidence.vendors!.source).toBe('prior');
  });
});

describe('path resolver', () => {
  it('skips what a veteran tested out of, with the rule and the evidence', () => {
    const { state } = personaState(purchase, persona(purchase, 'victor'));
    const path = resolvePath(purchase, state);
    const why = path.modules.find((m) => m.id === 'why-policy')!;
    expect(why.status).toBe('skipped');
    expect(why.reasons.at(-1)).toMatchObject({
      kind: 'rule',
      rule: 'skip-why-policy',
      evidence: ['policy: expert (score 1.00)'],
    });
  });

  it('never lets a rule skip a module that is mandatory for the learner’s role', () => {
    const { state } = personaState(shop, persona(shop, 'dana'));
    const path = resolvePath(shop, state);
    expect(statusOf(path, 'forklift-traffic')).toBe('required');
    expect(statusOf(path, 'site-induction')).toBe('required');
  });

  it('lets require win over skip', () => {
    const { state } = personaState(purchase, persona(purchase, 'nadia'));
    const path = resolvePath(purchase, {
      ...state,
      mastery: { ...state.mastery, thresholds: 'expert' },
      seniority: 'new',
    });
    expect(statusOf(path, 'thresholds')).toBe('required');
  });

  it('leaves out modules meant for other roles, saying for whom they are', () => {
    const { state } = personaState(shop, persona(shop, 'olga'));
    const path = resolvePath(shop, state);
    expect(statusOf(path, 'site-induction')).toBe('excluded');
    expect(path.modules.find((m) => m.id === 'site-induction')!.reasons[0]!.text).toMatch(/Meant for floor operator/);
    expect(statusOf(path, 'visitor-briefing')).toBe('required');
  });

  it('offers a choice, then follows the pick', () => {
    const { state } = personaState(purchase, persona(purchase, 'nadia'));
    const before = resolvePath(purchase, state);
    expect(statusOf(before, 'case-software')).toBe('choice');
    expect(before.finished).toBe(false);
    const after = resolvePath(purchase, { ...state, picks: { 'choose-case-study': 'case-services' } });
    expect(statusOf(after, 'case-services')).toBe('required');
    expect(statusOf(after, 'case-software')).toBe('excluded');
  });

  it('puts a skipped module back when the learner takes it anyway', () => {
    const { state } = personaState(purchase, persona(purchase, 'victor'));
    const path = resolvePath(purchase, { ...state, takeAnyway: ['why-policy'] });
    expect(statusOf(path, 'why-policy')).toBe('optional');
    expect(path.modules.find((m) => m.id === 'why-policy')!.reasons.at(-1)!.kind).toBe('learner');
  });

  it('gives the audio version to a learner who needs audio, and the picked format otherwise', () => {
    const { state } = personaState(shop, persona(shop, 'femi'));
    const walkaround = (s: LearnerState) => resolvePath(shop, s).modules[0]!.lessons[0]!;
    expect(walkaround(state)).toMatchObject({ format: 'video', formats: ['video', 'text', 'audio'] });
    expect(walkaround({ ...state, needs: { ...state.needs, audio: true } }).format).toBe('audio');
    expect(walkaround({ ...state, formats: { walkaround: 'text' } }).format).toBe('text');
  });

  it('suggests the next required lesson, then a recommended one, and knows when the learner is done', () => {
    const { state } = personaState(purchase, persona(purchase, 'victor'));
    const start = resolvePath(purchase, state);
    expect(start.next).toMatchObject({ module: 'thresholds', lesson: 'thr-table' });
    const allRequired = ['thr-table', 'thr-delegate', 'thr-check', 'desk-review', 'case-software-story'];
    const done = resolvePath(purchase, {
      ...state,
      completed: allRequired,
      picks: { 'choose-case-study': 'case-software' },
    });
    expect(done.finished).toBe(true);
    expect(done.next).toMatchObject({
      module: 'exceptions',
      reason: expect.stringMatching(/^Suggested: Approvers and veterans/),
    });
  });

  it('is deterministic: the same state always gives the same path', () => {
    const { state } = personaState(shop, persona(shop, 'sam'));
    expect(resolvePath(shop, state)).toEqual(resolvePath(shop, structuredClone(state)));
  });

  it('property: no learner ever skips, or may drop, a module mandatory for their role', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 1_000_000 }), (seed, stateSeed) => {
        const index = loadCourseOrThrow(
          generateCourse({ seed, modules: 12, competencies: 3, rules: 25, personas: 3, prerequisites: 0.5 }),
        );
        const levels = ['none', 'basic', 'proficient', 'expert'];
        const mastery = Object.fromEntries(index.competencyIds.map((c, i) => [c, levels[(stateSeed >> (2 * i)) & 3]!]));
        const role = [...index.roles][stateSeed % index.roles.size];
        const state: LearnerState = {
          role,
          seniority: ['new', 'experienced', 'veteran'][stateSeed % 3],
          needs: { captions: false, audio: false, reducedMotion: false },
          mastery,
          scores: Object.fromEntries(index.competencyIds.map((c) => [c, levels.indexOf(mastery[c]!) / 4])),
          takeAnyway: [],
          formats: {},
          picks: {},
          completed: [],
        };
        const path = resolvePath(index, state);
        for (const [mi, m] of index.course.modules.entries())
          if (role && m.mandatoryFor.includes(role)) expect(path.modules[mi]!.status).toBe('required');
      }),
      { numRuns: 200 },
    );
  });
});

describe('loading a course', () => {
  it('names the JSON path and what is wrong for schema errors', () => {
    const load = loadCourse({ format: 1, id: 'x', title: '', modules: [{ id: 'Bad Id', title: 'M', lessons: [] }] });
    expect(load.ok).toBe(false);
    if (load.ok) return;
    expect(load.problems).toEqual(
      expect.arrayContaining([
        { path: 'title', message: 'must not be empty' },
        { path: 'modules[0].id', message: expect.stringMatching(/must start with a lower-case letter/) },
      ]),
    );
  });

  it('names the rule whose condition is wrong, with the place in the condition', () => {
    const load = loadCourse({
      format: 1,
      id: 'x',
      title: 'X',
      competencies: [
        {
          id: 'safety',
          name: 'Safety',
          levels: [
            { id: 'none', name: 'None', minScore: 0 },
            { id: 'ok', name: 'OK', minScore: 0.5 },
          ],
        },
      ],
      modules: [{ id: 'm', title: 'M', lessons: [] }],
      rules: [
        { id: 'r1', when: 'mastery(safty) >= ok', then: { kind: 'skip', modules: ['m'] }, reason: 'Because.' },
        { id: 'r2', when: 'mastery(safety) >= ok', then: { kind: 'skip', modules: ['ghost'] }, reason: 'Because.' },
        { id: 'r3', when: 'mastery(safety) >=', then: { kind: 'skip', modules: ['m'] }, reason: 'Because.' },
      ],
    });
    expect(load.ok).toBe(false);
    if (load.ok) return;
    expect(load.problems).toEqual([
      {
        path: 'rules[0].when',
        message: expect.stringMatching(
          /no competency "safty".*Did you mean "safety".*at character 9: mastery\(⟨here⟩safty\)/,
        ),
      },
      { path: 'rules[1].then.modules[0]', message: 'there is no module "ghost"' },
      { path: 'rules[2].when', message: expect.stringMatching(/expected a value, found the end of the condition/) },
    ]);
  });

  it('refuses broken placement references and duplicate ids, naming each place', () => {
    const load = loadCourse({
      format: 1,
      id: 'x',
      title: 'X',
      questions: [{ type: 'true-false', id: 'q', prompt: 'Q?', answer: true }],
      modules: [
        { id: 'a', title: 'A', lessons: [] },
        { id: 'a', title: 'A again', lessons: [] },
      ],
      placement: { title: 'P', start: 'n1', nodes: [{ id: 'n1', question: 'q2', next: 'n9' }] },
    });
    expect(load.ok).toBe(false);
    if (load.ok) return;
    expect(load.problems).toEqual([
      { path: 'modules[1].id', message: '"a" is already used by modules[0]' },
      { path: 'placement.nodes[0].question', message: 'there is no question "q2"' },
      {
        path: 'placement.nodes[0].next',
        message: 'there is no placement node "n9" (use "end" to finish). Did you mean "n1"?',
      },
    ]);
  });

  it('points at the misspelt name and suggests the one meant, for modules, questions, attributes and levels', () => {
    const course = structuredClone(purchase.course) as Record<string, unknown> & typeof purchase.course;
    const rules = course.rules as { id: string; when: string; then: { kind: string; modules?: string[] } }[];
    rules[0]!.then.modules = [rules[0]!.then.modules![0]!.replace(/.$/, '')];
    rules[1]!.when = 'senority == new';
    rules[2]!.when = 'mastery(vendorz) >= proficient';
    const persona0 = course.personas[0] as {
      prior: { mastery: Record<string, string>; answers: Record<string, unknown> };
    };
    persona0.prior.answers = { 'p-policy-l': 'a' };
    const load = loadCourse(course);
    expect(load.ok).toBe(false);
    if (load.ok) return;
    const byPath = Object.fromEntries(load.problems.map((p) => [p.path, p.message]));
    expect(byPath['rules[0].then.modules[0]']).toMatch(/there is no module ".*"\. Did you mean ".*"\?/);
    expect(byPath['rules[1].when']).toMatch(
      /no variable "senority".*Did you mean "seniority"\?.*at character 1: ⟨here⟩senority/,
    );
    expect(byPath['rules[2].when']).toMatch(/Did you mean "vendors"\?.*mastery\(⟨here⟩vendorz\)/);
    expect(byPath['personas[0].prior.answers.p-policy-l']).toMatch(
      /no question "p-policy-l"\. Did you mean "p-policy-1"\?/,
    );
  });

  it('suggests the key meant for an unknown key such as mandatory_for', () => {
    const course = structuredClone(purchase.course) as unknown as { modules: Record<string, unknown>[] };
    course.modules[0]!['mandatory_for'] = ['buyer'];
    const load = loadCourse(course);
    expect(load.ok).toBe(false);
    if (!load.ok)
      expect(load.problems).toEqual([
        { path: 'modules[0]', message: expect.stringMatching(/mandatory_for.*Did you mean "mandatoryFor"\?/) },
      ]);
  });

  it('refuses a persona answer that names a choice the question does not have', () => {
    const course = structuredClone(purchase.course);
    const single = course.questions.find((q) => q.type === 'single')!;
    course.personas[0]!.prior.answers = { [single.id]: 'zz' };
    const load = loadCourse(course);
    expect(load.ok).toBe(false);
    if (load.ok) return;
    expect(load.problems).toEqual([
      {
        path: `personas[0].prior.answers.${single.id}`,
        message: expect.stringMatching(new RegExp(`"zz" is not a choice of question "${single.id}" \\(`)),
      },
    ]);
  });

  it('refuses asset paths that could leave the course folder', () => {
    const load = loadCourse({
      format: 1,
      id: 'x',
      title: 'X',
      modules: [
        {
          id: 'm',
          title: 'M',
          lessons: [
            { id: 'l', title: 'L', blocks: [{ type: 'image', id: 'i', src: 'assets/../../etc/passwd', alt: 'x' }] },
          ],
        },
      ],
    });
    expect(load.ok).toBe(false);
    if (!load.ok) expect(load.problems[0]!.path).toBe('modules[0].lessons[0].blocks[0].src');
  });
});
