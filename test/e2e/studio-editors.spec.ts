import { expect, test } from './fixtures';
import { createCourse, expectAccessible, mediaFiles, show } from './editors-helpers';

test('a designer adds competencies with levels, a module that teaches them and a lesson with text, image, captioned video and a check; all survive a reload', async ({
  page,
  host,
  dataDir,
}) => {
  test.setTimeout(150_000);
  const files = mediaFiles(dataDir);
  await page.goto(host.url);
  await createCourse(page, 'Purchase approvals');

  await show(page, 'competencies');
  const editor = page.locator('.course-editor');
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
  await editor.getByRole('button', { name: 'Add competency' }).first().click();
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

  await page.reload();
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
