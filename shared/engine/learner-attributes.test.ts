import { describe, expect, it } from 'vitest';
import type { CourseInput } from '../model';
import { printExpr, parseExpr, withoutOffsets } from './expr';
import { loadCourseOrThrow } from './course-index';
import type { LearnerState } from './learner';
import { resolvePath } from './resolve';
import { courseWith as baseCourse, learnerAs, moduleNamed, problemsOf, ruleNamed } from './testing/course-builder';

const mod = moduleNamed;
const rule = (id: string, when: string, kind: 'skip' | 'require', modules: string[]) =>
  ruleNamed(id, when, { kind, modules });
const courseWith = (rest: Partial<CourseInput> = {}): CourseInput =>
  baseCourse({
    settings: {
      roles: ['teller', 'admin'],
      attributes: [
        {
          id: 'site',
          label: 'Which site do you work at?',
          values: [
            { id: 'north', label: 'North plant' },
            { id: 'south', label: 'South warehouse' },
          ],
        },
      ],
    },
    modules: [mod('intro'), mod('forklift'), mod('dock')],
    ...rest,
  });
const learner = (role: string, attributes?: Record<string, string>): LearnerState =>
  learnerAs(role, attributes ? { attributes } : {});
const statusOf = (input: CourseInput, who: LearnerState, id: string) =>
  resolvePath(loadCourseOrThrow(input), who).modules.find((m) => m.id === id)!.status;

describe('rules that read a learner attribute the course declares', () => {
  it('read it as a bare name, like role and seniority', () => {
    const course = courseWith({ rules: [rule('north-skips-dock', 'site == north', 'skip', ['dock'])] });
    expect(statusOf(course, learner('teller', { site: 'north' }), 'dock')).toBe('skipped');
    expect(statusOf(course, learner('teller', { site: 'south' }), 'dock')).toBe('required');
    expect(statusOf(course, learner('teller'), 'dock')).toBe('required');
    const listed = courseWith({ rules: [rule('r', 'site not in [north] and role == teller', 'skip', ['dock'])] });
    expect(statusOf(listed, learner('teller', { site: 'south' }), 'dock')).toBe('skipped');
    expect(statusOf(listed, learner('teller', { site: 'north' }), 'dock')).toBe('required');
  });

  it('point at a misspelt attribute and suggest the one meant', () => {
    expect(problemsOf(courseWith({ rules: [rule('r', 'sites == north', 'skip', ['dock'])] }))).toEqual([
      {
        path: 'rules[0].when',
        message: 'there is no variable "sites" in rules. Did you mean "site"? (at character 1: ⟨here⟩sites == north)',
      },
    ]);
  });

  it('point at an unknown value and suggest the one meant', () => {
    expect(problemsOf(courseWith({ rules: [rule('r', 'site in [south, nort]', 'skip', ['dock'])] }))).toEqual([
      {
        path: 'rules[0].when',
        message:
          '"nort" is not a known site (known: north, south). Did you mean "north"? (at character 17: site in [south, ⟨here⟩nort])',
      },
    ]);
  });

  it('refuse ordering a value, as for roles', () => {
    expect(problemsOf(courseWith({ rules: [rule('r', 'site > north', 'skip', ['dock'])] }))[0]?.message).toMatch(
      /">" does not order sites; use == or !=/,
    );
  });

  it('print and parse back to the same condition', () => {
    const source = 'site in [north, south] and not site == north';
    expect(withoutOffsets(parseExpr(printExpr(parseExpr(source))))).toEqual(withoutOffsets(parseExpr(source)));
  });
});

describe('declaring learner attributes', () => {
  it('refuses an attribute named like a word of the rule language, and a value named like an attribute', () => {
    expect(
      problemsOf(
        courseWith({
          settings: {
            attributes: [
              { id: 'role', label: 'Role', values: [{ id: 'a', label: 'A' }] },
              { id: 'site', label: 'Site', values: [{ id: 'tenure', label: 'X' }] },
              { id: 'tenure', label: 'Tenure', values: [{ id: 'long', label: 'Long' }] },
            ],
          },
        }),
      ).map((p) => p.path),
    ).toEqual(['settings.attributes[0].id', 'settings.attributes[1].values[0].id']);
  });

  it('checks the values personas give, with suggestions', () => {
    expect(
      problemsOf(
        courseWith({
          personas: [
            { id: 'p', name: 'P', role: 'teller', attributes: { site: 'nort' } },
            { id: 'q', name: 'Q', role: 'teller', attributes: { sites: 'north' } },
          ],
        }),
      ),
    ).toEqual([
      {
        path: 'personas[0].attributes.site',
        message: '"nort" is not a value of site (north, south). Did you mean "north"?',
      },
      {
        path: 'personas[1].attributes.sites',
        message: '"sites" is not one of the course\'s learner attributes (site). Did you mean "site"?',
      },
    ]);
  });
});

describe('audiences and mandates that name attribute values', () => {
  const course = courseWith({
    modules: [
      mod('intro'),
      mod('forklift', { audience: ['site=north'] }),
      mod('dock', { audience: ['teller', 'site=south'], mandatoryFor: ['admin', 'site=north'] }),
    ],
    rules: [rule('experts-skip-dock', 'mastery(basics) >= expert', 'skip', ['dock'])],
  });

  it('give a module only to learners with a listed value', () => {
    expect(statusOf(course, learner('teller', { site: 'north' }), 'forklift')).toBe('required');
    expect(statusOf(course, learner('teller', { site: 'south' }), 'forklift')).toBe('excluded');
    expect(statusOf(course, learner('teller'), 'forklift')).toBe('excluded');
    const path = resolvePath(loadCourseOrThrow(course), learner('teller', { site: 'south' }));
    expect(path.modules.find((m) => m.id === 'forklift')!.reasons[0]!.text).toBe(
      'Meant for learners who answered “North plant”.',
    );
  });

  it('need every named attribute to hold: a teller at the south site, an admin at the north site', () => {
    expect(statusOf(course, learner('teller', { site: 'south' }), 'dock')).toBe('required');
    expect(statusOf(course, learner('teller', { site: 'north' }), 'dock')).toBe('excluded');
    const expertAdminNorth = { ...learner('admin', { site: 'north' }), mastery: { basics: 'expert' } };
    const path = resolvePath(loadCourseOrThrow(course), expertAdminNorth);
    const dock = path.modules.find((m) => m.id === 'dock')!;
    expect(dock.status).toBe('required');
    expect(dock.reasons[0]!.text).toBe('Mandatory for admin who answered “North plant”.');
    expect(statusOf(course, { ...learner('admin', { site: 'south' }), mastery: { basics: 'expert' } }, 'dock')).toBe(
      'excluded',
    );
  });

  it('point at an unknown attribute or value in an audience', () => {
    expect(
      problemsOf(courseWith({ modules: [mod('a', { audience: ['site=nort'], mandatoryFor: ['sit=north'] })] })),
    ).toEqual([
      {
        path: 'modules[0].audience[0]',
        message: '"nort" is not a value of site (north, south). Did you mean "north"?',
      },
      {
        path: 'modules[0].mandatoryFor[0]',
        message: '"sit" is not one of the course\'s learner attributes (site). Did you mean "site"?',
      },
    ]);
  });
});
