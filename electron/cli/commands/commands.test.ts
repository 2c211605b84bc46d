import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCourse } from '../../../bench/generate-course';
import { EXAMPLES_DIR } from '../../../test/fixtures/examples';
import { useTempDirs } from '../../../test/fixtures/temp-dir';
import type { CourseInput } from '../../../shared/model';
import { runCli } from '../tailor';

const tempDir = useTempDirs();

async function tailor(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    (l) => void out.push(l),
    (l) => void err.push(l),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function courseFolder(json: unknown): string {
  const dir = join(tempDir(), 'course');
  mkdirSync(dir);
  writeFileSync(join(dir, 'course.json'), typeof json === 'string' ? json : JSON.stringify(json));
  return dir;
}

describe('tailor verify', () => {
  it('exits 0 and says so for a clean course', async () => {
    const result = await tailor('verify', join(EXAMPLES_DIR, 'shop-floor-safety'), '--no-smoke');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/clean: every persona and placement outcome gets a valid path/);
    expect(result.out).toMatch(/smoke run: skipped, turned off with --no-smoke/);
  });

  it('exits 1 and lists findings with their paths and a counterexample', async () => {
    const course = generateCourse({ seed: 4, modules: 8, competencies: 3, rules: 12, personas: 2 });
    course.modules!.push({ id: 'planted', title: 'Planted', lessons: [{ id: 'p-l', title: 'L', blocks: [] }] });
    course.rules!.push({
      id: 'planted-skip',
      when: 'true',
      then: { kind: 'skip', modules: ['planted'] },
      reason: 'Always.',
    });
    const result = await tailor('verify', courseFolder(course), '--no-smoke');
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/error {3}modules\[8\]: No learner ever gets “Planted”.*\[module-unreachable\]/);
    expect(result.out).toMatch(/e\.g\. persona-1/);
  });

  it('exits 2 with the JSON path for a course that does not match the schema', async () => {
    const result = await tailor(
      'verify',
      courseFolder({ format: 1, id: 'x', title: 'X', modules: [{ id: 'm', lessons: [] }] }),
    );
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/modules\[0\]\.title: /);
  });

  it('exits 2 with line and column for a course.json that is not JSON', async () => {
    const result = await tailor('verify', courseFolder('{\n  "format": 1,\n  "id": "x",,\n}'));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/not valid JSON at line 3, column/);
  });

  it('exits 2 for a path with no course', async () => {
    const result = await tailor('verify', join(tempDir(), 'nothing'));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/There is no course at/);
  });

  it('reports machine-readable JSON with --json', async () => {
    const result = await tailor('verify', join(EXAMPLES_DIR, 'purchase-approvals'), '--json', '--no-smoke');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out) as { usable: boolean; errors: number; budget: { worstCaseChars: number } };
    expect(report).toMatchObject({ usable: true, errors: 0 });
    expect(report.budget.worstCaseChars).toBeGreaterThan(0);
  });
});

