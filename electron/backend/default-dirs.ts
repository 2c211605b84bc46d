import { homedir, platform } from 'node:os';
import { join } from 'node:path';

/** Where the studio keeps its settings when no folder is given (the web host and the CLI). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TAILOR_DATA_DIR) return env.TAILOR_DATA_DIR;
  const home = homedir();
  if (platform() === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Tailor');
  if (platform() === 'darwin') return join(home, 'Library', 'Application Support', 'Tailor');
  return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'tailor');
}

/** Where new courses go when the designer does not pick a folder. */
export function defaultDocumentsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.TAILOR_DOCUMENTS_DIR ?? join(homedir(), 'Documents', 'Tailor');
}
