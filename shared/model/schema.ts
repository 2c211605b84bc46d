import { z } from 'zod';
import { ACTION_KINDS, COURSE_FORMAT_VERSION, FORMATS, SENIORITIES } from './constants';

export { ACTION_KINDS, COURSE_FORMAT_VERSION, END, FORMATS, SENIORITIES, type Format } from './constants';

/** Identifiers appear in rules (`mastery(procurement)`), so they are short, lower-case and stable. */
export const id = z.string({ error: 'must be an identifier (text)' }).regex(/^[a-z][a-z0-9_-]{0,63}$/, {
  error: 'must start with a lower-case letter and use only a-z, 0-9, "-" or "_" (at most 64 characters)',
});

const text = (max: number) =>
  z.string({ error: 'must be text' }).max(max, { error: `must be at most ${max} characters` });
const title = text(200).trim().min(1, { error: 'must not be empty' });
/** Authored rich text (HTML); sanitized before it is shown or exported. */
const html = text(200_000);
/** A file inside the course's assets/ folder, with forward slashes and no way out of it. */
export const assetPath = z
  .string({ error: 'must be a path inside assets/' })
  .regex(/^(?!.*(^|\/)\.\.?(\/|$))assets\/[^\\?#:*"<>|]+$/, {
    error: 'must be a relative path under assets/ with forward slashes, no "..", "?" or "#"',
  })
  .refine((p) => !Array.from(p).some((ch) => ch.charCodeAt(0) < 0x20), {
    error: 'must not contain control characters',
  });

/**
 * Who a module is for or mandatory for: a role id (`teller`), or a value of one of the course's own learner
 * attributes (`site=north`, format 3). Entries about the same attribute are alternatives; different ones must all hold.
 */
export const learnerTarget = z
  .string({ error: 'must be a role id or attribute=value (text)' })
  .regex(/^[a-z][a-z0-9_-]{0,63}(=[a-z][a-z0-9_-]{0,63})?$/, {
    error: 'must be a role id, or a learner attribute and one of its values written attribute=value (e.g. site=north)',
  });

export const format = z.enum(FORMATS, { error: `must be one of ${FORMATS.join(', ')}` });

export const masteryLevel = z.strictObject({
  id,
  name: title,
  /** The lowest placement score (0–1) that reaches this level. */
  minScore: z.number().min(0).max(1),
});

export const competency = z
  .strictObject({
    id,
    name: title,
    description: text(2000).default(''),
    levels: z.array(masteryLevel).min(2, { error: 'needs at least two mastery levels' }),
    /** The level that counts as mastered for this competency's objective; the course's pass mark when absent. */
    masteryLevel: id.optional(),
  })
  .superRefine((c, ctx) => {
    c.levels.forEach((level, i) => {
      if (i === 0 && level.minScore !== 0)
        ctx.addIssue({ code: 'custom', path: ['levels', 0, 'minScore'], message: 'the lowest level must start at 0' });
      const previous = c.levels[i - 1];
      if (previous && level.minScore <= previous.minScore)
        ctx.addIssue({
          code: 'custom',
          path: ['levels', i, 'minScore'],
          message: `must be higher than the level before it (${previous.id}: ${previous.minScore})`,
        });
    });
  });

const caption = z.strictObject({ language: text(35).min(2), label: text(100).default(''), src: assetPath });

export const block = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('text'), id, html }),
    z.strictObject({
      type: z.literal('image'),
      id,
      src: assetPath,
      alt: text(1000),
      caption: text(1000).optional(),
      /** Marked by the designer as adding nothing a screen reader should say (then `alt` stays empty). */
      decorative: z.boolean().optional(),
    }),
    z.strictObject({
      type: z.literal('video'),
      id,
      src: assetPath,
      poster: assetPath.optional(),
      captions: z.array(caption).default([]),
      transcript: html.optional(),
    }),
    z.strictObject({ type: z.literal('audio'), id, src: assetPath, transcript: html.optional() }),
    z.strictObject({ type: z.literal('callout'), id, tone: z.enum(['info', 'tip', 'warning']), html }),
    z.strictObject({ type: z.literal('check'), id, question: id }),
    z.strictObject({ type: z.literal('reflection'), id, prompt: text(2000).min(1) }),
  ],
  { error: 'must be a block of type text, image, video, audio, callout, check or reflection' },
);
export type Block = z.infer<typeof block>;

export const rendition = z.strictObject({
  format,
  label: text(100).default(''),
  /** How long this version takes when it differs from the lesson's (an audio version is often shorter). */
  minutes: z.number().int().min(1).max(240).optional(),
  blocks: z.array(block).min(1),
});

export const lesson = z.strictObject({
  id,
  title,
  minutes: z.number().int().min(1).max(240).default(5),
  blocks: z.array(block),
  /** Alternative versions of the same lesson the learner may choose between. */
  renditions: z.array(rendition).default([]),
  /** Overrides the course's knowledge-check settings for this lesson. */
  checks: z
    .strictObject({
      mustAnswer: z.boolean().optional(),
      countTowardsScore: z.boolean().optional(),
      tryAgain: z.boolean().optional(),
    })
    .optional(),
});
export type Lesson = z.infer<typeof lesson>;

