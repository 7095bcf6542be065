import { jobListSchema } from '../contract/jobs';
import { API, expect, test } from './fixtures';

test("after a navigation focus is on the new page's heading; after Start it stays on the page", async ({
  page,
  request,
  createJob,
  waitForStatus,
}) => {
  const done = jobListSchema.parse(
    await (await request.get(`${API}/fine_tuning/jobs?status=SUCCESS&page_size=1`)).json(),
  ).data[0]!;
  // Filtered, the newest finished job is on the first page however many jobs other specs in this
  // worker have made since; found by its address, as their names may contain this one's.
  await page.goto('/jobs?status=SUCCESS');
  const row = page.getByRole('table', { name: 'Fine-tuning jobs' }).locator(`a[href="/jobs/${done.id}"]`);
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/jobs/${done.id}$`));
  await expect(page.locator('main h1')).toBeFocused();

  // A header link: the heading of the form, not the link, has focus once the form is there.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New job' }).click();
  await expect(page.locator('main h1')).toHaveText(/New/);
  await expect(page.locator('main h1')).toBeFocused();

  // Back to the list: its heading.
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/\/jobs\?status=SUCCESS$/);
  await expect(page.locator('main h1')).toBeFocused();

  // Start: its button goes once the job is queued; focus stays on the page, not on its body.
  const job = await createJob({ suffix: 'e2e-focus-start' });
  await waitForStatus(job.id, 'VALIDATED');
  await page.goto(`/jobs/${job.id}`);
  await page.getByRole('button', { name: 'Start job' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start job' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Start job' })).toHaveCount(0);
  const focused = await page.evaluate(() => {
    const el = document.activeElement;
    return el === document.body || el === null ? 'body' : `${el.tagName.toLowerCase()}:${el.textContent?.slice(0, 40)}`;
  });
  expect(focused).not.toBe('body');
  expect(await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement))).toBe(true);
});
