import type { Course, Question } from '../../shared/model/schema';
import type { CourseIndex } from '../../shared/engine/index-course';
import { correctAnswer, grade } from '../../shared/engine/grade';
import { resolvePath, type LearnerPath } from '../../shared/engine/resolve';
import { encodeLearnerRecord, stateFromRecord, type LearnerRecord } from '../../shared/engine/state-codec';
import type { Answer } from '../../shared/model/schema';
import type { Interaction, ObjectiveStatus, Progress } from './tracking/tracker';

/** Knowledge-check answers live only in this session: the score is reported, the answers are not stored. */
export interface Session {
  record: LearnerRecord;
  checks: Map<string, boolean>;
  placementDone: boolean;
}

export const emptyRecord = (): LearnerRecord => ({
  needs: { captions: false, audio: false, reducedMotion: false },
  prior: {},
  answers: [],
  takeAnyway: [],
  formats: {},
  picks: {},
  completed: [],
});

export function pathOf(
  index: CourseIndex,
  record: LearnerRecord,
): { path: LearnerPath; placement: ReturnType<typeof stateFromRecord>['placement'] } {
  const { state, placement } = stateFromRecord(index, record);
  return { path: resolvePath(index, state), placement };
}

const patternOf = (q: Question): string | undefined => {
  const right = correctAnswer(q);
  if (right === null) return undefined;
  if (Array.isArray(right))
    return q.type === 'matching' ? right.map((id) => `${id}[.]${id}`).join('[,]') : right.join('[,]');
  return String(right);
};

const TYPES: Record<Question['type'], Interaction['type']> = {
  single: 'choice',
  multiple: 'choice',
  'true-false': 'true-false',
  'fill-in': 'fill-in',
  matching: 'matching',
  ordering: 'sequencing',
  likert: 'likert',
};

/** The interaction record for one answer, in the shape both standards accept. */
export function interactionFor(q: Question, answer: Answer, prefix: string): Interaction {
  const { correct } = grade(q, answer);
  const response = Array.isArray(answer) ? answer.join('[,]') : String(answer);
  return {
    id: `${prefix}-${q.id}`,
    type: TYPES[q.type],
    response: response.slice(0, 250),
    correctPattern: patternOf(q)?.slice(0, 250),
    result: correct === null ? 'neutral' : correct ? 'correct' : 'wrong',
    competency: q.competency,
  };
}

export function progressOf(
  course: Course,
  index: CourseIndex,
  session: Session,
  path: LearnerPath,
  location: string,
): Progress {
  const answered = [...session.checks.values()];
  const score = answered.length ? answered.filter(Boolean).length / answered.length : null;
  return {
    completed: session.placementDone && path.finished,
    passed: path.finished && score !== null ? score >= course.settings.passingScore : null,
    score,
    location,
    suspendData: encodeLearnerRecord(index, session.record),
  };
}

/** One objective per competency: satisfied when tested out, or when every module teaching it is done. */
export function objectivesOf(
  course: Course,
  path: LearnerPath,
  placement: ReturnType<typeof pathOf>['placement'],
): ObjectiveStatus[] {
  return course.competencies.map((c) => {
    const modules = path.modules.filter((m) => course.modules.find((x) => x.id === m.id)?.competencies.includes(c.id));
    const relevant = modules.filter((m) => m.status === 'required' || m.status === 'skipped');
    const byPlacement = relevant.length > 0 && relevant.every((m) => m.status === 'skipped');
    const done = relevant.every((m) => m.status === 'skipped' || m.lessons.every((l) => l.completed));
    return {
      id: c.id,
      score: placement.scores[c.id] ?? 0,
      satisfied: relevant.length > 0 && done,
      completed: done,
      byPlacement,
    };
  });
}
