import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBackend } from '../backend/backend';
import { defaultDataDir, defaultDocumentsDir } from '../backend/default-dirs';
import { appRootFrom } from '../backend/paths';
import { headlessPlatform } from '../backend/platform';
import { startWebHost, WEB_HOST_TOKEN_FILE } from './host';

const usage = `Usage: npm run web [-- --port N] [--data-dir DIR] [--documents-dir DIR]

Serves the Tailor studio on http://127.0.0.1 for use in a browser.
  --port N             port to listen on (default 4680; 0 picks a free one)
  --data-dir DIR       where the studio keeps its settings (default: $TAILOR_DATA_DIR or the user data folder)
  --documents-dir DIR  where new courses go (default: $TAILOR_DOCUMENTS_DIR or ~/Documents/Tailor)`;

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: process.env.TAILOR_PORT ?? '4680' },
        'data-dir': { type: 'string' },
        'documents-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
    process.exit(2);
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const documentsDir = values['documents-dir'] ?? (values['data-dir'] ? undefined : defaultDocumentsDir());
  const appRoot = appRootFrom(import.meta.url);
  const backend = createBackend({ dataDir, documentsDir, platform: headlessPlatform('web'), appRoot });
  const staticDir = fileURLToPath(new URL('../studio/', import.meta.url));
  mkdirSync(dataDir, { recursive: true });
  const tokenFile = join(dataDir, WEB_HOST_TOKEN_FILE);
  const host = await startWebHost({ backend, staticDir, port, tokenFile, log: (m) => console.log(m) });
  console.log(`Tailor studio: ${host.studioUrl}  (settings in ${dataDir}; courses in ${backend.info.documentsDir})`);
  console.log(`Tools: the address and token are in ${tokenFile} (readable only by you).`);
  const stop = () => {
    void host.close().then(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    console.error('That port is taken; pass another with --port, or --port 0 for any free one.');
  else console.error(error);
  process.exit(1);
});
