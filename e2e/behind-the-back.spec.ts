import { API, expect, notifications, test } from './fixtures';

/**
 * The job moves through the API (a teammate, the SDK, curl) while the page still shows it as it
 * was. The page must say what happened, not that its own click did it.
 */
const JOBS = `${API}/fine_tuning/jobs`;
// Long enough that a started job is still running when the page looks.
const LONG = { training_steps: 2000 };

test('Start on a job cancelled elsewhere says it was cancelled before it could start', async ({
  page,
  request,
  createJob,
  waitForStatus,
}) => {
  const job = await createJob({ suffix: 'e2e-gone', auto_start: false, hyperparameters: LONG });
  await waitForStatus(job.id, 'VALIDATED');
  await page.goto(`/jobs/${job.id}`);
  const status = page.getByRole('status', { name: 'Job status' });
  await expect(status).toHaveText(/Validated/);

  expect((await request.post(`${JOBS}/${job.id}/cancel`)).status()).toBe(200);
  await page.getByRole('button', { name: 'Start job' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start job' }).click();

  await expect(
    notifications(page).getByRole('alert').filter({ hasText: 'e2e-gone was cancelled before it could start' }),
  ).toBeVisible();
  await expect(status).toHaveText(/Cancelled/);
  await expect(page.getByText(/^Started/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start job' })).toHaveCount(0);
});

test('Start on a job started elsewhere says so and shows it running', async ({
  page,
  request,
  createJob,
  waitForStatus,
}) => {
  const job = await createJob({ suffix: 'e2e-twice', auto_start: false, hyperparameters: LONG });
  await waitForStatus(job.id, 'VALIDATED');
  await page.goto(`/jobs/${job.id}`);
  const status = page.getByRole('status', { name: 'Job status' });
  await expect(status).toHaveText(/Validated/);

  expect((await request.post(`${JOBS}/${job.id}/start`)).status()).toBe(200);
  await waitForStatus(job.id, 'RUNNING');
  await page.getByRole('button', { name: 'Start job' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start job' }).click();

  await expect(
    notifications(page).getByRole('status').filter({ hasText: 'e2e-twice was already started elsewhere' }),
  ).toBeVisible();
  await expect(status).toHaveText(/Running/);
  await expect(page.getByText(/^Started/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start job' })).toHaveCount(0);
});

test('Cancel on a job cancelled elsewhere says it is already cancelled', async ({
  page,
  request,
  createJob,
  waitForStatus,
}) => {
  // A validated job waits for the user, so the page does not refresh it fast on its own.
  const job = await createJob({ suffix: 'e2e-stopped', auto_start: false, hyperparameters: LONG });
  await waitForStatus(job.id, 'VALIDATED');
  await page.goto(`/jobs/${job.id}`);
  const status = page.getByRole('status', { name: 'Job status' });
  await expect(status).toHaveText(/Validated/);

  expect((await request.post(`${JOBS}/${job.id}/cancel`)).status()).toBe(200);
  await waitForStatus(job.id, 'CANCELLED');
  await page.getByRole('button', { name: 'Cancel job' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel job' }).click();

  await expect(
    notifications(page).getByRole('status').filter({ hasText: 'e2e-stopped is already cancelled' }),
  ).toBeVisible();
  await expect(status).toHaveText(/Cancelled/);
  await expect(page.getByText(/Cancellation requested/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cancel job' })).toHaveCount(0);
});
