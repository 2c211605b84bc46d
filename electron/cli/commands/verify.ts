import { verifyCourse } from '../../../shared/analysis';
import { readCourseAnyForm } from '../../backend/portable-convert';
import { TailorError } from '../../../shared/contract';
import { openCourseSource } from '../../backend/course-source';
import { appRootFrom } from '../../backend/paths';
import { findChromium, smokeRun, type SmokeResult } from '../../backend/smoke/smoke-run';
import { parseCommand } from './args';
import type { CliIo, Command } from './types';

const usage = `Usage: tailor verify <course> [--json] [--no-smoke]

Checks a course: schema and references, the proof over every persona and placement outcome,
the tracking budget and lint; then, where a Chromium is available ($TAILOR_CHROMIUM or
/usr/bin/chromium), a smoke run: the exported package played through once per persona.
<course> is a .tailor document or a portable course folder (course.json + assets/).
Exit codes: 0 clean, 1 findings (errors or warnings), 2 unusable input.`;

/** The media files the course holds, or undefined when the course is too broken to open (verify reports why). */
function mediaNames(path: string): string[] | undefined {
  let source;
  try {
    source = openCourseSource(path);
  } catch (error) {
    if (error instanceof TailorError) return undefined;
    throw error;
  }
  try {
    return source.assets.names();
  } finally {
    source.close();
  }
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check a course: schema, proof over personas and outcomes, tracking budget, lint',
  async run(args, io: CliIo) {
    const parsed = parseCommand(
      'verify',
      args,
      { json: { type: 'boolean' }, 'no-smoke': { type: 'boolean' } },
      usage,
      io,
    );
    if (typeof parsed === 'number') return parsed;
    const [path] = parsed.positionals;
    if (!path || parsed.positionals.length > 1) {
      io.err(usage);
      return 2;
    }
    let json: unknown;
    let file: string;
    try {
      ({ json, file } = readCourseAnyForm(path));
    } catch (error) {
      if (!(error instanceof TailorError)) throw error;
      if (parsed.values.json)
        io.out(JSON.stringify({ usable: false, problems: [{ path: '', message: error.message }] }, null, 2));
      else io.err(error.message);
      return 2;
    }
    const report = verifyCourse(json, { media: mediaNames(path) });
    if (!report.usable) {
      if (parsed.values.json) io.out(JSON.stringify({ usable: false, file, problems: report.problems }, null, 2));
      else {
        io.err(
          `${file}: the course cannot be used (${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}):`,
        );
        for (const p of report.problems) io.err(`  ${p.path}: ${p.message}`);
      }
      return 2;
    }
    let smoke: { skipped: string } | { results: SmokeResult[] } = { skipped: 'turned off with --no-smoke' };
    if (!parsed.values['no-smoke']) {
      const chromium = findChromium();
      if (report.errors > 0) smoke = { skipped: 'the course has errors' };
      else if (!chromium) smoke = { skipped: 'no Chromium found (install chromium or set TAILOR_CHROMIUM)' };
      else {
        const source = openCourseSource(path);
        try {
          smoke = {
            results: await smokeRun(report.index, source.assets, { chromium, appRoot: appRootFrom(import.meta.url) }),
          };
        } finally {
          source.close();
        }
      }
    }
    const failing = report.errors + report.warnings;
    const smokeFailures = 'results' in smoke ? smoke.results.filter((r) => !r.ok).length : 0;
    if (parsed.values.json) {
      io.out(
        JSON.stringify(
          {
            usable: true,
            smoke,
            file,
            errors: report.errors,
            warnings: report.warnings,
            budget: report.budget,
            stats: report.stats,
            findings: report.findings,
          },
          null,
          2,
        ),
      );
    } else {
      const { course } = report.index;
      io.out(`${course.title}`);
      io.out(
        `  proof: ${report.stats.learners} learners, ${report.stats.casesChecked} outcome-search steps, ${report.stats.placementStates} placement states`,
      );
      io.out(
        `  tracking: worst case ${report.budget.worstCaseChars} characters of suspend_data (SCORM 1.2 limit ${report.budget.scorm12.limit}: ${report.budget.scorm12.fits ? 'fits' : 'too large'}; SCORM 2004 3rd Edition ${report.budget.scorm2004Third.limit}: ${report.budget.scorm2004Third.fits ? 'fits' : 'too large'})`,
      );
      for (const f of report.findings) {
        io.out(
          `  ${f.severity === 'error' ? 'error  ' : f.severity === 'warning' ? 'warning' : 'info   '} ${f.path}: ${f.message} [${f.code}]`,
        );
        if (f.counterexample) {
          const outcome = Object.entries(f.counterexample.outcome)
            .map(([c, v]) => `${c}=${v}`)
            .join(', ');
          io.out(
            `          e.g. ${f.counterexample.persona}${outcome ? ` with ${outcome}` : ''}: ${f.counterexample.path}`,
          );
        }
      }
      if ('skipped' in smoke) io.out(`  smoke run: skipped, ${smoke.skipped}`);
      else
        for (const r of smoke.results)
          io.out(
            `  smoke run: ${r.persona} ${r.ok ? 'played through to "completed" in Chromium' : `FAILED: ${r.problem}`}`,
          );
      io.out(
        failing === 0 && smokeFailures === 0
          ? '  clean: every persona and placement outcome gets a valid path.'
          : `  ${report.errors} error${report.errors === 1 ? '' : 's'}, ${report.warnings} warning${report.warnings === 1 ? '' : 's'}${smokeFailures ? `, ${smokeFailures} smoke run failure${smokeFailures === 1 ? '' : 's'}` : ''}`,
      );
    }
    return failing === 0 && smokeFailures === 0 ? 0 : 1;
  },
};
