import type { Course, Lesson } from '../model/schema';
import type { CourseIndex } from './course-index';
import type { PlacementResult } from './placement';
import type { LearnerPath } from './resolve';
import { stateFromRecord, type LearnerRecord } from './state-codec';
import { lessonCounts, resolvePath } from './resolve';

/** How a lesson treats its knowledge checks: the lesson's own setting, else the course's. */
export interface CheckSettings {
  /** The learner cannot mark the lesson complete before answering every check in it. */
  readonly mustAnswer: boolean;
  /** The lesson's checks count towards the course score. */
  readonly countTowardsScore: boolean;
  /** After a wrong answer the learner may try again; only the first answer counts (score, objectives, LMS). */
  readonly tryAgain: boolean;
}

export function checkSettingsFor(course: Course, lesson: Pick<Lesson, 'checks'>): CheckSettings {
  const course_ = course.settings.checks;
  return {
    mustAnswer: lesson.checks?.mustAnswer ?? course_?.mustAnswer ?? false,
    countTowardsScore: lesson.checks?.countTowardsScore ?? course_?.countTowardsScore ?? true,
    tryAgain: lesson.checks?.tryAgain ?? course_?.tryAgain ?? false,
  };
}

/** A lesson the learner can go back to. */
export interface LessonLink {
  readonly module: string;
  readonly lesson: string;
  readonly title: string;
}

export type ObjectiveSuccess = 'passed' | 'failed' | 'unknown';

/** One competency's objective: its own score against its own mastery threshold. */
export interface CompetencyResult {
  readonly id: string;
  readonly name: string;
  /** 0–1 over every graded answer on this competency (placement and checks, any session); null without any. */
  readonly score: number | null;
  /** 0–1: the competency's mastery level, else the course's pass mark. */
  readonly threshold: number;
  /** Every module on the learner's path that teaches it is done or tested out. */
  readonly completed: boolean;
  /** Decided once completed: passed when the score reaches the threshold; unknown without a score. */
  readonly success: ObjectiveSuccess;
  /** Every module on the path that teaches it was tested out. */
  readonly byPlacement: boolean;
  /** Lessons to go back to: those whose checks on it were answered wrong (else those that teach it, when failed). */
  readonly revisit: readonly LessonLink[];
}

export interface CourseResult {
  /** The placement test is finished (or the course has none). */
  readonly placementDone: boolean;
  /** Placement done, every required lesson done and no choice left open. */
  readonly completed: boolean;
  /** 0–1: the share of the work on the path that is done; 1 exactly when completed. */
  readonly progress: number;
  readonly lessonsDone: number;
  /** Required lessons plus the fewest lessons each open choice can add. */
  readonly lessonsToDo: number;
  /** Choices the learner still has to make. */
  readonly openChoices: number;
  /** 0–1 over every answer the course counts, from every session; null when none was given. */
  readonly score: number | null;
  /** Decided only when completed and scored: whether the score reaches the course's pass mark. */
  readonly passed: boolean | null;
  readonly objectives: readonly CompetencyResult[];
}

interface CheckPlace {
  readonly module: string;
  readonly lesson: string;
  readonly title: string;
  readonly counts: boolean;
}

/** Lookups built once per course, so a result is linear in the size of the path. */
interface ResultIndex {
  /** Check question → the first lesson that asks it. */
  readonly checks: ReadonlyMap<string, CheckPlace>;
  /** Competency → indices of the modules that teach it. */
  readonly modulesOf: ReadonlyMap<string, readonly number[]>;
  readonly thresholds: ReadonlyMap<string, number>;
  /** Rules whose condition reads what the learner knows (a competency), by id. */
  readonly knowing: ReadonlySet<string>;
}

const resultIndexes = new WeakMap<CourseIndex, ResultIndex>();

function resultIndexOf(index: CourseIndex): ResultIndex {
  const cached = resultIndexes.get(index);
  if (cached) return cached;
  const { course } = index;
  const checks = new Map<string, CheckPlace>();
  const modulesOf = new Map<string, number[]>(course.competencies.map((c) => [c.id, []]));
  course.modules.forEach((m, mi) => {
    for (const c of new Set(m.competencies)) modulesOf.get(c)?.push(mi);
    for (const l of m.lessons) {
      const counts = checkSettingsFor(course, l).countTowardsScore;
      for (const blocks of [l.blocks, ...l.renditions.map((r) => r.blocks)])
        for (const b of blocks)
          if (b.type === 'check' && !checks.has(b.question))
            checks.set(b.question, { module: m.id, lesson: l.id, title: l.title, counts });
    }
  });
  const thresholds = new Map(
    course.competencies.map((c) => [
      c.id,
      c.levels.find((l) => l.id === c.masteryLevel)?.minScore ?? course.settings.passingScore,
    ]),
  );
  const knowing = new Set(course.rules.flatMap((r, i) => (index.rules[i]?.deps.competencies.size ? [r.id] : [])));
  const built = { checks, modulesOf, thresholds, knowing };
  resultIndexes.set(index, built);
  return built;
}

interface Tally {
  points: number;
  max: number;
}
const share = (t: Tally | undefined) => (t && t.max > 0 ? t.points / t.max : null);
const add = (t: Tally, weight: number, correct: boolean) => {
  t.max += weight;
  if (correct) t.points += weight;
};

/**
 * The learner's result, a pure function of what they did: completion, progress, score, success and
 * one objective per competency. The course map, the end screen and every tracker read this and
 * nothing else, so what the learner sees is what the LMS is told.
 */
