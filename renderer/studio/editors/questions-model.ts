import type { Question } from '../../../shared/model';

/** A question by its words, short enough for a picker. */
export function questionLabel(q: Pick<Question, 'prompt' | 'id'>): string {
  const words = q.prompt.replace(/<[^>]*>/g, '').trim() || q.id;
  return words.length > 80 ? `${words.slice(0, 77)}…` : words;
}

export const QUESTION_TYPES = [
  'single',
  'multiple',
  'true-false',
  'fill-in',
  'matching',
  'ordering',
  'likert',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  single: 'Single choice',
  multiple: 'Multiple choice',
  'true-false': 'True or false',
  'fill-in': 'Fill in the blank',
  matching: 'Matching',
  ordering: 'Ordering',
  likert: 'Self-rating (Likert)',
};

/** The same question as another type: prompt, competency, difficulty, weight and feedback carry over. */
export function convertQuestion(q: Question, type: QuestionType): Question {
  const base = {
    id: q.id,
    prompt: q.prompt,
    competency: q.competency,
    difficulty: q.difficulty,
    weight: q.weight,
    feedback: q.feedback,
  };
  const choices =
    'choices' in q
      ? q.choices
      : [
          { id: 'a', text: 'Right answer', correct: true },
          { id: 'b', text: 'Wrong answer', correct: false },
        ];
  switch (type) {
    case 'single': {
      const first = Math.max(
        0,
        choices.findIndex((c) => c.correct),
      );
      return { ...base, type, choices: choices.map((c, i) => ({ ...c, correct: i === first })) };
    }
    case 'multiple':
      return { ...base, type, choices };
    case 'true-false':
      return { ...base, type, answer: true };
    case 'fill-in':
      return { ...base, type, accepted: ['answer'], caseSensitive: false };
    case 'matching':
      return {
        ...base,
        type,
        pairs: [
          { id: 'p1', left: 'Term', right: 'Meaning' },
          { id: 'p2', left: 'Another term', right: 'Its meaning' },
        ],
      };
    case 'ordering':
      return {
        ...base,
        type,
        items: [
          { id: 's1', text: 'First step' },
          { id: 's2', text: 'Second step' },
        ],
      };
    case 'likert':
      return { ...base, type, points: 5, anchors: { low: 'Not at all confident', high: 'Very confident' } };
  }
}

/** What the model allows but a learner could never answer right, said at the field. */
export function answerProblem(q: Question): string | undefined {
  if (q.type === 'single' && q.choices.filter((c) => c.correct).length !== 1)
    return 'Mark exactly one choice as the right answer.';
  if (q.type === 'multiple' && !q.choices.some((c) => c.correct)) return 'Mark at least one choice as right.';
  return undefined;
}
