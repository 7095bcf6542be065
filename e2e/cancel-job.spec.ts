import { expect, notifications, test } from './fixtures';

test('cancel a running job', async ({ page, runningJob }) => {
  const job = await runningJob('e2e-cancel');

  await page.goto(`/jobs/${job.id}`);
  const status = page.getByRole('status', { name: 'Job status' });
  await expect(status).toHaveText(/Running/);
  await expect(page.getByRole('progressbar')).toBeVisible();

  await page.getByRole('button', { name: 'Cancel job' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Keep' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel job' }).click();
  await expect(status).toHaveText(/Cancelling|Cancelled/);
  await expect(
    notifications(page)
      .getByRole('status')
      .filter({ hasText: /Cancellation requested/ }),
  ).toBeVisible();
  await expect(status).toHaveText(/Cancelled/, { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Cancel job' })).toHaveCount(0);

  // The list agrees.
  await page.getByRole('link', { name: 'All jobs' }).click();
  await expect(page.getByRole('row', { name: new RegExp(job.id) })).toContainText('Cancelled');
});

test('an unknown job id shows a not-found page with a way back', async ({ page }) => {
  await page.goto('/jobs/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { name: 'Job not found' })).toBeVisible();
  await page
    .getByRole('link', { name: /all jobs/i })
    .last()
    .click();
  await expect(page.getByRole('heading', { name: 'Fine-tuning jobs' })).toBeVisible();
});
