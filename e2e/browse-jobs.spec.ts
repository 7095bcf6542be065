import type { APIRequestContext, Page } from '@playwright/test';
import { jobListSchema } from '../contract/jobs';
import { API, expect, test } from './fixtures';

const list = async (request: APIRequestContext, query = '') =>
  jobListSchema.parse(await (await request.get(`${API}/fine_tuning/jobs?page_size=1000&${query}`)).json());

/** Jobs move on while the test runs (the emulator's clock), so the page's count is compared with the API's now. */
async function expectTotal(page: Page, request: APIRequestContext, query: string) {
  const pager = page.getByRole('navigation', { name: 'Pagination' });
  await expect
    .poll(async () => {
      const [text, api] = await Promise.all([pager.textContent(), list(request, query)]);
      return text?.includes(`of ${api.total}`) ?? false;
    })
    .toBe(true);
}

test('browse, filter, paginate, and restore the same view from the URL', async ({ page, request }) => {
  const all = await list(request);

  await page.goto('/jobs');
  const table = page.getByRole('table');
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await expectTotal(page, request, '');

  // Filter by status: one status is the API's filter; the URL carries it, the count is the API's.
  await page.getByRole('button', { name: 'Status Any status' }).click();
  await page.getByRole('checkbox', { name: 'Succeeded' }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Status Succeeded' })).toBeFocused();
  await expect(page).toHaveURL(/status=SUCCESS/);
  await expectTotal(page, request, 'status=SUCCESS');
  for (const row of await table
    .getByRole('row')
    .all()
    .then((rows) => rows.slice(1))) {
    await expect(row).toContainText('Succeeded');
  }
  await expect(page.getByRole('button', { name: /Remove filter Status/ })).toBeVisible();

  // Remove it again; then page through everything 10 at a time.
  await page.getByRole('button', { name: /Remove filter Status/ }).click();
  await expect(page).not.toHaveURL(/status=/);
  await page.getByLabel('Rows per page').selectOption('10');
  await expect(page.getByText(new RegExp(`1–10 of ${all.total}`))).toBeVisible();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(new RegExp(`11–20 of ${all.total}`))).toBeVisible();
  const eleventh = all.data[10]!;
  await expect(table.getByRole('row', { name: new RegExp(eleventh.id) })).toBeVisible();

  // A text filter (the exact suffix, behind More filters), then reload: the same view comes back.
  const suffix = all.data.find((j) => j.suffix)!.suffix!;
  await page.getByRole('button', { name: 'More filters' }).click();
  await page.getByLabel('Suffix', { exact: true }).fill(suffix);
  await page.getByLabel('Suffix', { exact: true }).press('Enter');
  await expect(page).toHaveURL(new RegExp(`suffix=${encodeURIComponent(suffix)}`));
  await expect(page).not.toHaveURL(/page=2/);
  await expectTotal(page, request, `suffix=${encodeURIComponent(suffix)}`);
  const url = page.url();
  await page.reload();
  await expect(page.getByLabel('Suffix', { exact: true })).toHaveValue(suffix);
  await expectTotal(page, request, `suffix=${encodeURIComponent(suffix)}`);

  // Back goes to the unfiltered second page.
  await page.goBack();
  await expect(page.getByText(new RegExp(`11–20 of ${all.total}`))).toBeVisible();
  await page.goForward();
  await expect(page).toHaveURL(url);

  // A pasted link with a bad value falls back instead of breaking.
  await page.goto('/jobs?status=NOPE&page=-3&page_size=abc&model=open-mistral-7b');
  await expect(page.getByRole('heading', { name: 'Fine-tuning jobs' })).toBeVisible();
  await expect(page.getByLabel('Model', { exact: true })).toHaveValue('open-mistral-7b');
  await expect(page.getByRole('button', { name: 'Status Any status' })).toBeVisible();

  // Clear all; a row opens its job.
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  const first = all.data[0]!;
  await table
    .getByRole('row', { name: new RegExp(first.id) })
    .getByRole('link')
    .click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${first.id}$`));
  await expect(page.getByRole('status', { name: 'Job status' })).toBeVisible();
});

test('an empty result offers a way out', async ({ page }) => {
  await page.goto('/jobs?suffix=no-such-suffix-anywhere');
  // The empty state's own way out, not the filter chips' "Clear all" above it.
  const empty = page.getByRole('heading', { name: 'No jobs match these filters' }).locator('..');
  await expect(empty).toBeVisible();
  await empty.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.getByRole('table', { name: 'Fine-tuning jobs' }).getByRole('row').nth(1)).toBeVisible();
});
