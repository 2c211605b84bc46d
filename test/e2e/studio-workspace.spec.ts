import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addModule, focusIn, moduleOrder, outline, row, saved } from './studio-outline';
import { axe } from './axe';

async function createCourse(page: Page, title: string) {
  await page.getByRole('button', { name: 'New course' }).first().click();
  await page.getByRole('dialog', { name: 'New course' }).getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Create course' }).click();
  await expect(page.getByLabel('Course title')).toHaveValue(title);
}

test('modules are added and named in place, and a deletion is undone and redone', async ({ page, host }) => {
  await page.goto(host.url);
  await createCourse(page, 'Forklift safety');
  await addModule(page, 'Crossing aisles');
  await addModule(page, 'Raised loads');
  expect(await moduleOrder(page)).toEqual(['Crossing aisles', 'Raised loads']);

  await row(page, 'Crossing aisles').click();
  await page.keyboard.press('Delete');
  await expect(row(page, 'Crossing aisles')).toHaveCount(0);
  await expect(page.getByText('Deleted module.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await expect(row(page, 'Crossing aisles')).toBeVisible();
  await page.keyboard.press('Control+y');
  await expect(row(page, 'Crossing aisles')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect.poll(() => moduleOrder(page)).toEqual(['Crossing aisles', 'Raised loads']);
});

test('a module is reordered by keyboard (Alt+↓), by drag and with Move to…, keeping focus, and renamed with F2', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createCourse(page, 'Reorder');
  await addModule(page, 'One');
  await addModule(page, 'Two');
  await addModule(page, 'Three');

  await row(page, 'One').click();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => moduleOrder(page)).toEqual(['Two', 'One', 'Three']);
  await expect(row(page, 'One')).toBeFocused();

  await row(page, 'Three').dragTo(row(page, 'Two'), { targetPosition: { x: 40, y: 2 } });
  await expect.poll(() => moduleOrder(page)).toEqual(['Three', 'Two', 'One']);

  await row(page, 'Two').click();
  await page.keyboard.press('F2');
  const input = page.getByLabel('New title for “Two”');
  await input.fill('Second');
  await input.press('Enter');
  await expect(row(page, 'Second')).toBeVisible();

  // "Move to…" from the keyboard: any distance, by name.
  await row(page, 'One').click();
  await page.keyboard.press('ControlOrMeta+Shift+ArrowUp');
  const dialog = page.getByRole('dialog', { name: 'Move module' });
  await dialog.getByRole('combobox').selectOption({ label: 'Before “Three”' });
  await dialog.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => moduleOrder(page)).toEqual(['One', 'Three', 'Second']);

  await saved(page);

  await page.reload();
  // The course opens again before anything is drawn: its save state shows first.
  await saved(page);
  await expect.poll(() => moduleOrder(page)).toEqual(['One', 'Three', 'Second']);
  await expect(row(page, 'One')).toHaveAttribute('aria-selected', 'true');
});

test('the palette runs a command and jumps to an item; the selection survives a reload', async ({ page, host }) => {
  await page.goto(host.url);
  await createCourse(page, 'Palette');
  await addModule(page, 'Ladders');
  await page.keyboard.press('Control+k');
  const search = page.getByLabel('Find a command or an item');
  await expect(search).toBeFocused();
  await search.fill('add lesson');
  await page.keyboard.press('Enter');
  const rename = page.getByLabel(/^New title for/);
  await expect(rename).toBeFocused();
  await rename.fill('Three points of contact');
  await rename.press('Enter');

  await row(page, 'Course settings').click();
  await page.keyboard.press('Control+k');
  await search.fill('three points');
  await page.keyboard.press('Enter');
  await expect(row(page, 'Three points of contact')).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/sel=lesson%3Amodule-1%3Alesson-1|sel=lesson:module-1:lesson-1/);
  await saved(page);
  await page.reload();
  // The course opens again before anything is drawn: its save state shows first.
  await saved(page);
  await expect(row(page, 'Three points of contact')).toHaveAttribute('aria-selected', 'true');
});

test('the keyboard alone builds an outline: add, rename, move, open the hotkeys list', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Your courses' })).toBeVisible();
  await page.keyboard.press('Control+n');
  await expect(page.getByRole('dialog', { name: 'New course' }).getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Keyboard only');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Course title')).toHaveValue('Keyboard only');
  for (const title of ['Alpha', 'Beta']) {
    await page.keyboard.press('Control+Shift+m');
    await expect(page.getByLabel(/^New title for/)).toBeFocused();
    await page.keyboard.type(title);
    await page.keyboard.press('Enter');
    await expect(row(page, title)).toBeVisible();
  }
  await page.keyboard.press('Control+Shift+e');
  await expect(row(page, 'Beta')).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => moduleOrder(page)).toEqual(['Beta', 'Alpha']);
  await expect(row(page, 'Beta')).toBeFocused();
  await page.keyboard.press('Shift+Slash');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await focusIn(page.getByRole('dialog', { name: 'Keyboard shortcuts' }));
  await page.keyboard.press('Escape');
  // The dialog hands focus back when it has closed; wait for that before moving focus on.
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  // Resizable panels answer the keyboard too.
  const separator = page.getByRole('separator', { name: 'Resize the outline' });
  const before = await separator.getAttribute('aria-valuenow');
  await separator.focus();
  await expect(separator).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(separator).not.toHaveAttribute('aria-valuenow', before ?? '');
});

