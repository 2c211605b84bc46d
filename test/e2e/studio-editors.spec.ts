import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from './fixtures';
import { saved } from './studio-outline';
import { createCourse, expectAccessible, mediaFiles, reload, show } from './editors-helpers';

test('a designer adds competencies with levels, a module that teaches them and a lesson with text, image, captioned video and a check; all survive a reload', async ({
  page,
  host,
  dataDir,
}) => {
  test.setTimeout(240_000);
  const files = mediaFiles(dataDir);
  await page.goto(host.url);
  await createCourse(page, 'Purchase approvals');

  await show(page, 'competencies');
  const editor = page.locator('.editor-panel');
  await editor.getByRole('button', { name: 'Add competency' }).first().click();
  await expect(editor.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.type('Approving purchases');
  await editor.getByLabel('Level 2 name').fill('Confident approver');
  const minimum = editor.getByLabel('Minimum score').nth(1);
  await minimum.fill('0');
  await expect(editor.getByText('Minimum score must be higher than the level before it')).toBeVisible();
  await expect(minimum).toHaveAttribute('data-path', 'competencies[0].levels[1].minScore');
  await minimum.fill('75');
  await expect(editor.getByText('Minimum score must be higher')).toHaveCount(0);
  await editor.getByRole('button', { name: 'Competencies' }).click();
  await expect(editor).toHaveAttribute('data-selection', 'competencies');
  await editor.getByRole('button', { name: 'Add competency' }).first().click();
  await expect(editor.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.type('Raising orders');

  await show(page, 'modules');
  await editor.getByRole('button', { name: 'Add module' }).first().click();
  await expect(editor.getByLabel('Title', { exact: true })).toBeFocused();
  await page.keyboard.type('Approvals basics');
  await editor.getByLabel('Competencies taught').click();
  await page.getByRole('option', { name: 'Approving purchases' }).click();
  await page.keyboard.press('Escape');
  await expect(editor.getByText('Approving purchases', { exact: true })).toBeVisible();
  await editor.getByRole('button', { name: 'Add lesson' }).click();
  await expect(editor.getByLabel('Lesson title')).toBeFocused();
  await page.keyboard.type('Who approves what');

  await editor.getByRole('button', { name: 'Text', exact: true }).click();
  const text = editor.getByRole('textbox', { name: 'Text', exact: true });
  await expect(text).toBeFocused();
  await page.keyboard.type('Always ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('approve first');
  await page.keyboard.press('Control+b');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- Buyer raises the request');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Manager approves');
  await page.keyboard.press('Shift+Home');
  await editor.getByRole('button', { name: 'Link' }).click();
  await page.getByLabel('Link address').fill('intranet.example.com/approvals');
  await page.keyboard.press('Enter');
  await expect(text.locator('a[href="https://intranet.example.com/approvals"]')).toHaveText('Manager approves');

  await editor.getByRole('button', { name: 'Image', exact: true }).click();
  await editor.getByLabel('Import…').first().setInputFiles(files.image);
  await expect(editor.getByRole('button', { name: 'Image: approval-flow.png' })).toBeVisible();
  await expect(editor.getByText('Describe what the image shows')).toBeVisible();
  await editor.getByLabel('Alt text').fill('Flow chart: request, approval, order');

  await editor.getByRole('button', { name: 'Video', exact: true }).click();
  await editor.locator('.block-video').getByLabel('Import…').setInputFiles(files.video);
  await expect(editor.getByRole('button', { name: 'Video: walkthrough.mp4' })).toBeVisible();
  await editor.getByRole('button', { name: 'Add captions' }).click();
  await editor.locator('.caption-row').getByLabel('Import…').setInputFiles(files.captions);
  await expect(
    editor.locator('.caption-row').getByRole('button', { name: 'Captions file: walkthrough.en.vtt' }),
  ).toBeVisible();
  await editor.locator('.caption-row').getByLabel('Label').fill('English');
  await editor.locator('.block-video').getByRole('textbox', { name: 'Transcript' }).click();
  await page.keyboard.type('The buyer raises a request; the manager approves it.');

  await editor.getByRole('button', { name: 'Knowledge check', exact: true }).click();
  await editor.getByRole('button', { name: 'Edit question' }).click();
  await expect(editor.getByRole('heading', { name: 'New question' })).toBeVisible();
  await editor.getByLabel('Question', { exact: true }).fill('Who approves an order over 5,000 euros?');
  await editor.getByLabel('Choice 1', { exact: true }).fill('The department head');
  await editor.getByLabel('Choice 2', { exact: true }).fill('The buyer');
  await editor.getByLabel('Feedback for choice 2').fill('Buyers never approve their own requests.');

  await saved(page);

  await reload(page);
  await show(page, 'lesson:module:lesson');
  await expect(editor.getByLabel('Lesson title')).toHaveValue('Who approves what');
  const html = editor.getByRole('textbox', { name: 'Text', exact: true });
  await expect(html.locator('strong')).toHaveText('approve first');
  await expect(html.locator('ul li')).toHaveCount(2);
  await expect(html.locator('a')).toHaveAttribute('href', 'https://intranet.example.com/approvals');
  await expect(editor.getByLabel('Alt text')).toHaveValue('Flow chart: request, approval, order');
  await expect(editor.locator('.caption-row').getByLabel('Language')).toHaveValue('en');
  await expect(
    editor.locator('.caption-row').getByRole('button', { name: 'Captions file: walkthrough.en.vtt' }),
  ).toBeVisible();
  await expect(editor.locator('.block-video').getByRole('textbox', { name: 'Transcript' })).toContainText(
    'manager approves',
  );
  await expect(
    editor.locator('.block-check').getByRole('button', { name: /Question: Who approves an order/ }),
  ).toBeVisible();
  await expectAccessible(page);
});

test('every question type is authored with its answer, feedback, difficulty and competency, and survives a reload', async ({
  page,
  host,
}) => {
  test.setTimeout(240_000);
  await page.goto(host.url);
  await createCourse(page, 'Question workshop');
  const editor = page.locator('.editor-panel');
  await show(page, 'competencies');
  await editor.getByRole('button', { name: 'Add competency' }).first().click();
  await expect(editor.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.type('Safe lifting');

  const add = async (type: string, prompt: string) => {
    await show(page, 'questions');
    await editor.getByRole('button', { name: 'Add question' }).first().click();
    await page.getByRole('menuitem', { name: type }).click();
    await expect(editor.getByLabel('Question', { exact: true })).toBeFocused();
    await page.keyboard.type(prompt);
  };

  await add('Single choice', 'Which load is too heavy to lift alone?');
  await editor.getByLabel('Choice 2', { exact: true }).fill('30 kg');
  await editor.locator('.answer-row').nth(1).getByText('Correct', { exact: true }).click();
  await expect(editor.getByLabel('Choice 2 is the correct answer')).toBeChecked();
  await editor.getByLabel('Feedback for choice 1').fill('Too light to matter.');
  await editor.getByRole('button', { name: 'Competency: None' }).click();
  await page.getByRole('option', { name: 'Safe lifting' }).click();
  await editor.getByLabel('Difficulty').selectOption('3');
  await editor.getByLabel('Weight').fill('2');
  await editor.getByLabel('When right').fill('Yes: above 25 kg, ask a colleague.');

  await add('Multiple choice', 'Which help you lift?');
  await editor.getByRole('button', { name: 'Add choice' }).click();
  await expect(editor.getByLabel('Choice 3', { exact: true })).toBeFocused();
  await page.keyboard.type('Bent knees');
  await editor.locator('.answer-row').nth(2).getByText('Correct', { exact: true }).click();
  await expect(editor.getByLabel('Choice 3 is correct')).toBeChecked();

  await add('True or false', 'Twisting while lifting is safe.');
  await editor.getByText('False', { exact: true }).click();
  await expect(editor.getByLabel('False')).toBeChecked();

  await add('Fill in the blank', 'Lift with your ___.');
  await editor.getByRole('textbox', { name: 'Accepted answer 1' }).fill('legs');
  await editor.getByRole('button', { name: 'Add accepted answer' }).click();
  await expect(editor.getByRole('textbox', { name: 'Accepted answer 2' })).toBeFocused();
  await page.keyboard.type('knees');

  await add('Matching', 'Match the aid to the load.');
  await editor.getByRole('textbox', { name: 'Item 1' }).fill('Pallet');
  await editor.getByLabel('Matches').first().fill('Pallet truck');

  await add('Ordering', 'Put the steps in order.');
  await editor.getByRole('textbox', { name: 'Step 1' }).fill('Plan the lift');
  await editor.getByRole('textbox', { name: 'Step 2' }).fill('Lift with bent knees');
  await editor.getByRole('textbox', { name: 'Step 2' }).press('Alt+ArrowUp');
  await expect(editor.getByRole('textbox', { name: 'Step 1' })).toHaveValue('Lift with bent knees');

  await add('Self-rating (Likert)', 'How confident are you lifting boxes?');
  await editor.getByLabel('Points on the scale').fill('12');
  await expect(editor.getByText('Points on the scale must be at most 10.')).toBeVisible();
  await editor.getByLabel('Points on the scale').fill('7');

  await show(page, 'banks');
  await editor.getByRole('button', { name: 'Add question bank' }).first().click();
  await expect(editor.getByLabel('Title', { exact: true })).toBeFocused();
  await page.keyboard.type('Lifting checks');
  await editor.getByLabel('Questions', { exact: true }).click();
  await page.getByRole('option', { name: /Which help you lift/ }).click();
  await page.keyboard.press('Escape');
  await editor.getByLabel('Questions per learner').fill('2');

  await saved(page);

  await reload(page);
  await show(page, 'questions');
  const list = editor.getByRole('list', { name: 'Questions' });
  for (const type of [
    'Single choice',
    'Multiple choice',
    'True or false',
    'Fill in the blank',
    'Matching',
    'Ordering',
    'Self-rating (Likert)',
  ])
    await expect(list.getByText(type, { exact: true })).toBeVisible();
  await editor.getByRole('button', { name: 'Edit "Which load is too heavy to lift alone?"' }).click();
  await expect(editor.getByLabel('Choice 2 is the correct answer')).toBeChecked();
  await expect(editor.getByLabel('Weight')).toHaveValue('2');
  await expect(editor.getByRole('button', { name: 'Competency: Safe lifting' })).toBeVisible();
  await expectAccessible(page);
  await show(page, 'bank:bank');
  await expect(editor.getByLabel('Questions per learner')).toHaveValue('2');
});

test('course settings show the model message at the field, media are imported, counted and compacted', async ({
  page,
  host,
  dataDir,
}) => {
  test.setTimeout(240_000);
  const files = mediaFiles(dataDir);
  await page.goto(host.url);
  await createCourse(page, 'Branding course');
  const editor = page.locator('.editor-panel');
  await show(page, 'course');
  const title = editor.getByLabel('Title', { exact: true });
  await title.fill('');
  await expect(editor.getByText('Title must not be empty.')).toBeVisible();
  await expect(title).toHaveAttribute('data-path', 'title');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await title.fill('Branded course');
  await editor.getByLabel('Passing score').fill('120');
  await expect(editor.getByText('Passing score must be at most 100%.')).toBeVisible();
  await editor.getByLabel('Passing score').fill('70');
  await editor.getByLabel('Accent colour', { exact: true }).fill('#12');
  await expect(editor.getByText('Accent colour must be a colour code like #2d72d2.')).toBeVisible();
  await editor.getByLabel('Accent colour', { exact: true }).fill('#0a6640');
  // The logo's import comes before the cover picture's.
  await editor.getByLabel('Import…').first().setInputFiles(files.image);
  await expect(editor.getByRole('button', { name: 'Logo: approval-flow.png' })).toBeVisible();
  await expectAccessible(page);

  await show(page, 'media');
  await editor.getByLabel('Import media…').setInputFiles([files.video, files.captions]);
  const table = editor.getByRole('table', { name: 'Media files' });
  await expect(table.getByRole('row', { name: /approval-flow\.png.*1 place/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /walkthrough\.mp4.*Unused/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /walkthrough\.en\.vtt.*Unused/ })).toBeVisible();
  await expectAccessible(page);
  await editor.getByRole('button', { name: 'Remove unused media' }).click();
  await expect(editor.locator('.bp6-callout[role=status]')).toContainText('Removed 2 unused file(s)');
  await expect(table.getByRole('row')).toHaveCount(2);

  await saved(page);

  await reload(page);
  await show(page, 'course');
  await expect(editor.getByLabel('Title', { exact: true })).toHaveValue('Branded course');
  await expect(editor.getByLabel('Passing score')).toHaveValue('70');
  await expect(editor.getByLabel('Accent colour', { exact: true })).toHaveValue('#0a6640');
});

test('the same authoring works from the keyboard: add, type, format, reorder and delete blocks without a mouse', async ({
  page,
  host,
}) => {
  test.setTimeout(240_000);
  await page.goto(host.url);
  await createCourse(page, 'Keyboard course');
  const editor = page.locator('.editor-panel');
  const press = async (name: string, key = 'Enter') => {
    await editor.getByRole('button', { name, exact: true }).first().focus();
    await page.keyboard.press(key);
  };
  await show(page, 'competencies');
  await press('Add competency');
  await expect(editor.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.type('Safe lifting');

  await show(page, 'modules');
  await press('Add module');
  await expect(editor.getByLabel('Title', { exact: true })).toBeFocused();
  await page.keyboard.type('Lifting');
  await press('Add lesson', 'Space');
  await expect(editor.getByLabel('Lesson title')).toBeFocused();
  await page.keyboard.type('Before you lift');

  await press('Text');
  await expect(editor.getByRole('textbox', { name: 'Text', exact: true })).toBeFocused();
  await page.keyboard.press('Control+b');
  await page.keyboard.type('Plan first');
  await press('Reflection');
  await expect(editor.getByLabel('Prompt')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('What will you lift today?');

  const reflection = editor.getByRole('listitem').filter({ has: page.getByText('Reflection', { exact: true }) });
  const card = editor.locator('.block-card', { hasText: 'What will you lift today?' });
  await card.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(editor.locator('.block-card').first()).toHaveAttribute('aria-label', 'Reflection block 1');
  await expect(editor.locator('.block-card').first()).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(reflection).toHaveCount(0);
  await expect(editor.locator('.block-card')).toHaveCount(1);

  await saved(page);

  await reload(page);
  await expect(editor.getByRole('textbox', { name: 'Text', exact: true }).locator('strong')).toHaveText('Plan first');
});

test('an image block whose file cannot be shown says so where its thumbnail would be', async ({
  page,
  host,
  dataDir,
}) => {
  test.setTimeout(120_000);
  const broken = join(dirname(mediaFiles(dataDir).image), 'scanned-form.png');
  writeFileSync(broken, 'a scan saved with the wrong extension, not a PNG');
  await page.goto(host.url);
  await createCourse(page, 'Forms');
  await show(page, 'modules');
  const editor = page.locator('.editor-panel');
  await editor.getByRole('button', { name: 'Add module' }).first().click();
  await expect(editor.getByLabel('Title', { exact: true })).toBeFocused();
  await page.keyboard.type('Paperwork');
  await editor.getByRole('button', { name: 'Add lesson' }).click();
  await expect(editor.getByLabel('Lesson title')).toBeFocused();
  await page.keyboard.type('Scanning a form');
  await editor.getByRole('button', { name: 'Image', exact: true }).click();
  await editor.getByLabel('Import…').first().setInputFiles(broken);
  await expect(editor.getByRole('button', { name: 'Image: scanned-form.png' })).toBeVisible();
  await expect(editor.getByText('scanned-form.png cannot be shown')).toBeVisible();
  await expect(editor.getByText('Import the image again, or choose another.')).toBeVisible();
  await expect(editor.locator('img.image-thumbnail')).toHaveCount(0);
});

test('a module is set to come after one above it, offered only the modules above, and it survives a reload', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await createCourse(page, 'Purchase approvals');
  const editor = page.locator('.editor-panel');
  await show(page, 'modules');
  for (const title of ['Approvals basics', 'Approving in practice']) {
    await editor.getByRole('button', { name: 'Add module' }).first().click();
    await expect(editor.getByLabel('Title', { exact: true })).toBeFocused();
    await page.keyboard.type(title);
    await show(page, 'modules');
  }
  await show(page, 'module:module-2');
  await expect(editor.getByLabel('Title', { exact: true })).toHaveValue('Approving in practice');
  await editor.getByLabel('Comes after').click();
  // Only modules above it are offered: the path follows the course's order.
  await expect(page.getByRole('option')).toHaveText(['Approvals basics']);
  await page.getByRole('option', { name: 'Approvals basics' }).click();
  await page.keyboard.press('Escape');
  await expect(editor.locator('.bp6-tag', { hasText: /^Approvals basics$/ })).toBeVisible();
  await saved(page);

  await reload(page);
  await show(page, 'module:module-2');
  await expect(editor.getByLabel('Title', { exact: true })).toHaveValue('Approving in practice');
  await expect(editor.locator('.bp6-tag', { hasText: /^Approvals basics$/ })).toBeVisible();
  await expectAccessible(page);
});
