import { FORMATS, SENIORITIES, type Format } from '../model/constants';
import type { Answer, Question } from '../model/schema';
import type { CourseIndex } from './course-index';
import { correctAnswer, grade } from './grade';
import { fnv1a } from './hash';
import type { LearnerState } from './learner';
import { runPlacement, type PlacementResult } from './placement';
import { baseFormat, picksOf } from './resolve';

/**
 * What a learner did, as the player stores it in suspend_data: who they are, what they knew,
 * their placement answers, their choices and progress. Mastery and scores are not stored: they
 * are replayed from the answers by the same engine, so they can never drift from what was shown.
 */
export interface LearnerRecord {
  readonly role?: string | undefined;
  readonly department?: string | undefined;
  readonly seniority?: (typeof SENIORITIES)[number] | undefined;
  readonly preferredFormat?: Format | undefined;
  readonly needs: { readonly captions: boolean; readonly audio: boolean; readonly reducedMotion: boolean };
  /** Values of the course's own learner attributes: attribute id → value id. */
  readonly attributes?: Readonly<Record<string, string>> | undefined;
  readonly prior: Readonly<Record<string, string>>;
  /** Answers to the placement questions, in the order they were asked. */
  readonly answers: readonly Answer[];
  readonly takeAnyway: readonly string[];
  readonly formats: Readonly<Record<string, Format>>;
  /** offer-choice rule → the module picked, or the modules picked where the rule lets the learner pick several. */
  readonly picks: Readonly<Record<string, string | readonly string[]>>;
  readonly completed: readonly string[];
  /** Knowledge-check question → the outcome of the learner's first answer, kept across sessions. */
  readonly checks?: Readonly<Record<string, CheckOutcome>> | undefined;
  /** Where the learner was: a lesson id, or none for the course map. Kept here so resume never depends on the bookmark. */
  readonly location?: string | undefined;
  /** Sessions started, modulo 4096: makes every session's saved progress differ from the one it launched with. */
  readonly visits?: number | undefined;
  /** Seconds the learner spent in the course, summed over every session as measured for SCORM session_time (capped at MAX_SECONDS). */
  readonly seconds?: number | undefined;
}

/** The most time the record keeps (three characters): about 72 hours; more is kept as that. */
export const MAX_SECONDS = 262_143;

/** How a knowledge check went: a self-rating is neither right nor wrong. */
export type CheckOutcome = 'correct' | 'wrong' | 'neutral';
const OUTCOMES: readonly CheckOutcome[] = ['wrong', 'correct', 'neutral'];

export const CODEC_VERSION = 'T2';
/** Progress saved before knowledge checks were kept: same layout, without the checks section. */
const PREVIOUS_VERSION = 'T1';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const SEP = '.';

export class StateCodecError extends Error {}

const digit = (n: number) => {
  const ch = ALPHABET[n];
  if (ch === undefined) throw new StateCodecError(`value ${n} does not fit in one character`);
  return ch;
};
const undigit = (ch: string | undefined) => {
  const n = ch === undefined ? -1 : ALPHABET.indexOf(ch);
  if (n < 0) throw new StateCodecError(`"${ch}" is not a state character`);
  return n;
};
/** Two characters: 0..4095. */
const pair = (n: number) => digit(Math.floor(n / 64)) + digit(n % 64);
const unpair = (s: string, at: number) => undigit(s[at]) * 64 + undigit(s[at + 1]);
/** Three characters: 0..262143. */
const triple = (n: number) => digit(Math.floor(n / 4096)) + pair(n % 4096);
const untriple = (s: string, at: number) => undigit(s[at]) * 4096 + unpair(s, at + 1);

function bitsToChars(bits: readonly boolean[]): string {
  let out = '';
  for (let i = 0; i < bits.length; i += 6) {
    let n = 0;
    for (let b = 0; b < 6; b++) if (bits[i + b]) n |= 1 << b;
    out += digit(n);
  }
  return out;
}
function charsToBits(chars: string, count: number): boolean[] {
  const bits: boolean[] = [];
  for (let i = 0; i < count; i++) bits.push((undigit(chars[Math.floor(i / 6)]) & (1 << (i % 6))) !== 0);
  return bits;
}
const bitChars = (count: number) => Math.ceil(count / 6);

