import type { Answer, Block, Course, Persona, Question } from '../model/schema';
import { FORMATS, SENIORITIES } from '../model/constants';
import { courseAttributes } from './attributes';
import type { CourseIndex } from './course-index';
import { correctAnswer, grade } from './grade';
import { PlacementWalker, type PlacementResult } from './placement';
import { baseFormat, withPick, type LearnerPath, type PathLesson } from './resolve';
import { resultOfRecord, type CourseResult } from './result';
import type { LearnerRecord } from './state-codec';

/**
 * How a persona plays a package, the one rule `tailor paths` predicts with and the drivers
 * (`tailor verify`'s smoke run, the conformance suite) follow, so prediction and LMS cannot drift:
 *
 * - **Intake:** it gives its role, department, seniority and preferred format where the intake asks
 *   them (a value the course does not offer leaves the first option), and ticks its needs.
 * - **Answers:** its answer profile's answer to the question (placement and knowledge checks alike).
 *   Without one, a placement question is answered from prior knowledge: right when its prior level of
 *   the question's competency reaches that competency's mastery threshold, else wrong; a knowledge
 *   check is answered right (it has just taken the lesson). A self-rating without an answer is the
 *   point of the scale its prior level stands for.
 * - **Path:** on the map it first makes any open choice (the first option the map offers), then
 *   follows "Continue"; in a lesson it answers every check not answered yet, in order, then marks the
 *   lesson complete; it stops when the course says it is completed.
 */
export type AnswerOccasion = 'placement' | 'check';

type Competencies = Pick<Course, 'competencies' | 'settings'>;

/** The competency's mastery threshold: its mastery level's minimum score, else the course's pass mark. */
function thresholdOf(course: Competencies, competency: string): number {
  const c = course.competencies.find((x) => x.id === competency);
  return c?.levels.find((l) => l.id === c.masteryLevel)?.minScore ?? course.settings.passingScore;
}

/** The persona's prior level of a competency as a 0–1 score: the level's minimum score, 0 when unknown. */
function priorScore(course: Competencies, persona: Persona, competency: string | undefined): number {
  const c = competency ? course.competencies.find((x) => x.id === competency) : undefined;
  const level = c && persona.prior.mastery[c.id];
  return c?.levels.find((l) => l.id === level)?.minScore ?? 0;
}

/** A wrong answer of the question's own shape: the first wrong choice, the other truth value, a guess. */
export function wrongAnswer(question: Question): Answer {
  switch (question.type) {
    case 'single':
      return (question.choices.find((c) => !c.correct) ?? question.choices[0]!).id;
    case 'multiple':
      return question.choices.filter((c) => !c.correct).map((c) => c.id);
    case 'true-false':
      return !question.answer;
    case 'fill-in':
      return grade(question, 'not sure').correct ? 'I do not know' : 'not sure';
    case 'matching':
      return question.pairs.map((p) => p.id).reverse();
    case 'ordering':
      return question.items.map((i) => i.id).reverse();
    case 'likert':
      return 1;
  }
}

/** The answer a persona gives to a question (see the rule above). */
export function personaAnswer(
  course: Competencies,
  persona: Persona,
  question: Question,
  occasion: AnswerOccasion,
): Answer {
  const given = persona.prior.answers[question.id];
  if (given !== undefined) return given;
  const prior = priorScore(course, persona, question.competency);
  if (question.type === 'likert') return 1 + Math.round(prior * (question.points - 1));
  const knows = occasion === 'check' || !question.competency || prior >= thresholdOf(course, question.competency);
  return knows ? (correctAnswer(question) ?? wrongAnswer(question)) : wrongAnswer(question);
}

/** What the intake records for a persona: its attributes where the intake asks them, and its needs. */
export function personaIntake(
  index: CourseIndex,
  persona: Persona,
): Pick<LearnerRecord, 'role' | 'department' | 'seniority' | 'preferredFormat' | 'needs' | 'attributes'> {
  const given: Record<string, string | undefined> = {
    ...persona.attributes,
    role: persona.role,
    department: persona.department,
    seniority: persona.seniority,
    preferredFormat: persona.preferredFormat,
  };
  const value = (id: string): string | undefined => {
    const attribute = courseAttributes(index).find((a) => a.id === id);
    if (!attribute) return undefined;
    if (id === 'preferredFormat') return attribute.options.find((o) => o.value === given[id])?.value;
    return (attribute.options.find((o) => o.value === given[id]) ?? attribute.options[0])?.value;
  };
  const seniority = value('seniority');
  const format = value('preferredFormat');
  return {
    role: value('role'),
    department: value('department'),
    seniority: SENIORITIES.find((s) => s === seniority),
    preferredFormat: FORMATS.find((f) => f === format),
    needs: { ...persona.needs },
    ...(index.attributes.size
      ? {
          attributes: Object.fromEntries(
            courseAttributes(index).flatMap((a) => {
              const v = a.declared ? value(a.id) : undefined;
              return v === undefined ? [] : [[a.id, v]];
            }),
          ),
        }
      : {}),
  };
}

