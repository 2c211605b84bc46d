import type { Format } from '../model/constants';
import type { CourseIndex } from './course-index';
import type { LearnerFacts } from './expr';
import { factsFor, type LearnerState } from './learner';
import { describeTargets, isTargeted, labelOf, parseTarget, type LearnerTargeting } from './targets';

export type ModuleStatus =
  /** On the path and must be completed. */
  | 'required'
  /** On the path; the learner may skip it. */
  | 'optional'
  /** Tested out: counts as satisfied. */
  | 'skipped'
  /** Not for this learner (another role, or an alternative they did not pick). */
  | 'excluded'
  /** One of several alternatives; the learner has not picked yet. */
  | 'choice';

export interface Reason {
  readonly kind: 'default' | 'audience' | 'mandatory' | 'rule' | 'learner' | 'choice' | 'prerequisite';
  /** A sentence for the learner and the designer. */
  readonly text: string;
  readonly rule?: string;
  /** What the rule saw, e.g. "procurement: proficient (score 0.83)". */
  readonly evidence?: readonly string[];
}

export interface PathLesson {
  readonly id: string;
  readonly title: string;
  readonly minutes: number;
  readonly format: Format;
  /** Formats the learner may switch between (one when there is no choice). */
  readonly formats: readonly Format[];
  readonly formatReason?: string;
  readonly completed: boolean;
  /**
   * Skipped by a skip-lessons rule (docs/decisions/0010-lesson-rules.md): counts as done without being completed,
   * and the learner may still open it. Never true in a module mandatory for the learner.
   */
  readonly skipped: boolean;
  /** Why: the skip-lessons rules that held for the learner (also those a mandate kept from applying). */
  readonly reasons: readonly Reason[];
}

export interface PathModule {
  readonly id: string;
  readonly title: string;
  readonly status: ModuleStatus;
  readonly recommended: boolean;
  readonly reasons: readonly Reason[];
  readonly lessons: readonly PathLesson[];
}

export interface PathChoice {
  readonly rule: string;
  readonly prompt: string;
  readonly options: readonly string[];
  /** How many options the learner picks: the rule's `pick` (1 when absent), never more than are open. */
  readonly pick: number;
  /** The options picked so far, in the course's order; the choice is made once there are `pick` of them. */
  readonly picked: readonly string[];
}

/** The modules a learner picked in an offer-choice rule: one id for a choice of one, a list for a choice of several. */
export function picksOf(picks: LearnerState['picks'], rule: string): readonly string[] {
  const given = picks[rule];
  return given === undefined ? [] : typeof given === 'string' ? [given] : given;
}

/** The learner's picks with one more module picked (`count` is how many the rule lets them pick). */
export function withPick(
  picks: LearnerState['picks'],
  rule: string,
  module: string,
  count: number,
): LearnerState['picks'] {
  if (count <= 1) return { ...picks, [rule]: module };
  const before = picksOf(picks, rule);
  return { ...picks, [rule]: before.includes(module) ? before : [...before, module] };
}

/** The learner's picks with one module un-picked ("Change my choice"). */
export function withoutPick(picks: LearnerState['picks'], rule: string, module: string): LearnerState['picks'] {
  const rest = picksOf(picks, rule).filter((id) => id !== module);
  const next = { ...picks };
  if (rest.length === 0 || typeof picks[rule] === 'string') delete next[rule];
  else next[rule] = rest;
  return next;
}

export interface LearnerPath {
  readonly modules: readonly PathModule[];
  readonly choices: readonly PathChoice[];
  /** Rules whose condition held for this learner, in order. */
  readonly firedRules: readonly string[];
  readonly next?: { readonly module: string; readonly lesson: string; readonly reason: string };
  /** Minutes of required lessons not yet completed. */
  readonly minutesLeft: number;
  /** Every required module is done (skipped ones count as satisfied). */
  readonly finished: boolean;
}

/** The format a lesson's own blocks are in. */
export function baseFormat(blocks: readonly { type: string }[]): Format {
  if (blocks.some((b) => b.type === 'video')) return 'video';
  if (blocks.length > 0 && blocks.every((b) => b.type === 'audio')) return 'audio';
  return 'text';
}

