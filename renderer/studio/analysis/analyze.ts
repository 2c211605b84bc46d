import { verifyCourse, type Finding, type TrackingBudget } from '../../../shared/analysis';
import {
  decideModule,
  lessonReason,
  factsFor,
  firedRules,
  personaState,
  resolvePath,
  type CourseIndex,
  type CourseProblem,
  type LearnerPath,
  type ModuleStatus,
} from '../../../shared/engine';

/** What a coverage cell says about one module for one persona, in the designer's words. */
export type CoverageState = 'taken' | 'tested-out' | 'recommended' | 'optional' | 'not-for-role' | 'choice';

export interface CoverageCell {
  readonly module: string;
  readonly state: CoverageState;
  /** Why, as the learner would read it (the rule's reason, the mandate, the audience). */
  readonly reason: string;
  /** The rule that decided it, when one did. */
  readonly rule?: string;
  /** The titles of the module's lessons a lesson rule skips for the persona, when it skips any. */
  readonly skippedLessons?: readonly string[];
}

/** One persona's column: their placement outcome, minutes and a cell per module. */
export interface PersonaCoverage {
  readonly persona: string;
  readonly name: string;
  readonly role: string;
  /** Competency → level reached (from the placement test or prior knowledge). */
  readonly outcome: Readonly<Record<string, string>>;
  /** How the persona's placement ended: finished, stopped at an unanswered question, looped, or no test. */
  readonly placement: 'end' | 'unanswered' | 'cycle' | 'no-placement';
  readonly minutes: number;
  readonly cells: readonly CoverageCell[];
}

/** What one rule does to the personas, live: "skips 2 modules for 1 of 4 personas". */
export interface RuleEffect {
  readonly rule: string;
  /** Personas for whom the condition holds. */
  readonly holdsFor: readonly string[];
  /** Personas whose path the rule actually changes (a mandate can override it). */
  readonly changes: readonly string[];
  /** Modules whose status the rule changes (for a lesson rule: whose lessons it skips), for anyone. */
  readonly modules: readonly string[];
  /** Lessons the rule skips, for anyone (lesson rules only). */
  readonly lessons?: readonly string[];
  readonly summary: string;
}

/** What the analysis says about the current snapshot; plain data, so it can cross a worker boundary. */
export interface StudioAnalysis {
  readonly status: 'pending' | 'ready';
  /** Schema, reference and condition problems; when any exist the proof did not run. */
  readonly problems: readonly CourseProblem[];
  readonly findings: readonly Finding[];
  readonly budget: TrackingBudget | null;
  readonly coverage: readonly PersonaCoverage[];
  readonly ruleEffects: Readonly<Record<string, RuleEffect>>;
}

export const PENDING_ANALYSIS: StudioAnalysis = {
  status: 'pending',
  problems: [],
  findings: [],
  budget: null,
  coverage: [],
  ruleEffects: {},
};

function cellState(status: ModuleStatus, recommended: boolean): CoverageState {
  if (status === 'skipped') return 'tested-out';
  if (status === 'excluded') return 'not-for-role';
  if (status === 'choice') return 'choice';
  if (recommended) return 'recommended';
  return status === 'optional' ? 'optional' : 'taken';
}