export const courseModule = z.strictObject({
  id,
  title,
  summary: text(2000).default(''),
  /** The mastery level this module brings a learner to, if it teaches to one. */
  level: id.optional(),
  competencies: z.array(id).default([]),
  minutes: z.number().int().min(0).max(10_000).optional(),
  /** Roles (and attribute values, `site=north`) this module is for; empty means everyone. */
  audience: z.array(learnerTarget).default([]),
  optional: z.boolean().default(false),
  /** Roles (and attribute values, `site=north`) that must take it whatever the rules or the placement test say. */
  mandatoryFor: z.array(learnerTarget).default([]),
  /** Modules this one comes after: it is on a learner's path only if each of them is on it or tested out (format 2). */
  prerequisites: z.array(id).default([]),
  lessons: z.array(lesson),
});
export type CourseModule = z.infer<typeof courseModule>;

const feedback = z.strictObject({ correct: text(2000).optional(), incorrect: text(2000).optional() }).default({});
const questionBase = {
  id,
  prompt: text(5000).min(1, { error: 'must not be empty' }),
  competency: id.optional(),
  difficulty: z.number().int().min(1).max(3).default(1),
  weight: z.number().positive().max(100).default(1),
  feedback,
};
const choice = z.strictObject({
  id,
  text: text(2000).min(1),
  correct: z.boolean().default(false),
  feedback: text(2000).optional(),
});

export const question = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ ...questionBase, type: z.literal('single'), choices: z.array(choice).min(2) }),
    z.strictObject({ ...questionBase, type: z.literal('multiple'), choices: z.array(choice).min(2) }),
    z.strictObject({ ...questionBase, type: z.literal('true-false'), answer: z.boolean() }),
    z.strictObject({
      ...questionBase,
      type: z.literal('fill-in'),
      accepted: z.array(text(200).min(1)).min(1),
      caseSensitive: z.boolean().default(false),
    }),
    z.strictObject({
      ...questionBase,
      type: z.literal('matching'),
      pairs: z.array(z.strictObject({ id, left: text(500).min(1), right: text(500).min(1) })).min(2),
    }),
    z.strictObject({
      ...questionBase,
      type: z.literal('ordering'),
      /** In the correct order. */
      items: z.array(z.strictObject({ id, text: text(500).min(1) })).min(2),
    }),
    z.strictObject({
      ...questionBase,
      type: z.literal('likert'),
      /** A self-rating: no right answer; 1..points maps onto a 0–1 score for its competency. */
      points: z.number().int().min(3).max(10).default(5),
      anchors: z.strictObject({ low: text(100), high: text(100) }).optional(),
    }),
  ],
  { error: 'must be a question of type single, multiple, true-false, fill-in, matching, ordering or likert' },
);
export type Question = z.infer<typeof question>;

export const questionBank = z.strictObject({
  id,
  title,
  questions: z.array(id).min(1),
  /** How many questions a learner is given; the draw is seeded per learner, so it survives resume. */
  draw: z.number().int().min(1),
});

/** A rule or branch condition in the expression language, e.g. `mastery(procurement) >= proficient`. */
export const condition = z
  .string({ error: 'must be a condition (text)' })
  .min(1, { error: 'must not be empty' })
  .max(2000);

export const placementNode = z.strictObject({
  id,
  question: id,
  /** Checked in order after the answer; the first whose condition holds decides the next node. */
  branches: z.array(z.strictObject({ when: condition, goto: id })).default([]),
  /** Where to go when no branch holds: a node id or "end". */
  next: id,
});

export const placementTest = z.strictObject({
  title,
  intro: text(5000).default(''),
  start: id,
  nodes: z.array(placementNode).min(1),
});
export type PlacementTest = z.infer<typeof placementTest>;

export const ruleAction = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('skip'), modules: z.array(id).min(1) }),
    z.strictObject({ kind: z.literal('require'), modules: z.array(id).min(1) }),
    z.strictObject({ kind: z.literal('recommend'), modules: z.array(id).min(1) }),
    z.strictObject({ kind: z.literal('optional'), modules: z.array(id).min(1) }),
    /** The learner picks `pick` of these modules (one when absent, format 4); the others are left out. */
    z.strictObject({
      kind: z.literal('offer-choice'),
      modules: z.array(id).min(2),
      prompt: text(500).default(''),
      pick: z
        .number({ error: 'must be how many modules the learner picks (a whole number)' })
        .int({ error: 'must be a whole number' })
        .min(1, { error: 'must be at least 1' })
        .optional(),
    }),
    /** The learner may choose the format of these lessons (all lessons with renditions when empty). */
    z.strictObject({
      kind: z.literal('offer-formats'),
      lessons: z.array(id).default([]),
      formats: z.array(format).min(1),
    }),
    /**
     * These lessons are skipped (format 5, docs/decisions/0010-lesson-rules.md): they count as done, the learner may
     * still open them, and the rest of their module stays on the path.
     */
    z.strictObject({ kind: z.literal('skip-lessons'), lessons: z.array(id).min(1) }),
  ],
  { error: `must be an action of kind ${ACTION_KINDS.join(', ')}` },
);
export type RuleAction = z.infer<typeof ruleAction>;

