import { parseArgs } from 'node:util';
import { TailorError } from '../../shared/contract';
import { TAILOR_VERSION } from '../backend/version';

import { convertCommand } from './commands/convert';
import { exportCommand } from './commands/export';
import { pathsCommand } from './commands/paths';
import type { Command } from './commands/types';
import { verifyCommand } from './commands/verify';

/** Every sub-command. */
const commands: readonly Command[] = [verifyCommand, pathsCommand, convertCommand, exportCommand];

const help = () => `tailor ${TAILOR_VERSION}: build, check and export personalized courses from the command line.

Usage: tailor <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

<course> is a .tailor document or a portable course folder (course.json + assets/);
see resources/examples/.

Options:
  -h, --help     show this help
  -v, --version  print the version

Exit codes: 0 success, 1 findings or failure, 2 unusable input or usage error.`;

/**
 * What escapes a command: a TailorError is the input's fault (exit 2, its sentence); anything else
 * is Tailor's (exit 1, one line; the stack only with TAILOR_DEBUG=1). Never a bare stack trace.
 */
export function reportFailure(command: string, error: unknown, err: (line: string) => void): number {
  const who = command ? `tailor ${command}` : 'tailor';
  if (error instanceof TailorError) {
    err(`${who}: ${error.message}`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  err(`${who}: Tailor failed unexpectedly (${message.split('\n')[0]}). Please report this.`);
  if (process.env.TAILOR_DEBUG === '1' && error instanceof Error && error.stack) err(error.stack);
  return 1;
}

export async function runCli(argv: readonly string[], out = console.log, err = console.error): Promise<number> {
  const [first, ...rest] = argv;
  const command = commands.find((c) => c.name === first);
  if (command) {
    try {
      return await command.run(rest, { out, err });
    } catch (error) {
      return reportFailure(command.name, error, err);
    }
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    err(`tailor: ${(error as Error).message}\n\n${help()}`);
    return 2;
  }
  if (values.version) {
    out(TAILOR_VERSION);
    return 0;
  }
  if (values.help || first === undefined || first === 'help') {
    out(help());
    return first === undefined && !values.help ? 2 : 0;
  }
  err(`tailor: unknown command "${first}".\n\n${help()}`);
  return 2;
}
