import { describe, expect, it } from 'vitest';
import { STUDIO_CSP } from './csp';

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
