import { API, expect, test } from './fixtures';

test('a running job says how far it is, the time left as it goes, and the cost so far', async ({
  page,
  runningJob,
}) => {
  const job = await runningJob('e2e-progress');
  await page.goto(`/jobs/${job.id}`);

  const progress = page.getByRole('region', { name: 'Training progress' });
  await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuetext', /^Step [\d,]+ of 2,000 · \d+%$/);
  // Once a few checkpoints are timed, the time left comes from their pace, as a figure that falls.
  await expect(progress).toContainText('from the pace of the checkpoints so far', { timeout: 15_000 });
  const left = progress.locator('dt', { hasText: 'Time left' }).locator('+ dd');
  await expect(left).toHaveText(/about \d|finishing/);
  await expect(left).toContainText(/done \d/);
  const cost = progress.locator('dt', { hasText: 'Cost so far' }).locator('+ dd');
  await expect(cost).toHaveText(/≈ .*\d.*of .*\d.* estimated/);
  await expect(progress.locator('dt', { hasText: 'Tokens trained' }).locator('+ dd')).toHaveText(/\d/);

  // The list shows a bar and the time left, an estimate, never the planned total.
  await page.goto('/jobs');
  const row = page.getByRole('row', { name: new RegExp(job.id) });
  await expect(row.getByRole('progressbar')).toBeVisible();
  await expect(row).toContainText(/est\. .* left|finishing/);
});

test('a cancelled job says where it stopped and that its cost was an estimate for every step', async ({
  page,
  runningJob,
  waitForStatus,
  getJob,
  request,
}) => {
  const job = await runningJob('e2e-stopped');
  await expect.poll(async () => (await getJob(job.id)).checkpoints.length, { timeout: 15_000 }).toBeGreaterThan(0);
  expect((await request.post(`${API}/fine_tuning/jobs/${job.id}/cancel`)).status()).toBe(200);
  await waitForStatus(job.id, 'CANCELLED');

  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByRole('note').filter({ hasText: /^Cancelled at step/ })).toHaveText(
    /^Cancelled at step [\d,]+ of 2,000 · \d+% after training .+ tokens\. The estimate of .+ was for all 2,000 steps; the steps done come to about .+\.$/,
  );
  await expect(page.getByText('Estimated cost')).toBeVisible();
});
