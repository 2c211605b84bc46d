import { closeSync, constants, fstatSync, openSync, type Stats } from 'node:fs';
import { TailorError } from '../../shared/contract';

/** What a path holds, in the designer's words, for refusals. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Opens a file for reading only if it is a regular file, and returns its descriptor and size.
 * The check is made on the open descriptor (no swap between check and read), and O_NONBLOCK keeps
 * a named pipe from blocking the open.
 */
export function openRegularFile(path: string): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'there is no file there'
        : code === 'EACCES' || code === 'EPERM'
          ? 'Tailor is not allowed to read it'
          : code === 'EISDIR'
            ? 'it is a folder'
            : (error as Error).message;
    throw new TailorError(code === 'ENOENT' ? 'not-found' : 'io', `Tailor cannot import "${path}": ${reason}.`);
  }
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    throw new TailorError(
      'invalid-request',
      `Tailor cannot import "${path}": it is ${kindOf(stats)}; only regular files can be imported as media.`,
    );
  }
  return { fd, size: stats.size };
}
