import { personaAnswer } from '../../../shared/engine/persona-play';
import type { Answer, Course, Persona, Question } from '../../../shared/model';
import type { FrameLocator, Locator, Page } from 'playwright-core';

export type Mode = 'mouse' | 'keyboard';
/** Where the player is: inside an LMS frame, or the page itself. */
type Surface = Pick<FrameLocator, 'getByRole' | 'getByText' | 'getByLabel' | 'locator'>;
/** What the driver needs of a course: its questions, and what a persona's answers depend on. */
export type PlayedCourse = Pick<Course, 'questions' | 'competencies' | 'settings'>;

/** Moves focus with Tab until the target has it: a keyboard-only user's only way around. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${String(target)} with the Tab key`);
}

/**
 * Drives the learner's player with its visible controls only, by mouse or by keyboard. Shared by
 * `tailor verify`'s smoke run and the conformance tests.
 */
export function driver(page: Page, mode: Mode, framed = true) {
  const frame: Surface = framed ? page.frameLocator('iframe[title="Course"]') : page.locator(':root');
  const press = async (target: Locator) => {
    if (mode === 'mouse') return target.click();
    await tabTo(page, target);
    await page.keyboard.press('Enter');
  };
  const tick = async (target: Locator) => {
    if (mode === 'mouse') return target.check();
    if ((await target.getAttribute('type')) === 'radio') {
      // A radio group is one Tab stop; its options are chosen with the arrow keys.
      const group = frame.locator(`input[type="radio"][name="${await target.getAttribute('name')}"]`);
      for (let i = 0; i < 120; i++) {
        if (await group.evaluateAll((radios) => radios.some((r) => r === r.ownerDocument.activeElement))) break;
        await page.keyboard.press('Tab');
      }
      for (let i = 0; i < 20 && !(await target.isChecked()); i++) await page.keyboard.press('ArrowDown');
    } else {
      await tabTo(page, target);
      await page.keyboard.press('Space');
    }
    if (!(await target.isChecked())) throw new Error(`${String(target)} did not get checked`);
  };
  const type = async (target: Locator, text: string) => {
    if (mode === 'mouse') return target.fill(text);
    await tabTo(page, target);
    await page.keyboard.type(text);
  };
  return { frame, press, tick, type };
}

/** Answers the question on screen the way the persona would. */
export async function answer(d: ReturnType<typeof driver>, q: Question, given: Answer | undefined) {
  const { frame, tick, type } = d;
  switch (q.type) {
    case 'single': {
      const id = typeof given === 'string' ? given : q.choices[0]!.id;
      return tick(frame.getByRole('radio', { name: q.choices.find((c) => c.id === id)!.text, exact: true }));
    }
    case 'multiple':
      for (const id of Array.isArray(given) ? given : [q.choices[0]!.id])
        await tick(frame.getByRole('checkbox', { name: q.choices.find((c) => c.id === id)!.text, exact: true }));
      return;
    case 'true-false':
      return tick(frame.getByRole('radio', { name: given === false ? 'False' : 'True', exact: true }));
    case 'fill-in':
      return type(frame.getByLabel('Your answer'), typeof given === 'string' ? given : 'not sure');
    case 'likert':
      return tick(frame.getByRole('radio', { name: new RegExp(`^${typeof given === 'number' ? given : 3}( |$)`) }));
    case 'matching':
    case 'ordering': {
      // The player asks for each position in a select labelled "Position n"; the persona's list, else the right one.
      const right = q.type === 'matching' ? q.pairs.map((p) => p.id) : q.items.map((i) => i.id);
      const order = Array.isArray(given) && given.length === right.length ? given : right;
      for (const [i, id] of order.entries())
        await frame.getByLabel(`Position ${i + 1}`, { exact: true }).selectOption(id);
      return;
    }
  }
}

/** A Playwright error in a designer's words: what the player did not show, without stack or call log. */
export function describePlayerError(error: unknown): string {
  const message = (error as Error).message ?? String(error);
  const timeout = /^(?:[\w.]+: )?Timeout (\d+)ms exceeded/.exec(message);
  if (!timeout) return message.split('\n')[0]!;
  const waitingFor = /waiting for (.+)/.exec(message)?.[1]?.trim();
  return `the player did not show what the learner needs next within ${Number(timeout[1]) / 1000} s${waitingFor ? ` (looked for ${waitingFor})` : ''}`;
}

