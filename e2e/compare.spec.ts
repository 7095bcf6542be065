import { jobListSchema } from '../contract/jobs';
import { API, expect, test } from './fixtures';

test('two jobs ticked in the list, compared: their learning rates differ, and the URL reloads to the same page', async ({
  page,
  request,
  getJob,
}) => {
  const bySuffix = async (suffix: string) =>
    jobListSchema.parse(await (await request.get(`${API}/fine_tuning/jobs?suffix=${suffix}&page_size=1`)).json())
      .data[0]!;
  const [overfit, diverge] = await Promise.all([bySuffix('support-overfit'), bySuffix('support-diverge')]);

  // Ticked under one filter, then another: the selection is the URL's and outlives a filter change.
  await page.goto('/jobs?suffix=support-overfit');
  await page.getByRole('checkbox', { name: 'Select support-overfit' }).check();
  await expect(page.getByRole('region', { name: 'Selected jobs' })).toContainText('1 selected');
  await page.goto(`/jobs?suffix=support-diverge&select=${overfit.id}`);
  await page.getByRole('link', { name: 'support-diverge' }).focus();
  await page.keyboard.press('x');
  await page.getByRole('link', { name: 'Compare 2 jobs' }).click();

  await expect(page).toHaveURL(new RegExp(`/compare\\?ids=${overfit.id},${diverge.id}$`));
  await expect(page.getByRole('heading', { name: 'Compare jobs' })).toBeVisible();
  const table = page.getByRole('table');
  const lr = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Learning rate/ }) });
  const [a, b] = await Promise.all([getJob(overfit.id), getJob(diverge.id)]);
  await expect(lr.getByRole('cell')).toHaveText([
    String(a.hyperparameters.learning_rate),
    String(b.hyperparameters.learning_rate),
  ]);
  await expect(lr).toHaveClass(/bg-amber-50/);
  await expect(lr.getByRole('rowheader')).toContainText('(differs)');
  // Differing rows come first; identical ones wait behind a button.
  await expect(table.getByRole('row').nth(1).getByRole('rowheader')).toContainText('(differs)');
  await expect(page.getByRole('button', { name: /Show the \d+ identical rows/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Loss curves of support-overfit, support-diverge/ })).toBeVisible();

  await page.reload();
  await expect(lr.getByRole('cell')).toHaveText([
    String(a.hyperparameters.learning_rate),
    String(b.hyperparameters.learning_rate),
  ]);
  await expect(page.getByRole('list', { name: 'Compared jobs' }).getByRole('listitem')).toHaveCount(2);
});

test('an unknown id is named as such, beside the jobs that exist', async ({ page, request }) => {
  const job = jobListSchema.parse(
    await (await request.get(`${API}/fine_tuning/jobs?status=SUCCESS&page_size=1`)).json(),
  ).data[0]!;
  await page.goto(`/compare?ids=${job.id},no-such-job`);
  const jobs = page.getByRole('list', { name: 'Compared jobs' });
  await expect(jobs.getByText(/No job no-such-.*not found or not yours/)).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  // Removing it takes it out of the URL, which is the page's state.
  await page.getByRole('button', { name: 'Remove no-such-job from the comparison' }).click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?ids=${job.id}$`));
  await expect(page.getByText(/One job so far/)).toBeVisible();
});
