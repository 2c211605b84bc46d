import { END } from '../model/constants';
import type { Answer, PlacementNode, Question } from '../model/schema';
import type { CourseIndex } from './course-index';
import type { LearnerFacts } from './expr';
import { grade } from './grade';
import { levelForScore, levelIndexOf } from './mastery';

export interface PlacementStep {
  readonly node: string;
  readonly question: string;
  readonly answer: Answer | undefined;
  readonly correct: boolean | null;
  /** The branch that decided where to go next, or -1 for the node's default. */
  readonly branch: number;
}

export interface CompetencyEvidence {
  readonly score: number;
  readonly level: string;
  /** The placement questions that decided it; empty when it came from prior knowledge. */
  readonly questions: readonly { readonly question: string; readonly correct: boolean | null }[];
  readonly source: 'placement' | 'self-rating' | 'prior' | 'not-assessed';
}

export interface PlacementResult {
  readonly steps: readonly PlacementStep[];
  readonly mastery: Readonly<Record<string, string>>;
  readonly scores: Readonly<Record<string, number>>;
  readonly evidence: Readonly<Record<string, CompetencyEvidence>>;
  /** `end`: the flow finished; `unanswered`: stopped at a question with no answer; `cycle`: a node came round again. */
  readonly ended: 'end' | 'unanswered' | 'cycle' | 'no-placement';
}

interface Tally {
  asked: number;
  hits: number;
  misses: number;
  points: number;
  max: number;
  selfRating: number | null;
  questions: { question: string; correct: boolean | null }[];
}

const emptyTally = (): Tally => ({ asked: 0, hits: 0, misses: 0, points: 0, max: 0, selfRating: null, questions: [] });

export type AnswerSource = (question: Question, node: string) => Answer | undefined;

/** Who is taking the test, as its branches may read it (`role == teller`, `site == north`): the intake comes first. */
export type PlacementLearner = Pick<LearnerFacts, 'role' | 'department' | 'seniority' | 'attributes'>;
const NOBODY: PlacementLearner = {};

/**
 * One learner's walk through the branching flow, one answer at a time. The runner drives it with
 * real answers; the proof clones it to explore every kind of answer at every node.
 */
export class PlacementWalker {
  private constructor(
    private readonly index: CourseIndex,
    readonly learner: PlacementLearner,
    /** The node to ask next, or "end". */
    public current: string,
    readonly tallies: Map<string, Tally>,
    readonly steps: PlacementStep[],
    readonly visited: Set<string>,
  ) {}

  /** A walk for this learner; branches reading who they are see `learner` (nobody in particular when absent). */
  static start(index: CourseIndex, learner: PlacementLearner = NOBODY): PlacementWalker | null {
    const placement = index.course.placement;
    if (!placement) return null;
    return new PlacementWalker(
      index,
      learner,
      placement.start,
      new Map(index.competencyIds.map((c) => [c, emptyTally()] as const)),
      [],
      new Set(),
    );
  }

  clone(): PlacementWalker {
    const tallies = new Map<string, Tally>(
      [...this.tallies].map(([c, t]) => [c, { ...t, questions: [...t.questions] }]),
    );
    return new PlacementWalker(this.index, this.learner, this.current, tallies, [...this.steps], new Set(this.visited));
  }

  get done(): boolean {
    return this.current === END;
  }

  /** The node and question to ask now; null at the end or on a broken reference. */
  get pending(): { readonly node: PlacementNode; readonly question: Question } | null {
    if (this.current === END) return null;
    const node = this.index.course.placement?.nodes[this.index.placementNodes.get(this.current) ?? -1];
    const question = node && this.index.questions.get(node.question);
    return node && question ? { node, question } : null;
  }

  /** True when the current node was already asked: the flow has come round again. */
  get looping(): boolean {
    return this.visited.has(this.current);
  }

  scoreOf(competency: string): number {
    const t = this.tallies.get(competency);
    if (!t) return 0;
    if (t.max > 0) return t.points / t.max;
    return t.selfRating ?? 0;
  }

