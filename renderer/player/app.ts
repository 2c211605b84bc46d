import type { Answer, Block, Course, Question } from '../../shared/model/schema';
import { courseAttributes, fixedAttributes, type AttributeId } from '../../shared/engine/attributes';
import { feedbackFor, grade } from '../../shared/engine/grade';
import type { CourseIndex } from '../../shared/engine/index-course';
import { PlacementWalker } from '../../shared/engine/placement';
import { baseFormat } from '../../shared/engine/resolve';
import { checkSettingsFor, resultOfRecord } from '../../shared/engine/result';
import { decodeLearnerRecord, encodeLearnerRecord, type LearnerRecord } from '../../shared/engine/state-codec';
import { FORMATS, SENIORITIES } from '../../shared/model/constants';
import { emptyRecord, evidenceIn, interactionFor } from './state';
import { localCopy } from './tracking/local';
import type { Tracker } from './tracking/tracker';
import { h, richText, uid } from './ui/dom';

/** The bookmark for the course map (lessons are bookmarked by their id). */
const MAP_BOOKMARK = 'map';

export interface PlayerOptions {
  readonly course: Course;
  readonly index: CourseIndex;
  readonly tracker: Tracker;
  readonly root: HTMLElement;
  /** Attributes fixed by the package (`--set`) or the launch: not asked at the intake. */
  readonly fixed?: Partial<Record<AttributeId, string>>;
}

const decode = (index: CourseIndex, text: string): LearnerRecord | null => {
  if (!text) return null;
  try {
    return decodeLearnerRecord(index, text);
  } catch {
    return null;
  }
};

const percent = (n: number) => `${Math.round(n * 100)}%`;