/** Characters one placement answer takes for this question. */
function answerWidth(q: Question): number {
  return q.type === 'multiple' ? bitChars(q.choices.length) : 1;
}

function encodeAnswer(q: Question, answer: Answer): string {
  switch (q.type) {
    case 'single':
      return digit(
        Math.max(
          0,
          q.choices.findIndex((c) => c.id === answer),
        ),
      );
    case 'multiple': {
      const chosen = new Set(Array.isArray(answer) ? answer : []);
      return bitsToChars(q.choices.map((c) => chosen.has(c.id)));
    }
    case 'likert':
      return digit(typeof answer === 'number' ? Math.min(q.points, Math.max(1, Math.round(answer))) : 1);
    default:
      return grade(q, answer).correct ? 'B' : 'A';
  }
}

function decodeAnswer(q: Question, chars: string): Answer {
  switch (q.type) {
    case 'single': {
      const choice = q.choices[undigit(chars)];
      if (!choice) throw new StateCodecError(`question ${q.id} has no choice ${undigit(chars)}`);
      return choice.id;
    }
    case 'multiple': {
      const bits = charsToBits(chars, q.choices.length);
      return q.choices.filter((_, i) => bits[i]).map((c) => c.id);
    }
    case 'likert':
      return undigit(chars);
    case 'true-false':
      return chars === 'B' ? q.answer : !q.answer;
    default:
      return chars === 'B' ? (correctAnswer(q) ?? '') : q.type === 'fill-in' ? '' : [];
  }
}

/** The fixed layout every encoded state of this course follows. */
interface Layout {
  readonly roles: readonly string[];
  readonly departments: readonly string[];
  /** The course's own learner attributes, in declaration order, each with its value ids: one character each. */
  readonly attributes: readonly { readonly id: string; readonly values: readonly string[] }[];
  readonly lessons: readonly string[];
  readonly modules: readonly string[];
  /** Lessons that have more than one format. */
  readonly formatLessons: readonly string[];
  /** offer-choice rules: one character for a choice of one (the pick's position + 1), a bit per option otherwise. */
  readonly choiceRules: readonly { readonly id: string; readonly options: readonly string[]; readonly pick: number }[];
  /** Questions asked as knowledge checks in lessons, each once. */
  readonly checkQuestions: readonly string[];
  readonly checksFingerprint: string;
  readonly fingerprint: string;
}

const layouts = new WeakMap<CourseIndex, Layout>();

/** The questions lessons ask as knowledge checks (in the lesson's own blocks or a rendition), in course order, once each. */
export function checkQuestionsOf(index: CourseIndex): string[] {
  const seen = new Set<string>();
  for (const m of index.course.modules)
    for (const l of m.lessons)
      for (const blocks of [l.blocks, ...l.renditions.map((r) => r.blocks)])
        for (const b of blocks) if (b.type === 'check' && index.questions.has(b.question)) seen.add(b.question);
  return [...seen];
}