function evidenceFor(index: CourseIndex, competencies: Iterable<string>, state: LearnerState): string[] {
  return [...competencies].map((c) => {
    const score = state.scores[c];
    return `${c}: ${state.mastery[c] ?? index.levels.get(c)?.[0] ?? 'unknown'}${score === undefined ? '' : ` (score ${score.toFixed(2)})`}`;
  });
}

/** Whether each rule holds for these facts, evaluated once. */
export function firedRules(index: CourseIndex, facts: LearnerFacts): boolean[] {
  return index.course.rules.map((_, i) => index.rules[i]?.test(facts) === true);
}

/** A module's status before learner choices (offer-choice picks, take-anyway) are applied. */
export interface ModuleDecision {
  status: ModuleStatus;
  /** Mandatory for the learner's role: no rule can skip it or make it optional. */
  readonly locked: boolean;
  /** Locked by a mandate that names roles only (not attribute values such as `site=north`). */
  readonly mandatedByRole: boolean;
  readonly requiredByRule: boolean;
  recommended: boolean;
  readonly reasons: Reason[];
}

/** Whether the learner's levels for these competencies all came from somewhere other than their placement answers. */
export function knownWithoutAnswers(
  competencies: Iterable<string>,
  sources: LearnerState['sources'] | undefined,
): boolean {
  const list = [...competencies];
  return (
    sources !== undefined &&
    list.length > 0 &&
    list.every((c) => sources[c] !== 'placement' && sources[c] !== 'self-rating')
  );
}

function evidenceText(
  index: CourseIndex,
  competencies: Iterable<string>,
  state?: Pick<LearnerState, 'mastery' | 'scores'>,
) {
  return state ? evidenceFor(index, competencies, state as LearnerState) : [];
}

/** A rule's reason as this learner reads it: the one for learners known without answers when that is who they are. */
function ruleReasonFor(
  index: CourseIndex,
  i: number,
  state?: Pick<LearnerState, 'mastery' | 'scores' | 'sources'>,
): Reason {
  const rule = index.course.rules[i]!;
  const deps = index.rules[i]!.deps.competencies;
  return {
    kind: 'rule',
    text:
      rule.reasonWithoutAnswers && knownWithoutAnswers(deps, state?.sources) ? rule.reasonWithoutAnswers : rule.reason,
    rule: rule.id,
    evidence: evidenceText(index, deps, state),
  };
}

const NO_REASONS: readonly Reason[] = [];

/** A rule's reason where a mandate kept it from applying: "for your role" only where the mandate names roles alone. */
function notApplied(reason: Reason, byRole: boolean): Reason {
  return {
    ...reason,
    text: `${reason.text} (not applied: this module is mandatory for ${byRole ? 'your role' : 'you'})`,
  };
}

/**
 * Whether a lesson is skipped, and why (docs/decisions/0010-lesson-rules.md): a skip-lessons rule that holds skips it
 * in a module on the learner's path, unless the module is mandatory for them. In a module that is skipped or not for
 * them the module's own status says everything, so the lesson gets no reasons of its own.
 */
export function decideLesson(
  index: CourseIndex,
  lessonId: string,
  module: Pick<ModuleDecision, 'status' | 'locked' | 'mandatedByRole'>,
  holds: (rule: number) => boolean,
  state?: Pick<LearnerState, 'mastery' | 'scores' | 'sources'>,
): { skipped: boolean; reasons: readonly Reason[] } {
  const touching = index.rulesByLesson.get(lessonId);
  if (!touching || module.status === 'skipped' || module.status === 'excluded')
    return { skipped: false, reasons: NO_REASONS };
  const reasons: Reason[] = [];
  for (const i of touching) {
    if (!holds(i)) continue;
    const reason = ruleReasonFor(index, i, state);
    reasons.push(module.locked ? notApplied(reason, module.mandatedByRole) : reason);
  }
  return { skipped: reasons.length > 0 && !module.locked, reasons: reasons.length ? reasons : NO_REASONS };
}

/**
 * Decides one module from the rules that target it. Shared by the resolver and the proof, so what
 * the proof promises is what learners get. Precedence: mandatory for the role (locked) > audience >
 * require > skip > optional; recommend only adds a flag.
 */
