import { existsSync, statSync } from 'node:fs';
import { TailorError } from '../../../shared/contract';
import { documentToPortable, portableToDocument } from '../../backend/portable-convert';
import { parseCommand } from './args';
import type { CliIo, Command } from './types';

const usage = `Usage: tailor convert <in> <out>

Converts losslessly between a .tailor document and the portable format (a folder with course.json
and assets/). The direction follows the names: a .tailor <in> becomes a folder, a folder becomes a
.tailor <out>. Nothing is overwritten. Exit codes: 0 converted, 2 unusable input or output.`;

const isDocument = (path: string) =>
  path.endsWith('.tailor') || (existsSync(path) && statSync(path).isFile() && !path.endsWith('.json'));

export const convertCommand: Command = {
  name: 'convert',
  summary: 'convert between a .tailor document and a portable folder (course.json + assets/)',
  async run(args, io: CliIo) {
    const parsed = parseCommand('convert', args, {}, usage, io);
    if (typeof parsed === 'number') return parsed;
    const [input, output] = parsed.positionals;
    if (!input || !output || parsed.positionals.length !== 2) {
      io.err(usage);
      return 2;
    }
    const progress = process.stderr.isTTY
      ? (done: number, total: number, what: string) =>
          process.stderr.write(`\r  media ${done}/${total} ${what.slice(0, 60).padEnd(60)}`)
      : undefined;
    try {
      if (isDocument(input)) {
        if (output.endsWith('.tailor'))
          throw new TailorError('invalid-request', 'Both sides are .tailor documents; one side must be a folder.');
        await documentToPortable(input, output, { progress });
      } else {
        if (!output.endsWith('.tailor'))
          throw new TailorError('invalid-request', 'The output of converting a folder must end in .tailor.');
        await portableToDocument(input, output, { progress });
      }
    } catch (error) {
      if (progress) process.stderr.write('\n');
      if (error instanceof TailorError) {
        io.err(`tailor convert: ${error.message}`);
        return 2;
      }
      throw error;
    }
    if (progress) process.stderr.write('\n');
    io.out(`Converted ${input} → ${output}`);
    return 0;
  },
};
