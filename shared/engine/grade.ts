import type { Answer, Question } from '../model/schema';

export interface Grade {
  /** null for self-ratings, which have no right answer. */
  readonly correct: boolean | null;
  /** 0–1: share of the question's points earned, or the self-rating on a 0–1 scale. */
  readonly score: number;
}

const normalize = (s: string, caseSensitive: boolean) => {
  const collapsed = s.trim().replace(/\s+/g, ' ');
  return caseSensitive ? collapsed : collapsed.toLowerCase();
};

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The ids of the right answer, in the shape `grade` expects. */
export function correctAnswer(question: Question): Answer | null {
  switch (question.type) {
    case 'single':
      return question.choices.find((c) => c.correct)?.id ?? null;
    case 'multiple':
      return question.choices.filter((c) => c.correct).map((c) => c.id);
    case 'true-false':
      return question.answer;
    case 'fill-in':
      return question.accepted[0] ?? null;
    case 'matching':
      return question.pairs.map((p) => p.id);
    case 'ordering':
      return question.items.map((i) => i.id);
    case 'likert':
      return null;
  }
}

/** Grades one answer. A missing or malformed answer is simply wrong, never an exception. */
export function grade(question: Question, answer: Answer | undefined): Grade {
  const result = (correct: boolean): Grade => ({ correct, score: correct ? 1 : 0 });
  switch (question.type) {
    case 'single': {
      const choice = question.choices.find((c) => c.id === answer);
      return result(choice?.correct === true);
    }
    case 'multiple': {
      if (!Array.isArray(answer)) return result(false);
      const wanted = question.choices
        .filter((c) => c.correct)
        .map((c) => c.id)
        .sort();
      return result(sameList([...new Set(answer)].sort(), wanted));
    }
    case 'true-false':
      return result(answer === question.answer);
    case 'fill-in':
      return result(
        typeof answer === 'string' &&
          question.accepted.some(
            (a) => normalize(a, question.caseSensitive) === normalize(answer, question.caseSensitive),
          ),
      );
    case 'matching':
      return result(
        Array.isArray(answer) &&
          sameList(
            answer,
            question.pairs.map((p) => p.id),
          ),
      );
    case 'ordering':
      return result(
        Array.isArray(answer) &&
          sameList(
            answer,
            question.items.map((i) => i.id),
          ),
      );
    case 'likert': {
      const n = typeof answer === 'number' ? Math.min(question.points, Math.max(1, Math.round(answer))) : 1;
      return { correct: null, score: (n - 1) / (question.points - 1) };
    }
  }
}

/** The feedback a learner sees for an answer: the choice's own, else the general one. */
export function feedbackFor(question: Question, answer: Answer | undefined): string | undefined {
  const { correct } = grade(question, answer);
  if ((question.type === 'single' || question.type === 'multiple') && typeof answer === 'string') {
    const own = question.choices.find((c) => c.id === answer)?.feedback;
    if (own) return own;
  }
  if (correct === null) return undefined;
  return correct ? question.feedback.correct : question.feedback.incorrect;
}
