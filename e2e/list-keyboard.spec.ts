/**
 * The job list by keyboard and by mouse: each row is one link (the job's title, stretched over the
 * row), so a row is one tab stop, the first row is a few Tab presses from the top of the page, and
 * a middle-click anywhere on a row opens the job in a new tab as any link does.
 */
import type { Page } from '@playwright/test';
import { jobListSchema } from '../contract/jobs';
import { API, expect, test } from './fixtures';

/**
 * Tab presses from a fresh page until the focus is on `href`. The header, the "New job" button
 * and the filters come first: skip link, brand, Jobs, New job, Models, dark mode, New job, the
 * saved views' tabs (one stop, arrows move between them), Search, Status, Model, Sort by,
 * More filters, then the first row — 14 presses today.
 */
const MAX_TABS_TO_FIRST_ROW = 14;

const focusedHref = (page: Page) =>
  page.evaluate(() => (document.activeElement instanceof HTMLAnchorElement ? document.activeElement.pathname : null));

async function tabsUntil(page: Page, href: string, limit: number): Promise<number | undefined> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if ((await focusedHref(page)) === href) return presses;
  }
  return undefined;
}

test('a row is one link: few Tab presses to reach it, one stop per row, middle-click opens it', async ({
  page,
  request,
}) => {
  const jobs = jobListSchema.parse(await (await request.get(`${API}/fine_tuning/jobs?page_size=2`)).json()).data;
  const [first, second] = [jobs[0]!, jobs[1]!];
  await page.goto('/jobs');
  const table = page.getByRole('table', { name: 'Fine-tuning jobs' });
  const firstRow = table.getByRole('row', { name: new RegExp(first.id) });
  await expect(firstRow).toBeVisible();
  // The backend badge arrives late; wait for it so the count is of the settled page.
  await expect(page.getByText('Local emulator')).toBeVisible();

  // From the top of the page to the first row's link.
  const presses = await tabsUntil(page, `/jobs/${first.id}`, 60);
  expect(presses, 'Tab presses from the page top to the first row').toBeDefined();
  expect(presses!).toBeLessThanOrEqual(MAX_TABS_TO_FIRST_ROW);

  // One stop per row: the next Tab is the next row's link, and the row holds nothing else to focus.
  await page.keyboard.press('Tab');
  expect(await focusedHref(page)).toBe(`/jobs/${second.id}`);
  // Tab stops only: the row's checkbox is ticked by a click or by `x` on the row, not tabbed to.
  const focusable = firstRow.locator(':is(a[href], button, input, select, textarea, [tabindex]):not([tabindex="-1"])');
  await expect(focusable).toHaveCount(1);
  expect(await firstRow.getAttribute('tabindex')).toBeNull();
  await expect(firstRow.getByRole('link')).toHaveAttribute('href', `/jobs/${first.id}`);

  // A middle-click on the row, away from the title, opens the job in a new tab.
  const typeCell = firstRow.getByRole('cell').nth(3);
  const box = (await typeCell.boundingBox())!;
  const [popup] = await Promise.all([
    page.context().waitForEvent('page'),
    page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'middle' }),
  ]);
  await expect(popup).toHaveURL(new RegExp(`/jobs/${first.id}$`));
  await expect(popup.getByRole('status', { name: 'Job status' })).toBeVisible();
  await popup.close();
  await expect(page).toHaveURL(/\/jobs$/);

  // A plain click there opens it here; Enter on the focused link does the same.
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page).toHaveURL(new RegExp(`/jobs/${first.id}$`));
  await page.goBack();
  await table.getByRole('link').nth(1).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/jobs/${second.id}$`));
});

test('shortcuts: / searches, j moves through the rows, Enter opens, ? lists them all; none fire while typing', async ({
  page,
}) => {
  await page.goto('/jobs');
  const rows = page.getByRole('table', { name: 'Fine-tuning jobs' }).getByRole('row');
  await expect(rows.nth(1)).toBeVisible();

  // The keys listen once their module has loaded, just after the list draws.
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(async () => {
    await page.keyboard.press('?');
    await expect(dialog).toBeVisible({ timeout: 500 });
  }).toPass();
  await expect(dialog).toContainText('Compare the ticked jobs');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('/');
  const search = page.getByLabel('Search', { exact: true });
  await expect(search).toBeFocused();
  // Typed into the field, `j` and `?` are letters, not shortcuts.
  await page.keyboard.type('j?');
  await expect(search).toHaveValue('j?');
  await expect(dialog).toBeHidden();
  await search.fill('');
  await search.blur();
  await expect(page).toHaveURL(/\/jobs$/);

  await page.keyboard.press('j');
  const first = rows.nth(1).getByRole('link');
  await expect(first).toBeFocused();
  await page.keyboard.press('j');
  const second = rows.nth(2).getByRole('link');
  await expect(second).toBeFocused();
  await page.keyboard.press('k');
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(second).toBeFocused();
  const href = await second.getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href}$`));
});
