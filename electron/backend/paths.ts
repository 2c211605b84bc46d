import { isAbsolute, relative, resolve, sep } from 'node:path';

/** True when `target` is `root` itself or lies inside it, after resolving `..` and the like. */
export function isInsideFolder(root: string, target: string): boolean {
  const rel = relative(resolve(root), resolve(target));
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}
