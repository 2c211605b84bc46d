import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HOST_ENTRY = fileURLToPath(new URL('../../out/web/host.mjs', import.meta.url));

export interface RunningHost {
  /** The studio address as the host printed it, with `?token=`: open it in a page. */
  readonly url: string;
  /** `http://127.0.0.1:<port>/`, for requests made outside the studio. */
  readonly base: string;
  /** The per-launch secret: `Authorization: Bearer <token>` on calls. */
  readonly token: string;
  stop(): Promise<void>;
}

/** Runs the real `npm run web` entry point (the built host) on a free port with its own data folder. */
export async function startHostProcess(dataDir: string): Promise<RunningHost> {
  const child: ChildProcess = spawn(process.execPath, [HOST_ENTRY, '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Tailor studio: (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    base: `${parsed.origin}/`,
    token: parsed.searchParams.get('token') ?? '',
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** Calls the host's contract as the studio would (with the token), for set-up outside the page. */
export async function callHost<T>(host: RunningHost, call: string, payload: unknown): Promise<T> {
  const response = await fetch(new URL(`api/call/${call}`, host.base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify(payload),
  });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${call} failed: ${result.error?.message}`);
  return result.value as T;
}
