/** Errors travel as values: only plain JSON survives IPC and HTTP alike. */
export type ErrorCode =
  | 'invalid-request'
  | 'unknown-call'
  | 'not-found'
  | 'already-exists'
  | 'unsupported'
  | 'not-a-document'
  | 'document-too-new'
  | 'document-damaged'
  | 'read-only'
  | 'io'
  | 'transport'
  | 'internal';

export interface FieldIssue {
  /** Dotted path of the field in the request, e.g. `title` or `lessons.2.title`; empty for the whole request. */
  readonly field: string;
  readonly message: string;
}

export interface ContractError {
  readonly code: ErrorCode;
  /** A sentence a designer can read. */
  readonly message: string;
  /** For `invalid-request`: every field that is wrong, and why. */
  readonly issues?: readonly FieldIssue[];
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ContractError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: readonly FieldIssue[]): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

/** Thrown inside handlers; dispatch turns it into a `{ ok: false }` value with the same code. */
export class TailorError extends Error {
  override readonly name = 'TailorError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: readonly FieldIssue[],
  ) {
    super(message);
  }
}

export function isContractError(value: unknown): value is ContractError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