/** Every persona's path through the course, as the player would resolve it. */
export function coverageOf(index: CourseIndex): PersonaCoverage[] {
  return index.course.personas.map((persona) => {
    const { state, placement } = personaState(index, persona);
    const path = resolvePath(index, state);
    return {
      persona: persona.id,
      name: persona.name,
      role: persona.role,
      outcome: placement.mastery,
      placement: placement.ended,
      minutes: path.minutesLeft,
      cells: path.modules.map((m) => {
        const state = cellState(m.status, m.recommended);
        // The reason that decided the cell: the last rule that acted, else the first reason.
        const deciding =
          [...m.reasons].reverse().find((r) => r.kind === 'rule' || r.kind === 'choice' || r.kind === 'mandatory') ??
          m.reasons[0];
        const skipped = m.lessons.filter((l) => l.skipped);
        // Each skipped lesson with the reason the learner reads for it, after the module's own.
        const skips = skipped.map((l) => `Skips “${l.title}”: ${lessonReason(l)}`);
        return {
          module: m.id,
          state,
          reason: [deciding?.text ?? '', ...skips].filter(Boolean).join(' '),
          ...(deciding?.rule ? { rule: deciding.rule } : {}),
          ...(skipped.length ? { skippedLessons: skipped.map((l) => l.title) } : {}),
        };
      }),
    };
  });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const VERBS: Record<string, string> = {
  skip: 'skips',
  require: 'requires',
  recommend: 'recommends',
  optional: 'makes optional',
  'skip-lessons': 'skips lessons in',
};

/** For each rule: whom it holds for and what it changes, comparing each persona's modules with and without it. */
export function ruleEffectsOf(index: CourseIndex): Record<string, RuleEffect> {
  const { course } = index;
  const people = course.personas.map((persona) => {
    const { state } = personaState(index, persona);
    const fired = firedRules(index, factsFor(index, state));
    return { persona, state, fired, path: undefined as LearnerPath | undefined };
  });
  const total = people.length;
  const effects: Record<string, RuleEffect> = {};
  course.rules.forEach((rule, ri) => {
    const holdsFor = people.filter((p) => p.fired[ri]).map((p) => p.persona.id);
    const changes = new Set<string>();
    const modules = new Set<string>();
    const lessons = new Set<string>();
    const action = rule.then;
    if (action.kind === 'offer-choice' || action.kind === 'offer-formats') {
      holdsFor.forEach((p) => changes.add(p));
      if (action.kind === 'offer-choice') action.modules.forEach((m) => modules.add(m));
    } else if (action.kind === 'skip-lessons') {
      // A lesson rule changes a persona's path where it skips a lesson that is theirs to take: read on the path the
      // preview shows (prerequisites, picks and all), so the summary and the coverage matrix never disagree.
      for (const p of people) {
        if (!p.fired[ri]) continue;
        const path = (p.path ??= resolvePath(index, p.state));
        for (const id of action.lessons) {
          const at = index.lessonIndex.get(id);
          if (!at) continue;
          const lesson = path.modules[at.module]?.lessons[at.lesson];
          if (lesson?.skipped && lesson.reasons.some((r) => r.rule === rule.id)) {
            changes.add(p.persona.id);
            modules.add(course.modules[at.module]!.id);
            lessons.add(id);
          }
        }
      }
    } else {
      for (const p of people) {
        if (!p.fired[ri]) continue;
        for (const id of action.modules) {
          const mi = index.moduleIndex.get(id);
          if (mi === undefined) continue;
          // Left out of this persona's path (a prerequisite not on it, an option not picked): no module rule changes
          // that, as a rule never leaves a module out. Read on the resolved path, as the coverage matrix is.
          if ((p.path ??= resolvePath(index, p.state)).modules[mi]?.status === 'excluded') continue;
          const withRule = decideModule(index, mi, p.state, (i) => p.fired[i] === true);
          const without = decideModule(index, mi, p.state, (i) => i !== ri && p.fired[i] === true);
          if (withRule.status !== without.status || withRule.recommended !== without.recommended) {
            changes.add(p.persona.id);
            modules.add(id);
          }
        }
      }
    }
    const of = `${changes.size} of ${plural(total, 'persona')}`;
    let summary: string;
    if (total === 0) summary = 'Add a persona to see what this rule does.';
    else if (holdsFor.length === 0) summary = `Holds for none of the ${plural(total, 'persona')}.`;
    else if (changes.size === 0 && action.kind === 'skip-lessons')
      summary = `Holds for ${holdsFor.length} of ${plural(total, 'persona')} but skips nothing: their path leaves out these lessons' modules, or a mandate keeps them.`;
    else if (changes.size === 0)
      summary = `Holds for ${holdsFor.length} of ${plural(total, 'persona')} but changes nothing: a mandate or another rule wins.`;
    else if (action.kind === 'offer-choice')
      summary = `Offers a choice of ${(action.pick ?? 1) > 1 ? `${action.pick} of ` : ''}${plural(action.modules.length, 'module')} to ${of}.`;
    else if (action.kind === 'offer-formats') summary = `Offers ${action.formats.join(', ')} to ${of}.`;
    else if (action.kind === 'skip-lessons')
      summary = `Skips ${plural(lessons.size, 'lesson')}${modules.size > 1 ? ` in ${plural(modules.size, 'module')}` : ''} for ${of}.`;
    else summary = `${VERBS[action.kind]} ${plural(modules.size, 'module')} for ${of}.`;
    effects[rule.id] = {
      rule: rule.id,
      holdsFor,
      changes: [...changes],
      modules: [...modules],
      ...(action.kind === 'skip-lessons' ? { lessons: [...lessons] } : {}),
      summary: summary.charAt(0).toUpperCase() + summary.slice(1),
    };
  });
  return effects;
}

/** The whole analysis of a snapshot: proof, budget, lint, coverage and rule effects. */
export function analyzeCourse(course: unknown): StudioAnalysis {
  const report = verifyCourse(course);
  if (!report.usable) return { ...PENDING_ANALYSIS, status: 'ready', problems: report.problems };
  return {
    status: 'ready',
    problems: [],
    findings: report.findings,
    budget: report.budget,
    coverage: coverageOf(report.index),
    ruleEffects: ruleEffectsOf(report.index),
  };
}

/** The parts of an analysis that can come back unchanged from one snapshot to the next. */
const PART_KEYS = ['problems', 'findings', 'budget', 'coverage', 'ruleEffects'] as const;
export type PartKey = (typeof PART_KEYS)[number];

/** What the worker answers: the status, and only the parts that differ from its previous answer. */
export interface AnalysisParts {
  readonly status: StudioAnalysis['status'];
  readonly changed: Partial<Pick<StudioAnalysis, PartKey>>;
}

/**
 * In the worker: the parts of `next` that differ from the last answer, whose parts `sent` keeps as JSON (and is
 * updated). A keystroke that changes no one's path (most do not) then sends almost nothing, and the page neither
 * reads a large answer nor compares it with what it shows.
 */
export function changedParts(sent: Map<PartKey, string>, next: StudioAnalysis): AnalysisParts {
  const changed: Partial<Record<PartKey, unknown>> = {};
  for (const key of PART_KEYS) {
    const json = JSON.stringify(next[key]);
    if (sent.get(key) === json) continue;
    sent.set(key, json);
    changed[key] = next[key];
  }
  return { status: next.status, changed: changed as AnalysisParts['changed'] };
}

/**
 * In the page: the worker's answer laid over its previous one. Each part that did not change keeps its old object,
 * so nothing that shows it (the coverage matrix, the findings, the rule effects) is drawn again; `previous` itself
 * comes back when nothing changed at all.
 */
export function mergeParts(previous: StudioAnalysis, parts: AnalysisParts): StudioAnalysis {
  if (parts.status === previous.status && Object.keys(parts.changed).length === 0) return previous;
  return { ...previous, ...parts.changed, status: parts.status };
}
