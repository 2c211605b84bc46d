import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, URL-safe: what the host prints in the studio URL and writes to its token file. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison: hashing first gives equal lengths, so the length of a guess leaks nothing either. */
export function tokensMatch(expected: string, presented: string | undefined | null): boolean {
  if (typeof presented !== 'string' || presented === '') return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(presented).digest();
  return timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer[ ]+([A-Za-z0-9_-]{1,200})[ ]*$/i.exec(header);
  return match?.[1];
}

/**
 * True only for `application/json`, optionally with `charset=utf-8`: no `json-seq`, no `jsonp`,
 * no other parameters (RFC 9110 media type syntax; type, subtype and charset are case-insensitive).
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type, ...params] = header.split(';');
  if (type?.trim().toLowerCase() !== 'application/json') return false;
  if (params.length === 0) return true;
  if (params.length > 1) return false;
  const match = /^\s*charset\s*=\s*(?:"utf-8"|utf-8)\s*$/i.exec(params[0]!);
  return match !== null;
}

/** decodeURIComponent without the URIError: null for malformed percent-encoding. */
export function decodeOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
