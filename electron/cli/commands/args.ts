import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIo } from './types';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's arguments the same way for every command: an unknown option names itself and
 * shows the usage (exit 2), --help shows the usage (exit 0). Returns the exit code when it handled it.
 */
export function parseCommand<O extends Options>(
  name: string,
  args: readonly string[],
  options: O,
  usage: string,
  io: CliIo,
) {
  type Config = { args: string[]; options: O & { help: { type: 'boolean'; short: 'h' } }; allowPositionals: true };
  const config: Config = {
    args: [...args],
    options: { ...options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  };
  let parsed;
  try {
    parsed = parseArgs<Config>(config);
  } catch (error) {
    io.err(`tailor ${name}: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.out(usage);
    return 0;
  }
  return parsed;
}