function layoutOf(index: CourseIndex): Layout {
  const cached = layouts.get(index);
  if (cached) return cached;
  const { course } = index;
  const lessons = course.modules.flatMap((m) => m.lessons);
  const layout: Layout = {
    roles: [...index.roles].sort(),
    departments: [...index.departments].sort(),
    attributes: [...index.attributes].map(([id, values]) => ({ id, values })),
    lessons: lessons.map((l) => l.id),
    modules: course.modules.map((m) => m.id),
    formatLessons: lessons
      .filter((l) => new Set([baseFormat(l.blocks), ...l.renditions.map((r) => r.format)]).size > 1)
      .map((l) => l.id),
    choiceRules: course.rules.flatMap((r) =>
      r.then.kind === 'offer-choice' ? [{ id: r.id, options: r.then.modules, pick: r.then.pick ?? 1 }] : [],
    ),
    checkQuestions: checkQuestionsOf(index),
    checksFingerprint: '',
    fingerprint: '',
  };
  const shape = JSON.stringify([
    index.competencyIds,
    course.competencies.map((c) => c.levels.map((l) => l.id)),
    layout.roles,
    layout.departments,
    layout.lessons,
    layout.modules,
    layout.formatLessons,
    // A choice of one is laid out as before format 4, so progress saved then stays readable.
    layout.choiceRules.map(({ id, options, pick }) => (pick > 1 ? { id, options, pick } : { id, options })),
    course.placement?.nodes.map((n) => n.question) ?? [],
    // Only a course with attributes has them in its shape, so progress saved before format 3 stays readable.
    ...(layout.attributes.length ? [layout.attributes] : []),
  ]);
  // The checks carry their own fingerprint, so progress saved before checks were kept (T1) stays readable.
  const h = fnv1a(shape);
  const withPrint = {
    ...layout,
    fingerprint: pair(h % 4096) + pair(Math.floor(h / 4096) % 4096),
    checksFingerprint: pair(fnv1a(JSON.stringify(layout.checkQuestions)) % 4096),
  };
  layouts.set(index, withPrint);
  return withPrint;
}

const indexPlusOne = (list: readonly string[], value: string | undefined) =>
  value === undefined ? 0 : list.indexOf(value) + 1;

/** Encodes a record in a compact, versioned string: safe for SCORM suspend_data. */
export function encodeLearnerRecord(index: CourseIndex, record: LearnerRecord): string {
  const layout = layoutOf(index);
  const questions = placementQuestions(index, record);
  // Sets, not includes(): a 3,000-module course would otherwise cost lessons × completed per save.
  const completed = new Set(record.completed);
  const anyway = new Set(record.takeAnyway);
  const sections = [
    CODEC_VERSION + layout.fingerprint,
    pair(indexPlusOne(layout.roles, record.role)) +
      pair(indexPlusOne(layout.departments, record.department)) +
      digit(indexPlusOne(SENIORITIES, record.seniority)) +
      digit(indexPlusOne(FORMATS, record.preferredFormat)) +
      digit((record.needs.captions ? 1 : 0) | (record.needs.audio ? 2 : 0) | (record.needs.reducedMotion ? 4 : 0)) +
      layout.attributes.map((a) => digit(indexPlusOne(a.values, record.attributes?.[a.id]))).join(''),
    index.course.competencies
      .map((c) =>
        digit(
          indexPlusOne(
            c.levels.map((l) => l.id),
            record.prior[c.id],
          ),
        ),
      )
      .join(''),
    record.answers.map((a, i) => encodeAnswer(questions[i]!, a)).join(''),
    bitsToChars(layout.lessons.map((id) => completed.has(id))),
    bitsToChars(layout.modules.map((id) => anyway.has(id))),
    layout.formatLessons.map((id) => digit(indexPlusOne(FORMATS, record.formats[id]))).join(''),
    layout.choiceRules
      .map((r) => {
        const picked = picksOf(record.picks, r.id);
        return r.pick > 1
          ? bitsToChars(r.options.map((id) => picked.includes(id)))
          : digit(indexPlusOne(r.options, picked[0]));
      })
      .join(''),
    layout.checksFingerprint +
      layout.checkQuestions.map((q) => digit(indexPlusOne(OUTCOMES, record.checks?.[q]))).join(''),
    triple(indexPlusOne(layout.lessons, record.location)) +
      pair((record.visits ?? 0) % 4096) +
      triple(Math.min(MAX_SECONDS, Math.max(0, Math.floor(record.seconds ?? 0)))),
  ];
  return sections.join(SEP);
}

/** The questions the recorded answers belong to, found by replaying the flow. */
function placementQuestions(index: CourseIndex, record: LearnerRecord): Question[] {
  const asked: Question[] = [];
  let i = 0;
  runPlacement(
    index,
    (question) => {
      if (i >= record.answers.length) return undefined;
      asked.push(question);
      return record.answers[i++];
    },
    record.prior,
    record,
  );
  if (asked.length !== record.answers.length)
    throw new StateCodecError(
      `the record holds ${record.answers.length} placement answers but the flow asks only ${asked.length}`,
    );
  return asked;
}