export function decideModule(
  index: CourseIndex,
  moduleIndex: number,
  who: LearnerTargeting,
  holds: (rule: number) => boolean,
  state?: Pick<LearnerState, 'mastery' | 'scores' | 'sources'>,
): ModuleDecision {
  const { course } = index;
  const m = course.modules[moduleIndex]!;
  const locked = isTargeted(m.mandatoryFor, who);
  let status: ModuleStatus;
  const reasons: Reason[] = [];
  const mandatedByRole = locked && m.mandatoryFor.every((e) => parseTarget(e).attribute === 'role');
  if (locked) {
    status = 'required';
    reasons.push({
      kind: 'mandatory',
      text: `Mandatory for ${mandatedByRole && who.role ? labelOf(course, who.role) : describeTargets(course, m.mandatoryFor)}.`,
    });
  } else if (m.audience.length > 0 && !isTargeted(m.audience, who)) {
    status = 'excluded';
    reasons.push({ kind: 'audience', text: `Meant for ${describeTargets(course, m.audience)}.` });
  } else if (m.optional) {
    status = 'optional';
    reasons.push({ kind: 'default', text: 'Optional in this course.' });
  } else {
    status = 'required';
    reasons.push({ kind: 'default', text: 'Part of the course.' });
  }
  const ruleReason = (i: number) => ruleReasonFor(index, i, state);
  // One pass over the rules that name this module, grouped by what they do.
  const requires: number[] = [];
  const skips: number[] = [];
  const optionals: number[] = [];
  const recommends: number[] = [];
  for (const i of index.rulesByModule.get(m.id) ?? []) {
    if (!holds(i)) continue;
    const kind = course.rules[i]!.then.kind;
    if (kind === 'require') requires.push(i);
    else if (kind === 'skip') skips.push(i);
    else if (kind === 'optional') optionals.push(i);
    else if (kind === 'recommend') recommends.push(i);
  }

  // A require rule works within the module's audience; it never hands the module to other roles.
  const outsideAudience = status === 'excluded';
  for (const i of outsideAudience ? [] : requires) {
    if (!locked) status = 'required';
    reasons.push(ruleReason(i));
  }
  for (const i of skips) {
    const reason = ruleReason(i);
    if (locked) reasons.push(notApplied(reason, mandatedByRole));
    else if (requires.length === 0 && status !== 'excluded') {
      status = 'skipped';
      reasons.push(reason);
    }
  }
  for (const i of optionals) {
    if (locked || requires.length > 0 || status !== 'required') continue;
    status = 'optional';
    reasons.push(ruleReason(i));
  }
  let recommended = false;
  for (const i of recommends) {
    if (status === 'excluded') continue;
    recommended = true;
    reasons.push(ruleReason(i));
  }
  return {
    status,
    locked,
    mandatedByRole,
    requiredByRule: !outsideAudience && requires.length > 0,
    recommended,
    reasons,
  };
}

const titleOf = (index: CourseIndex, mi: number) => index.course.modules[mi]!.title;

/**
 * Applies prerequisites (docs/decisions/0007-prerequisites.md) to every module's decision: a module whose
 * prerequisite is excluded is excluded too, along chains until nothing changes, unless it is mandatory for
 * the learner's role. Which modules this excludes depends only on which are excluded, so on the role and
 * the learner's picks, never on placement outcomes. With `explain`, modules that keep their place say
 * what they come after.
 */
export function applyPrerequisites(
  index: CourseIndex,
  work: readonly Pick<ModuleDecision, 'status' | 'locked' | 'reasons'>[],
  explain = false,
): void {
  const prerequisites = index.prerequisites;
  for (let changed = true; changed;) {
    changed = false;
    work.forEach((w, mi) => {
      if (w.locked || w.status === 'excluded') return;
      const blocker = prerequisites[mi]?.find((p) => work[p]?.status === 'excluded');
      if (blocker === undefined) return;
      const notPicked = work[blocker]!.reasons.some((r) => r.kind === 'learner');
      w.status = 'excluded';
      w.reasons.push({
        kind: 'prerequisite',
        text: `Comes after “${titleOf(index, blocker)}”, which ${notPicked ? 'you did not pick' : 'is not on your path'}.`,
      });
      changed = true;
    });
  }
  if (!explain) return;
  work.forEach((w, mi) => {
    if (w.status === 'excluded' || w.status === 'skipped') return;
    for (const p of prerequisites[mi] ?? []) {
      const before = work[p]!.status;
      w.reasons.push({
        kind: 'prerequisite',
        text:
          before === 'excluded'
            ? `You take it without “${titleOf(index, p)}”, which usually comes first but is not on your path.`
            : before === 'skipped'
              ? `Comes after “${titleOf(index, p)}”, which you tested out of.`
              : `Comes after “${titleOf(index, p)}”.`,
      });
    }
  });
}