export function courseResult(
  index: CourseIndex,
  record: LearnerRecord,
  path: LearnerPath,
  placement: PlacementResult,
): CourseResult {
  const { course } = index;
  const ri = resultIndexOf(index);
  const scoreFrom = course.settings.scoreFrom ?? 'checks';

  // Evidence: every graded placement answer and every first answer to a check, from any session.
  const total: Tally = { points: 0, max: 0 };
  const byCompetency = new Map<string, Tally>();
  const tallyOf = (c: string) => {
    let t = byCompetency.get(c);
    if (!t) byCompetency.set(c, (t = { points: 0, max: 0 }));
    return t;
  };
  const wrongChecks = new Map<string, LessonLink[]>();
  for (const step of placement.steps) {
    const q = index.questions.get(step.question);
    if (!q || step.correct === null) continue;
    if (scoreFrom !== 'checks') add(total, q.weight, step.correct);
    if (q.competency) add(tallyOf(q.competency), q.weight, step.correct);
  }
  for (const [id, outcome] of Object.entries(record.checks ?? {})) {
    const q = index.questions.get(id);
    const place = ri.checks.get(id);
    if (!q || !place || outcome === 'neutral') continue;
    const correct = outcome === 'correct';
    if (scoreFrom !== 'placement' && place.counts) add(total, q.weight, correct);
    if (q.competency) {
      add(tallyOf(q.competency), q.weight, correct);
      if (!correct) {
        const list = wrongChecks.get(q.competency) ?? [];
        if (!list.some((l) => l.lesson === place.lesson))
          list.push({ module: place.module, lesson: place.lesson, title: place.title });
        wrongChecks.set(q.competency, list);
      }
    }
  }

  // Completion and progress, from the path: a pending choice keeps the course open.
  const placementDone = placement.ended !== 'unanswered';
  let lessonsDone = 0;
  let lessonsToDo = 0;
  for (const m of path.modules) {
    if (m.status !== 'required') continue;
    // A skipped lesson (a lesson rule) counts as done without being done, so it is neither to do nor done.
    const counts = lessonCounts(m);
    lessonsToDo += counts.toDo;
    lessonsDone += counts.done;
  }
  let openChoices = 0;
  for (const choice of path.choices) {
    const remaining = choice.pick - choice.picked.length;
    if (remaining <= 0) continue;
    openChoices++;
    // The least the learner can still have to do: the shortest options not picked yet, at least a lesson each.
    const sizes = choice.options
      .filter((id) => !choice.picked.includes(id))
      .map((id) => path.modules[index.moduleIndex.get(id) ?? -1]?.lessons.filter((l) => !l.skipped).length ?? 0)
      .sort((a, b) => a - b);
    for (const size of sizes.slice(0, remaining)) lessonsToDo += Math.max(1, size);
  }
  const completed = placementDone && openChoices === 0 && lessonsDone === lessonsToDo;
  const progress = completed ? 1 : placementDone && lessonsToDo > 0 ? Math.min(0.99, lessonsDone / lessonsToDo) : 0;

  const score = share(total);
  const passed = completed && score !== null ? score >= course.settings.passingScore : null;

  const objectives = course.competencies.map((c): CompetencyResult => {
    let relevant = 0;
    let skipped = 0;
    let done = true;
    const teaching: LessonLink[] = [];
    for (const mi of ri.modulesOf.get(c.id) ?? []) {
      const m = path.modules[mi]!;
      // A module whose every lesson rules skip for what the learner knows counts as placed out of, as a skipped one;
      // skipped for who they are (their role, say) it is simply done, never "satisfied by the placement test".
      const placedOut =
        m.status === 'required' &&
        m.lessons.length > 0 &&
        m.lessons.every((l) => l.skipped && l.reasons.some((r) => r.rule !== undefined && ri.knowing.has(r.rule)));
      if (m.status === 'skipped' || placedOut) {
        relevant++;
        skipped++;
      } else if (m.status === 'required' || m.status === 'choice') {
        relevant++;
        for (const l of m.lessons) if (!l.completed && !l.skipped) done = false;
        const first = m.lessons.find((l) => !l.skipped) ?? m.lessons[0];
        if (first) teaching.push({ module: m.id, lesson: first.id, title: first.title });
      }
    }
    const own = share(byCompetency.get(c.id));
    const threshold = ri.thresholds.get(c.id)!;
    const isDone = placementDone && done;
    const success: ObjectiveSuccess = !isDone || own === null ? 'unknown' : own >= threshold ? 'passed' : 'failed';
    const wrong = wrongChecks.get(c.id) ?? [];
    return {
      id: c.id,
      name: c.name,
      score: own,
      threshold,
      completed: isDone,
      success,
      byPlacement: relevant > 0 && skipped === relevant,
      revisit: wrong.length ? wrong : success === 'failed' ? teaching : [],
    };
  });

  return { placementDone, completed, progress, lessonsDone, lessonsToDo, openChoices, score, passed, objectives };
}

/** The path and result of a saved record, computed together: the one call a state change needs. */
export function resultOfRecord(
  index: CourseIndex,
  record: LearnerRecord,
): { path: LearnerPath; placement: PlacementResult; result: CourseResult } {
  const { state, placement } = stateFromRecord(index, record);
  const path = resolvePath(index, state);
  return { path, placement, result: courseResult(index, record, path, placement) };
}
