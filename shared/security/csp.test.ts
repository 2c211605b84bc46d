import { describe, expect, it } from 'vitest';
import { ANY_PREVIEW_ORIGIN, STUDIO_CSP, studioCsp } from './csp';

const directives = new Map(
  STUDIO_CSP.split('; ').map((d) => {
    const [name = '', ...values] = d.split(' ');
    return [name, values] as const;
  }),
);

describe("the studio's content security policy", () => {
  it('allows no inline or evaluated script or style anywhere', () => {
    expect(STUDIO_CSP).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*/);
  });

  it('runs only its own scripts and styles and talks only to its own host', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('cannot be framed, host plugins, rebase URLs or post forms', () => {
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });
});

describe("the studio's policy with a preview", () => {
  it('may frame only the preview origins it names, and keeps every other directive', () => {
    const policy = studioCsp(['http://127.0.0.1:5123']);
    expect(policy.split('; ')).toContain('frame-src http://127.0.0.1:5123');
    expect(policy.split('; ').filter((d) => !d.startsWith('frame-src'))).toEqual(STUDIO_CSP.split('; '));
  });

  it('without a preview, frames nothing but its own origin (default-src)', () => {
    expect(STUDIO_CSP).not.toContain('frame-src');
  });

  it('lets the page allow any local preview port only on 127.0.0.1 and the preview scheme', () => {
    expect(studioCsp(ANY_PREVIEW_ORIGIN)).toContain('frame-src http://127.0.0.1:* tailor-preview:');
  });
});
