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
