import type { z } from 'zod';
import { calls, isCallName, type CallName, type CallResponse, type ParsedRequest } from './calls';
import { fail, ok, TailorError, type FieldIssue, type Result } from './result';

export type Handler<K extends CallName> = (request: ParsedRequest<K>) => Promise<CallResponse<K>> | CallResponse<K>;

/** One handler per call; the type makes a missing handler a compile error. */
export type Handlers = { readonly [K in CallName]: Handler<K> };

export type Dispatch = (name: string, payload: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions {
  /** Told about failures that are bugs (not the designer's input), for logs. */
  readonly onInternalError?: (name: string, error: unknown) => void;
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

function sentenceFor(call: string, issues: readonly FieldIssue[]): string {
  const parts = issues.map((i) => (i.field ? `"${i.field}" ${i.message}` : i.message));
  return `The request to ${call} is not valid: ${parts.join('; ')}.`;
}

/**
 * The single entry point both transports (Electron IPC, HTTP) and the CLI call.
 * A malformed request never reaches a handler; every outcome is a Result value.
 */
export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (name, payload) => {
    if (typeof name !== 'string' || !isCallName(name)) {
      return fail('unknown-call', `Tailor has no call named "${String(name)}".`);
    }
    const parsed = calls[name].request.safeParse(payload ?? {});
    if (!parsed.success) {
      const issues = describeIssues(parsed.error.issues);
      return fail('invalid-request', sentenceFor(name, issues), issues);
    }
    try {
      const handler = handlers[name] as (request: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof TailorError) return fail(error.code, error.message, error.issues);
      options.onInternalError?.(name, error);
      const detail = error instanceof Error ? error.message : String(error);
      return fail('internal', `Something went wrong while running ${name}: ${detail}`);
    }
  };
}
