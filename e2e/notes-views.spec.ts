/**
 * Saved views, notes and tags: kept in this browser's storage, so every test starts from an empty
 * one (a fresh context) and moves them to another browser only through an exported file.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { seriousViolations } from './axe';
import type { Page } from '@playwright/test';
import { NOTES_FORMAT, notesFileSchema } from '../contract/notes';
import { expect, test } from './fixtures';

const unique = () => `nv${Date.now().toString(36).slice(-6)}`;

async function addNote(page: Page, note: string, tags: string) {
  await page.getByLabel('Note', { exact: true }).fill(note);
  await page.getByLabel('Tags', { exact: true }).fill(tags);
  await page.getByLabel('Tags', { exact: true }).press('Enter');
  await expect(page.getByText('Saved in this browser.')).toBeVisible();
}

test('a view names the filters as a tab: switching tabs applies them, a reload keeps it, rename and delete', async ({
  page,
}) => {
  await page.goto('/jobs');
  const tabs = page.getByRole('tablist', { name: 'Saved views' });
  const all = tabs.getByRole('tab', { name: 'All jobs' });
  await expect(all).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Save view…' })).toBeDisabled();

  await page.getByRole('button', { name: 'Status Any status' }).click();
  await page.getByRole('checkbox', { name: 'Succeeded' }).check();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/jobs\?status=SUCCESS$/);
  // Filters that no view holds: no tab is the current one.
  await expect(tabs.getByRole('tab', { selected: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Save view…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save these filters as a view' });
  await expect(dialog).toContainText('kept in this browser only');
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Succeeded');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const saved = tabs.getByRole('tab', { name: 'Succeeded' });
  await expect(saved).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Edit view…' })).toBeVisible();

  await all.click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.getByRole('button', { name: 'Status Any status' })).toBeVisible();
  await expect(all).toHaveAttribute('aria-selected', 'true');
  await saved.click();
  await expect(page).toHaveURL(/\/jobs\?status=SUCCESS$/);
  await expect(page.getByRole('button', { name: 'Status Succeeded' })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Fine-tuning jobs' }).getByRole('row');
  await expect(rows.nth(1)).toContainText('Succeeded');

  // Typed by hand, the same filters select the tab too: it follows the URL, not the clicks.
  await page.goto('/jobs?page_size=50&status=SUCCESS');
  await expect(saved).toHaveAttribute('aria-selected', 'true');
  await page.reload();
  await expect(saved).toHaveAttribute('aria-selected', 'true');

  // The tabs are one tab stop; the arrows move between them.
  await saved.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(all).toBeFocused();
  await page.keyboard.press('End');
  await expect(saved).toBeFocused();
  await expect(all).toHaveAttribute('tabindex', '-1');

  await page.getByRole('button', { name: 'Edit view…' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit the view “Succeeded”' });
  await edit.getByLabel('Name').fill('Done');
  await edit.getByRole('button', { name: 'Rename' }).click();
  await expect(edit).toBeHidden();
  await expect(tabs.getByRole('tab', { name: 'Done' })).toHaveAttribute('aria-selected', 'true');
  await expect(saved).toHaveCount(0);

  await page.getByRole('button', { name: 'Edit view…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete view' }).click();
  await expect(tabs.getByRole('tab', { name: 'Done' })).toHaveCount(0);
  // Deleting the view leaves its filters applied.
  await expect(page).toHaveURL(/status=SUCCESS/);
  await page.reload();
  await expect(tabs.getByRole('tab')).toHaveCount(1);
});

test('a note and tags on a job page show in the list, filter it, export to a file and import in another browser', async ({
  page,
  browser,
  createJob,
}, testInfo) => {
  const suffix = unique();
  const tag = `t-${suffix}`;
  const job = await createJob({ suffix });
  await page.goto(`/jobs/${job.id}`);
  const panel = page.getByRole('region', { name: 'Note and tags' });
  await expect(panel).toContainText('Kept in this browser only');
  await addNote(page, 'Baseline for the prompt study\nsecond line', `${tag}, Baseline Run`);
  const chips = panel.getByRole('list', { name: 'Tags of this job' });
  // Tags are made lower case, words joined by a dash.
  await expect(chips.getByRole('listitem')).toHaveText([`${tag}×`, 'baseline-run×']);

  await page.getByRole('link', { name: 'All jobs' }).click();
  const row = page.getByRole('table', { name: 'Fine-tuning jobs' }).getByRole('row', { name: new RegExp(job.id) });
  await expect(row).toContainText(tag);
  await expect(row).toContainText('baseline-run');
  await expect(row).toContainText('Baseline for the prompt study');
  await expect(row).not.toContainText('second line');

  await page.getByLabel('Filter by tag').selectOption(tag);
  await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
  await expect(page.getByText(/^1 of the \d+ jobs on this page\./)).toBeVisible();
  const table = page.getByRole('table', { name: 'Fine-tuning jobs' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(row).toBeVisible();
  // Another API filter keeps the tag (it is this browser's), and names the tagged jobs off this page.
  await page.getByRole('button', { name: 'More filters' }).click();
  const suffixField = page.getByRole('textbox', { name: 'Suffix' });
  await suffixField.fill('support-overfit');
  await suffixField.press('Enter');
  await expect(page).toHaveURL(new RegExp(`suffix=support-overfit.*tag=${tag}|tag=${tag}.*suffix=support-overfit`));
  await expect(page.getByText(`No job on this page is tagged “${tag}”.`)).toBeVisible();
  await expect(
    page.getByText(`Also tagged “${tag}” in this browser`).getByRole('link', { name: suffix }),
  ).toHaveAttribute('href', `/jobs/${job.id}`);
  await page.getByRole('button', { name: 'Remove filter Suffix: support-overfit' }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs\\?tag=${tag}$`));
  await expect(row).toBeVisible();
  await page.getByRole('button', { name: 'Save view…' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill('Tagged');
  await page.getByRole('dialog').getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByRole('tab', { name: 'Tagged' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('kept in this browser only: no other browser or device sees them')).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export notes (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^dashboard-notes-\d{4}-\d{2}-\d{2}\.json$/);
  const file = testInfo.outputPath('notes.json');
  await download.saveAs(file);
  const exported = notesFileSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  expect(exported.notes[job.id]).toMatchObject({
    note: 'Baseline for the prompt study\nsecond line',
    tags: [tag, 'baseline-run'],
    title: suffix,
  });
  expect(exported.views.map((v) => [v.name, v.search])).toEqual([['Tagged', `tag=${tag}`]]);

  // Another browser: nothing there until the file is imported.
  const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  try {
    const there = await other.newPage();
    await there.goto('/jobs');
    const theirRow = there
      .getByRole('table', { name: 'Fine-tuning jobs' })
      .getByRole('row', { name: new RegExp(job.id) });
    await expect(theirRow).toBeVisible();
    await expect(theirRow).not.toContainText(tag);
    await expect(there.getByRole('tab', { name: 'Tagged' })).toHaveCount(0);
    await expect(
      there.getByText('An import adds the file’s notes and views to those here and deletes nothing'),
    ).toBeVisible();
    const importFile = async (path: string) => {
      const [chooser] = await Promise.all([
        there.waitForEvent('filechooser'),
        there.getByRole('button', { name: 'Import notes…' }).click(),
      ]);
      await chooser.setFiles(path);
    };
    await importFile(file);
    await expect(there.getByRole('status').filter({ hasText: 'Imported 1 note and 1 view.' })).toBeVisible();
    await expect(theirRow).toContainText(tag);
    await expect(there.getByRole('tab', { name: 'Tagged' })).toBeVisible();

    // A bad file says what is wrong and changes nothing.
    const bad = testInfo.outputPath('bad.json');
    await writeFile(
      bad,
      JSON.stringify({ format: NOTES_FORMAT, version: 1, notes: { [job.id]: { note: 'x', tags: [7], updatedAt: 1 } } }),
    );
    await importFile(bad);
    await expect(there.getByRole('alert')).toHaveText(
      `bad.json: This file has a problem, so nothing was imported: notes["${job.id}"].tags[0]: Input should be a valid string.`,
    );
    const notJson = testInfo.outputPath('not.json');
    await writeFile(notJson, 'not json at all');
    await importFile(notJson);
    await expect(there.getByRole('alert')).toContainText('not.json: This file is not JSON');
    await there.reload();
    await expect(theirRow).toContainText(tag);
    await expect(there.getByRole('tab', { name: 'Tagged' })).toBeVisible();
  } finally {
    await other.close();
  }
});

test('what is typed in a note stays when another tab changes it; the other tab’s tags arrive at once', async ({
  page,
  createJob,
}) => {
  const job = await createJob({ suffix: unique() });
  const second = await page.context().newPage();
  await page.goto(`/jobs/${job.id}`);
  await second.goto(`/jobs/${job.id}`);
  const note = page.getByLabel('Note', { exact: true });
  await note.click();
  await page.keyboard.type('half typed');

  await second.getByLabel('Note', { exact: true }).fill('written in the other tab');
  await second.getByLabel('Tags', { exact: true }).fill('from-there');
  await second.getByLabel('Tags', { exact: true }).press('Enter');
  await expect(second.getByText('Saved in this browser.')).toBeVisible();

  await expect(page.getByRole('list', { name: 'Tags of this job' })).toContainText('from-there');
  await expect(page.getByText('Another tab changed this note while you were writing here')).toBeVisible();
  await expect(note).toHaveValue('half typed');
  await expect(note).toBeFocused();
  await page.keyboard.type(', and more');
  await expect(note).toHaveValue('half typed, and more');
  // Saved over the other tab's note, which is still on offer here.
  await page.getByRole('button', { name: 'Use the other tab’s note' }).focus();
  await expect(second.getByLabel('Note', { exact: true })).toHaveValue('half typed, and more');

  await page.getByRole('button', { name: 'Use the other tab’s note' }).click();
  await expect(note).toHaveValue('written in the other tab');
  await expect(second.getByLabel('Note', { exact: true })).toHaveValue('written in the other tab');
  await page.reload();
  await expect(note).toHaveValue('written in the other tab');
  await second.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`views, tags and notes pass axe (${colorScheme})`, async ({ page, createJob }) => {
    await page.emulateMedia({ colorScheme });
    const scan = async (what: string) => expect(await seriousViolations(page, what)).toEqual([]);
    const job = await createJob({ suffix: unique() });
    await page.goto(`/jobs/${job.id}`);
    await expect(page.locator('html')).toHaveClass(colorScheme === 'dark' ? /dark/ : /^(?!.*dark)/);
    await addNote(page, 'A note', 'axe');
    await scan('job page');
    await page.goto('/jobs?tag=axe');
    await expect(page.getByText(/^1 of the \d+ jobs on this page\./)).toBeVisible();
    await scan('list filtered by tag');
    await page.getByRole('button', { name: 'Save view…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await scan('save view dialog');
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 390, height: 844 });
    await scan('phone list');
  });
}