for (const theme of ['light', 'dark'] as const) {
  test(`the workspace, palette and publish dialog have no serious accessibility violations (${theme})`, async ({
    page,
    host,
  }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(host.url);
    await createCourse(page, 'Accessible workspace');
    await addModule(page, 'Welcome');
    const serious = async () =>
      (await (await axe(page)).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(await serious()).toEqual([]);
    await page.keyboard.press('Control+k');
    await expect(page.getByLabel('Find a command or an item')).toBeFocused();
    expect(await serious()).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Publish…' }).click();
    await expect(page.getByRole('dialog', { name: 'Publish for an LMS' })).toBeVisible();
    expect(await serious()).toEqual([]);
  });
}

test('an example opens from the welcome screen, and a folder typed into Open is imported', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Open example' }).click();
  await page.getByRole('menuitem', { name: 'Shop-floor safety' }).click();
  await expect(page.getByLabel('Course title')).toHaveValue('Shop-floor safety');
  await expect(outline(page).getByRole('treeitem', { name: 'Modules' })).toContainText(/\d+ modules/);

  await page.getByRole('button', { name: 'All courses' }).click();
  await page.getByRole('button', { name: 'Open…' }).click();
  await page
    .getByLabel('Path of the .tailor file or course folder')
    .fill(resolve('resources/examples/purchase-approvals'));
  await page.getByRole('dialog').getByRole('button', { name: 'Open' }).click();
  await expect(page.getByLabel('Course title')).not.toHaveValue('Shop-floor safety');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a problem listed in Publish opens the item that fixes it', async ({ page, host }) => {
  await page.goto(host.url);
  await createCourse(page, 'Needs lessons');
  await addModule(page, 'Empty module');
  await row(page, 'Course settings').click();
  await page.getByRole('button', { name: 'Publish…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish for an LMS' });
  await dialog
    .getByRole('button', { name: /has no lessons/ })
    .first()
    .click();
  await expect(dialog).toBeHidden();
  await expect(row(page, 'Empty module')).toHaveAttribute('aria-selected', 'true');
  expect(decodeURIComponent(page.url())).toContain('sel=module:module-1');
});

test('the browser menu bar runs the same commands as the hotkeys, enabled as they are', async ({ page, host }) => {
  await page.goto(host.url);
  const menu = page.getByRole('navigation', { name: 'Menu' });
  const openMenu = async (name: string) => {
    await menu.getByRole('button', { name, exact: true }).click();
    return page.getByRole('menu', { name });
  };
  await (await openMenu('File')).getByRole('menuitem', { name: /New course/ }).click();
  await expect(page.getByRole('dialog', { name: 'New course' })).toBeVisible();
  await focusIn(page.getByRole('dialog', { name: 'New course' }));
  await page.keyboard.press('Escape');
  await createCourse(page, 'Menu course');

  const edit = await openMenu('Edit');
  await expect(edit.getByRole('menuitem', { name: /^Undo/ })).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');
  await addModule(page, 'From the menu');
  await (await openMenu('Edit')).getByRole('menuitem', { name: /^Undo/ }).click();
  await expect(row(page, 'From the menu')).toHaveCount(0);

  await (await openMenu('File')).getByRole('menuitem', { name: /Publish for an LMS/ }).click();
  await expect(page.getByRole('dialog', { name: 'Publish for an LMS' })).toBeVisible();
  await focusIn(page.getByRole('dialog', { name: 'Publish for an LMS' }));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Publish for an LMS' })).toBeHidden();

  await (await openMenu('Help')).getByRole('menuitem', { name: /Keyboard shortcuts/ }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await focusIn(page.getByRole('dialog', { name: 'Keyboard shortcuts' }));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();

  await (await openMenu('File')).getByRole('menuitem', { name: 'Close course' }).click();
  await expect(page.getByRole('heading', { name: 'Your courses' })).toBeVisible();
  await (await openMenu('File')).getByRole('menuitem', { name: 'Open Recent' }).hover();
  await page.getByRole('menuitem', { name: 'Menu course' }).click();
  await expect(page.getByLabel('Course title')).toHaveValue('Menu course');
});