  /** Records the answer to the pending question and moves on along the first branch that holds. */
  answer(answer: Answer): void {
    const pending = this.pending;
    if (!pending) return;
    const { node, question } = pending;
    this.visited.add(node.id);
    const graded = grade(question, answer);
    if (question.competency) {
      const t = this.tallies.get(question.competency)!;
      t.asked++;
      t.questions.push({ question: question.id, correct: graded.correct });
      if (graded.correct === null) t.selfRating = graded.score;
      else {
        t.max += question.weight;
        t.points += graded.score * question.weight;
        if (graded.correct) t.hits++;
        else t.misses++;
      }
    }
    const competencies = this.index.course.competencies;
    const { role, department, seniority, attributes } = this.learner;
    const facts: LearnerFacts = {
      role,
      department,
      seniority,
      attributes,
      level: (c) => {
        const competency = competencies.find((x) => x.id === c);
        return competency ? levelIndexOf(this.index.levels.get(c), levelForScore(competency, this.scoreOf(c))) : 0;
      },
      score: (c) => this.scoreOf(c),
      needs: () => false,
      prefers: () => false,
      correct: graded.correct === true,
      answer: typeof answer === 'string' ? answer : undefined,
      misses: (c) => this.tallies.get(c)?.misses ?? 0,
      hits: (c) => this.tallies.get(c)?.hits ?? 0,
      asked: (c) => this.tallies.get(c)?.asked ?? 0,
    };
    const branches = this.index.branches.get(node.id) ?? [];
    const taken = branches.findIndex((b) => b.test(facts));
    this.steps.push({ node: node.id, question: question.id, answer, correct: graded.correct, branch: taken });
    this.current = taken >= 0 ? node.branches[taken]!.goto : node.next;
  }

  /**
   * A key equal for two walkers that will behave alike from here on. Pass the competencies that
   * conditions ahead can read; tallies of the others cannot change where the walk goes.
   */
  key(relevant?: ReadonlySet<string>): string {
    const parts = [this.current];
    for (const [c, t] of this.tallies)
      if (t.asked && (!relevant || relevant.has(c)))
        parts.push(`${c}:${t.hits},${t.misses},${t.points},${t.max},${t.selfRating}`);
    return parts.join('|');
  }
}

/**
 * Walks the branching placement flow: after each answer the node's branches are tried in order
 * and the first that holds picks the next node. Competencies not tested keep the prior level.
 */
export function runPlacement(
  index: CourseIndex,
  answerFor: AnswerSource,
  prior: Readonly<Record<string, string>> = {},
  learner: PlacementLearner = NOBODY,
): PlacementResult {
  const walker = PlacementWalker.start(index, learner);
  let ended: PlacementResult['ended'] = 'no-placement';
  if (walker) {
    ended = 'end';
    while (!walker.done) {
      if (walker.looping) {
        ended = 'cycle';
        break;
      }
      const pending = walker.pending;
      if (!pending) break;
      const answer = answerFor(pending.question, pending.node.id);
      if (answer === undefined) {
        ended = 'unanswered';
        break;
      }
      walker.answer(answer);
    }
  }
  return summarize(index, walker, prior, ended);
}

function summarize(
  index: CourseIndex,
  walker: PlacementWalker | null,
  prior: Readonly<Record<string, string>>,
  ended: PlacementResult['ended'],
): PlacementResult {
  const mastery: Record<string, string> = {};
  const scores: Record<string, number> = {};
  const evidence: Record<string, CompetencyEvidence> = {};
  for (const c of index.course.competencies) {
    const t = walker?.tallies.get(c.id) ?? emptyTally();
    const assessed = t.asked > 0;
    const priorLevel = prior[c.id];
    const level = assessed
      ? levelForScore(c, walker!.scoreOf(c.id))
      : priorLevel && c.levels.some((l) => l.id === priorLevel)
        ? priorLevel
        : c.levels[0]!.id;
    const score = assessed ? walker!.scoreOf(c.id) : (c.levels.find((l) => l.id === level)?.minScore ?? 0);
    mastery[c.id] = level;
    scores[c.id] = score;
    evidence[c.id] = {
      score,
      level,
      questions: t.questions,
      source: assessed ? (t.max > 0 ? 'placement' : 'self-rating') : priorLevel ? 'prior' : 'not-assessed',
    };
  }
  return { steps: walker?.steps ?? [], mastery, scores, evidence, ended };
}
