import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { TailorError } from '../../../shared/contract';

interface LockInfo {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

const lockPathOf = (documentPath: string) => `${documentPath}.lock`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/**
 * One writer at a time: a lock file beside the document, created exclusively, naming the process
 * that holds it. A lock left by a process that died on this machine is taken over.
 */
export function acquireWriterLock(documentPath: string): () => void {
  const path = lockPathOf(documentPath);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(
        fd,
        JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() } satisfies LockInfo),
      );
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
        throw new TailorError(
          'read-only',
          `Tailor cannot edit "${documentPath}": its folder is read-only (${code}). Open it read-only, or copy it to a folder you can write to.`,
        );
      if (code !== 'EEXIST')
        throw new TailorError('io', `Tailor could not lock "${documentPath}": ${(error as Error).message}`);
      const holder = readLock(path);
      const stale = holder !== null && holder.host === hostname() && holder.pid !== process.pid && !isAlive(holder.pid);
      if (stale || holder === null) {
        rmSync(path, { force: true });
        continue;
      }
      const who =
        holder.pid === process.pid ? 'this Tailor' : `another Tailor (process ${holder.pid} on ${holder.host})`;
      throw new TailorError(
        'read-only',
        `"${documentPath}" is open in ${who} since ${holder.since}. Close it there, or open it read-only.`,
      );
    }
  }
  throw new TailorError('io', `Tailor could not lock "${documentPath}" for writing.`);
}
