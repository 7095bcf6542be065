import { expect, FAULTS_URL, fillNewJob, notifications, test } from './fixtures';

const JOBS = '/v1/fine_tuning/jobs';

test('the list rides out API failures: it says it is retrying, then shows the jobs', async ({ page, faults }) => {
  // Three failures, within the client's three retries: in dev, React's StrictMode mounts the page
  // twice and the first fetch can be cancelled after spending one, and the retry must still show.
  await faults([{ path: JOBS, method: 'GET', fault: '503', times: 3 }]);
  await page.goto('/jobs');
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText(/Retrying/);
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('status', { name: 'Connection' })).toBeEmpty();
});

test('when retries run out the page says so and offers a retry; nothing blanks', async ({ page, faults }) => {
  await faults([{ path: JOBS, method: 'GET', fault: '502', times: 20 }]);
  await page.goto('/jobs');
  await expect(page.getByRole('heading', { name: 'Fine-tuning jobs' })).toBeVisible();
  const error = page.getByRole('alert').filter({ hasText: 'Could not load jobs' });
  await expect(error).toBeVisible({ timeout: 20_000 });
  await expect(error).toContainText(/Bad Gateway|502/);
  // A gateway that cannot reach the API: the banner says the connection is lost, not just "failed".
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Lost the connection to the API');
  await page.request.delete(FAULTS_URL);
  await error.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('status', { name: 'Connection' })).toBeEmpty();
});

test('a job page recovers from a rate limit and a dropped connection by itself', async ({
  page,
  faults,
  createJob,
}) => {
  const job = await createJob({ suffix: 'e2e-faults' });
  await faults([
    { path: `${JOBS}/${job.id}`, method: 'GET', fault: '429', retry_after: 1, times: 1 },
    { path: `${JOBS}/${job.id}`, method: 'GET', fault: 'drop', times: 1 },
  ]);
  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('e2e-faults');
  await expect(page.getByRole('status', { name: 'Job status' })).toBeVisible();
});

test('a start whose answer is lost is retried safely: the job starts once', async ({
  page,
  faults,
  createJob,
  waitForStatus,
}) => {
  const job = await createJob({ suffix: 'e2e-lost-start', auto_start: false });
  await waitForStatus(job.id, 'VALIDATED');
  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByRole('button', { name: 'Start job' })).toBeVisible();

  // The API starts the job, then the connection drops before the answer.
  await faults([{ path: `${JOBS}/${job.id}/start`, method: 'POST', fault: 'drop-after', times: 1 }]);
  await page.getByRole('button', { name: 'Start job' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start job' }).click();
  await expect(
    notifications(page)
      .getByRole('status')
      .filter({ hasText: /^Started/ }),
  ).toBeVisible();
  await expect(page.getByRole('status', { name: 'Job status' })).not.toHaveText(/Validated/);
  const started = await waitForStatus(job.id, 'SUCCESS', 45_000);
  expect(started.events.filter((e) => e.data?.status === 'RUNNING')).toHaveLength(1);
});

test('a cancel refused once with 503 is retried and lands', async ({ page, faults, runningJob }) => {
  const job = await runningJob('e2e-503-cancel');
  await faults([{ path: `${JOBS}/${job.id}/cancel`, method: 'POST', fault: '503', times: 1 }]);
  await page.goto(`/jobs/${job.id}`);
  await page.getByRole('button', { name: 'Cancel job' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel job' }).click();
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText(/Cancelled/, { timeout: 30_000 });
});

test('a create is never sent twice, even when its answer is lost', async ({ page, faults, jobTotal }) => {
  await fillNewJob(page, 'e2e-once');

  // Refused before it is processed (503): nothing is created, nothing is resent, the form stays.
  let before = await jobTotal();
  await faults([{ path: JOBS, method: 'POST', fault: '503', times: 1 }]);
  await page.getByRole('button', { name: 'Create job' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not create the job' })).toBeVisible();
  expect(await jobTotal()).toBe(before);
  await expect(page.getByLabel('Suffix')).toHaveValue('e2e-once');

  // Processed, then the connection drops: exactly one job, and the user is told to check.
  before = await jobTotal();
  await faults([{ path: JOBS, method: 'POST', fault: 'drop-after', times: 1 }]);
  await page.getByRole('button', { name: 'Create job' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'may or may not have been created' })).toBeVisible();
  await expect(page).toHaveURL(/\/jobs\/new$/);
  expect(await jobTotal()).toBe(before + 1);
  await expect(page.getByLabel('Suffix')).toHaveValue('e2e-once');
});