/** Decodes a string made by `encodeLearnerRecord` for the same course; throws StateCodecError otherwise. */
export function decodeLearnerRecord(index: CourseIndex, encoded: string): LearnerRecord {
  const layout = layoutOf(index);
  const sections = encoded.split(SEP);
  const head = sections[0] ?? '';
  const previous = sections.length === 8 && head.startsWith(PREVIOUS_VERSION);
  if (!previous && (sections.length !== 10 || !head.startsWith(CODEC_VERSION)))
    throw new StateCodecError('this saved progress was written by another version of the player');
  if (head.slice(CODEC_VERSION.length) !== layout.fingerprint)
    throw new StateCodecError('this saved progress belongs to an earlier version of the course');
  const [, attrs = '', prior = '', answers = '', completed = '', takeAnyway = '', formats = '', picks = ''] = sections;
  const checksSection = previous ? '' : (sections[8] ?? '');
  if (!previous && !checksSection.startsWith(layout.checksFingerprint))
    throw new StateCodecError('this saved progress belongs to an earlier version of the course');
  const checks = checksSection.slice(layout.checksFingerprint.length);
  const place = previous ? '' : (sections[9] ?? '');
  // Five characters (position, visits) before time was kept; eight with the seconds spent.
  if (!previous && place.length !== 5 && place.length !== 8)
    throw new StateCodecError('the position section is damaged');
  const location = previous ? undefined : fromListOrNone(layout.lessons, untriple(place, 0));
  if (checks.length !== 0 && checks.length !== layout.checkQuestions.length)
    throw new StateCodecError('this saved progress belongs to an earlier version of the course');
  if (attrs.length !== 7 + layout.attributes.length) throw new StateCodecError('the learner section is damaged');
  const needs = undigit(attrs[6]);
  const fromList = <T extends string>(list: readonly T[], n: number): T | undefined =>
    n === 0 ? undefined : list[n - 1];
  const priorRecord: Record<string, string> = {};
  index.course.competencies.forEach((c, i) => {
    const level = fromList(
      c.levels.map((l) => l.id),
      undigit(prior[i]),
    );
    if (level) priorRecord[c.id] = level;
  });

  const attributeRecord: Record<string, string> = {};
  layout.attributes.forEach((a, i) => {
    const n = undigit(attrs[7 + i]);
    if (n > a.values.length) throw new StateCodecError('the learner section is damaged');
    const value = fromList(a.values, n);
    if (value) attributeRecord[a.id] = value;
  });
  const who = {
    role: fromList(layout.roles, unpair(attrs, 0)),
    department: fromList(layout.departments, unpair(attrs, 2)),
    seniority: fromList(SENIORITIES, undigit(attrs[4])),
    ...(layout.attributes.length ? { attributes: attributeRecord } : {}),
  };

  // Replay the placement flow to know which question each answer belongs to; its branches may read who the learner is.
  const decodedAnswers: Answer[] = [];
  let at = 0;
  runPlacement(
    index,
    (question) => {
      if (at >= answers.length) return undefined;
      const width = answerWidth(question);
      const answer = decodeAnswer(question, answers.slice(at, at + width));
      at += width;
      decodedAnswers.push(answer);
      return answer;
    },
    priorRecord,
    who,
  );
  if (at !== answers.length) throw new StateCodecError('the placement answers do not fit this course');

  const completedBits = charsToBits(completed, layout.lessons.length);
  const anywayBits = charsToBits(takeAnyway, layout.modules.length);
  const formatRecord: Record<string, Format> = {};
  layout.formatLessons.forEach((id, i) => {
    const f = fromList(FORMATS, undigit(formats[i]));
    if (f) formatRecord[id] = f;
  });
  const checkRecord: Record<string, CheckOutcome> = {};
  if (checks)
    layout.checkQuestions.forEach((q, i) => {
      const outcome = fromList(OUTCOMES, undigit(checks[i]));
      if (outcome) checkRecord[q] = outcome;
    });
  const pickRecord: Record<string, string | readonly string[]> = {};
  let pickAt = 0;
  for (const r of layout.choiceRules) {
    if (r.pick > 1) {
      const width = bitChars(r.options.length);
      const bits = charsToBits(picks.slice(pickAt, pickAt + width), r.options.length);
      pickAt += width;
      const chosen = r.options.filter((_, i) => bits[i]);
      if (chosen.length) pickRecord[r.id] = chosen;
    } else {
      const m = fromList(r.options, undigit(picks[pickAt++]));
      if (m) pickRecord[r.id] = m;
    }
  }
  if (pickAt !== picks.length) throw new StateCodecError('the choices section is damaged');
  return {
    role: who.role,
    department: who.department,
    seniority: who.seniority,
    preferredFormat: fromList(FORMATS, undigit(attrs[5])),
    needs: { captions: (needs & 1) !== 0, audio: (needs & 2) !== 0, reducedMotion: (needs & 4) !== 0 },
    ...(layout.attributes.length ? { attributes: attributeRecord } : {}),
    prior: priorRecord,
    answers: decodedAnswers,
    takeAnyway: layout.modules.filter((_, i) => anywayBits[i]),
    formats: formatRecord,
    picks: pickRecord,
    completed: layout.lessons.filter((_, i) => completedBits[i]),
    checks: checkRecord,
    location,
    visits: previous ? 0 : unpair(place, 3),
    seconds: place.length === 8 ? untriple(place, 5) : 0,
  };
}