export const rule = z.strictObject({
  id,
  when: condition,
  then: ruleAction,
  /** Shown to the learner: why their path is what it is. */
  reason: text(500).min(1, { error: 'must say why, in words the learner understands' }),
  /** Shown instead of `reason` when none of the competencies the rule reads came from the learner's placement answers (known by prior levels only). */
  reasonWithoutAnswers: text(500).optional(),
  /** The designer means a role's mandate to win over this skip or make-optional rule: reported as information, not a warning. */
  mandateWins: z.boolean().optional(),
});
export type Rule = z.infer<typeof rule>;

/** A learner attribute a course declares (docs/decisions/0008-learner-attributes.md): what the intake asks, and the answers. */
export const learnerAttribute = z.strictObject({
  id,
  /** The question the intake asks, in the learner's words (e.g. "Where do you work?"). */
  label: title,
  /** The answers a learner can give; at most 63, so one character of saved progress holds any of them. */
  values: z
    .array(z.strictObject({ id, label: title }))
    .min(1, { error: 'needs at least one value a learner can give' })
    .max(63, { error: 'may have at most 63 values' }),
});
export type LearnerAttribute = z.infer<typeof learnerAttribute>;

export const needs = z
  .strictObject({
    captions: z.boolean().default(false),
    audio: z.boolean().default(false),
    reducedMotion: z.boolean().default(false),
  })
  .default({ captions: false, audio: false, reducedMotion: false });

/** A learner's answer, as the placement runner and the player record it. */
export const answer = z.union([z.boolean(), z.number(), z.string().max(2000), z.array(z.string().max(200)).max(100)]);
export type Answer = z.infer<typeof answer>;

export const persona = z.strictObject({
  id,
  name: title,
  description: text(2000).default(''),
  role: id,
  department: id.optional(),
  seniority: z.enum(SENIORITIES).default('new'),
  /** What the persona already knows: a level per competency, or how they would answer the placement test. */
  prior: z
    .strictObject({
      mastery: z.record(id, id).default({}),
      answers: z.record(id, answer).default({}),
    })
    .default({ mastery: {}, answers: {} }),
  preferredFormat: format.optional(),
  needs,
  /** Values of the course's own learner attributes: attribute id → value id (format 3). */
  attributes: z.record(id, id).optional(),
});
export type Persona = z.infer<typeof persona>;

export const course = z.strictObject({
  format: z.literal(COURSE_FORMAT_VERSION, { error: `must be ${COURSE_FORMAT_VERSION}` }),
  id,
  title,
  description: text(5000).default(''),
  language: text(35).min(2).default('en'),
  settings: z
    .strictObject({
      /** Share of knowledge-check points (0–1) a learner needs to pass. */
      passingScore: z.number().min(0).max(1).default(0.8),
      /** Which answers make the course score: knowledge checks (the default), the placement test, or both. */
      scoreFrom: z.enum(['checks', 'placement', 'both']).optional(),
      /**
       * Knowledge checks: must a learner answer them to continue, do they count towards the score, and may a
       * learner try again after a wrong answer (practice: the first answer is the one that counts).
       */
      checks: z
        .strictObject({
          mustAnswer: z.boolean().default(false),
          countTowardsScore: z.boolean().default(true),
          tryAgain: z.boolean().optional(),
        })
        .optional(),
      /** Readable names for role and department ids, as the learner sees them (e.g. "forklift-driver" → "Forklift driver"). */
      labels: z.record(id, text(200)).optional(),
      /** Roles the course knows; rules and audiences may only name these. */
      roles: z.array(id).default([]),
      departments: z.array(id).default([]),
      /** Learner attributes the course declares itself (site, tenure…): the intake asks them, rules, audiences and mandates read them (format 3). */
      attributes: z.array(learnerAttribute).optional(),
      /** How the player looks: the organisation's accent colour and logo, and the cover's picture. */
      branding: z
        .strictObject({
          accent: z
            .string()
            .regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour like #2d72d2' })
            .optional(),
          logo: assetPath.optional(),
          /** A picture on the course's cover page; an empty `alt` marks it decorative. */
          hero: z.strictObject({ src: assetPath, alt: text(1000) }).optional(),
        })
        .optional(),
    })
    .default({ passingScore: 0.8, roles: [], departments: [] }),
  competencies: z.array(competency).default([]),
  modules: z.array(courseModule).default([]),
  questions: z.array(question).default([]),
  banks: z.array(questionBank).default([]),
  placement: placementTest.optional(),
  rules: z.array(rule).default([]),
  personas: z.array(persona).default([]),
});

/** A course as written in course.json (defaults may be missing). */
export type CourseInput = z.input<typeof course>;
/** A validated course with every default filled in. */
export type Course = z.output<typeof course>;
export type Competency = Course['competencies'][number];
export type MasteryLevel = Competency['levels'][number];
export type PlacementNode = PlacementTest['nodes'][number];
