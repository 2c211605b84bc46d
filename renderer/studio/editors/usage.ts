import type { Block, Course } from '../../../shared/model';

/** Every block of a lesson: its main blocks and those of its alternative renditions. */
export function lessonBlocks(lesson: Course['modules'][number]['lessons'][number]): Block[] {
  return [...lesson.blocks, ...(lesson.renditions ?? []).flatMap((r) => r.blocks)];
}

function allBlocks(course: Course): { block: Block; where: string }[] {
  return course.modules.flatMap((m) =>
    m.lessons.flatMap((l) => lessonBlocks(l).map((block) => ({ block, where: `lesson "${l.title}"` }))),
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Where a competency is used, in words; empty when nothing uses it. */
export function competencyUses(course: Course, id: string): string[] {
  const mentions = new RegExp(`\\b${id.replace(/[-]/g, '\\-')}\\b`);
  const modules = course.modules.filter((m) => (m.competencies ?? []).includes(id)).map((m) => `module "${m.title}"`);
  const questions = course.questions.filter((q) => q.competency === id).length;
  const rules = course.rules.filter((r) => mentions.test(r.when)).length;
  const personas = course.personas.filter((p) => id in p.prior.mastery).length;
  return [
    ...modules,
    ...(questions ? [plural(questions, 'question')] : []),
    ...(rules ? [plural(rules, 'rule')] : []),
    ...(personas ? [plural(personas, 'persona')] : []),
  ];
}

/** Where a question is used (knowledge checks, banks, the placement test), in words. */
export function questionUses(course: Course, id: string): string[] {
  const checks = allBlocks(course)
    .filter(({ block }) => block.type === 'check' && block.question === id)
    .map(({ where }) => `a knowledge check in ${where}`);
  const banks = course.banks.filter((b) => b.questions.includes(id)).map((b) => `bank "${b.title}"`);
  const placement = course.placement?.nodes.some((n) => n.question === id) ? ['the placement test'] : [];
  return [...checks, ...banks, ...placement];
}

/** The media files the course refers to, with how many places refer to each. */
export function mediaUsage(course: Course): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (src: string | undefined) => src && counts.set(src, (counts.get(src) ?? 0) + 1);
  for (const { block } of allBlocks(course)) {
    if (block.type === 'image' || block.type === 'audio') add(block.src);
    if (block.type === 'video') {
      add(block.src);
      add(block.poster);
      block.captions.forEach((c) => add(c.src));
    }
  }
  add(course.settings.branding?.logo);
  add(course.settings.branding?.hero?.src);
  return counts;
}

/** "module "A", 2 questions" → a sentence for a refused removal. */
export function usedBySentence(uses: readonly string[]): string | undefined {
  if (uses.length === 0) return undefined;
  const shown = uses.slice(0, 3).join(', ');
  return `Used by ${shown}${uses.length > 3 ? ` and ${uses.length - 3} more` : ''}; remove it there first.`;
}
