import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeOf, resolveUnderRoot } from './static-files';

const root = '/srv/studio';

describe('resolveUnderRoot', () => {
  it('maps the root to index.html and plain paths inside the root', () => {
    expect(resolveUnderRoot(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveUnderRoot(root, '/assets/app.js')).toBe(join(root, 'assets/app.js'));
    expect(resolveUnderRoot(root, '/assets/a%20b.js')).toBe(join(root, 'assets/a b.js'));
  });

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/..%2fetc%2fpasswd',
    '/a%5c..%5c..%5cx',
    '/%00',
    '/%E0%A4%A',
  ])('refuses %s', (pathname) => {
    expect(resolveUnderRoot(root, pathname)).toBeNull();
  });
});

describe('mimeTypeOf', () => {
  it('knows the studio’s file types and falls back to octet-stream', () => {
    expect(mimeTypeOf('a/index.html')).toMatch(/text\/html/);
    expect(mimeTypeOf('x.JS')).toMatch(/javascript/);
    expect(mimeTypeOf('captions.vtt')).toMatch(/text\/vtt/);
    expect(mimeTypeOf('README')).toBe('application/octet-stream');
  });
});
