import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { TailorError } from '../../../shared/contract';
import { PROFILES, STANDARDS, type Profile, type Standard } from '../../../shared/scorm';
import { openCourseSource, type CourseSource } from '../../backend/course-source';
import { exportPackage } from '../../backend/export/export-package';
import { appRootFrom } from '../../backend/paths';
import { parseCommand } from './args';
import type { CliIo, Command } from './types';

const usage = `Usage: tailor export <course> --standard ${STANDARDS.join('|')} [--profile ${PROFILES.join('|')}] [--set name=value]... --out <file.zip> [--json]

Writes a SCORM package an LMS accepts. The course is verified first and the package is checked
(official schemas and the rules they miss) before a byte is written; the zip appears whole or not at all.
Profiles: generic; moodle (exact version strings and prefixes); strict (no objectives or interactions).
--set fixes a learner attribute the course reads for everyone who takes this package (an audience-targeted
package): role, department, seniority, format or one the course declares, e.g. --set role=approver or
--set site=north. The intake no longer asks it.
Exit codes: 0 written, 1 the course or package failed a check, 2 unusable input or usage error.`;

export const exportCommand: Command = {
  name: 'export',
  summary: 'write a SCORM 1.2 / 2004 3rd / 2004 4th package (verified and checked first)',
  async run(args, io: CliIo) {
    const parsed = parseCommand(
      'export',
      args,
      {
        standard: { type: 'string' },
        profile: { type: 'string', default: 'generic' },
        out: { type: 'string', short: 'o' },
        set: { type: 'string', multiple: true },
        json: { type: 'boolean' },
      },
      usage,
      io,
    );
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const [input] = positionals;
    const standard = values.standard as Standard | undefined;
    const profile = values.profile as Profile;
    if (!input || positionals.length > 1 || !values.out || !standard) {
      io.err(usage);
      return 2;
    }
    if (!STANDARDS.includes(standard)) {
      io.err(`tailor export: --standard must be one of ${STANDARDS.join(', ')}, not "${standard}".`);
      return 2;
    }
    if (!PROFILES.includes(profile)) {
      io.err(`tailor export: --profile must be one of ${PROFILES.join(', ')}, not "${profile}".`);
      return 2;
    }
    const attributes: Record<string, string> = {};
    for (const pair of values.set ?? []) {
      const at = pair.indexOf('=');
      if (at < 1) {
        io.err(`tailor export: --set takes name=value (e.g. --set role=approver), not "${pair}".`);
        return 2;
      }
      attributes[pair.slice(0, at)] = pair.slice(at + 1);
    }
    const progress = process.stderr.isTTY
      ? (done: number, total: number, file: string) =>
          process.stderr.write(`\r  ${Math.round((100 * done) / Math.max(1, total))}% ${file.slice(0, 50).padEnd(50)}`)
      : undefined;
    let source: CourseSource | undefined;
    try {
      source = openCourseSource(input);
      const { course, assets } = source;
      const report = await exportPackage({
        course,
        assets,
        standard,
        profile,
        attributes,
        out: resolve(values.out),
        onProgress: progress,
        appRoot: appRootFrom(import.meta.url),
      });
      if (progress) process.stderr.write('\n');
      const size = statSync(report.out).size;
      if (values.json) io.out(JSON.stringify({ ok: true, ...report, size }, null, 2));
      else {
        io.out(
          `Wrote ${report.out} (${report.files} files, ${(size / 1024).toFixed(0)} KiB) for ${standard}, profile ${profile}.`,
        );
        for (const w of report.warnings) io.out(`  warning: ${w}`);
      }
      return 0;
    } catch (error) {
      if (progress) process.stderr.write('\n');
      if (!(error instanceof TailorError)) throw error;
      if (values.json) io.out(JSON.stringify({ ok: false, code: error.code, message: error.message }, null, 2));
      else io.err(`tailor export: ${error.message}`);
      return error.code === 'invalid-request' && /problem|cannot be exported|characters/.test(error.message) ? 1 : 2;
    } finally {
      source?.close();
    }
  },
};