const lessonFormatCache = new WeakMap<CourseIndex, { base: Format; available: readonly Format[] }[][]>();

/** Why a lesson rule skips a lesson, or why it does not apply here, in the course's words ('' when none touches it). */
export const lessonReason = (l: Pick<PathLesson, 'reasons'>) => l.reasons.map((r) => r.text).join(' ');

/**
 * A module's lessons as the learner counts them, as the course result does: a skipped lesson
 * (a lesson rule) is neither to do nor done, so a module whose other lessons are completed is done.
 */
export function lessonCounts(m: Pick<PathModule, 'lessons'>): {
  readonly toDo: number;
  readonly done: number;
  readonly skipped: number;
  /** The minutes of the lessons to do. */
  readonly minutes: number;
} {
  let toDo = 0;
  let done = 0;
  let minutes = 0;
  for (const l of m.lessons) {
    if (l.skipped) continue;
    toDo++;
    minutes += l.minutes;
    if (l.completed) done++;
  }
  return { toDo, done, skipped: m.lessons.length - toDo, minutes };
}

/** Each lesson's own format and the formats it exists in: fixed per course, so read once, not per click. */
function lessonFormatsOf(index: CourseIndex): { base: Format; available: readonly Format[] }[][] {
  const cached = lessonFormatCache.get(index);
  if (cached) return cached;
  const built = index.course.modules.map((m) =>
    m.lessons.map((lesson) => {
      const base = baseFormat(lesson.blocks);
      return { base, available: [base, ...lesson.renditions.map((r) => r.format).filter((f) => f !== base)] };
    }),
  );
  lessonFormatCache.set(index, built);
  return built;
}

/**
 * Decides the learner's path: each module's status with its reasons, each lesson's format, the
 * choices on offer and what to do next. Deterministic: the same course and state give the same path.
 *
 * Precedence per module: mandatory for the learner's role (locked) > require > skip > optional;
 * recommend only adds a flag. A module mandatory for the role is never skipped.
 */
/** Rules read only who the learner is and what they know, so a click that completes a lesson reuses the last verdicts. */
const lastFired = new WeakMap<CourseIndex, { readonly key: string; readonly fired: boolean[] }>();

function firedForState(index: CourseIndex, state: LearnerState): boolean[] {
  const { role, department, seniority, preferredFormat, needs } = state;
  let key = `${role}|${department}|${seniority}|${preferredFormat}|${needs.captions}${needs.audio}${needs.reducedMotion}`;
  for (const a of index.attributes.keys()) key += `|${state.attributes?.[a]}`;
  for (const c of index.competencyIds) key += `|${state.mastery[c]}:${state.scores[c]}`;
  const last = lastFired.get(index);
  if (last?.key === key) return last.fired;
  const fired = firedRules(index, factsFor(index, state));
  lastFired.set(index, { key, fired });
  return fired;
}