function fromListOrNone(list: readonly string[], n: number): string | undefined {
  if (n > list.length) throw new StateCodecError('the saved position is not a lesson of this course');
  return n === 0 ? undefined : list[n - 1];
}

/** The learner state a record stands for: placement replayed from its answers. */
export function stateFromRecord(
  index: CourseIndex,
  record: LearnerRecord,
): { state: LearnerState; placement: PlacementResult } {
  let i = 0;
  const placement = runPlacement(index, () => record.answers[i++], record.prior, record);
  return {
    placement,
    state: {
      role: record.role,
      department: record.department,
      seniority: record.seniority,
      preferredFormat: record.preferredFormat,
      needs: record.needs,
      ...(record.attributes ? { attributes: record.attributes } : {}),
      mastery: placement.mastery,
      scores: placement.scores,
      takeAnyway: record.takeAnyway,
      formats: record.formats,
      picks: record.picks,
      completed: record.completed,
    },
  };
}

/** The longest a placement answer sequence can take in characters: the costliest path through the flow. */
function worstPlacementChars(index: CourseIndex): number {
  const placement = index.course.placement;
  if (!placement) return 0;
  const memo = new Map<string, number>();
  const onPath = new Set<string>();
  const visit = (id: string): number => {
    if (id === 'end') return 0;
    const known = memo.get(id);
    if (known !== undefined) return known;
    const node = placement.nodes[index.placementNodes.get(id) ?? -1];
    const question = node && index.questions.get(node.question);
    if (!node || !question || onPath.has(id)) return 0; // a cycle is reported by the proof; count each node once
    onPath.add(id);
    const width = answerWidth(question);
    const worst = width + Math.max(visit(node.next), ...node.branches.map((b) => visit(b.goto)));
    onPath.delete(id);
    memo.set(id, worst);
    return worst;
  };
  return visit(placement.start);
}

/** The longest encoded state any learner of this course can have, in characters. */
export function worstCaseStateSize(index: CourseIndex): number {
  const layout = layoutOf(index);
  const fixed =
    CODEC_VERSION.length +
    layout.fingerprint.length +
    7 +
    layout.attributes.length +
    index.course.competencies.length +
    bitChars(layout.lessons.length) +
    bitChars(layout.modules.length) +
    layout.formatLessons.length +
    layout.choiceRules.reduce((n, r) => n + (r.pick > 1 ? bitChars(r.options.length) : 1), 0) +
    layout.checksFingerprint.length +
    layout.checkQuestions.length +
    8 + // position, visits and seconds spent
    9; // separators
  return fixed + worstPlacementChars(index);
}
