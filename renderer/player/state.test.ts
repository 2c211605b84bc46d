import { describe, expect, it } from 'vitest';
import { exampleIndex } from '../../test/fixtures/examples';
import { emptyRecord, interactionFor, withCheckAnswer } from './state';

const index = exampleIndex('purchase-approvals');
const q = (id: string) => index.questions.get(id)!;

describe('interactions in each standard’s own format', () => {
  it('SCORM 1.2: single-character choices joined with commas, t/f, and "wrong"', () => {
    expect(interactionFor(q('p-vendor-2'), ['bank', 'sanctions'], 'placement', true)).toMatchObject({
      type: 'choice',
      response: '1,0',
      correctPattern: '0,1,2',
      result: 'wrong',
    });
    expect(interactionFor(q('p-thr-2'), false, 'placement', true)).toMatchObject({
      type: 'true-false',
      response: 'f',
      correctPattern: 'f',
      result: 'correct',
    });
    expect(interactionFor(q('p-policy-1'), 'a', 'placement', true)).toMatchObject({
      response: '0',
      correctPattern: '0',
    });
  });

  it('SCORM 2004: the ids themselves, "[,]" between them, and true/false', () => {
    expect(interactionFor(q('p-vendor-2'), ['bank', 'sanctions'], 'placement', false)).toMatchObject({
      response: 'bank[,]sanctions',
      correctPattern: 'sanctions[,]bank[,]coi',
    });
    expect(interactionFor(q('p-thr-2'), false, 'placement', false)).toMatchObject({
      response: 'false',
      correctPattern: 'false',
    });
  });

  it('records a self-rating as neutral with no correct pattern', () => {
    expect(interactionFor(q('p-negotiation-self'), 4, 'placement', true)).toMatchObject({
      type: 'likert',
      response: '4',
      result: 'neutral',
      correctPattern: undefined,
    });
  });
});

describe('knowledge-check answers in the record', () => {
  it('keeps the first answer: trying again after a wrong answer is practice and never changes the score', () => {
    const first = withCheckAnswer(emptyRecord(), 'k-three-questions', 'wrong');
    expect(first.checks).toEqual({ 'k-three-questions': 'wrong' });
    const retried = withCheckAnswer(first, 'k-three-questions', 'correct');
    expect(retried).toBe(first);
    expect(withCheckAnswer(retried, 'k-split-order', 'correct').checks).toEqual({
      'k-three-questions': 'wrong',
      'k-split-order': 'correct',
    });
  });
});