function layoutOf(index: CourseIndex, state: LearnerState, fired: readonly boolean[]): Layout {
  const { course } = index;
  const work = course.modules.map((_, mi) => decideModule(index, mi, state, (i) => fired[i] === true, state));
  // Prerequisites first, so a module left out by them is never offered in a choice; again once picks are known.
  applyPrerequisites(index, work);
  const required = new Set(work.flatMap((w, i) => (w.requiredByRule ? [i] : [])));
  const byAction = (kind: string) => course.rules.flatMap((r, i) => (fired[i] && r.then.kind === kind ? [i] : []));

  const choices: PathChoice[] = [];
  for (const i of byAction('offer-choice')) {
    const rule = course.rules[i]!;
    const action = rule.then;
    if (action.kind !== 'offer-choice') continue;
    const open = action.modules.filter((id) => {
      const mi = index.moduleIndex.get(id) ?? -1;
      const w = work[mi];
      return w && (w.status === 'required' || w.status === 'optional') && !w.locked && !required.has(mi);
    });
    // Pick N of M (decision 0009): never more than are open; the picks that still count, in the course's order.
    const pick = Math.min(action.pick ?? 1, open.length);
    const given = picksOf(state.picks, rule.id);
    const picked = open.filter((id) => given.includes(id)).slice(0, pick);
    const decided = picked.length >= pick;
    choices.push({ rule: rule.id, prompt: action.prompt || rule.reason, options: open, pick, picked });
    const titled = (id: string) => `“${course.modules[index.moduleIndex.get(id)!]!.title}”`;
    for (const id of open) {
      const w = work[index.moduleIndex.get(id)!]!;
      if (picked.includes(id)) {
        w.status = 'required';
        w.reasons.push({ kind: 'learner', text: 'You picked this option.', rule: rule.id });
      } else if (!decided) {
        w.status = 'choice';
        const howMany = pick === 1 ? 'one' : String(pick);
        const sofar = picked.length ? ` ${picked.length} picked so far.` : '';
        w.reasons.push({
          kind: 'choice',
          text: `${rule.reason} Pick ${howMany} of ${open.length} options.${sofar}`,
          rule: rule.id,
        });
      } else {
        w.status = 'excluded';
        w.reasons.push({
          kind: 'learner',
          text: `You picked ${picked.map(titled).join(' and ')} instead.`,
          rule: rule.id,
        });
      }
    }
  }

  for (const id of state.takeAnyway) {
    const w = work[index.moduleIndex.get(id) ?? -1];
    if (w && w.status === 'skipped') {
      w.status = 'optional';
      w.reasons.push({ kind: 'learner', text: 'You chose to take it anyway.' });
    }
  }

  applyPrerequisites(index, work, true);

  // Formats offered everywhere and per lesson, gathered once so each lesson looks its offers up instead of scanning every rule.
  const offeredEverywhere = new Set<Format>();
  const offeredFor = new Map<string, Set<Format>>();
  for (const i of byAction('offer-formats')) {
    const action = course.rules[i]!.then;
    if (action.kind !== 'offer-formats') continue;
    if (action.lessons.length === 0) for (const f of action.formats) offeredEverywhere.add(f);
    for (const id of action.lessons) {
      const set = offeredFor.get(id);
      if (set) for (const f of action.formats) set.add(f);
      else offeredFor.set(id, new Set(action.formats));
    }
  }
  const lessonFormats = lessonFormatsOf(index);
  const modules: PathModule[] = course.modules.map((m, mi) => {
    const w = work[mi]!;
    const holds = (i: number) => fired[i] === true;
    const lessons: PathLesson[] = m.lessons.map((lesson, li) => {
      const { base, available } = lessonFormats[mi]![li]!;
      const offered = new Set<Format>([base]);
      for (const f of offeredEverywhere) if (available.includes(f)) offered.add(f);
      for (const f of offeredFor.get(lesson.id) ?? []) if (available.includes(f)) offered.add(f);
      const formats = available.filter((f) => offered.has(f));
      let format: Format = base;
      let formatReason: string | undefined;
      const picked = state.formats[lesson.id];
      if (state.needs.audio && available.includes('audio')) {
        format = picked && formats.length > 1 && formats.includes(picked) ? picked : 'audio';
        formatReason = format === 'audio' ? 'Audio version, because you asked for audio.' : 'The format you picked.';
        if (!formats.includes('audio')) formats.push('audio');
      } else if (picked && formats.length > 1 && formats.includes(picked)) {
        format = picked;
        formatReason = 'The format you picked.';
      } else if (state.preferredFormat && formats.includes(state.preferredFormat)) {
        format = state.preferredFormat;
        if (format !== base) formatReason = `Your preferred format (${format}).`;
      }
      return {
        id: lesson.id,
        title: lesson.title,
        minutes: lesson.renditions.find((r) => r.format === format)?.minutes ?? lesson.minutes,
        format,
        formats,
        ...(formatReason ? { formatReason } : {}),
        completed: false,
        ...decideLesson(index, lesson.id, w, holds, state),
      };
    });
    return { id: m.id, title: m.title, status: w.status, recommended: w.recommended, reasons: w.reasons, lessons };
  });

  const firedRuleIds = course.rules.flatMap((r, i) => (fired[i] ? [r.id] : []));
  return { fired, modules, choices, firedRules: firedRuleIds };
}

