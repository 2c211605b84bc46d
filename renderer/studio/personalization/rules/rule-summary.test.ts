import { describe, expect, it } from 'vitest';
import { actionSummary, withDraft } from './rule-summary';

const titles = new Map([
  ['m1', 'Purchasing policy'],
  ['m2', 'Thresholds'],
  ['m3', 'Vendors'],
  ['m4', 'Negotiation'],
  ['m5', 'Contracts'],
]);

describe("a closed rule's summary", () => {
  it('names the action and its modules by their titles', () => {
    expect(actionSummary({ kind: 'skip', modules: ['m1', 'm2'] }, titles)).toBe(
      'Skip (tested out): Purchasing policy, Thresholds',
    );
    expect(actionSummary({ kind: 'offer-choice', modules: ['m3', 'm4'], prompt: '' }, titles)).toBe(
      'Offer a choice between: Vendors, Negotiation',
    );
  });

  it('says how many a choice of several asks the learner to pick', () => {
    expect(actionSummary({ kind: 'offer-choice', modules: ['m1', 'm3', 'm4'], prompt: '', pick: 2 }, titles)).toBe(
      'Offer a choice between: Purchasing policy, Vendors, Negotiation (pick 2)',
    );
  });

  it('counts the modules past the third instead of listing them all', () => {
    expect(actionSummary({ kind: 'require', modules: ['m1', 'm2', 'm3', 'm4', 'm5'] }, titles)).toBe(
      'Require: Purchasing policy, Thresholds, Vendors and 2 more',
    );
  });

  it('keeps the id of a module the course no longer has', () => {
    expect(actionSummary({ kind: 'optional', modules: ['gone'] }, titles)).toBe('Make optional: gone');
  });

  it('names the formats offered and how many lessons they cover', () => {
    expect(actionSummary({ kind: 'offer-formats', lessons: [], formats: ['video', 'text'] }, titles)).toBe(
      'Offer formats: video, text (every lesson with formats)',
    );
    expect(actionSummary({ kind: 'offer-formats', lessons: ['l1'], formats: ['audio'] }, titles)).toBe(
      'Offer formats: audio (1 lesson)',
    );
  });

  it('names the lessons a lesson rule skips by their titles, counting those past the third', () => {
    const lessons = new Map([
      ['what-is', 'What phishing is'],
      ['spot-it', 'Spot the signs'],
      ['report-it', 'Report it'],
      ['quiz', 'Check yourself'],
    ]);
    expect(actionSummary({ kind: 'skip-lessons', lessons: ['what-is', 'spot-it'] }, titles, lessons)).toBe(
      'Skip lessons (already known): What phishing is, Spot the signs',
    );
    expect(
      actionSummary({ kind: 'skip-lessons', lessons: ['what-is', 'spot-it', 'report-it', 'quiz'] }, titles, lessons),
    ).toBe('Skip lessons (already known): What phishing is, Spot the signs, Report it and 1 more');
  });

  it('keeps the id of a lesson the course no longer has', () => {
    expect(actionSummary({ kind: 'skip-lessons', lessons: ['gone'] }, titles, new Map())).toBe(
      'Skip lessons (already known): gone',
    );
  });
});

describe('the drafts kept while another rule is open', () => {
  it('keeps a condition that does not check, and drops it once it does', () => {
    const typed = withDraft(new Map(), 'r1', 'mastery(polcy) >= basic');
    expect(typed.get('r1')).toBe('mastery(polcy) >= basic');
    expect(withDraft(typed, 'r1', undefined).has('r1')).toBe(false);
  });

  it('stays the same map when nothing changed, so the list is not drawn again', () => {
    const drafts = withDraft(new Map(), 'r1', 'x >');
    expect(withDraft(drafts, 'r1', 'x >')).toBe(drafts);
    expect(withDraft(drafts, 'r2', undefined)).toBe(drafts);
  });
});
