import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexCourse } from '../../../shared/engine';
import { course as courseSchema, type Course } from '../../../shared/model';
import {
  compareLearners,
  displayParameters,
  launchParameters,
  lmsPageAddress,
  previewLearner,
} from './learner-preview';

const folder = new URL('../../../resources/examples/purchase-approvals/', import.meta.url);
const example = (): Course => courseSchema.parse(JSON.parse(readFileSync(new URL('course.json', folder), 'utf8')));

describe('the side-by-side comparison', () => {
  it('shows every module of the course once, with each learner’s status, in course order', () => {
    const course = example();
    const index = indexCourse(course);
    const learners = course.personas.slice(0, 2).map((p) => previewLearner(index, p));
    const modules = compareLearners(index, learners).filter((r) => r.key.startsWith('module:'));
    expect(modules.map((r) => r.label)).toEqual(course.modules.map((m) => m.title));
    expect(modules.every((r) => r.cells.length === 2)).toBe(true);
  });

  it('marks a row as different only when the learners do not all get the same', () => {
    const course = example();
    const index = indexCourse(course);
    const [nadia, victor] = ['nadia', 'victor'].map((id) =>
      previewLearner(
        index,
        course.personas.find((p) => p.id === id)!,
      ),
    );
    const rows = compareLearners(index, [nadia!, victor!]);
    const policy = rows.find((r) => r.key === 'module:why-policy')!;
    expect(policy.cells).toEqual(['Takes', 'Tested out']);
    expect(policy.differs).toBe(true);
    const same = compareLearners(index, [nadia!, nadia!]);
    expect(same.some((r) => r.differs)).toBe(false);
  });
});

describe('lesson rules in the comparison', () => {
  const withLessonRule = (): Course => {
    const course = example();
    return courseSchema.parse({
      ...course,
      rules: [
        ...course.rules,
        {
          id: 'experienced-skip-req',
          when: 'seniority == experienced',
          then: { kind: 'skip-lessons', lessons: ['req-good'] },
          reason: 'You raise requisitions every week.',
        },
      ],
    });
  };

  it('adds a row under the module for a lesson a rule names: skipped with the reason, or what the module is', () => {
    const course = withLessonRule();
    const index = indexCourse(course);
    const learners = ['nadia', 'rosa', 'victor'].map((id) =>
      previewLearner(
        index,
        course.personas.find((p) => p.id === id)!,
      ),
    );
    const rows = compareLearners(index, learners);
    const lesson = rows.find((r) => r.key === 'lesson:req-good')!;
    expect(lesson.label).toBe('Raising a purchase requisition › What a good requisition says');
    expect(lesson.cells).toEqual(['Takes', 'Skipped: You raise requisitions every week.', 'Not for them']);
    expect(lesson.differs).toBe(true);
    expect(rows.findIndex((r) => r.key === 'lesson:req-good')).toBe(
      rows.findIndex((r) => r.key === 'module:requisitions') + 1,
    );
    // Rosa, a requester, also skips "Delegating while you are away" by the example's own lesson rule.
    expect(rows.find((r) => r.key === 'lessons-skipped')!.cells).toEqual(['0', '2', '0']);
  });

  it('adds no lesson rows to a course without lesson rules', () => {
    const full = example();
    const course = { ...full, rules: full.rules.filter((r) => r.then.kind !== 'skip-lessons') };
    const index = indexCourse(course);
    const rows = compareLearners(
      index,
      course.personas.slice(0, 2).map((p) => previewLearner(index, p)),
    );
    expect(rows.some((r) => r.key.startsWith('lesson'))).toBe(false);
  });
});

describe('the preview’s launch', () => {
  it('passes a persona’s attributes as launch parameters, as an LMS would', () => {
    const victor = example().personas.find((p) => p.id === 'victor')!;
    const params = new URLSearchParams(launchParameters(victor));
    expect(params.get('role')).toBe('approver');
    expect(params.get('seniority')).toBe(victor.seniority);
    expect(launchParameters(undefined)).toBe('');
    expect(new URLSearchParams(launchParameters({ ...victor, attributes: { site: 'north' } })).get('site')).toBe(
      'north',
    );
  });

  it('tells the LMS page its API and the one origin it may report to', () => {
    const address = new URL(
      lmsPageAddress('http://127.0.0.1:5000/abc/lms/lms.html', {
        standard: 'scorm12',
        studioOrigin: 'http://127.0.0.1:4680',
        title: 'Course',
      }),
    );
    expect(address.searchParams.get('api')).toBe('scorm12');
    expect(address.searchParams.get('studio')).toBe('http://127.0.0.1:4680');
    expect(address.searchParams.has('launch')).toBe(false);
    expect(address.searchParams.has('resume')).toBe(false);
  });

  it('hands a rebuilt preview the place it carries over, as the data model the LMS launches with', () => {
    const resume = { 'cmi.suspend_data': 'T2abc.def', 'cmi.location': 'l2', 'cmi.entry': 'resume' };
    const address = new URL(
      lmsPageAddress('http://127.0.0.1:5000/abc/lms/lms.html', {
        standard: 'scorm2004-4th',
        studioOrigin: 'http://127.0.0.1:4680',
        title: 'Course',
        resume,
      }),
    );
    expect(JSON.parse(address.searchParams.get('resume')!)).toEqual(resume);
  });
});

describe('the previewed device’s display', () => {
  it('asks the player for dark mode, captions and reduced motion, and nothing by default', () => {
    expect(displayParameters({ dark: true, captions: true, reducedMotion: true })).toBe(
      'theme=dark&captions=on&motion=reduce',
    );
    expect(displayParameters({ dark: false, captions: false, reducedMotion: false })).toBe('');
    const address = new URL(
      lmsPageAddress('http://127.0.0.1:5000/abc/lms/lms.html', {
        standard: 'scorm2004-4th',
        studioOrigin: 'http://127.0.0.1:4680',
        title: 'Course',
        display: { dark: true, captions: false, reducedMotion: false },
      }),
    );
    expect(address.searchParams.get('display')).toBe('theme=dark');
  });
});