export interface PlayOptions {
  readonly mode?: Mode;
  readonly framed?: boolean;
  /** Called on every view: the welcome page, each question, the map, each lesson. */
  readonly onView?: () => Promise<void>;
}

/**
 * Plays a whole course as a persona, by the rule `tailor paths` predicts with (shared/engine/persona-play.ts):
 * who they are, the placement test, then every lesson on the path, answering every knowledge check.
 */
export async function playThrough(page: Page, persona: Persona, course: PlayedCourse, options: PlayOptions = {}) {
  const { questions } = course;
  const d = driver(page, options.mode ?? 'mouse', options.framed ?? true);
  const { frame, press, tick } = d;
  const onView = options.onView ?? (async () => {});
  await frame.getByRole('heading', { level: 1 }).first().waitFor();
  await onView();
  // Every attribute the intake asks (role, department, seniority, format, the course's own), by value: labels are the course's own.
  const attributes = {
    ...persona.attributes,
    role: persona.role,
    department: persona.department,
    seniority: persona.seniority,
    preferredFormat: persona.preferredFormat ?? '',
  };
  for (const [name, value] of Object.entries(attributes)) {
    const radio = frame.locator(`input[type="radio"][name="${name}"][value="${value ?? ''}"]`);
    if (value !== undefined && (await radio.count())) await tick(radio);
  }
  if (persona.needs.captions) await tick(frame.getByRole('checkbox', { name: 'Captions on videos' }));
  if (persona.needs.audio) await tick(frame.getByRole('checkbox', { name: 'Audio versions where there are any' }));
  if (persona.needs.reducedMotion) await tick(frame.getByRole('checkbox', { name: 'Less motion' }));
  await press(frame.getByRole('button', { name: /^Start/ }));
  await frame.getByRole('heading', { level: 1 }).first().waitFor();
  while (await frame.getByRole('button', { name: 'Submit answer' }).isVisible()) {
    const prompt = (await frame.locator('legend').first().textContent())!.trim();
    const q = questions.find((x) => prompt === x.prompt);
    if (!q) throw new Error(`the player asked a question the course does not have: "${prompt}"`);
    try {
      await onView();
      await answer(d, q, personaAnswer(course, persona, q, 'placement'));
      await press(frame.getByRole('button', { name: 'Submit answer' }));
      await frame.getByRole('status').filter({ hasText: /\S/ }).waitFor();
      await press(frame.getByRole('button', { name: 'Next' }));
    } catch (error) {
      throw new Error(`at placement question "${q.id}" (${q.type}): ${describePlayerError(error)}`, { cause: error });
    }
  }
  if (await frame.getByRole('button', { name: 'See my path' }).isVisible())
    await press(frame.getByRole('button', { name: 'See my path' }));
  await frame.locator('.map').waitFor();
  await onView();
  for (let guard = 0; guard < 200; guard++) {
    if (await frame.getByText('You have completed the course.').isVisible()) return;
    const complete = frame.getByRole('button', { name: 'Mark complete and continue' });
    if (await complete.isVisible()) {
      await onView();
      // Every check not answered yet, in order, each within its own box.
      for (const box of await frame.locator('.check[data-question]').all()) {
        const check = box.getByRole('button', { name: 'Check answer' });
        if (!(await check.count())) continue;
        const id = (await box.getAttribute('data-question'))!;
        const q = questions.find((x) => x.id === id);
        if (!q) throw new Error(`the player showed a knowledge check the course does not have: "${id}"`);
        try {
          await answer({ ...d, frame: box }, q, personaAnswer(course, persona, q, 'check'));
          await press(check);
          await box.getByRole('status').filter({ hasText: /\S/ }).waitFor();
        } catch (error) {
          throw new Error(`at knowledge check "${q.id}" (${q.type}): ${describePlayerError(error)}`, { cause: error });
        }
      }
      await press(complete);
      continue;
    }
    const choose = frame.getByRole('button', { name: /^Choose “/ }).first();
    if (await choose.isVisible()) {
      await press(choose);
      continue;
    }
    await press(frame.getByRole('button', { name: 'Continue' }));
  }
  throw new Error('the course did not reach "completed" within 200 steps');
}
