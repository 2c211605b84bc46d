import type { Answer, Block, Course, Lesson, Question } from '../../shared/model/schema';
import type { DisplayPreferences } from './display';
import {
  courseAttributes,
  declaredValues,
  fixedAttributes,
  type FixedAttributes,
} from '../../shared/engine/attributes';
import { correctAnswer, feedbackFor, grade } from '../../shared/engine/grade';
import type { CourseIndex } from '../../shared/engine/index-course';
import { PlacementWalker } from '../../shared/engine/placement';
import {
  baseFormat,
  lessonCounts,
  lessonReason,
  withoutPick,
  withPick,
  type LearnerPath,
  type PathModule,
} from '../../shared/engine/resolve';
import { checkSettingsFor, resultOfRecord } from '../../shared/engine/result';
import { decodeLearnerRecord, encodeLearnerRecord, type LearnerRecord } from '../../shared/engine/state-codec';
import { FORMATS, SENIORITIES, type Format } from '../../shared/model/constants';
import { buildShell } from './shell';
import { emptyRecord, evidenceIn, interactionFor, withCheckAnswer } from './state';
import { localCopy } from './tracking/local';
import type { LearnerNeeds, PlayerOutcome, PreviewControl } from './preview-channel';
import type { Tracker } from './tracking/tracker';
import { h, richText, uid } from './ui/dom';
import {
  chunked,
  keyedChildren,
  keyedChunkRefresh,
  keyedChunks,
  type Chunked,
  type KeyedCache,
  type KeyedItem,
} from './ui/keyed';
import {
  duration,
  formatLabel,
  timeSpent,
  moduleReasons,
  placementLength,
  SECTION_TITLES,
  sectionOf,
  type OutlineSection,
} from './words';

/** The bookmark for the course map (lessons are bookmarked by their id). */
const MAP_BOOKMARK = 'map';

