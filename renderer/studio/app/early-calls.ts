import type { Transport } from '../../../shared/contract/client';

export interface EarlyCall {
  readonly name: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** A payload as one string whatever the order of its keys, so the studio's later call finds the early one. */
function keyOf(name: string, payload: unknown): string {
  const entries = Object.entries((payload ?? {}) as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  return `${name} ${JSON.stringify(entries)}`;
}

/**
 * Sends `calls` at once, and answers the first later call with the same name and payload from that early request.
 * The studio's code takes a few hundred milliseconds to download and start; a reload's course is read meanwhile.
 */
export function withEarlyCalls(transport: Transport, calls: readonly EarlyCall[]): Transport {
  const early = new Map<string, Promise<unknown>>();
  for (const { name, payload } of calls) {
    const reply = transport.invoke(name, payload);
    // Rejections are read when the call is claimed; until then they must not count as unhandled.
    reply.catch(() => undefined);
    early.set(keyOf(name, payload), reply);
  }
  return {
    invoke(name, payload) {
      const key = keyOf(name, payload);
      const reply = early.get(key);
      if (!reply) return transport.invoke(name, payload);
      early.delete(key);
      return reply;
    },
    subscribe: (event, listener) => transport.subscribe(event, listener),
  };
}

/**
 * What the studio asks first: the host's info and, when the address names a course (a reload), that course and its
 * document, as the App and the course screen will ask for them.
 */
export function startupCalls(hash: string): EarlyCall[] {
  const path = new URLSearchParams(hash.slice(1)).get('course');
  const calls: EarlyCall[] = [{ name: 'app.info', payload: {} }];
  if (path) {
    calls.push({ name: 'course.open', payload: { path } });
    calls.push({ name: 'document.open', payload: { path, readOnly: false } });
  }
  return calls;
}