describe('media the course refers to', () => {
  /** The safety example with one captions file gone from assets/. */
  function safetyWithoutCaptions() {
    const dir = join(tempDir(), 'safety');
    cpSync(join(EXAMPLES_DIR, 'shop-floor-safety'), dir, { recursive: true });
    rmSync(join(dir, 'assets', 'forklift-crossing.en.vtt'));
    const json = readFileSync(join(dir, 'course.json'), 'utf8');
    const path = /modules\[\d+\]\.lessons\[\d+\]\.blocks\[\d+\]\.captions\[\d+\]\.src/;
    return { dir, json, path };
  }

  it('verify reports a missing captions file as an error at its JSON path, naming the file', async () => {
    const { dir, path } = safetyWithoutCaptions();
    const result = await tailor('verify', dir, '--no-smoke');
    expect(result.code).toBe(1);
    expect(result.out).toMatch(
      new RegExp(
        `error {3}${path.source}: “assets/forklift-crossing\\.en\\.vtt” is not among the course's media.*\\[media-missing\\]`,
      ),
    );
  });

  it('export refuses a course with a missing media file and writes nothing', async () => {
    const { dir } = safetyWithoutCaptions();
    const out = join(tempDir(), 'safety.zip');
    const result = await tailor('export', dir, '--standard', 'scorm12', '--out', out);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/assets\/forklift-crossing\.en\.vtt” is not among the course's media/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('learner attributes the course declares', () => {
  /** The safety example with one edit to its course.json. */
  function safetyWith(edit: (json: string) => string) {
    const dir = join(tempDir(), 'safety');
    cpSync(join(EXAMPLES_DIR, 'shop-floor-safety'), dir, { recursive: true });
    const file = join(dir, 'course.json');
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    return dir;
  }

  it('verify refuses a rule reading an attribute no learner can give, pointing at it with a suggestion', async () => {
    const dir = safetyWith((json) => json.replace('site != warehouse', 'sites != warehouse'));
    const result = await tailor('verify', dir, '--no-smoke');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/rules\[\d+\]\.when: there is no variable "sites" in rules\. Did you mean "site"\?/);
  });

  it('export --set fixes the course’s own attribute for the package, and refuses a value it does not have', async () => {
    const dir = join(EXAMPLES_DIR, 'shop-floor-safety');
    const out = join(tempDir(), 'warehouse.zip');
    const written = await tailor('export', dir, '--standard', 'scorm12', '--set', 'site=warehouse', '--out', out);
    expect(written.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const refused = join(tempDir(), 'office.zip');
    const result = await tailor('export', dir, '--standard', 'scorm12', '--set', 'site=office', '--out', refused);
    expect(result.code).not.toBe(0);
    expect(result.err).toMatch(/"office" is not a site of this course \(choose from plant, warehouse\)/);
    expect(existsSync(refused)).toBe(false);
  });
});

describe('tailor verify: smoke run', () => {
  it('plays matching and ordering placement questions as each persona would answer them', async () => {
    const dir = join(tempDir(), 'safety');
    cpSync(join(EXAMPLES_DIR, 'shop-floor-safety'), dir, { recursive: true });
    const course = JSON.parse(readFileSync(join(dir, 'course.json'), 'utf8')) as CourseInput;
    const competency = course.competencies![0]!.id;
    course.questions!.push(
      {
        type: 'ordering',
        id: 'q-order',
        prompt: 'Put the lockout steps in order',
        competency,
        items: [
          { id: 's1', text: 'Stop the machine' },
          { id: 's2', text: 'Isolate power' },
          { id: 's3', text: 'Lock and tag' },
        ],
      },
      {
        type: 'matching',
        id: 'q-match',
        prompt: 'Match each sign to its meaning',
        competency,
        pairs: [
          { id: 'm1', left: 'Red', right: 'Stop' },
          { id: 'm2', left: 'Blue', right: 'Must do' },
        ],
      },
    );
    const placement = course.placement!;
    placement.nodes.unshift(
      { id: 'n-order', question: 'q-order', next: 'n-match' },
      { id: 'n-match', question: 'q-match', next: placement.start },
    );
    placement.start = 'n-order';
    for (const persona of course.personas!)
      if (persona.prior?.answers && Object.keys(persona.prior.answers).length)
        Object.assign(persona.prior.answers, { 'q-order': ['s1', 's2', 's3'], 'q-match': ['m2', 'm1'] });
    writeFileSync(join(dir, 'course.json'), JSON.stringify(course));
    const result = await tailor('verify', dir);
    expect(result.out).not.toMatch(/FAILED/);
    expect(result.out.match(/played through to "completed" in Chromium/g)).toHaveLength(course.personas!.length);
    expect(result.code).toBe(0);
  }, 120_000);

  it('plays every persona through the exported package in Chromium and reports each', async () => {
    const result = await tailor('verify', join(EXAMPLES_DIR, 'purchase-approvals'));
    expect(result.code, result.out + result.err).toBe(0);
    for (const persona of ['nadia', 'victor', 'ben', 'rosa'])
      expect(result.out).toContain(`smoke run: ${persona} played through to "completed" in Chromium`);
  }, 120_000);
});

describe('tailor paths', () => {
  it('shows every persona’s path with reasons', async () => {
    const result = await tailor('paths', join(EXAMPLES_DIR, 'purchase-approvals'));
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Victor, veteran approver \(approver\)/);
    expect(result.out).toMatch(/skip {5}Why the approvals policy exists: .*already know why the policy exists/);
    expect(result.out).toMatch(/take {5}Approval thresholds and delegation of authority: Mandatory for approver/);
  });

  it('picks one persona by id or by part of the name, as JSON', async () => {
    const result = await tailor('paths', join(EXAMPLES_DIR, 'shop-floor-safety'), '--persona', 'olga', '--json');
    const [only] = JSON.parse(result.out) as [
      { persona: { id: string }; path: { modules: { id: string; status: string }[] } },
    ];
    expect(only.persona.id).toBe('olga');
    expect(only.path.modules.find((m) => m.id === 'visitor-briefing')!.status).toBe('required');
    expect((await tailor('paths', join(EXAMPLES_DIR, 'shop-floor-safety'), '--persona', 'forklift')).out).toMatch(
      /^Dana/,
    );
  });

  it('predicts, per persona, the result the LMS will hold once the package is played through', async () => {
    const result = await tailor('paths', join(EXAMPLES_DIR, 'purchase-approvals'), '--json');
    const all = JSON.parse(result.out) as {
      persona: { id: string };
      lms: {
        finished: boolean;
        completed: boolean;
        passed: boolean | null;
        score: number | null;
        objectives: { id: string; completed: boolean; success: string; score: number | null }[];
        lessons: string[];
      };
    }[];
    expect(all.map((p) => p.persona.id)).toEqual(['nadia', 'victor', 'ben', 'rosa']);
    const rosa = all.find((p) => p.persona.id === 'rosa')!.lms;
    expect(rosa).toMatchObject({ finished: true, completed: true, passed: true, score: 1 });
    // Rosa has no placement answers: she answers them from prior knowledge, below mastery, so wrong.
    expect(rosa.objectives.find((o) => o.id === 'vendors')).toEqual({
      id: 'vendors',
      completed: true,
      success: 'failed',
      score: 0,
    });
    expect(rosa.objectives.find((o) => o.id === 'negotiation')!.success).toBe('unknown');
    expect(rosa.lessons.length).toBeGreaterThan(0);
    expect((await tailor('paths', join(EXAMPLES_DIR, 'purchase-approvals'), '--persona', 'rosa')).out).toMatch(
      /LMS after playing it through: completed, passed, score 100%\n {4}objectives: policy failed/,
    );
  });

  it('predicts a failing score for a persona whose profile answers a knowledge check wrong', async () => {
    const result = await tailor('paths', join(EXAMPLES_DIR, 'shop-floor-safety'), '--persona', 'sam', '--json');
    expect(result.code).toBe(0);
    const [sam] = JSON.parse(result.out) as { lms: { completed: boolean; passed: boolean | null; score: number } }[];
    // Sam answers the forklift horn check wrongly: 2 of 3 checks, under the course's pass mark of 0.8.
    expect(sam!.lms).toMatchObject({ finished: true, completed: true, passed: false });
    expect(sam!.lms.score).toBeCloseTo(2 / 3);
    expect((await tailor('paths', join(EXAMPLES_DIR, 'shop-floor-safety'), '--persona', 'sam')).out).toMatch(
      /LMS after playing it through: completed, failed, score 67%/,
    );
  });

  it('shows each persona’s own attribute values in the course’s words', async () => {
    const text = (await tailor('paths', join(EXAMPLES_DIR, 'shop-floor-safety'))).out;
    expect(text).toMatch(
      /^Dana, veteran forklift driver \(forklift-driver\)\n {2}Where do you work\? In the warehouse\n/m,
    );
    expect(text).toMatch(/^Sam, shift supervisor \(supervisor\)\n {2}Where do you work\? \(no answer\)\n/m);
    const [dana] = JSON.parse(
      (await tailor('paths', join(EXAMPLES_DIR, 'shop-floor-safety'), '--persona', 'dana', '--json')).out,
    ) as { persona: { attributes: unknown } }[];
    expect(dana!.persona.attributes).toEqual([
      { id: 'site', question: 'Where do you work?', value: 'warehouse', answer: 'In the warehouse' },
    ]);
    const noAttributes = (await tailor('paths', join(EXAMPLES_DIR, 'purchase-approvals'), '--persona', 'victor')).out;
    expect(noAttributes).toMatch(/^Victor, veteran approver \(approver\)\n {2}placement: /);
  });

  it('shows the lessons a lesson rule skips, with the reason, and says where a mandate keeps one', async () => {
    const folder = join(EXAMPLES_DIR, 'shop-floor-safety');
    const sam = (await tailor('paths', folder, '--persona', 'sam')).out;
    expect(sam).toMatch(
      /^ {13}- A walk around the floor \(.* \(skipped: You spotted the hazards in the placement test, .* \[hazards: expert \(score 1\.00\)\]\)$/m,
    );
    expect(sam).toMatch(/^ {13}- Check: where do you walk\? \(2 min, text\)$/m);
    expect((await tailor('paths', folder, '--persona', 'femi')).out).not.toMatch(/skipped:/);

    const [json] = JSON.parse((await tailor('paths', folder, '--persona', 'sam', '--json')).out) as {
      path: { modules: { id: string; lessons: { id: string; skipped: boolean; reasons: { rule: string }[] }[] }[] };
      lms: { completed: boolean; lessons: string[] };
    }[];
    const induction = json!.path.modules.find((m) => m.id === 'site-induction')!;
    expect(induction.lessons.map((l) => [l.id, l.skipped, l.reasons.map((r) => r.rule)])).toEqual([
      ['walkaround', true, ['skip-walkaround-film']],
      ['walkaround-check', false, []],
    ]);
    // Played through without opening the skipped lesson, the course is still completed.
    expect(json!.lms.completed).toBe(true);
    expect(json!.lms.lessons).not.toContain('walkaround');

    // A mandate keeps the rule from applying, and the lesson says so.
    const course = JSON.parse(readFileSync(join(folder, 'course.json'), 'utf8')) as CourseInput;
    course.modules!.find((m) => m.id === 'site-induction')!.mandatoryFor!.push('supervisor');
    const mandated = (await tailor('paths', courseFolder(course), '--persona', 'sam')).out;
    expect(mandated).toMatch(
      /^ {13}- A walk around the floor \(.* \(You spotted the hazards .* \(not applied: this module is mandatory for your role\) \[hazards: expert \(score 1\.00\)\]\)$/m,
    );
  });

  it('says how many modules a choice of several asks the persona to pick', async () => {
    const course = JSON.parse(
      readFileSync(join(EXAMPLES_DIR, 'purchase-approvals', 'course.json'), 'utf8'),
    ) as CourseInput;
    const choice = course.rules!.find((r) => r.id === 'choose-case-study')!;
    choice.then = { kind: 'offer-choice', modules: ['case-software', 'case-services', 'why-policy'], pick: 2 };
    const text = (await tailor('paths', courseFolder(course), '--persona', 'rosa')).out;
    expect(text).toMatch(/ {2}choice: .* \(pick 2 of case-software, case-services, why-policy\)$/m);
  });

  it('exits 2 and lists the personas when none matches', async () => {
    const result = await tailor('paths', join(EXAMPLES_DIR, 'shop-floor-safety'), '--persona', 'nobody');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/personas: femi, dana, sam, olga/);
  });
});

describe('tailor convert', () => {
  it('turns a portable folder into a .tailor document and back, byte-identical', async () => {
    const dir = tempDir();
    const doc = join(dir, 'safety.tailor');
    expect((await tailor('convert', join(EXAMPLES_DIR, 'shop-floor-safety'), doc)).code).toBe(0);
    expect((await tailor('convert', doc, join(dir, 'out'))).code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'course.json'), 'utf8')).toBe(
      readFileSync(join(EXAMPLES_DIR, 'shop-floor-safety', 'course.json'), 'utf8'),
    );
  });

  it('lets verify and paths read a .tailor document as well as a folder', async () => {
    const doc = join(tempDir(), 'purchase.tailor');
    await tailor('convert', join(EXAMPLES_DIR, 'purchase-approvals'), doc);
    expect((await tailor('verify', doc, '--no-smoke')).code).toBe(0);
    expect((await tailor('paths', doc, '--persona', 'victor')).out).toMatch(/Mandatory for approver/);
  });

  it('exits 2 without overwriting anything', async () => {
    const dir = tempDir();
    const doc = join(dir, 'a.tailor');
    await tailor('convert', join(EXAMPLES_DIR, 'shop-floor-safety'), doc);
    const before = readFileSync(doc);
    const again = await tailor('convert', join(EXAMPLES_DIR, 'purchase-approvals'), doc);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/will not overwrite/);
    expect(readFileSync(doc).equals(before)).toBe(true);
    expect((await tailor('convert', join(EXAMPLES_DIR, 'shop-floor-safety'), join(dir, 'not-a-doc'))).err).toMatch(
      /must end in \.tailor/,
    );
  });
});