/** The choice a persona makes on the map: the first option of an open choice, in the map's order. */
export function personaPick(path: LearnerPath): { readonly rule: string; readonly module: string } | undefined {
  const open = new Map<string, string>();
  for (const c of path.choices)
    if (c.picked.length < c.pick) for (const id of c.options) if (!c.picked.includes(id)) open.set(id, c.rule);
  for (const m of path.modules) {
    const rule = m.status === 'choice' ? open.get(m.id) : undefined;
    if (rule !== undefined) return { rule, module: m.id };
  }
  return undefined;
}

/** The blocks a lesson shows in the format the path gives it: a rendition, else its own blocks. */
export function shownBlocks(index: CourseIndex, lesson: Pick<PathLesson, 'id' | 'format'>): readonly Block[] {
  const at = index.lessonIndex.get(lesson.id);
  const source = at && index.course.modules[at.module]!.lessons[at.lesson];
  if (!source) return [];
  const rendition =
    lesson.format === baseFormat(source.blocks) ? undefined : source.renditions.find((r) => r.format === lesson.format);
  return rendition?.blocks ?? source.blocks;
}

export interface PersonaPlaythrough {
  /** What the player saves at the end: the suspend_data the LMS holds, decoded. */
  readonly record: LearnerRecord;
  readonly path: LearnerPath;
  readonly placement: PlacementResult;
  /** The result the trackers report, and so what the LMS holds. */
  readonly result: CourseResult;
  /** Lessons in the order the persona took them. */
  readonly lessons: readonly string[];
  /** False when the path ran out before the course was completed (the player offers no way on). */
  readonly finished: boolean;
}

/** Where a play-through stops early: once the placement test is answered, or on a module's first lesson. */
export type PlayUntil = { readonly placed: true } | { readonly module: string };

/**
 * Plays the package as the persona would, by the rule above, without a browser: to the end, or
 * `until` a place (the record then says where the learner stands, as a preview starting there needs).
 */
export function playAsPersona(index: CourseIndex, persona: Persona, until?: PlayUntil): PersonaPlaythrough {
  const { course } = index;
  const answers: Answer[] = [];
  // The intake comes first, so the placement test's branches see what the persona told it.
  const intake = personaIntake(index, persona);
  const walker = PlacementWalker.start(index, intake);
  while (walker && !walker.done && !walker.looping && walker.pending) {
    const answer = personaAnswer(course, persona, walker.pending.question, 'placement');
    answers.push(answer);
    walker.answer(answer);
  }
  let record: LearnerRecord = {
    ...intake,
    prior: {},
    answers,
    takeAnyway: [],
    formats: {},
    picks: {},
    completed: [],
    checks: {},
    visits: 1,
  };
  const lessons: string[] = [];
  let now = resultOfRecord(index, record);
  const take = (moduleId: string, lessonId: string) => {
    const lesson = now.path.modules[index.moduleIndex.get(moduleId)!]!.lessons.find((l) => l.id === lessonId)!;
    const checks = { ...record.checks };
    for (const b of shownBlocks(index, lesson)) {
      const q = b.type === 'check' ? index.questions.get(b.question) : undefined;
      if (!q || checks[q.id]) continue;
      const { correct } = grade(q, personaAnswer(course, persona, q, 'check'));
      checks[q.id] = correct === null ? 'neutral' : correct ? 'correct' : 'wrong';
    }
    lessons.push(lessonId);
    record = {
      ...record,
      checks,
      completed: lesson.completed ? record.completed : [...record.completed, lessonId],
      location: lessonId,
    };
    now = resultOfRecord(index, record);
  };
  // Each step takes a lesson or makes a choice, so the walk ends within lessons + choices steps.
  for (
    let guard = index.lessonIndex.size + course.rules.length + 1;
    guard > 0 && !(until && 'placed' in until);
    guard--
  ) {
    if (now.result.completed) break;
    const pick = personaPick(now.path);
    if (pick) {
      const count = now.path.choices.find((c) => c.rule === pick.rule)?.pick ?? 1;
      record = { ...record, picks: withPick(record.picks, pick.rule, pick.module, count), location: undefined };
      now = resultOfRecord(index, record);
      continue;
    }
    let next = now.path.next;
    if (!next) break;
    if (until && 'module' in until && next.module === until.module) {
      record = { ...record, location: next.lesson };
      break;
    }
    // "Mark complete and continue" stays in the module while it has a next lesson, as the player does.
    const inModule = next.module;
    while (next && next.module === inModule) {
      take(next.module, next.lesson);
      const after: LearnerPath['next'] = now.path.next;
      if (after?.lesson === next.lesson) break;
      next = after;
    }
    record = { ...record, location: undefined };
  }
  now = resultOfRecord(index, record);
  return { record, ...now, lessons, finished: now.result.completed };
}
