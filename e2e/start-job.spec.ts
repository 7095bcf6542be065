import { expect, notifications, test } from './fixtures';

test('a validated job: review the cost, start it, watch it to success with its chart', async ({
  page,
  createJob,
  waitForStatus,
}) => {
  const job = await createJob({ suffix: 'e2e-start', auto_start: false, hyperparameters: { training_steps: 12 } });
  const validated = await waitForStatus(job.id, 'VALIDATED');
  expect(validated.metadata?.cost).toBeGreaterThan(0);

  await page.goto(`/jobs/${job.id}`);
  const status = page.getByRole('status', { name: 'Job status' });
  await expect(status).toHaveText(/Validated/);
  const review = page.getByRole('region', { name: 'Cost review' });
  // The amount in the page's locale, currency included once (en-US in Playwright's Chromium).
  const { cost, cost_currency } = validated.metadata!;
  const amount = new Intl.NumberFormat('en-US', { style: 'currency', currency: cost_currency! }).format(cost!);
  await expect(review).toContainText(amount);
  await expect(review).toContainText('Train tokens');
  await expect(page.getByRole('button', { name: 'Cancel job' })).toBeVisible();

  await page.getByRole('button', { name: 'Start job' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep' }).click();
  await expect(dialog).toBeHidden();
  await expect(status).toHaveText(/Validated/);

  await page.getByRole('button', { name: 'Start job' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start job' }).click();
  await expect(status).not.toHaveText(/Validated/);
  await expect(notifications(page).getByRole('status').filter({ hasText: 'Started e2e-start' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start job' })).toHaveCount(0);

  await expect(status).toHaveText(/Succeeded/, { timeout: 45_000 });
  await expect(page.getByText(/^ft:open-mistral-7b:/).first()).toBeVisible();
  const chart = page.getByRole('img', { name: /loss/i });
  await expect(chart).toBeVisible();
  await expect(chart.locator('canvas')).toHaveCount(1);

  await page.getByRole('button', { name: 'Show as table' }).click();
  const metrics = page.getByRole('table').filter({ hasText: 'Train loss' });
  await expect(metrics.getByRole('row')).toHaveCount(12 + 1);
  await expect(page.getByRole('button', { name: 'Cancel job' })).toHaveCount(0);
});
