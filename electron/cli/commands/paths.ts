import { personaState, resolvePath, type LearnerPath } from '../../../shared/engine';
import { parseCommand } from './args';
import type { CliIo, Command } from './types';
import { loadForCli } from './load';

const usage = `Usage: tailor paths <course> [--persona <id or name>] [--json]

Shows each persona's path through the course: every module's status and why, the format of
each lesson, and the choices on offer. Exit codes: 0 shown, 2 unusable input or unknown persona.`;

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
      return { persona, placement, path: resolvePath(index, state) };
    });
    if (parsed.values.json) {
      io.out(
        JSON.stringify(
          results.map(({ persona, placement, path }) => ({
            persona: { id: persona.id, name: persona.name, role: persona.role },
            placement: {
              mastery: placement.mastery,
              evidence: placement.evidence,
              steps: placement.steps,
              ended: placement.ended,
            },
            path,
          })),
          null,
          2,
        ),
      );
      return 0;
    }
    for (const { persona, placement, path: learnerPath } of results)
      printPath(io, persona.name, persona.role, placement.mastery, learnerPath);
    return 0;
  },
};

function printPath(io: CliIo, name: string, role: string, mastery: Record<string, string>, path: LearnerPath) {
  io.out(`${name} (${role})`);
  io.out(
    `  placement: ${Object.entries(mastery)
      .map(([c, l]) => `${c}=${l}`)
      .join(', ')}`,
  );
  for (const m of path.modules) {
    const reasons = m.reasons.map((r) => r.text + (r.evidence?.length ? ` [${r.evidence.join('; ')}]` : '')).join(' ');
    io.out(`  ${STATUS_MARK[m.status]}${m.recommended ? '★ ' : '  '}${m.title}: ${reasons}`);
    if (m.status === 'required' || m.status === 'optional' || m.status === 'choice')
      for (const l of m.lessons)
        io.out(
          `             - ${l.title} (${l.minutes} min, ${l.format}${l.formats.length > 1 ? ` of ${l.formats.join('/')}` : ''})${l.formatReason ? `: ${l.formatReason}` : ''}`,
        );
  }
  for (const c of path.choices) io.out(`  choice: ${c.prompt} (${c.options.join(' or ')})`);
  if (path.next) io.out(`  next: ${path.next.reason}`);
  io.out(`  ${path.minutesLeft} minutes of required lessons`);
  io.out('');
}
