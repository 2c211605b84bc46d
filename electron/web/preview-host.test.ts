import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCourseSource } from '../backend/course-source';
import { Previews } from '../backend/preview/previews';
import { startPreviewHost, type PreviewHost } from './preview-host';

const example = join(process.cwd(), 'resources', 'examples', 'shop-floor-safety');
const STUDIO = 'http://127.0.0.1:4680';
let host: PreviewHost | null = null;

afterEach(async () => {
  await host?.close();
  host = null;
});

async function preview(standard: 'scorm12' | 'scorm2004-4th' = 'scorm2004-4th') {
  const previews = new Previews(process.cwd());
  host = await startPreviewHost(
    previews,
    () => [STUDIO],
    () => {},
  );
  const source = openCourseSource(example);
  return { previews, ...previews.open(source.course, source.assets, standard) };
}

/** A raw GET, so the Host header can be anything (fetch would not let a test set it). */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the preview host', () => {
  it('serves a preview on an origin of its own, never the studio’s', async () => {
    const { url } = await preview();
    expect(new URL(url).origin).toBe(host?.origin);
    expect(new URL(url).origin).not.toBe(STUDIO);
    expect(new URL(url).pathname).toMatch(/^\/[0-9a-f]{32}\/lms\/lms\.html$/);
  });

  it('serves the LMS page and, beside it, the package export would write', async () => {
    const { url } = await preview();
    const lms = await get(url);
    expect(lms.status).toBe(200);
    expect(lms.body).toContain('<script src="lms.js"></script>');
    const index = await get(new URL('../pkg/index.html', url).href);
    expect(index.status).toBe(200);
    expect(index.body).toContain('player.js');
    const course = await get(new URL('../pkg/course.js', url).href);
    expect(course.body).toContain('TAILOR_COURSE');
  });

  it('lets only the studio and the LMS page frame a preview, under the package’s own strict policy', async () => {
    const { url } = await preview();
    const csp = String((await get(url)).headers['content-security-policy']);
    expect(csp).toContain(`frame-ancestors 'self' ${STUDIO}`);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('answers 404 for an unknown preview, a file outside the package, or a path that climbs out', async () => {
    const { url } = await preview();
    const other = url.replace(/\/[0-9a-f]{32}\//, `/${'0'.repeat(32)}/`);
    expect((await get(other)).status).toBe(404);
    expect((await get(new URL('../pkg/nothing.js', url).href)).status).toBe(404);
    expect((await get(url.replace('lms/lms.html', 'lms/..%2fpkg%2findex.html'))).status).toBe(404);
    expect((await get(url.replace('lms/lms.html', 'secret/lms.html'))).status).toBe(404);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { url } = await preview();
    expect((await get(url, { Host: 'evil.example' })).status).toBe(421);
  });

  it('forgets the oldest previews once eight newer ones are open', async () => {
    const { url, previews } = await preview();
    const source = openCourseSource(example);
    for (let i = 0; i < 8; i++) previews.open(source.course, source.assets, 'scorm12');
    expect((await get(url)).status).toBe(404);
  });
});
