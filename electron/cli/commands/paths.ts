import { personaState, playAsPersona, resolvePath, type CourseResult, type LearnerPath } from '../../../shared/engine';
import type { Course, Persona } from '../../../shared/model';
import { parseCommand } from './args';
import type { CliIo, Command } from './types';
import { loadForCli } from './load';

const usage = `Usage: tailor paths <course> [--persona <id or name>] [--json]

Shows each persona's answers to the course's own learner questions (in the course's words), and
their path through the course: every module's status and why, the format of each lesson, the
lessons a lesson rule skips and why, and the choices on offer; then the result the LMS will hold once the persona has played the package
through (completion, success, score, one objective per competency), by the
rule in shared/engine/persona-play.ts. Exit codes: 0 shown, 2 unusable input or unknown persona.`;

const STATUS_MARK: Record<string, string> = {
  required: 'take   ',
  optional: 'may    ',
  skipped: 'skip   ',
  excluded: 'n/a    ',
  choice: 'choose ',
};

export const pathsCommand: Command = {
  name: 'paths',
  summary: "show each persona's path through a course, with the reasons",
  async run(args, io: CliIo) {
    const parsed = parseCommand('paths', args, { persona: { type: 'string' }, json: { type: 'boolean' } }, usage, io);
    if (typeof parsed === 'number') return parsed;
    const [path] = parsed.positionals;
    if (!path || parsed.positionals.length > 1) {
      io.err(usage);
      return 2;
    }
    const loaded = loadForCli(path);
    if (!loaded.ok) {
      loaded.lines.forEach((l) => io.err(l));
      return 2;
    }
    const { index } = loaded;
    const wanted = parsed.values.persona?.toLowerCase();
    const personas = index.course.personas.filter(
      (p) => !wanted || p.id.toLowerCase() === wanted || p.name.toLowerCase().includes(wanted),
    );
    if (personas.length === 0) {
      io.err(
        `tailor paths: no persona matches "${parsed.values.persona}" (personas: ${index.course.personas.map((p) => p.id).join(', ') || 'none'}).`,
      );
      return 2;
    }
    const results = personas.map((persona) => {
      const { state, placement } = personaState(index, persona);
      return { persona, placement, path: resolvePath(index, state), lms: lmsResult(playAsPersona(index, persona)) };
    });
    if (parsed.values.json) {
      io.out(
        JSON.stringify(
          results.map(({ persona, placement, path, lms }) => ({
            persona: {
              id: persona.id,
              name: persona.name,
              role: persona.role,
              attributes: personaAttributes(index.course, persona),
            },
            placement: {
              mastery: placement.mastery,
              evidence: placement.evidence,
              steps: placement.steps,
              ended: placement.ended,
            },
            path,
            lms,
          })),
          null,
          2,
        ),
      );
      return 0;
    }
    for (const { persona, placement, path: learnerPath, lms } of results)
      printPath(
        io,
        persona.name,
        persona.role,
        personaAttributes(index.course, persona),
        placement.mastery,
        learnerPath,
        lms,
      );
    return 0;
  },
};

/** A persona's value of one of the course's own attributes, in the course's words (null: the persona gives none). */
export interface PersonaAttribute {
  readonly id: string;
  /** The question the intake asks, e.g. "Where do you work?". */
  readonly question: string;
  readonly value: string | null;
  /** The answer's label, e.g. "In the warehouse". */
  readonly answer: string | null;
}

/** Every attribute the course declares, with the persona's value; then any value the course does not declare. */
function personaAttributes(course: Pick<Course, 'settings'>, persona: Persona): PersonaAttribute[] {
  const own = persona.attributes ?? {};
  const declared = course.settings.attributes ?? [];
  const rows = declared.map((a) => {
    const value = own[a.id] ?? null;
    const answer = value === null ? null : (a.values.find((v) => v.id === value)?.label ?? value);
    return { id: a.id, question: a.label, value, answer };
  });
  for (const [id, value] of Object.entries(own))
    if (!declared.some((a) => a.id === id)) rows.push({ id, question: id, value, answer: value });
  return rows;
}

/** What the LMS holds at the end of a persona's playthrough, in the result model's terms (docs/decisions/0005-results.md). */
export interface LmsPrediction {
  /** The persona reached the end of the course (false: the path ran out first). */
  readonly finished: boolean;
  readonly completed: boolean;
  /** null until decided: only a completed, scored course has a success. */
  readonly passed: boolean | null;
  /** 0–1, null when no counted answer was given. */
  readonly score: number | null;
  readonly progress: number;
  readonly objectives: readonly {
    readonly id: string;
    readonly completed: boolean;
    readonly success: CourseResult['objectives'][number]['success'];
    readonly score: number | null;
  }[];
  /** The lessons the persona took, in order. */
  readonly lessons: readonly string[];
}

function lmsResult(play: ReturnType<typeof playAsPersona>): LmsPrediction {
  const { result } = play;
  return {
    finished: play.finished,
    completed: result.completed,
    passed: result.passed,
    score: result.score,
    progress: result.progress,
    objectives: result.objectives.map((o) => ({
      id: o.id,
      completed: o.completed,
      success: o.success,
      score: o.score,
    })),
    lessons: play.lessons,
  };
}

const pct = (n: number | null) => (n === null ? 'no score' : `${Math.round(n * 100)}%`);

function printPath(
  io: CliIo,
  name: string,
  role: string,
  attributes: readonly PersonaAttribute[],
  mastery: Record<string, string>,
  path: LearnerPath,
  lms: LmsPrediction,
) {
  io.out(`${name} (${role})`);
  for (const a of attributes) io.out(`  ${a.question} ${a.answer ?? '(no answer)'}`);
  io.out(
    `  placement: ${Object.entries(mastery)
      .map(([c, l]) => `${c}=${l}`)
      .join(', ')}`,
  );
  const because = (reasons: LearnerPath['modules'][number]['reasons']) =>
    reasons.map((r) => r.text + (r.evidence?.length ? ` [${r.evidence.join('; ')}]` : '')).join(' ');
  for (const m of path.modules) {
    const reasons = because(m.reasons);
    io.out(`  ${STATUS_MARK[m.status]}${m.recommended ? '★ ' : '  '}${m.title}: ${reasons}`);
    if (m.status === 'required' || m.status === 'optional' || m.status === 'choice')
      for (const l of m.lessons)
        io.out(
          `             - ${l.title} (${l.minutes} min, ${l.format}${l.formats.length > 1 ? ` of ${l.formats.join('/')}` : ''})${l.formatReason ? `: ${l.formatReason}` : ''}${l.skipped ? ` (skipped: ${because(l.reasons)})` : l.reasons.length ? ` (${because(l.reasons)})` : ''}`,
        );
  }
  for (const c of path.choices)
    io.out(
      `  choice: ${c.prompt} (${c.pick > 1 ? `pick ${c.pick} of ${c.options.join(', ')}` : c.options.join(' or ')})`,
    );
  if (path.next) io.out(`  next: ${path.next.reason}`);
  io.out(`  ${path.minutesLeft} minutes of required lessons`);
  io.out(
    `  LMS after playing it through: ${lms.completed ? 'completed' : 'incomplete'}, ${lms.passed === null ? 'success undecided' : lms.passed ? 'passed' : 'failed'}, score ${pct(lms.score)}`,
  );
  io.out(
    `    objectives: ${lms.objectives.map((o) => `${o.id} ${o.success === 'unknown' ? (o.completed ? 'completed' : 'incomplete') : o.success} (${pct(o.score)})`).join(', ')}`,
  );
  io.out('');
}
