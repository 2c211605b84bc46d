import { describe, expect, it } from 'vitest';
import { exampleIndex } from '../../test/fixtures/examples';
import { checkPackage } from './check';
import { courseScript, identifiers, planPackage, STANDARDS } from './plan';

const course = exampleIndex('shop-floor-safety').course;
const plan = (standard: (typeof STANDARDS)[number]) =>
  planPackage({
    course,
    standard,
    profile: 'generic',
    playerFiles: ['index.html', 'player.css', 'player.js'],
    assetNames: ['assets/b.svg', 'assets/a.mp4'],
  });

describe('package plans', () => {
  it.each(STANDARDS)(
    '%s: the same course always gives the same plan, with identifiers from the course id',
    (standard) => {
      expect(plan(standard)).toEqual(plan(standard));
      expect(identifiers(course)).toEqual({
        manifest: 'tailor-shop-floor-safety',
        organization: 'tailor-shop-floor-safety-org',
        item: 'tailor-shop-floor-safety-item',
        resource: 'tailor-shop-floor-safety-sco',
      });
      expect(plan(standard).files[0]!.path).toBe('imsmanifest.xml');
    },
  );

  it('spells schemaversion and scormType exactly as each standard does', () => {
    expect(plan('scorm12').manifest).toContain('<schemaversion>1.2</schemaversion>');
    expect(plan('scorm12').manifest).toContain('adlcp:scormtype="sco"');
    expect(plan('scorm2004-3rd').manifest).toContain('<schemaversion>2004 3rd Edition</schemaversion>');
    expect(plan('scorm2004-4th').manifest).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect(plan('scorm2004-4th').manifest).toContain('adlcp:scormType="sco"');
  });

  it('includes every schema file the manifest names', () => {
    for (const standard of STANDARDS) {
      const p = plan(standard);
      const located = [...p.manifest.matchAll(/\s(\S+\.xsd)/g)].map((m) => m[1]!);
      for (const file of located) expect(p.files.map((f) => f.path)).toContain(file);
    }
  });

  it('escapes titles and never lets course data break out of course.js', () => {
    const hostile = { ...course, title: 'Safety <script>alert(1)</script> & "more"' };
    const p = planPackage({
      course: hostile,
      standard: 'scorm12',
      profile: 'generic',
      playerFiles: ['index.html'],
      assetNames: [],
    });
    expect(p.manifest).toContain('Safety &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;');
    const script = p.files.find((f) => f.path === 'course.js')!.source;
    expect(script.kind === 'text' && script.text.includes('</script>')).toBe(false);
  });
});

describe('package checks (the rules the schemas miss)', () => {
  const good = plan('scorm2004-4th');
  const entries = good.files.map((f) => f.path);

  it('pass a plan Tailor made', () => {
    expect(checkPackage(good.manifest, entries)).toEqual([]);
    expect(
      checkPackage(
        plan('scorm12').manifest,
        plan('scorm12').files.map((f) => f.path),
      ),
    ).toEqual([]);
  });

  it.each([
    ['a missing manifest', good.manifest, entries.slice(1), /not at the root/],
    [
      'a wrong schemaversion',
      good.manifest.replace('2004 4th Edition', '2004 4th edition'),
      entries,
      /schemaversion.*not exactly/,
    ],
    ['no scormType', good.manifest.replace(' adlcp:scormType="sco"', ''), entries, /no adlcp:scormType/],
    [
      'a dangling identifierref',
      good.manifest.replace('identifierref="tailor-shop-floor-safety-sco"', 'identifierref="nothing"'),
      entries,
      /names no resource/,
    ],
    [
      'an item without a title',
      good.manifest.replace(/(<item [^>]*>\s*)<title>[^<]*<\/title>/, '$1'),
      entries,
      /has no <title>/,
    ],
    [
      'a backslash href',
      good.manifest.replace('<file href="course.js"/>', '<file href="assets\\course.js"/>'),
      entries,
      /backslash/,
    ],
    [
      'a climbing href',
      good.manifest.replace('<file href="course.js"/>', '<file href="../course.js"/>'),
      entries,
      /climbs out/,
    ],
    ['a query string', good.manifest.replace('href="index.html"', 'href="index.html?x=1"'), entries, /query string/],
    [
      'a listed file absent from the zip',
      good.manifest,
      entries.filter((e) => e !== 'player.js'),
      /lists "player.js", which is not in the package/,
    ],
    ['malformed XML', good.manifest.replace('</manifest>', ''), entries, /not well-formed XML/],
  ])('catch %s', (_what, manifest, files, message) => {
    const problems = checkPackage(manifest, files);
    expect(problems.map((p) => `${p.where}: ${p.message}`).join('\n')).toMatch(message);
  });
});

describe('an audience-targeted package', () => {
  it('carries the attributes fixed at export in its package settings, and nothing when none are', () => {
    expect(courseScript(course, 'scorm12', 'generic', { role: 'approver' })).toContain(
      'window.TAILOR_PACKAGE={"standard":"scorm12","profile":"generic","attributes":{"role":"approver"}}',
    );
    expect(courseScript(course, 'scorm12', 'generic')).toContain(
      'window.TAILOR_PACKAGE={"standard":"scorm12","profile":"generic"};',
    );
  });
});
