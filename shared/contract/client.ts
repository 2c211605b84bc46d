import type { CallName, CallRequest, CallResponse } from './calls';
import type { EventName, EventPayloads } from './events';
import { fail, isContractError, type Result } from './result';

/** What a transport must provide: untyped invoke and subscribe. IPC and HTTP each implement it. */
export interface Transport {
  invoke(name: string, payload: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

export interface ContractClient {
  invoke<K extends CallName>(name: K, request: CallRequest<K>): Promise<Result<CallResponse<K>>>;
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: unknown };
  return v.ok === true || (v.ok === false && isContractError(v.error));
}

/** Typed face over any transport; a broken transport becomes a `transport` error value, never a throw. */
export function createClient(transport: Transport): ContractClient {
  return {
    async invoke(name, request) {
      try {
        const reply = await transport.invoke(name, request);
        if (isResult(reply)) return reply as Result<never>;
        return fail('transport', `The backend sent an answer Tailor does not understand for ${name}.`);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return fail('transport', `Tailor could not reach its backend for ${name}: ${detail}`);
      }
    },
    subscribe(event, listener) {
      return transport.subscribe(event, (payload) => listener(payload as EventPayloads[typeof event]));
    },
  };
}