/** The learner's player: who they are, the placement test, their path, lessons and checks. */
export function startPlayer({ course, index, tracker, root, fixed: given = {} }: PlayerOptions): void {
  const started = tracker.start();
  // cmi.launch_data holds launch parameters like the URL's; the package's and the URL's win.
  const fixed = { ...fixedAttributes(index, new URLSearchParams(started.launchData ?? '')).values, ...given };
  const review = started.mode !== 'normal';
  const copy = tracker.kind === 'local' ? null : localCopy(course.id, started.learnerId);
  const fromLms = decode(index, started.suspendData);
  const kept = copy?.read();
  // A copy on this device the LMS never confirmed, and fuller than what the LMS holds, wins.
  const fromDevice =
    kept && !kept.confirmed && kept.suspendData !== started.suspendData ? decode(index, kept.suspendData) : null;
  const restored = !!fromDevice && (!fromLms || evidenceIn(fromDevice) >= evidenceIn(fromLms));
  const saved = restored ? fromDevice : fromLms;
  let record: LearnerRecord = saved
    ? { ...saved, visits: ((saved.visits ?? 0) + (review ? 0 : 1)) % 4096 }
    : { ...emptyRecord(), visits: 1 };
  /** A lesson id, or undefined on the course map. */
  // Saved progress keeps the position (none = the map); only progress from before it did (no visits) reads the bookmark.
  let location: string | undefined = !saved
    ? undefined
    : saved.visits
      ? saved.location
      : index.lessonIndex.has(started.location)
        ? started.location
        : undefined;

  // Path and result are computed once per change of the record, whatever reads them.
  let memo: (ReturnType<typeof resultOfRecord> & { record: LearnerRecord }) | null = null;
  const now = () => {
    if (memo?.record !== record) memo = { record, ...resultOfRecord(index, record) };
    return memo;
  };
  const update = (change: Partial<LearnerRecord>) => {
    record = { ...record, ...change };
  };

  let lastSuspend = '';
  const save = (flush = false) => {
    const { result } = now();
    const suspendData = encodeLearnerRecord(index, { ...record, location });
    const bookmark = location ?? MAP_BOOKMARK;
    lastSuspend = suspendData;
    copy?.write({ suspendData, location: bookmark, confirmed: false });
    tracker.report({ result, location: bookmark, suspendData });
    if (flush) tracker.flush();
  };

  const notice = h('div', { class: 'notice', role: 'status' });
  const say = (text: string, tone: 'info' | 'warning' = 'info') => {
    notice.className = text ? `notice notice-${tone}` : 'notice';
    notice.textContent = text;
  };
  if (restored) say('We restored your progress from this device: your LMS had not saved your last visit.', 'info');
  if (review) say('Review mode: you can look through the course; your record in the LMS does not change.');
  let failing = false;
  tracker.onSaveState((state) => {
    if (state === 'saved') {
      copy?.write({ suspendData: lastSuspend, location: location ?? MAP_BOOKMARK, confirmed: true });
      if (failing) say('Your progress is saved to your LMS again.');
      failing = false;
    } else if (state === 'failing') {
      failing = true;
      say(
        'Your progress could not be saved to your LMS. We keep trying, and a copy is kept on this device.',
        'warning',
      );
    }
  });

  let finished = false;
  const finish = (): boolean => {
    if (finished) return false;
    finished = true;
    save();
    return tracker.finish();
  };
  // Closing the tab or the LMS removing the frame still ends the session properly.
  window.addEventListener('pagehide', () => void finish());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && !finished) save(true);
  });

  const show = (title: string, ...content: (Node | null)[]) => {
    const heading = h('h1', { tabindex: '-1' }, title);
    root.replaceChildren(notice, heading, ...content.filter((n): n is Node => n !== null));
    heading.focus();
    window.scrollTo(0, 0);
  };

  const button = (text: string, onclick: () => void, kind = 'primary') =>
    h('button', { type: 'button', class: `btn btn-${kind}`, onclick: onclick as EventListener }, text);

  function welcome(): void {
    const form = h('form', { class: 'stack', 'aria-label': 'About you' });
    const asked = courseAttributes(index).filter((a) => fixed[a.id] === undefined);
    for (const attribute of asked) {
      const group = h('fieldset', {}, h('legend', {}, attribute.question));
      const choices =
        attribute.id === 'preferredFormat'
          ? [{ value: '', label: 'no preference' }, ...attribute.options]
          : attribute.options;
      choices.forEach((option, i) =>
        group.append(
          h(
            'label',
            { class: 'choice' },
            h('input', { type: 'radio', name: attribute.id, value: option.value, checked: i === 0 }),
            ` ${option.label}`,
          ),
        ),
      );
      form.append(group);
    }
    const needs = h('fieldset', {}, h('legend', {}, 'What helps you learn'));
    for (const [value, label] of [
      ['captions', 'Captions on videos'],
      ['audio', 'Audio versions where there are any'],
      ['reducedMotion', 'Less motion'],
    ] as const)
      needs.append(
        h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'needs', value }), ` ${label}`),
      );
    form.append(needs);
    form.append(
      button(course.placement ? 'Start the placement test' : 'Start', () => {
        const data = new FormData(form);
        const chosen = new Set(data.getAll('needs').map(String));
        const value = (id: AttributeId) => fixed[id] ?? (data.get(id) === null ? undefined : String(data.get(id)));
        const seniority = value('seniority');
        const format = value('preferredFormat');
        update({
          role: value('role'),
          department: value('department'),
          seniority: SENIORITIES.find((s) => s === seniority),
          needs: {
            captions: chosen.has('captions'),
            audio: chosen.has('audio'),
            reducedMotion: chosen.has('reducedMotion'),
          },
          preferredFormat: FORMATS.find((f) => f === format),
        });
        document.documentElement.classList.toggle('reduce-motion', chosen.has('reducedMotion'));
        save();
        if (course.placement) placementStep();
        else courseMap();
      }),
    );
    show(course.title, course.description ? h('p', { class: 'lead' }, course.description) : null, form);
  }

  /** The inputs for a question; `read` returns the answer given, or undefined when none. */
  function questionForm(q: Question): { fields: HTMLElement; read: () => Answer | undefined } {
    const name = uid('q');
    const legend = h('legend', {}, q.prompt);
    const set = h('fieldset', { class: 'question' }, legend);
    const radio = (value: string, label: string) =>
      h('label', { class: 'choice' }, h('input', { type: 'radio', name, value }), ` ${label}`);
    switch (q.type) {
      case 'single':
        q.choices.forEach((c) => set.append(radio(c.id, c.text)));
        return { fields: set, read: () => set.querySelector<HTMLInputElement>('input:checked')?.value ?? undefined };
      case 'multiple':
        q.choices.forEach((c) =>
          set.append(
            h('label', { class: 'choice' }, h('input', { type: 'checkbox', name, value: c.id }), ` ${c.text}`),
          ),
        );
        return {
          fields: set,
          read: () => [...set.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value),
        };
      case 'true-false':
        set.append(radio('true', 'True'), radio('false', 'False'));
        return {
          fields: set,
          read: () => {
            const v = set.querySelector<HTMLInputElement>('input:checked')?.value;
            return v === undefined ? undefined : v === 'true';
          },
        };
      case 'fill-in': {
        const id = uid('fill');
        set.append(h('label', { for: id }, 'Your answer'), h('input', { id, type: 'text', autocomplete: 'off' }));
        return { fields: set, read: () => set.querySelector<HTMLInputElement>('input')!.value.trim() || undefined };
      }
      case 'likert':
        for (let i = 1; i <= q.points; i++)
          set.append(
            radio(
              String(i),
              i === 1 && q.anchors
                ? `1 (${q.anchors.low})`
                : i === q.points && q.anchors
                  ? `${i} (${q.anchors.high})`
                  : String(i),
            ),
          );
        return {
          fields: set,
          read: () => {
            const v = set.querySelector<HTMLInputElement>('input:checked')?.value;
            return v === undefined ? undefined : Number(v);
          },
        };
      case 'ordering':
      case 'matching': {
        const items =
          q.type === 'ordering'
            ? q.items.map((i) => ({ id: i.id, text: i.text }))
            : q.pairs.map((p) => ({ id: p.id, text: `${p.left} → ${p.right}` }));
        const selects = items.map((_, position) => {
          const id = uid('pos');
          const select = h(
            'select',
            { id },
            h('option', { value: '' }, 'Choose…'),
            ...items.map((it) => h('option', { value: it.id }, it.text)),
          );
          set.append(h('label', { for: id }, `Position ${position + 1}`), select);
          return select;
        });
        return {
          fields: set,
          read: () => {
            const values = selects.map((s) => s.value);
            return values.every(Boolean) ? values : undefined;
          },
        };
      }
    }
  }

  function placementStep(): void {
    const walker = PlacementWalker.start(index);
    if (!walker) return courseMap();
    for (const answer of record.answers) walker.answer(answer);
    const pending = walker.done || walker.looping ? null : walker.pending;
    if (!pending) {
      save(true);
      return placementResult();
    }
    const { question } = pending;
    const { fields, read } = questionForm(question);
    const status = h('p', { role: 'status', class: 'status' });
    const submit = button('Submit answer', () => {
      const answer = read();
      if (answer === undefined) {
        status.textContent = 'Choose or type an answer first.';
        return;
      }
      update({ answers: [...record.answers, answer] });
      tracker.interaction(interactionFor(question, answer, 'placement', tracker.kind === 'scorm12'));
      save();
      const { correct } = grade(question, answer);
      const feedback = feedbackFor(question, answer);
      const verdict = correct === null ? 'Thank you.' : correct ? 'Correct.' : 'Not quite.';
      submit.remove();
      fields.querySelectorAll('input, select').forEach((i) => i.setAttribute('disabled', ''));
      status.textContent = `${verdict}${feedback ? ` ${feedback}` : ''}`;
      status.after(button('Next', placementStep));
      (status.nextElementSibling as HTMLElement).focus();
    });
    show(
      course.placement!.title,
      record.answers.length === 0 && course.placement!.intro ? h('p', {}, course.placement!.intro) : null,
      h('p', { class: 'muted' }, `Question ${record.answers.length + 1}`),
      fields,
      submit,
      status,
    );
  }

  function placementResult(): void {
    const { placement } = now();
    const list = h('ul', { class: 'results' });
    for (const c of course.competencies) {
      const level = c.levels.find((l) => l.id === placement.mastery[c.id]);
      list.append(h('li', {}, h('strong', {}, c.name), `: ${level?.name ?? placement.mastery[c.id]}`));
    }
    show(
      'Your starting point',
      h('p', {}, 'Based on your answers, here is what you already know. Your path skips what you have shown you know.'),
      list,
      button('See my path', courseMap),
    );
  }

  /** The end of the course: the result, and what each competency showed, linked to its lessons. */
  function resultSection(): HTMLElement {
    const { result } = now();
    const section = h('section', { class: 'result', 'aria-labelledby': 'result-title' });
    section.append(h('h2', { id: 'result-title' }, 'Your result'));
    if (result.score !== null)
      section.append(
        h(
          'p',
          { class: 'score' },
          `Your score: ${percent(result.score)} (pass mark ${percent(course.settings.passingScore)}). `,
          result.passed ? 'You passed.' : 'You did not reach the pass mark yet: revisit the lessons below.',
        ),
      );
    else section.append(h('p', {}, 'You completed every lesson on your path.'));
    const list = h('ul', { class: 'competencies' });
    for (const o of result.objectives) {
      const item = h('li', { class: `competency competency-${o.success}` }, h('h3', {}, o.name));
      const score = o.score === null ? '' : ` (${percent(o.score)}, mastery at ${percent(o.threshold)})`;
      item.append(
        h(
          'p',
          {},
          o.success === 'passed'
            ? `You showed you know this${score}.`
            : o.success === 'failed'
              ? `Worth revisiting${score}.`
              : o.byPlacement
                ? 'You tested out of this.'
                : 'Done: no check measured it.',
        ),
      );
      if (o.revisit.length) {
        const links = h('ul', { class: 'lessons' });
        for (const l of o.revisit)
          links.append(
            h(
              'li',
              {},
              button(`Revisit “${l.title}”`, () => lesson(l.module, l.lesson), 'link'),
            ),
          );
        item.append(links);
      }
      list.append(item);
    }
    section.append(list);
    return section;
  }

  function courseMap(): void {
    const { path, result } = now();
    location = undefined;
    save();
    const choiceOf = new Map<string, (typeof path.choices)[number]>();
    for (const c of path.choices) for (const id of c.options) choiceOf.set(id, c);
    const items = h('ol', { class: 'map' });
    for (const m of path.modules) {
      if (m.status === 'excluded') continue;
      const why = m.reasons.at(-1)?.text ?? '';
      const li = h('li', { class: `module module-${m.status}` }, h('h2', {}, m.title));
      const label =
        m.status === 'skipped'
          ? `You tested out: ${why}`
          : m.status === 'optional'
            ? `Optional. ${why}`
            : m.status === 'choice'
              ? why
              : `Required. ${why}`;
      li.append(h('p', { class: 'reason' }, m.recommended ? `Recommended. ${label}` : label));
      if (m.status === 'skipped')
        li.append(
          button(
            `Take “${m.title}” anyway`,
            () => {
              update({ takeAnyway: [...record.takeAnyway, m.id] });
              courseMap();
            },
            'secondary',
          ),
        );
      else if (m.status === 'choice') {
        const choice = choiceOf.get(m.id);
        if (choice)
          li.append(
            button(
              `Choose “${m.title}”`,
              () => {
                update({ picks: { ...record.picks, [choice.rule]: m.id } });
                courseMap();
              },
              'secondary',
            ),
          );
      } else {
        const lessons = h('ul', { class: 'lessons' });
        for (const l of m.lessons)
          lessons.append(
            h(
              'li',
              {},
              button(`${l.completed ? '✓ ' : ''}${l.title} (${l.minutes} min)`, () => lesson(m.id, l.id), 'link'),
            ),
          );
        li.append(lessons);
      }
      items.append(li);
    }
    const next = path.next;
    const open = result.openChoices;
    show(
      course.title,
      h(
        'p',
        { class: 'progress-text' },
        `${result.lessonsDone} of ${result.lessonsToDo} lessons done`,
        open ? ` · ${open === 1 ? 'a choice is' : `${open} choices are`} still open below` : '',
      ),
      h('progress', { max: '100', value: String(Math.round(result.progress * 100)), 'aria-label': 'Progress' }),
      next
        ? h(
            'div',
            { class: 'next' },
            h('p', {}, next.reason),
            button('Continue', () => lesson(next.module, next.lesson)),
          )
        : null,
      result.completed ? h('p', { class: 'done', role: 'status' }, 'You have completed the course.') : null,
      result.completed ? resultSection() : null,
      items,
      button('Save and exit', exit, 'secondary'),
    );
  }

  function exit(): void {
    const stored = finish();
    if (review)
      show('Review finished', h('p', {}, 'Nothing in your LMS record was changed. You can close this window.'));
    else if (stored)
      show(
        'Progress saved',
        h(
          'p',
          {},
          tracker.kind === 'local'
            ? 'Your progress is kept in this browser on this device. Open the course here again to continue.'
            : 'You can close this window. Next time you will continue where you left off.',
        ),
      );
    else
      show(
        'Progress not saved to your LMS',
        h(
          'p',
          {},
          tracker.kind === 'local'
            ? 'This browser did not let us keep your progress. Next time you will start from the beginning.'
            : 'Your progress could not be saved to your LMS; it is kept on this device. Open the course again on this device and in this browser to continue where you left off.',
        ),
      );
  }

  function block(b: Block, captions: boolean): Node {
    switch (b.type) {
      case 'text':
        return h('div', { class: 'rich' }, richText(b.html));
      case 'callout':
        return h('aside', { class: `callout callout-${b.tone}`, 'aria-label': b.tone }, richText(b.html));
      case 'image':
        return h('figure', {}, h('img', { src: b.src, alt: b.alt }), b.caption ? h('figcaption', {}, b.caption) : null);
      case 'video': {
        const video = h('video', {
          controls: true,
          preload: 'metadata',
          src: b.src,
          ...(b.poster ? { poster: b.poster } : {}),
        });
        b.captions.forEach((c, i) =>
          video.append(
            h('track', {
              kind: 'captions',
              src: c.src,
              srclang: c.language,
              label: c.label || c.language,
              default: captions && i === 0,
            }),
          ),
        );
        return h(
          'figure',
          {},
          video,
          b.transcript ? h('details', {}, h('summary', {}, 'Transcript'), richText(b.transcript)) : null,
        );
      }
      case 'audio':
        return h(
          'figure',
          {},
          h('audio', { controls: true, preload: 'metadata', src: b.src }),
          b.transcript ? h('details', {}, h('summary', {}, 'Transcript'), richText(b.transcript)) : null,
        );
      case 'reflection': {
        const id = uid('reflect');
        return h('div', { class: 'reflection' }, h('label', { for: id }, b.prompt), h('textarea', { id, rows: '3' }));
      }
      case 'check': {
        const q = index.questions.get(b.question);
        if (!q) return h('p', {}, '');
        const { fields, read } = questionForm(q);
        const status = h('p', { role: 'status', class: 'status' });
        const lock = () => fields.querySelectorAll('input, select').forEach((i) => i.setAttribute('disabled', ''));
        const earlier = record.checks?.[q.id];
        if (earlier) {
          lock();
          status.textContent = `You answered this check earlier: ${earlier === 'wrong' ? 'not quite right' : earlier === 'correct' ? 'correct' : 'thank you'}.`;
          return h('div', { class: 'check', 'data-question': q.id }, fields, status);
        }
        const check = button(
          'Check answer',
          () => {
            const answer = read();
            if (answer === undefined) {
              status.textContent = 'Choose or type an answer first.';
              return;
            }
            const { correct } = grade(q, answer);
            // The first answer is the one that counts: the check locks, so the score means something.
            update({
              checks: { ...record.checks, [q.id]: correct === null ? 'neutral' : correct ? 'correct' : 'wrong' },
            });
            tracker.interaction(interactionFor(q, answer, 'check', tracker.kind === 'scorm12'));
            const feedback = feedbackFor(q, answer);
            status.textContent = `${correct === false ? 'Not quite.' : correct ? 'Correct.' : 'Thank you.'}${feedback ? ` ${feedback}` : ''}`;
            check.remove();
            lock();
            save();
          },
          'secondary',
        );
        return h('div', { class: 'check', 'data-question': q.id }, fields, check, status);
      }
    }
  }

  function lesson(moduleId: string, lessonId: string): void {
    const { path } = now();
    const m = path.modules[index.moduleIndex.get(moduleId)!]!;
    const at = index.lessonIndex.get(lessonId)!;
    const l = m.lessons[at.lesson]!;
    const source = course.modules[at.module]!.lessons[at.lesson]!;
    location = lessonId;
    save();
    const rendition =
      l.format === baseFormat(source.blocks) ? undefined : source.renditions.find((r) => r.format === l.format);
    const blocks = rendition?.blocks ?? source.blocks;
    const switcher =
      l.formats.length > 1
        ? h(
            'fieldset',
            { class: 'formats' },
            h('legend', {}, 'Format'),
            ...l.formats.map((f) =>
              h(
                'label',
                { class: 'choice' },
                h('input', {
                  type: 'radio',
                  name: 'format',
                  value: f,
                  checked: f === l.format,
                  onchange: (() => {
                    update({ formats: { ...record.formats, [l.id]: f } });
                    lesson(moduleId, lessonId);
                  }) as EventListener,
                }),
                ` ${f}`,
              ),
            ),
          )
        : null;
    const { mustAnswer } = checkSettingsFor(course, source);
    const hint = h('p', { class: 'status', role: 'status' });
    const complete = button(l.completed ? 'Back to my path' : 'Mark complete and continue', () => {
      const open = mustAnswer
        ? blocks.filter((b) => b.type === 'check' && index.questions.has(b.question) && !record.checks?.[b.question])
        : [];
      if (!l.completed && open.length) {
        hint.textContent = `Answer the knowledge check${open.length > 1 ? 's' : ''} in this lesson first.`;
        root.querySelector<HTMLElement>('.check input:not([disabled]), .check select:not([disabled])')?.focus();
        return;
      }
      if (!l.completed) update({ completed: [...record.completed, l.id] });
      save(true);
      const after = now().path;
      if (after.next && after.next.module === moduleId) lesson(after.next.module, after.next.lesson);
      else courseMap();
    });
    show(
      l.title,
      h('p', { class: 'muted' }, `${m.title} · ${l.minutes} min${l.formatReason ? ` · ${l.formatReason}` : ''}`),
      switcher,
      h('div', { class: 'blocks' }, ...blocks.map((b) => block(b, record.needs.captions))),
      h('div', { class: 'actions' }, complete, button('Back to my path', courseMap, 'link')),
      hint,
    );
  }

  if (!saved) welcome();
  else {
    document.documentElement.classList.toggle('reduce-motion', record.needs.reducedMotion);
    const { path, result } = now();
    const at = location === undefined ? undefined : index.lessonIndex.get(location);
    if (!result.placementDone) placementStep();
    else if (at && path.modules[at.module]!.status !== 'excluded') lesson(path.modules[at.module]!.id, location!);
    else courseMap();
  }
}
