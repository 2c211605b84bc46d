import type { Block } from '../model';
import type { CourseIndex } from '../engine/course-index';
import type { Finding } from './findings';

const plain = (html: string) => html.replace(/<[^>]*>/g, '').trim();

/** Authoring slips that hurt learners: empty places, unanswerable questions, inaccessible media, loose ends. */
export function lintCourse(index: CourseIndex): Finding[] {
  const { course } = index;
  const findings: Finding[] = [];
  const warn = (code: string, path: string, message: string) =>
    findings.push({ severity: 'warning', code, path, message });
  const error = (code: string, path: string, message: string) =>
    findings.push({ severity: 'error', code, path, message });
  const usedQuestions = new Set<string>();

  const lintBlock = (b: Block, path: string) => {
    switch (b.type) {
      case 'image':
        if (!b.alt.trim())
          warn(
            'image-without-alt',
            `${path}.alt`,
            'This image has no alt text; screen-reader users will not know what it shows.',
          );
        break;
      case 'video':
        if (b.captions.length === 0)
          warn(
            'video-without-captions',
            `${path}.captions`,
            'This video has no captions (WebVTT); deaf and hard-of-hearing learners, and anyone on mute, miss it.',
          );
        if (!b.transcript || !plain(b.transcript))
          warn('video-without-transcript', `${path}.transcript`, 'This video has no transcript.');
        break;
      case 'audio':
        if (!b.transcript || !plain(b.transcript))
          warn('audio-without-transcript', `${path}.transcript`, 'This audio has no transcript.');
        break;
      case 'check':
        usedQuestions.add(b.question);
        break;
      case 'text':
      case 'callout':
        if (!plain(b.html)) warn('empty-text', `${path}.html`, 'This block has no text.');
        break;
      default:
        break;
    }
  };

  course.modules.forEach((m, mi) => {
    const at = `modules[${mi}]`;
    if (m.lessons.length === 0) warn('empty-module', `${at}.lessons`, `Module “${m.title}” has no lessons yet.`);
    m.lessons.forEach((lesson, li) => {
      const lat = `${at}.lessons[${li}]`;
      if (lesson.blocks.length === 0 && lesson.renditions.length === 0)
        warn('empty-lesson', `${lat}.blocks`, `Lesson “${lesson.title}” has no content.`);
      lesson.blocks.forEach((b, bi) => lintBlock(b, `${lat}.blocks[${bi}]`));
      lesson.renditions.forEach((r, ri) =>
        r.blocks.forEach((b, bi) => lintBlock(b, `${lat}.renditions[${ri}].blocks[${bi}]`)),
      );
    });
  });

  course.placement?.nodes.forEach((n) => usedQuestions.add(n.question));
  course.banks.forEach((b) => b.questions.forEach((q) => usedQuestions.add(q)));

  course.questions.forEach((q, qi) => {
    const at = `questions[${qi}]`;
    if (q.type === 'single') {
      const correct = q.choices.filter((c) => c.correct).length;
      if (correct === 0) error('question-without-answer', `${at}.choices`, `Question “${q.id}” has no correct choice.`);
      if (correct > 1)
        error(
          'question-several-answers',
          `${at}.choices`,
          `Question “${q.id}” is single choice but marks ${correct} choices correct.`,
        );
    }
    if (q.type === 'multiple' && !q.choices.some((c) => c.correct))
      error('question-without-answer', `${at}.choices`, `Question “${q.id}” has no correct choice.`);
    if (!usedQuestions.has(q.id))
      warn(
        'unlinked-question',
        at,
        `Question “${q.id}” is not used in the placement test, a knowledge check or a bank.`,
      );
  });

  const taught = new Set(course.modules.flatMap((m) => m.competencies));
  const assessed = new Set(course.questions.flatMap((q) => (q.competency ? [q.competency] : [])));
  course.competencies.forEach((c, ci) => {
    if (!taught.has(c.id) && !assessed.has(c.id))
      warn(
        'unlinked-competency',
        `competencies[${ci}]`,
        `Competency “${c.name}” is neither taught by a module nor assessed by a question.`,
      );
  });
  course.placement?.nodes.forEach((n, ni) => {
    const q = index.questions.get(n.question);
    if (q && !q.competency)
      warn(
        'placement-question-without-competency',
        `placement.nodes[${ni}].question`,
        `Placement question “${q.id}” has no competency, so it cannot place anyone.`,
      );
  });
  return findings;
}
