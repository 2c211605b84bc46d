import type { Answer, Question } from '../../shared/model/schema';
import { correctAnswer, grade } from '../../shared/engine/grade';
import type { CheckOutcome, LearnerRecord } from '../../shared/engine/state-codec';
import type { Interaction } from './tracking/tracker';

export const emptyRecord = (): LearnerRecord => ({
  needs: { captions: false, audio: false, reducedMotion: false },
  prior: {},
  answers: [],
  takeAnyway: [],
  formats: {},
  picks: {},
  completed: [],
  checks: {},
});

const TYPES: Record<Question['type'], Interaction['type']> = {
  single: 'choice',
  multiple: 'choice',
  'true-false': 'true-false',
  'fill-in': 'fill-in',
  matching: 'matching',
  ordering: 'sequencing',
  likert: 'likert',
};

/**
 * SCORM 1.2 names choices with single characters (0-9, a-z), joins with "," and pairs with ".";
 * SCORM 2004 keeps the ids and uses "[,]" and "[.]". One function speaks both.
 */
function formatAnswer(q: Question, answer: Answer, v12: boolean): string {
  const list = v12 ? ',' : '[,]';
  const pair = v12 ? '.' : '[.]';
  const ids: readonly string[] =
    q.type === 'single' || q.type === 'multiple'
      ? q.choices.map((c) => c.id)
      : q.type === 'ordering'
        ? q.items.map((i) => i.id)
        : q.type === 'matching'
          ? q.pairs.map((p) => p.id)
          : [];
  const short = (id: string) => (v12 ? ('0123456789abcdefghijklmnopqrstuvwxyz'[ids.indexOf(id)] ?? '0') : id);
  switch (q.type) {
    case 'true-false':
      return v12 ? (answer ? 't' : 'f') : String(answer === true);
    case 'likert':
      return String(answer);
    case 'fill-in':
      return String(answer).slice(0, v12 ? 255 : 250);
    case 'matching':
      return (Array.isArray(answer) ? answer : [])
        .map((id, i) => `${short(ids[i] ?? id)}${pair}${short(id)}`)
        .join(list);
    default:
      return (Array.isArray(answer) ? answer : [String(answer)]).map(short).join(list);
  }
}

/** The interaction record for one answer, in the format the LMS's standard requires. */
export function interactionFor(q: Question, answer: Answer, prefix: string, v12: boolean): Interaction {
  const { correct } = grade(q, answer);
  const right = correctAnswer(q);
  return {
    id: `${prefix}-${q.id}`,
    type: TYPES[q.type],
    response: formatAnswer(q, answer, v12),
    correctPattern: right === null ? undefined : formatAnswer(q, right, v12),
    result: correct === null ? 'neutral' : correct ? 'correct' : 'wrong',
    competency: q.competency,
  };
}

/** How much a saved state holds: used to pick the fuller of the LMS's copy and this device's. */
export function evidenceIn(record: LearnerRecord): number {
  return record.answers.length + record.completed.length + Object.keys(record.checks ?? {}).length;
}

/**
 * The record after an answer to a knowledge check: the first answer is kept and counts; a later
 * try (where the course allows trying again) is practice and changes nothing (docs/decisions/0005).
 */
export function withCheckAnswer(record: LearnerRecord, question: string, outcome: CheckOutcome): LearnerRecord {
  if (record.checks?.[question] !== undefined) return record;
  return { ...record, checks: { ...record.checks, [question]: outcome } };
}