export interface PlayerOptions {
  readonly course: Course;
  readonly index: CourseIndex;
  readonly tracker: Tracker;
  readonly root: HTMLElement;
  /** Attributes fixed by the package (`--set`) or the launch: not asked at the intake. */
  readonly fixed?: FixedAttributes;
  /** The device's display preferences from the launch: a theme, and the intake's captions and motion ticked. */
  readonly display?: DisplayPreferences;
  /**
   * Whether a new view may take the keyboard focus when the player does not have it. True in an LMS
   * (the learner starts in the course); false in the studio's preview, where loading or steering the
   * player must not pull the focus out of the studio.
   */
  readonly takeFocus?: boolean;
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
export function startPlayer({
  course,
  index,
  tracker,
  root,
  fixed: given = {},
  display = {},
  takeFocus = true,
}: PlayerOptions): PreviewControl {
  const shell = buildShell(course, root);
  if (display.theme) document.documentElement.dataset['theme'] = display.theme;
  if (display.reducedMotion) document.documentElement.classList.add('reduce-motion');
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

  // Time spent: earlier sessions' total plus this session as the tracker measures it for session_time; review adds none.
  const secondsBefore = saved?.seconds ?? 0;
  const secondsSpent = () => secondsBefore + (review ? 0 : tracker.sessionSeconds());

  let lastSuspend = '';
  const saveNow = (flush = false) => {
    const { result } = now();
    const suspendData = encodeLearnerRecord(index, { ...record, location, seconds: secondsSpent() });
    const bookmark = location ?? MAP_BOOKMARK;
    lastSuspend = suspendData;
    copy?.write({ suspendData, location: bookmark, confirmed: false });
    tracker.report({ result, location: bookmark, suspendData });
    if (flush) tracker.flush();
  };
  /**
   * Saves once the click's handler has run, however many changes it made: a click that completes a
   * lesson and opens the map encodes the learner's record once, not twice.
   */
  let pending: { flush: boolean } | null = null;
  const save = (flush = false) => {
    if (pending) {
      pending.flush ||= flush;
      return;
    }
    pending = { flush };
    queueMicrotask(() => {
      const due = pending;
      pending = null;
      if (due && !finished) saveNow(due.flush);
    });
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
    pending = null;
    saveNow();
    return tracker.finish();
  };
  // Closing the tab or the LMS removing the frame still ends the session properly.
  window.addEventListener('pagehide', () => void finish());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && !finished) saveNow(true);
  });

  interface ViewHead {
    /** The course's cover band: title large, on the accent wash. */
    readonly cover?: boolean;
    /** A small line above the title: where the learner is. */
    readonly eyebrow?: string;
    /** A line under the title. */
    readonly sub?: Node;
    /** The course's cover picture, above the title. */
    readonly picture?: Node | null;
  }
  /** Moves the keyboard focus, in the preview only when the learner is already working in the player. */
  const focus = (el: HTMLElement | null | undefined, options?: FocusOptions) => {
    if (el && (takeFocus || document.hasFocus())) el.focus(options);
  };
  // The map stays in the page between visits, hidden while another view shows: taking its thousands
  // of cards out of the page and putting them back was most of a click's cost on a large course.
  // It is hidden by `content-visibility: hidden`, not `display: none`, so the browser keeps its
  // layout and showing it again does not lay out every visible card anew.
  const map = h('div', { class: 'map' });
  root.replaceChildren(notice, map);
  /** Shows a view: its title (focused, for screen readers) and content; the map shows only when listed. */
  const show = (title: string, head: ViewHead, ...content: (Node | null)[]) => {
    const heading = h('h1', { tabindex: '-1' }, title);
    const top = h(
      'div',
      { class: head.cover ? `view-head cover${head.picture ? ' has-picture' : ''}` : 'view-head' },
      head.picture ?? null,
      head.eyebrow ? h('p', { class: 'eyebrow' }, head.eyebrow) : null,
      heading,
      head.sub ?? null,
    );
    map.classList.toggle('is-away', !content.includes(map));
    const old: ChildNode[] = [];
    for (let n = notice.nextSibling; n && n !== map; n = n.nextSibling) old.push(n);
    map.before(top, ...content.filter((n): n is Node => n !== null && n !== map));
    // The new view's title takes the focus, so screen readers announce it. It does so before the old
    // view goes: taking out the focused element made the browser check the whole map (~4 ms a click).
    focus(heading, { preventScroll: true });
    for (const n of old) n.remove();
    shell.closeDrawer();
    window.scrollTo(0, 0);
  };

  const button = (text: string, onclick: () => void, kind = 'primary') =>
    h('button', { type: 'button', class: `btn btn-${kind}`, onclick: onclick as EventListener }, text);
  const saveExit = button('Save and exit', () => exit(), 'quiet');
  saveExit.hidden = true;
  shell.actions.append(saveExit);

  /** The modules a learner sees, by section, in the order the outline and the map show them. */
  function bySection(path: LearnerPath): Map<OutlineSection, PathModule[]> {
    const groups = new Map<OutlineSection, PathModule[]>();
    for (const m of path.modules) {
      // The alternatives a learner did not pick sit with the one they did ("Change my choice").
      if (m.status === 'excluded' && m.reasons.some((r) => r.kind === 'learner')) continue;
      const section = sectionOf(m);
      const list = groups.get(section);
      if (list) list.push(m);
      else groups.set(section, [m]);
    }
    return groups;
  }
  const SECTIONS = ['path', 'recommended', 'optional', 'tested-out', 'not-for-you'] as const;
  /** Done, skipped and current, lesson by lesson ("10s*0"): what a module's rows show that changes as the learner goes. */
  const lessonMarks = (m: PathModule, current?: string) =>
    m.lessons.map((l) => (l.completed ? '1' : '0') + (l.skipped ? 's' : '') + (l.id === current ? '*' : '')).join('');
  /** A lesson's mark: ticked when completed; a skipped one's circle is dashed (CSS). */
  const tick = (l: PathModule['lessons'][number]) =>
    h('span', { class: 'tick', 'aria-hidden': 'true' }, l.completed ? '✓' : '');
  const lessonState = (l: PathModule['lessons'][number]) =>
    `${l.completed ? ' is-done' : ''}${l.skipped ? ' is-skipped' : ''}`;
  /** A module the learner walks through, lesson by lesson: required or optional (recommended is optional). */
  const walks = (m: PathModule) => m.status === 'required' || m.status === 'optional';
  /** The lessons a learner walks through, in order: their path, then what is optional or recommended. */
  const walkable = () =>
    now().path.modules.flatMap((m) => (walks(m) ? m.lessons.map((l) => ({ module: m, lesson: l })) : []));

  /** A section of the outline or the map that stays between clicks: its count and its modules. */
  interface SectionParts {
    readonly node: HTMLElement;
    readonly count: HTMLElement;
    /** The disclosure's summary, where the section folds away (the map's modules left out). */
    readonly summary: HTMLElement | null;
    readonly modules: Chunked;
  }
  /** How the outline or the map draws a section around its title and its lists of modules. */
  interface SectionLook {
    readonly title: (section: OutlineSection) => Record<string, string>;
    readonly listsClass: string;
    /** One list of at most CHUNK modules, the `index`th of its section. */
    readonly list: (index: number) => Element;
    readonly frame: (
      section: OutlineSection,
      title: HTMLElement,
      lists: HTMLElement,
    ) => { readonly node: HTMLElement; readonly summary: HTMLElement | null };
  }
  /** The sections of the outline or the map, each made on first use and kept. */
  const keptSections = (look: SectionLook) => {
    const made = new Map<OutlineSection, SectionParts>();
    return {
      get: (section: OutlineSection) => made.get(section),
      make(section: OutlineSection): SectionParts {
        let parts = made.get(section);
        if (!parts) {
          const count = h('span', { class: 'count' });
          const title = h('h2', look.title(section), SECTION_TITLES[section], count);
          const lists = h('div', { class: look.listsClass });
          const { node, summary } = look.frame(section, title, lists);
          made.set(section, (parts = { node, count, summary, modules: chunked(lists, CHUNK, look.list) }));
        }
        return parts;
      },
    };
  };
  /**
   * Modules go in lists of at most this many: the browser skips an off-screen list whole
   * (content-visibility), so thousands of modules cost a few dozen boxes per frame.
   */
  const CHUNK = 50;
  /**
   * A large course's map and outline come in steps: the first screenfuls of modules at once, the rest
   * this many at a time in later tasks, so the first map after the placement test shows without a
   * long wait and the learner can act while the rest fills in.
   */
  const STEP = 4 * CHUNK;
  /** How many modules a view draws, section after section, and how to draw the next step. */
  const inSteps = (drawMore: () => void) => {
    let limit = STEP;
    let left = 0;
    let pending = false;
    return {
      /** Starts a draw. */
      begin: () => void (left = limit),
      /** The modules of the next section drawn now. */
      take: <T>(list: readonly T[]): readonly T[] => {
        const taken = list.length <= left ? list : list.slice(0, Math.max(0, left));
        left -= list.length;
        return taken;
      },
      /** Ends a draw: what is left out is drawn in a later task. */
      end: () => {
        if (left >= 0 || pending) return;
        pending = true;
        setTimeout(() => {
          pending = false;
          limit += STEP;
          drawMore();
        });
      },
    };
  };

  // The outline stays between clicks: only the modules whose rows changed are drawn again.
  const outlineBar = h('span', { class: 'bar-fill' });
  const outlineProgress = h('p', { class: 'outline-progress' });
  const outlineHead = h(
    'div',
    { class: 'outline-head' },
    outlineProgress,
    h('div', { class: 'bar', 'aria-hidden': 'true' }, outlineBar),
  );
  const outlineHome = h(
    'button',
    { type: 'button', class: 'outline-home', onclick: (() => courseMap()) as EventListener },
    'Course overview',
  );
  const outlineTop: KeyedCache = new Map();
  const outlineSections = keptSections({
    title: () => ({}),
    listsClass: 'outline-lists',
    list: () => h('ul', { class: 'outline-modules' }),
    frame: (section, title, lists) => ({
      node: h('section', { class: `outline-section outline-${section}` }, title, lists),
      summary: null,
    }),
  });

  function outlineModule(m: PathModule, current: string | undefined, why: string): HTMLElement {
    const { done, toDo } = lessonCounts(m);
    const item = h(
      'li',
      { class: 'outline-module' },
      h(
        'p',
        { class: 'outline-module-title' },
        m.title,
        walks(m) && toDo ? h('span', { class: 'count' }, ` ${done}/${toDo}`) : null,
      ),
    );
    if (walks(m)) {
      const lessons = h('ul', { class: 'outline-lessons' });
      for (const l of m.lessons)
        lessons.append(
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: `outline-lesson${lessonState(l)}${l.id === current ? ' current' : ''}`,
                ...(l.id === current ? { 'aria-current': 'page' } : {}),
                onclick: (() => lesson(m.id, l.id)) as EventListener,
              },
              tick(l),
              h('span', { class: 'outline-lesson-title' }, l.title),
              l.skipped ? h('span', { class: 'chip chip-skipped', 'aria-hidden': 'true' }, 'Skipped') : null,
              l.completed ? h('span', { class: 'sr-only' }, ' (done)') : null,
              l.skipped ? h('span', { class: 'sr-only' }, ` (skipped: ${lessonReason(l)})`) : null,
            ),
          ),
        );
      item.append(lessons);
    } else if (why) item.append(h('p', { class: 'outline-reason' }, why));
    return item;
  }

  const outlineItem = (m: PathModule, current: string | undefined): KeyedItem => {
    const why = walks(m) ? '' : moduleReasons(course, m, record.role).join(' ');
    return {
      key: m.id,
      sig: `${m.status}|${lessonMarks(m, current)}|${why}`,
      render: () => outlineModule(m, current, why),
    };
  };
  /** The path and current lesson the outline shows. */
  let outlineDrawn: { readonly path: LearnerPath; readonly current: string | undefined } | null = null;

  function renderOutline(current?: string): void {
    const { path, result } = now();
    outlineProgress.textContent = `${percent(result.progress)} complete`;
    outlineBar.style.width = percent(result.progress);
    outlineHome.classList.toggle('current', current === undefined);
    if (current === undefined) outlineHome.setAttribute('aria-current', 'page');
    else outlineHome.removeAttribute('aria-current');
    shell.showOutline(true);
    const before = outlineDrawn;
    if (before?.path !== path) return drawOutline(path, current);
    outlineDrawn = { path, current };
    // Same path, another lesson: only the modules the current lesson left and entered change.
    for (const id of new Set([before.current, current])) {
      const at = id === undefined ? undefined : index.lessonIndex.get(id);
      const m = at && path.modules[at.module];
      const parts = m && outlineSections.get(sectionOf(m));
      if (m && parts) keyedChunkRefresh(parts.modules, outlineItem(m, current));
    }
  }

  const outlineSteps = inSteps(() => outlineDrawn && drawOutline(outlineDrawn.path, outlineDrawn.current));
  /** Draws the outline for a path: only the modules whose rows changed are drawn again. */
  function drawOutline(path: LearnerPath, current: string | undefined): void {
    outlineDrawn = { path, current };
    const groups = bySection(path);
    outlineSteps.begin();
    const sections = SECTIONS.filter((section) => groups.has(section)).map((section): KeyedItem => {
      const modules = groups.get(section)!;
      const parts = outlineSections.make(section);
      parts.count.textContent = ` (${modules.length})`;
      keyedChunks(
        parts.modules,
        outlineSteps.take(modules).map((m) => outlineItem(m, current)),
      );
      return { key: section, sig: '', render: () => parts.node };
    });
    keyedChildren(shell.outline, outlineTop, [
      { key: 'head', sig: '', render: () => outlineHead },
      { key: 'home', sig: '', render: () => outlineHome },
      ...sections,
    ]);
    outlineSteps.end();
  }

  /** Which screen the learner is on; the preview asks it before opening a lesson or answering for them. */
  let stage: 'intake' | 'placement' | 'placed' | 'path' | 'ended' = 'intake';
  /** The intake's start, with the needs ticked as given (the preview's autopilot). */
  let startWith: ((needs: LearnerNeeds) => void) | null = null;
  /** The placement question on screen and how to submit an answer to it (the preview's autopilot). */
  let answering: { readonly question: Question; readonly submit: (answer: Answer) => void } | null = null;

  function welcome(): void {
    stage = 'intake';
    shell.showOutline(false);
    saveExit.hidden = true;
    const form = h('form', { class: 'card intake', 'aria-labelledby': 'intake-title' });
    form.append(
      h('h2', { id: 'intake-title' }, 'About you'),
      h('p', { class: 'muted' }, 'Your answers shape your path: you only get what your role and experience need.'),
    );
    const asked = courseAttributes(index).filter((a) => fixed[a.id] === undefined);
    for (const attribute of asked) {
      const group = h('fieldset', { class: 'options' }, h('legend', {}, attribute.question));
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
            h('span', {}, option.label),
          ),
        ),
      );
      form.append(group);
    }
    const needs = h('fieldset', { class: 'options' }, h('legend', {}, 'What helps you learn'));
    for (const [value, label] of [
      ['captions', 'Captions on videos'],
      ['audio', 'Audio versions where there are any'],
      ['reducedMotion', 'Less motion'],
    ] as const)
      needs.append(
        h(
          'label',
          { class: 'choice' },
          h('input', {
            type: 'checkbox',
            name: 'needs',
            value,
            checked: (value === 'captions' && display.captions) || (value === 'reducedMotion' && display.reducedMotion),
          }),
          h('span', {}, label),
        ),
      );
    form.append(needs);
    const start = button(course.placement ? 'Start the placement test' : 'Start', () => {
      const data = new FormData(form);
      const chosen = new Set(data.getAll('needs').map(String));
      const value = (id: string) => fixed[id] ?? (data.get(id) === null ? undefined : String(data.get(id)));
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
        ...(index.attributes.size
          ? {
              attributes: {
                ...declaredValues(index, fixed),
                ...Object.fromEntries(asked.flatMap((a) => (a.declared && value(a.id) ? [[a.id, value(a.id)!]] : []))),
              },
            }
          : {}),
      });
      document.documentElement.classList.toggle(
        'reduce-motion',
        chosen.has('reducedMotion') || !!display.reducedMotion,
      );
      save();
      if (course.placement) placementStep();
      else courseMap();
    });
    form.append(start);
    startWith = (given) => {
      for (const input of needs.querySelectorAll('input'))
        input.checked = given[input.value as keyof LearnerNeeds] === true;
      start.click();
    };
    const upTo = course.modules.reduce((n, m) => n + m.lessons.reduce((k, l) => k + l.minutes, 0), 0);
    const hero = course.settings.branding?.hero;
    show(
      course.title,
      {
        cover: true,
        eyebrow: 'Course',
        picture: hero ? h('img', { class: 'cover-picture', src: hero.src, alt: hero.alt }) : null,
      },
      course.description ? h('p', { class: 'lead' }, course.description) : null,
      h(
        'p',
        { class: 'meta' },
        `Up to ${duration(upTo)}. ${course.placement ? 'A short placement test' : 'A few questions'} first, so you skip what you already know.`,
      ),
      form,
    );
  }

  /** The inputs for a question; `read` returns the answer given, `mark` shows what was right. */
  function questionForm(q: Question): {
    fields: HTMLElement;
    read: () => Answer | undefined;
    mark: (answer: Answer, reveal: boolean) => void;
  } {
    const name = uid('q');
    const legend = h('legend', {}, q.prompt);
    const set = h('fieldset', { class: 'question options' }, legend);
    const radio = (value: string, label: string) =>
      h('label', { class: 'choice' }, h('input', { type: 'radio', name, value }), h('span', {}, label));
    /** Marks each choice: the learner's answer and the right one, by icon and words, never colour alone. */
    const markChoices = (chosen: readonly string[], right: readonly string[] | null, reveal: boolean) => {
      for (const label of set.querySelectorAll<HTMLLabelElement>('label.choice')) {
        const value = label.querySelector('input')!.value;
        const mine = chosen.includes(value);
        const good = right?.includes(value) ?? false;
        if (!mine && !(reveal && good)) continue;
        const state = right === null ? 'chosen' : good ? 'correct' : 'incorrect';
        label.classList.add(`choice-${state}`);
        const words =
          state === 'chosen'
            ? 'Your answer'
            : mine
              ? good
                ? 'Your answer: correct'
                : 'Your answer: not correct'
              : 'Correct answer';
        label.append(
          h(
            'span',
            { class: 'mark' },
            h('span', { class: 'mark-icon', 'aria-hidden': 'true' }, good ? '✓' : state === 'chosen' ? '•' : '✕'),
            words,
          ),
        );
      }
    };
    const asList = (a: Answer | null): string[] | null =>
      a === null ? null : Array.isArray(a) ? a.map(String) : [String(a)];
    const simpleMark = (answer: Answer, reveal: boolean) =>
      markChoices(asList(answer)!, asList(correctAnswer(q)), reveal);
    const noMark = () => {};
    switch (q.type) {
      case 'single':
        q.choices.forEach((c) => set.append(radio(c.id, c.text)));
        return {
          fields: set,
          read: () => set.querySelector<HTMLInputElement>('input:checked')?.value ?? undefined,
          mark: simpleMark,
        };
      case 'multiple':
        q.choices.forEach((c) =>
          set.append(
            h('label', { class: 'choice' }, h('input', { type: 'checkbox', name, value: c.id }), h('span', {}, c.text)),
          ),
        );
        return {
          fields: set,
          read: () => [...set.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value),
          mark: simpleMark,
        };
      case 'true-false':
        set.append(radio('true', 'True'), radio('false', 'False'));
        return {
          fields: set,
          read: () => {
            const v = set.querySelector<HTMLInputElement>('input:checked')?.value;
            return v === undefined ? undefined : v === 'true';
          },
          mark: simpleMark,
        };
      case 'fill-in': {
        const id = uid('fill');
        set.append(h('label', { for: id }, 'Your answer'), h('input', { id, type: 'text', autocomplete: 'off' }));
        return {
          fields: set,
          read: () => set.querySelector<HTMLInputElement>('input')!.value.trim() || undefined,
          mark: (answer, reveal) => {
            const right = correctAnswer(q);
            if (reveal && right !== null && !grade(q, answer).correct)
              set.append(h('p', { class: 'reveal' }, 'A correct answer: ', h('strong', {}, String(right))));
          },
        };
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
        set.classList.add('likert');
        return {
          fields: set,
          read: () => {
            const v = set.querySelector<HTMLInputElement>('input:checked')?.value;
            return v === undefined ? undefined : Number(v);
          },
          mark: (answer) => markChoices([String(answer)], null, false),
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
          set.append(h('div', { class: 'position' }, h('label', { for: id }, `Position ${position + 1}`), select));
          return select;
        });
        return {
          fields: set,
          read: () => {
            const values = selects.map((s) => s.value);
            return values.every(Boolean) ? values : undefined;
          },
          mark: (answer, reveal) => {
            if (!reveal || grade(q, answer).correct) return noMark();
            const right = h('ol', { class: 'reveal-list' }, ...items.map((it) => h('li', {}, it.text)));
            set.append(h('div', { class: 'reveal' }, h('p', {}, 'The correct order:'), right));
          },
        };
      }
    }
  }

  /** The verdict of an answer: an icon, a word and the feedback, in a status region that is announced. */
  function verdict(status: HTMLElement, q: Question, answer: Answer): void {
    const { correct } = grade(q, answer);
    const feedback = feedbackFor(q, answer);
    const tone = correct === null ? 'neutral' : correct ? 'correct' : 'incorrect';
    status.className = `status feedback feedback-${tone}`;
    status.replaceChildren(
      h('span', { class: 'feedback-icon', 'aria-hidden': 'true' }, correct === null ? '•' : correct ? '✓' : '✕'),
      h(
        'span',
        {},
        h('strong', {}, correct === null ? 'Thank you.' : correct ? 'Correct.' : 'Not quite.'),
        feedback ? ` ${feedback}` : '',
      ),
    );
  }

  function placementStep(): void {
    stage = 'placement';
    shell.showOutline(false);
    saveExit.hidden = false;
    // The intake came first: branches that read who the learner is (`role == teller`) see their answers.
    const walker = PlacementWalker.start(index, record);
    if (!walker) return courseMap();
    for (const answer of record.answers) walker.answer(answer);
    const pending = walker.done || walker.looping ? null : walker.pending;
    if (!pending) {
      save(true);
      return placementResult();
    }
    const { question } = pending;
    const { fields, read, mark } = questionForm(question);
    const status = h('p', { role: 'status', class: 'status' });
    const card = h('div', { class: 'card question-card' }, fields);
    const commit = (answer: Answer) => {
      answering = null;
      update({ answers: [...record.answers, answer] });
      tracker.interaction(interactionFor(question, answer, 'placement', tracker.kind === 'scorm12'));
      save();
      submit.remove();
      fields.querySelectorAll('input, select').forEach((i) => i.setAttribute('disabled', ''));
      // A placement test measures; it shows the learner's own answer's verdict, not the key.
      mark(answer, false);
      verdict(status, question, answer);
      // The answer counts at once: the bar moves now, not only with the next question.
      bar.style.width = percent(asked / Math.max(total, asked, 1));
      status.after(button('Next', placementStep));
      focus(status.nextElementSibling as HTMLElement);
    };
    const submit = button('Submit answer', () => {
      const answer = read();
      if (answer === undefined) status.textContent = 'Choose or type an answer first.';
      else commit(answer);
    });
    answering = { question, submit: commit };
    card.append(submit, status);
    const asked = record.answers.length + 1;
    const { total, exact } = placementLength(course, record.answers.length, walker.current);
    const bar = h('span', { class: 'bar-fill' });
    bar.style.width = percent((asked - 1) / Math.max(total, 1));
    show(
      course.placement!.title,
      { eyebrow: 'Placement test' },
      record.answers.length === 0 && course.placement!.intro
        ? h('p', { class: 'lead' }, course.placement!.intro)
        : null,
      h(
        'div',
        { class: 'step' },
        h('p', { class: 'muted' }, `Question ${asked} of ${exact ? '' : 'about '}${Math.max(total, asked)}`),
        h('div', { class: 'bar', 'aria-hidden': 'true' }, bar),
      ),
      card,
    );
  }

  function placementResult(): void {
    stage = 'placed';
    shell.showOutline(false);
    const { placement } = now();
    const list = h('ul', { class: 'results' });
    for (const c of course.competencies) {
      const level = c.levels.find((l) => l.id === placement.mastery[c.id]);
      list.append(
        h(
          'li',
          {},
          h('span', { class: 'competency-name' }, c.name),
          h('span', { class: 'chip' }, level?.name ?? placement.mastery[c.id] ?? ''),
        ),
      );
    }
    show(
      'Your starting point',
      { eyebrow: 'Placement test' },
      h(
        'p',
        { class: 'lead' },
        'Based on your answers, here is what you already know. Your path skips what you have shown you know.',
      ),
      h('div', { class: 'card' }, list),
      button('See my path', courseMap),
    );
  }

  /**
   * Completed, said plainly; not with a tick above a result that has not passed yet. Then the learner is
   * offered the first lesson to revisit as the one thing to do next, not only as a link below the fold.
   */
  function completedNote(toPass: boolean): HTMLElement {
    const note = h(
      'p',
      { class: toPass ? 'done done-to-pass' : 'done', role: 'status' },
      'You have completed the course.',
      toPass ? ' To pass, revisit what your result below points to.' : null,
    );
    const first = toPass ? now().result.objectives.find((o) => o.revisit.length)?.revisit[0] : undefined;
    if (!first) return note;
    return h(
      'div',
      { class: 'next' },
      note,
      button(`Revisit “${first.title}”`, () => lesson(first.module, first.lesson)),
    );
  }

  /** The end of the course: the result, and what each competency showed, linked to its lessons. */
  function resultSection(): HTMLElement {
    const { result } = now();
    const section = h('section', { class: 'card result', 'aria-labelledby': 'result-title' });
    section.append(h('h2', { id: 'result-title' }, 'Your result'));
    if (result.score !== null)
      section.append(
        h(
          'p',
          { class: `score ${result.passed ? 'score-passed' : 'score-failed'}` },
          h('span', { class: 'score-figure' }, percent(result.score)),
          h(
            'span',
            {},
            result.passed ? 'You passed. ' : 'You did not reach the pass mark yet: revisit the lessons below. ',
            h('span', { class: 'muted' }, `Pass mark ${percent(course.settings.passingScore)}.`),
          ),
        ),
      );
    else section.append(h('p', {}, 'You completed every lesson on your path.'));
    section.append(h('p', { class: 'muted time-spent' }, `Time spent: ${timeSpent(secondsSpent())}`));
    const list = h('ul', { class: 'competencies' });
    for (const o of result.objectives) {
      const item = h(
        'li',
        { class: `competency competency-${o.success}` },
        h(
          'h3',
          {},
          h('span', { class: 'mark-icon', 'aria-hidden': 'true' }, o.success === 'failed' ? '↺' : '✓'),
          o.name,
        ),
      );
      const score = o.score === null ? '' : ` (${percent(o.score)}, mastery at ${percent(o.threshold)})`;
      item.append(
        h(
          'p',
          {},
          o.success === 'passed'
            ? `What you showed: you know this${score}.`
            : o.success === 'failed'
              ? `What to revisit${score}:`
              : o.byPlacement
                ? 'What you showed: you tested out of this.'
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

  function moduleCard(
    m: PathModule,
    why: readonly string[],
    choice: LearnerPath['choices'][number] | undefined,
    picked: LearnerPath['choices'][number] | undefined,
  ): HTMLElement {
    const { done, toDo, skipped, minutes } = lessonCounts(m);
    const started = m.lessons.some((l) => l.completed);
    const chip =
      m.status === 'skipped'
        ? 'Tested out'
        : m.status === 'choice'
          ? choice && choice.pick > 1
            ? `Choose ${choice.pick}`
            : 'Choose one'
          : m.status === 'excluded'
            ? 'Not for you'
            : done === toDo && m.lessons.length
              ? // Every lesson skipped by a lesson rule, none taken: skipped rather than done.
                toDo === 0 && !started
                ? 'Skipped'
                : 'Done'
              : m.recommended
                ? 'Recommended'
                : m.status === 'optional'
                  ? 'Optional'
                  : 'Required';
    // One line of facts, each after a "·", so it reads the same aloud as on screen.
    const counted = walks(m) || m.status === 'choice';
    const facts = [
      counted && toDo ? `${toDo} lesson${toDo === 1 ? '' : 's'} · ${minutes} min` : '',
      counted && skipped ? `${skipped} skipped` : '',
      walks(m) && toDo ? `${done} of ${toDo} done` : '',
    ]
      .filter(Boolean)
      .join(' · ');
    const li = h(
      'li',
      { class: `module module-${m.status}` },
      h('h2', {}, m.title),
      h(
        'p',
        { class: 'module-meta' },
        h(
          'span',
          { class: `chip chip-${/^Choose \d/.test(chip) ? 'choose-several' : chip.toLowerCase().replace(/ /g, '-')}` },
          chip,
        ),
        // A space between the chip and the facts: read aloud or copied, "Required 1 lesson", not "Required1 lesson".
        facts ? ' ' : null,
        facts ? h('span', {}, facts) : null,
      ),
    );
    if (why.length) li.append(h('p', { class: 'reason' }, why.join(' ')));
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
      if (choice)
        li.append(
          button(
            `Choose “${m.title}”`,
            () => {
              update({ picks: withPick(record.picks, choice.rule, m.id, choice.pick) });
              courseMap();
            },
            'secondary',
          ),
        );
    } else if (m.status !== 'excluded') {
      const lessons = h('ul', { class: 'lessons' });
      for (const l of m.lessons)
        lessons.append(
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: `lesson-row${lessonState(l)}`,
                onclick: (() => lesson(m.id, l.id)) as EventListener,
                // The reason is the row's description, not part of its name: "A walk around the floor Skipped 4 min".
                ...(l.skipped ? { 'aria-describedby': `why-skip-${l.id}` } : {}),
              },
              tick(l),
              h('span', { class: 'lesson-title' }, l.title),
              l.skipped ? h('span', { class: 'chip chip-skipped' }, 'Skipped') : null,
              h('span', { class: 'minutes' }, `${l.minutes} min`),
              l.completed ? h('span', { class: 'sr-only' }, ' (done)') : null,
              l.skipped
                ? h(
                    'span',
                    { class: 'skip-reason', id: `why-skip-${l.id}`, 'aria-hidden': 'true' },
                    `You can skip this: ${lessonReason(l)}`,
                  )
                : null,
            ),
          ),
        );
      li.append(lessons);
      // A pick stays the learner's to change until they start the module.
      if (picked && !started)
        li.append(
          button(
            'Change my choice',
            () => {
              update({ picks: withoutPick(record.picks, picked.rule, m.id) });
              courseMap();
            },
            'secondary',
          ),
        );
    }
    return li;
  }

  // The map stays between visits: only the module cards whose content changed are drawn again.
  const mapTop: KeyedCache = new Map();
  const mapSections = keptSections({
    title: (section) => ({ id: `section-${section}`, class: 'section-title' }),
    listsClass: 'module-lists',
    // Numbered on from list to list, so the cards count as one list would.
    list: (i) => h('ol', { class: 'modules', ...(i ? { start: i * CHUNK + 1 } : {}) }),
    frame: (section, title, lists) => {
      const labelled = { class: 'map-section', 'aria-labelledby': `section-${section}` };
      if (section !== 'not-for-you') return { node: h('section', labelled, title, lists), summary: null };
      const summary = h('summary', {});
      return { node: h('section', labelled, title, h('details', { class: 'disclosure' }, summary, lists)), summary };
    },
  });

  /** The path the map shows: the same path (only a lesson was looked at) leaves the map as it is. */
  let mapDrawnFor: LearnerPath | null = null;
  const mapSteps = inSteps(() => mapDrawnFor && drawMap(mapDrawnFor));
  function drawMap(path: LearnerPath): void {
    mapDrawnFor = path;
    mapSteps.begin();
    const choiceOf = new Map<string, LearnerPath['choices'][number]>();
    const pickedOf = new Map<string, LearnerPath['choices'][number]>();
    for (const c of path.choices) {
      for (const id of c.options) choiceOf.set(id, c);
      for (const id of c.picked) pickedOf.set(id, c);
    }
    const groups = bySection(path);
    const sections = SECTIONS.filter((section) => groups.has(section)).map((section): KeyedItem => {
      const modules = groups.get(section)!;
      const parts = mapSections.make(section);
      parts.count.textContent = ` (${modules.length})`;
      if (parts.summary)
        parts.summary.textContent = `Why ${modules.length === 1 ? 'this module is' : `these ${modules.length} modules are`} left out`;
      keyedChunks(
        parts.modules,
        mapSteps.take(modules).map((m) => {
          const why = moduleReasons(course, m, record.role);
          const choice = m.status === 'choice' ? choiceOf.get(m.id) : undefined;
          const picked = pickedOf.get(m.id);
          return {
            key: m.id,
            sig: [m.status, m.recommended, lessonMarks(m), choice?.rule, picked?.rule, ...why].join('|'),
            render: () => moduleCard(m, why, choice, picked),
          };
        }),
      );
      return { key: section, sig: '', render: () => parts.node };
    });
    keyedChildren(map, mapTop, sections);
    mapSteps.end();
  }

  function courseMap(): void {
    stage = 'path';
    const { path, result } = now();
    location = undefined;
    save();
    saveExit.hidden = false;
    // The map and the outline change before the view shows: the focus that \`show\` moves lays the page
    // out once, with everything in place.
    if (mapDrawnFor !== path) drawMap(path);
    renderOutline(undefined);
    const next = path.next;
    const open = result.openChoices;
    const yours = path.modules
      .filter((m) => m.status === 'required' || m.status === 'choice')
      .reduce((n, m) => n + lessonCounts(m).minutes, 0);
    const bar = h('span', { class: 'bar-fill' });
    bar.style.width = percent(result.progress);
    const toPass = result.completed && result.score !== null && !result.passed;
    show(
      course.title,
      {
        cover: true,
        eyebrow: toPass ? 'Completed · not passed yet' : result.completed ? 'Course complete' : 'Your path',
      },
      h(
        'div',
        { class: 'overview' },
        h(
          'p',
          { class: 'meta' },
          `Your path: about ${duration(yours)}`,
          path.minutesLeft && path.minutesLeft < yours ? ` · ${duration(path.minutesLeft)} left` : '',
        ),
        h(
          'p',
          { class: 'progress-text' },
          `${result.lessonsDone} of ${result.lessonsToDo} lessons done`,
          open ? ` · ${open === 1 ? 'a choice is' : `${open} choices are`} still open below` : '',
        ),
        h('div', { class: 'bar', 'aria-hidden': 'true' }, bar),
        next
          ? h(
              'div',
              { class: 'next' },
              h('p', {}, next.reason),
              button('Continue', () => lesson(next.module, next.lesson)),
            )
          : null,
      ),
      result.completed ? completedNote(toPass) : null,
      result.completed ? resultSection() : null,
      map,
    );
  }

  function exit(): void {
    stage = 'ended';
    const stored = finish();
    shell.showOutline(false);
    saveExit.hidden = true;
    if (review)
      show('Review finished', {}, h('p', {}, 'Nothing in your LMS record was changed. You can close this window.'));
    else if (stored)
      show(
        'Progress saved',
        {},
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
        {},
        h(
          'p',
          {},
          tracker.kind === 'local'
            ? 'This browser did not let us keep your progress. Next time you will start from the beginning.'
            : 'Your progress could not be saved to your LMS; it is kept on this device. Open the course again on this device and in this browser to continue where you left off.',
        ),
      );
  }

  const transcript = (html: string) =>
    h(
      'details',
      { class: 'disclosure transcript' },
      h('summary', {}, 'Transcript'),
      h('div', { class: 'rich' }, richText(html)),
    );

  function block(b: Block, captions: boolean, tryAgain: boolean): Node {
    switch (b.type) {
      case 'text':
        return h('div', { class: 'rich' }, richText(b.html));
      case 'callout':
        return h('aside', { class: `callout callout-${b.tone}`, 'aria-label': b.tone }, richText(b.html));
      case 'image':
        return h(
          'figure',
          { class: 'figure' },
          h('img', { src: b.src, alt: b.alt }),
          b.caption ? h('figcaption', {}, b.caption) : null,
        );
      case 'video': {
        const video = h('video', {
          controls: true,
          preload: 'metadata',
          playsinline: true,
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
          { class: 'figure' },
          h('div', { class: 'media' }, video),
          b.transcript ? transcript(b.transcript) : null,
        );
      }
      case 'audio':
        return h(
          'figure',
          { class: 'figure audio' },
          h('audio', { controls: true, preload: 'metadata', src: b.src }),
          b.transcript ? transcript(b.transcript) : null,
        );
      case 'reflection': {
        const id = uid('reflect');
        return h(
          'div',
          { class: 'card reflection' },
          h('label', { for: id }, b.prompt),
          h('textarea', { id, rows: '3' }),
        );
      }
      case 'check': {
        const q = index.questions.get(b.question);
        return q ? checkCard(q, tryAgain, false) : h('p', {}, '');
      }
    }
  }

  /**
   * A knowledge check. The first answer is recorded, reported and counts; where the course allows
   * trying again, a wrong answer offers "Try again" (practice: nothing recorded changes) before the key.
   */
  function checkCard(q: Question, tryAgain: boolean, practice: boolean): HTMLElement {
    const { fields, read, mark } = questionForm(q);
    const status = h('p', { role: 'status', class: 'status' });
    const lock = () => fields.querySelectorAll('input, select').forEach((i) => i.setAttribute('disabled', ''));
    const card = h(
      'div',
      { class: 'card check question-card', 'data-question': q.id },
      h('p', { class: 'eyebrow' }, practice ? 'Knowledge check · practice' : 'Knowledge check'),
      fields,
    );
    const again = () => {
      const fresh = checkCard(q, tryAgain, true);
      card.replaceWith(fresh);
      focus(fresh.querySelector<HTMLElement>('input, select'));
    };
    const retryActions = (answer: Answer | null) =>
      h(
        'div',
        { class: 'check-actions' },
        button('Try again', again, 'secondary'),
        answer === null
          ? null
          : button(
              'Show the answer',
              () => {
                mark(answer, true);
                card.querySelector('.check-actions')?.remove();
                // The button is gone: focus goes to the question, whose marks now show the key.
                fields.setAttribute('tabindex', '-1');
                focus(fields);
              },
              'link',
            ),
      );
    const earlier = record.checks?.[q.id];
    if (earlier && !practice) {
      lock();
      status.className = `status feedback feedback-${earlier === 'wrong' ? 'incorrect' : earlier === 'correct' ? 'correct' : 'neutral'}`;
      status.textContent = `You answered this check earlier: ${earlier === 'wrong' ? 'not quite right' : earlier === 'correct' ? 'correct' : 'thank you'}.`;
      card.append(status);
      if (earlier === 'wrong' && tryAgain) card.append(retryActions(null));
      return card;
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
        // The first answer is the one that counts; a try after it is practice and is neither recorded nor reported.
        if (!practice) {
          update(withCheckAnswer(record, q.id, correct === null ? 'neutral' : correct ? 'correct' : 'wrong'));
          tracker.interaction(interactionFor(q, answer, 'check', tracker.kind === 'scorm12'));
        }
        check.remove();
        lock();
        const retry = tryAgain && correct === false;
        mark(answer, !retry);
        verdict(status, q, answer);
        if (practice)
          (status.lastElementChild ?? status).append(
            h('span', { class: 'practice-note' }, 'Practice: your first answer is the one that counts.'),
          );
        if (retry) card.append(retryActions(answer));
        if (!practice) save();
      },
      'secondary',
    );
    card.append(check, status);
    return card;
  }

  /** The blocks of a lesson in the format shown; a rendition keeps the lesson's figures (a text version of a video still shows its diagram). */
  function blocksOf(source: Lesson, format: Format): readonly Block[] {
    if (format === baseFormat(source.blocks)) return source.blocks;
    const rendition = source.renditions.find((r) => r.format === format);
    if (!rendition) return source.blocks;
    const has = new Set(rendition.blocks.flatMap((b) => (b.type === 'image' ? [b.src] : [])));
    const figures = source.blocks.filter((b) => b.type === 'image' && !has.has(b.src));
    return [...rendition.blocks, ...figures];
  }

  function lesson(moduleId: string, lessonId: string): void {
    const { path } = now();
    const m = path.modules[index.moduleIndex.get(moduleId)!]!;
    const at = index.lessonIndex.get(lessonId)!;
    const l = m.lessons[at.lesson]!;
    const source = course.modules[at.module]!.lessons[at.lesson]!;
    stage = 'path';
    location = lessonId;
    save();
    saveExit.hidden = false;
    renderOutline(lessonId);
    const blocks = blocksOf(source, l.format);
    const why = lessonReason(l);
    const switcher =
      l.formats.length > 1
        ? h(
            'fieldset',
            { class: 'formats' },
            h('legend', { class: 'sr-only' }, 'Format'),
            ...l.formats.map((f) =>
              h(
                'label',
                { class: 'segment' },
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
                h('span', {}, formatLabel(f)),
              ),
            ),
          )
        : null;
    const { mustAnswer, tryAgain } = checkSettingsFor(course, source);
    const hint = h('p', { class: 'status', role: 'status' });
    const complete = button(l.completed ? 'Back to my path' : 'Mark complete and continue', () => {
      const open = mustAnswer
        ? blocks.filter((b) => b.type === 'check' && index.questions.has(b.question) && !record.checks?.[b.question])
        : [];
      if (!l.completed && open.length) {
        hint.textContent = `Answer the knowledge check${open.length > 1 ? 's' : ''} in this lesson first.`;
        focus(root.querySelector<HTMLElement>('.check input:not([disabled]), .check select:not([disabled])'));
        return;
      }
      if (!l.completed) update({ completed: [...record.completed, l.id] });
      save(true);
      const after = now().path;
      if (after.next && after.next.module === moduleId) lesson(after.next.module, after.next.lesson);
      else courseMap();
    });
    const order = walkable();
    const here = order.findIndex((x) => x.lesson.id === lessonId);
    const before = here > 0 ? order[here - 1] : undefined;
    const after = here >= 0 ? order[here + 1] : undefined;
    const step = (label: string, target: (typeof order)[number] | undefined, kind: string) =>
      target
        ? h(
            'button',
            {
              type: 'button',
              class: `step-link step-${kind}`,
              onclick: (() => lesson(target.module.id, target.lesson.id)) as EventListener,
            },
            h('span', { class: 'step-label' }, label),
            h('span', { class: 'step-title' }, target.lesson.title, target.lesson.skipped ? ' (skipped)' : ''),
          )
        : h('span', {});
    show(
      l.title,
      {
        eyebrow: `${m.title} · Lesson ${at.lesson + 1} of ${m.lessons.length}`,
        sub: h(
          'p',
          { class: 'muted lesson-meta' },
          `${l.minutes} min`,
          l.formatReason ? ` · ${l.formatReason}` : '',
          l.completed ? h('span', { class: 'chip chip-done' }, 'Done') : null,
          l.skipped ? h('span', { class: 'chip chip-skipped' }, 'Skipped') : null,
        ),
      },
      why
        ? h(
            'p',
            { class: 'skip-note' },
            l.skipped
              ? `You can skip this lesson: ${why} It counts as done on your path; read it if you like.`
              : `Why this lesson stays on your path: ${why}`,
          )
        : null,
      switcher,
      h('div', { class: 'blocks' }, ...blocks.map((b) => block(b, record.needs.captions, tryAgain))),
      hint,
      h('div', { class: 'actions' }, complete, l.completed ? null : button('Back to my path', courseMap, 'link')),
      before || after
        ? h(
            'nav',
            { class: 'lesson-steps', 'aria-label': 'Lessons' },
            step('Previous lesson', before, 'previous'),
            step('Next lesson', after, 'next'),
          )
        : null,
    );
  }

  if (!saved) welcome();
  else {
    document.documentElement.classList.toggle('reduce-motion', record.needs.reducedMotion || !!display.reducedMotion);
    const { path, result } = now();
    const at = location === undefined ? undefined : index.lessonIndex.get(location);
    if (!result.placementDone) placementStep();
    else if (at && path.modules[at.module]!.status !== 'excluded') lesson(path.modules[at.module]!.id, location!);
    else courseMap();
  }

  const notYet = (text: string): PlayerOutcome => ({ ok: false, text });
  return {
    open(moduleId, lessonId) {
      if (stage === 'intake') return notYet('The learner has not started yet: their path is known after the intake.');
      if (stage === 'placement')
        return notYet('The learner is taking the placement test: their path is known once it is answered.');
      if (stage === 'ended') return notYet('The learner saved and exited: relaunch the course to go on.');
      const { path } = now();
      const at = index.moduleIndex.get(moduleId);
      const m = at === undefined ? undefined : path.modules[at];
      if (!m) return notYet('That module is not in this package: the preview is being rebuilt.');
      const why = moduleReasons(course, m, record.role).join(' ');
      if (m.status === 'skipped')
        return notYet(
          `“${m.title}” is tested out for this learner${why ? `: ${why}` : '.'} They may take it anyway from their path.`,
        );
      if (m.status === 'choice')
        return notYet(`“${m.title}” is one of a choice: the learner picks it on their path first.`);
      if (m.status === 'excluded') return notYet(`“${m.title}” is not for this learner${why ? `: ${why}` : '.'}`);
      const target = lessonId
        ? m.lessons.find((l) => l.id === lessonId)
        : (m.lessons.find((l) => !l.completed && !l.skipped) ?? m.lessons[0]);
      if (!target) return notYet(`“${m.title}” has no lessons to open.`);
      lesson(m.id, target.id);
      return { ok: true, text: `Opened “${target.title}” in the player.` };
    },
    autopilot(answers, needs, all) {
      const before = stage;
      let steps = 0;
      let last = '';
      for (;;) {
        if (stage === 'intake' && startWith) {
          startWith(needs);
          last = 'the intake';
        } else {
          // A verdict on screen is passed, as "Next" would, to the next question or the result.
          if (stage === 'placement' && !answering) placementStep();
          if (stage !== 'placement' || !answering) break;
          const { question, submit } = answering;
          const answer = answers[question.id];
          if (answer === undefined) return notYet(`The persona has no answer to “${question.prompt}”.`);
          submit(answer);
          last = `“${question.prompt}”`;
        }
        steps += 1;
        if (!all) break;
      }
      if (steps === 0)
        return before === 'placement' && stage === 'placed'
          ? { ok: true, text: 'Placement test done: the learner sees their starting point.' }
          : notYet('The placement test is already answered.');
      return { ok: true, text: all ? `Answered ${steps} steps as the persona.` : `Answered ${last} as the persona.` };
    },
  };
}
