import { FORMATS } from '../../shared/model/constants';
import type { Answer, Block, Course, Question } from '../../shared/model/schema';
import { feedbackFor, grade } from '../../shared/engine/grade';
import type { CourseIndex } from '../../shared/engine/index-course';
import { PlacementWalker } from '../../shared/engine/placement';
import { baseFormat } from '../../shared/engine/resolve';
import { decodeLearnerRecord } from '../../shared/engine/state-codec';
import { emptyRecord, interactionFor, objectivesOf, pathOf, progressOf, type Session } from './state';
import type { Tracker } from './tracking/tracker';
import { h, richText, uid } from './ui/dom';

/** The bookmark for the course map (lessons are bookmarked by their id). */
const MAP_BOOKMARK = 'map';

export interface PlayerOptions {
  readonly course: Course;
  readonly index: CourseIndex;
  readonly tracker: Tracker;
  readonly root: HTMLElement;
}

/** The learner's player: who they are, the placement test, their path, lessons and checks. */
export function startPlayer({ course, index, tracker, root }: PlayerOptions): void {
  const started = tracker.start();
  const session: Session = { record: emptyRecord(), checks: new Map(), placementDone: !course.placement };
  let location = started.location;
  if (started.suspendData) {
    try {
      session.record = decodeLearnerRecord(index, started.suspendData);
      session.placementDone = true;
    } catch {
      location = '';
    }
  }

  const save = (now = false) => {
    const { path, placement } = pathOf(index, session.record);
    tracker.report(progressOf(course, index, session, path, location), objectivesOf(course, path, placement));
    if (now) tracker.flush();
  };
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    save();
    tracker.finish();
  };
  // Closing the tab or the LMS removing the frame still ends the session properly.
  window.addEventListener('pagehide', finish);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') save(true);
  });

  const show = (title: string, ...content: (Node | null)[]) => {
    const heading = h('h1', { tabindex: '-1' }, title);
    root.replaceChildren(heading, ...content.filter((n): n is Node => n !== null));
    heading.focus();
    window.scrollTo(0, 0);
  };

  const button = (text: string, onclick: () => void, kind = 'primary') =>
    h('button', { type: 'button', class: `btn btn-${kind}`, onclick: onclick as EventListener }, text);

  function welcome(): void {
    const roles = [...index.roles];
    const form = h('form', { class: 'stack', 'aria-label': 'About you' });
    if (roles.length) {
      const group = h('fieldset', {}, h('legend', {}, 'Your role'));
      roles.forEach((role, i) =>
        group.append(
          h(
            'label',
            { class: 'choice' },
            h('input', { type: 'radio', name: 'role', value: role, checked: i === 0 }),
            ` ${role.replace(/-/g, ' ')}`,
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
    const formats = h('fieldset', {}, h('legend', {}, 'Preferred format'));
    ['no preference', ...FORMATS].forEach((f, i) =>
      formats.append(
        h(
          'label',
          { class: 'choice' },
          h('input', { type: 'radio', name: 'format', value: i ? f : '', checked: i === 0 }),
          ` ${f}`,
        ),
      ),
    );
    form.append(formats);
    form.append(
      button(course.placement ? 'Start the placement test' : 'Start', () => {
        const data = new FormData(form);
        const chosen = new Set(data.getAll('needs').map(String));
        const format = String(data.get('format') ?? '');
        session.record = {
          ...session.record,
          role: roles.length ? String(data.get('role')) : undefined,
          needs: {
            captions: chosen.has('captions'),
            audio: chosen.has('audio'),
            reducedMotion: chosen.has('reducedMotion'),
          },
          preferredFormat: (FORMATS as readonly string[]).includes(format)
            ? (format as (typeof FORMATS)[number])
            : undefined,
        };
        document.documentElement.classList.toggle('reduce-motion', chosen.has('reducedMotion'));
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
    for (const answer of session.record.answers) walker.answer(answer);
    const pending = walker.done || walker.looping ? null : walker.pending;
    if (!pending) {
      session.placementDone = true;
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
      session.record = { ...session.record, answers: [...session.record.answers, answer] };
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
      session.record.answers.length === 0 && course.placement!.intro ? h('p', {}, course.placement!.intro) : null,
      h('p', { class: 'muted' }, `Question ${session.record.answers.length + 1}`),
      fields,
      submit,
      status,
    );
  }

  function placementResult(): void {
    const { placement } = pathOf(index, session.record);
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

  function courseMap(): void {
    const { path } = pathOf(index, session.record);
    location = MAP_BOOKMARK;
    save();
    const required = path.modules.filter((m) => m.status === 'required').flatMap((m) => m.lessons);
    const done = required.filter((l) => l.completed).length;
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
              session.record = { ...session.record, takeAnyway: [...session.record.takeAnyway, m.id] };
              courseMap();
            },
            'secondary',
          ),
        );
      else if (m.status === 'choice') {
        const choice = path.choices.find((c) => c.options.includes(m.id));
        if (choice)
          li.append(
            button(
              `Choose “${m.title}”`,
              () => {
                session.record = { ...session.record, picks: { ...session.record.picks, [choice.rule]: m.id } };
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
    show(
      course.title,
      h('p', { class: 'progress-text' }, `${done} of ${required.length} required lessons done`),
      h('progress', { max: String(Math.max(1, required.length)), value: String(done), 'aria-label': 'Progress' }),
      next
        ? h(
            'div',
            { class: 'next' },
            h('p', {}, next.reason),
            button('Continue', () => lesson(next.module, next.lesson)),
          )
        : null,
      path.finished ? h('p', { class: 'done', role: 'status' }, 'You have completed the course.') : null,
      items,
      button(
        'Save and exit',
        () => {
          finish();
          show(
            'Progress saved',
            h('p', {}, 'You can close this window. Next time you will continue where you left off.'),
          );
        },
        'secondary',
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
        const check = button(
          'Check answer',
          () => {
            const answer = read();
            if (answer === undefined) {
              status.textContent = 'Choose or type an answer first.';
              return;
            }
            const { correct } = grade(q, answer);
            session.checks.set(q.id, correct !== false);
            tracker.interaction(interactionFor(q, answer, 'check', tracker.kind === 'scorm12'));
            const feedback = feedbackFor(q, answer);
            status.textContent = `${correct === false ? 'Not quite.' : 'Correct.'}${feedback ? ` ${feedback}` : ''}`;
            save();
          },
          'secondary',
        );
        return h('div', { class: 'check' }, fields, check, status);
      }
    }
  }

  function lesson(moduleId: string, lessonId: string): void {
    const { path } = pathOf(index, session.record);
    const m = path.modules.find((x) => x.id === moduleId)!;
    const l = m.lessons.find((x) => x.id === lessonId)!;
    const source = course.modules.find((x) => x.id === moduleId)!.lessons.find((x) => x.id === lessonId)!;
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
                    session.record = { ...session.record, formats: { ...session.record.formats, [l.id]: f } };
                    lesson(moduleId, lessonId);
                  }) as EventListener,
                }),
                ` ${f}`,
              ),
            ),
          )
        : null;
    const complete = button(l.completed ? 'Back to my path' : 'Mark complete and continue', () => {
      if (!l.completed) session.record = { ...session.record, completed: [...session.record.completed, l.id] };
      save(true);
      const after = pathOf(index, session.record).path;
      if (after.next && after.next.module === moduleId) lesson(after.next.module, after.next.lesson);
      else courseMap();
    });
    show(
      l.title,
      h('p', { class: 'muted' }, `${m.title} · ${l.minutes} min${l.formatReason ? ` · ${l.formatReason}` : ''}`),
      switcher,
      h('div', { class: 'blocks' }, ...blocks.map((b) => block(b, session.record.needs.captions))),
      h('div', { class: 'actions' }, complete, button('Back to my path', courseMap, 'link')),
    );
  }

  if (session.placementDone && started.resumed) {
    const { path } = pathOf(index, session.record);
    const bookmark = path.modules.find((m) => m.lessons.some((l) => l.id === location));
    if (bookmark && location) lesson(bookmark.id, location);
    else courseMap();
  } else if (session.placementDone && session.record.answers.length) courseMap();
  else welcome();
}