/** Everything on the path that does not depend on what the learner completed. */
interface Layout {
  readonly fired: readonly boolean[];
  /** Modules with every lesson not completed; completion is laid over them. */
  readonly modules: readonly PathModule[];
  readonly choices: readonly PathChoice[];
  readonly firedRules: readonly string[];
  /** The last completion laid over this layout: its modules are reused where their lessons' completion is unchanged. */
  last?: { readonly done: ReadonlySet<string>; readonly modules: readonly PathModule[] };
}

/**
 * The last layout per course: a click that completes a lesson changes neither who the learner is, what they know nor
 * what they picked, so it reuses the layout and rebuilds only the modules whose lessons' completion changed.
 */
const lastLayout = new WeakMap<CourseIndex, { readonly key: string; readonly layout: Layout }>();

function layoutForState(index: CourseIndex, state: LearnerState, fired: readonly boolean[]): Layout {
  const last = lastLayout.get(index);
  const key = JSON.stringify([
    state.role,
    state.attributes ?? null,
    state.preferredFormat ?? null,
    state.needs.audio,
    state.picks,
    state.takeAnyway,
    state.formats,
    state.sources ?? null,
  ]);
  // The same verdicts array means the same role, attributes, levels and scores (see firedForState).
  if (last && last.layout.fired === fired && last.key === key) return last.layout;
  const layout = layoutOf(index, state, fired);
  lastLayout.set(index, { key, layout });
  return layout;
}

/** Lays the learner's completion over the layout, sharing every module whose lessons' completion did not change. */
function withCompletion(index: CourseIndex, layout: Layout, completedIds: readonly string[]): readonly PathModule[] {
  const done = new Set(completedIds);
  const lay = (mi: number): PathModule => {
    const m = layout.modules[mi]!;
    if (!m.lessons.some((l) => done.has(l.id))) return m;
    return { ...m, lessons: m.lessons.map((l) => (done.has(l.id) ? { ...l, completed: true } : l)) };
  };
  const previous = layout.last;
  let modules: PathModule[];
  if (previous) {
    // Only the modules holding a lesson whose completion changed are laid again.
    const changed = new Set<number>();
    for (const id of done) if (!previous.done.has(id)) changed.add(index.lessonIndex.get(id)?.module ?? -1);
    for (const id of previous.done) if (!done.has(id)) changed.add(index.lessonIndex.get(id)?.module ?? -1);
    modules = previous.modules.slice();
    for (const mi of changed) if (mi >= 0 && mi < modules.length) modules[mi] = lay(mi);
  } else modules = layout.modules.map((_, mi) => lay(mi));
  layout.last = { done, modules };
  return modules;
}

export function resolvePath(index: CourseIndex, state: LearnerState, facts?: LearnerFacts): LearnerPath {
  const fired = facts ? firedRules(index, facts) : firedForState(index, state);
  const layout = facts ? layoutOf(index, state, fired) : layoutForState(index, state, fired);
  const modules = withCompletion(index, layout, state.completed);

  let next: LearnerPath['next'];
  let minutesLeft = 0;
  let finished = true;
  for (const m of modules) {
    if (m.status !== 'required' && m.status !== 'choice') continue;
    for (const lesson of m.lessons) {
      if (lesson.completed || lesson.skipped) continue;
      finished = false;
      if (m.status === 'required') minutesLeft += lesson.minutes;
      if (!next && m.status === 'required')
        next = { module: m.id, lesson: lesson.id, reason: `Next required lesson in “${m.title}”.` };
    }
    if (m.status === 'choice') finished = false;
  }
  if (!next) {
    const recommended = modules.find(
      (m) => m.recommended && m.status !== 'skipped' && m.lessons.some((l) => !l.completed && !l.skipped),
    );
    const lesson = recommended?.lessons.find((l) => !l.completed && !l.skipped);
    if (recommended && lesson) {
      const why = recommended.reasons.find((r) => r.kind === 'rule')?.text ?? 'Recommended for you.';
      next = { module: recommended.id, lesson: lesson.id, reason: `Suggested: ${why}` };
    }
  }

  return {
    modules,
    choices: layout.choices,
    firedRules: layout.firedRules,
    ...(next ? { next } : {}),
    minutesLeft,
    finished,
  };
}
