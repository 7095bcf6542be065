import type { Page } from '@playwright/test';
import { expect, FAULTS_URL, fillNewJob, test } from './fixtures';

const JOBS = '/v1/fine_tuning/jobs';
/** "After a few seconds": the notice is due at 3 s; this leaves room for a busy machine. */
const FEW_SECONDS = 6_000;

const banner = (page: Page) => page.getByRole('status', { name: 'Connection' });
const bannerButton = (page: Page, name: 'Retry now' | 'Give up') => page.getByRole('button', { name, exact: true });

/** The app has rendered, before the API has answered anything. */
const shown = (page: Page) => expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

/** Counts the page's own requests to `path` (the proxy's, not the test's direct calls). */
function countRequests(page: Page, path: string) {
  let n = 0;
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === path && r.method() === 'GET') n++;
  });
  return () => n;
}

test('a list whose API never answers says so, retries on demand, and gives up into its error state', async ({
  page,
  faults,
}) => {
  await faults([{ path: JOBS, method: 'GET', fault: 'hang', times: 50 }]);
  const sent = countRequests(page, JOBS);
  await page.goto('/jobs');
  await shown(page);
  await expect(banner(page)).toContainText('The API is slow to answer', { timeout: FEW_SECONDS });
  await expect(banner(page)).toContainText('listing jobs');

  // Retry now sends the call again at once, and the page keeps waiting with the notice up.
  const before = sent();
  await bannerButton(page, 'Retry now').click();
  await expect.poll(sent).toBe(before + 1);
  await expect(banner(page)).toContainText('The API is slow to answer', { timeout: FEW_SECONDS });

  // Give up ends the wait: the page shows its error with a Retry, not a skeleton.
  await bannerButton(page, 'Give up').click();
  const error = page.getByRole('alert').filter({ hasText: 'Could not load jobs' });
  await expect(error).toBeVisible();
  await expect(error).toContainText(/stopped waiting/i);
  await expect(banner(page)).toBeEmpty();

  await page.request.delete(FAULTS_URL);
  await error.getByRole('button', { name: /retry/i }).click();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  await expect(banner(page)).toBeEmpty();
});

test('a job page whose API never answers names the job it is loading, and gives up into its error state', async ({
  page,
  faults,
  createJob,
}) => {
  const job = await createJob({ suffix: 'e2e-hang' });
  await faults([{ path: `${JOBS}/${job.id}`, method: 'GET', fault: 'hang', times: 50 }]);
  await page.goto(`/jobs/${job.id}`);
  await shown(page);
  await expect(banner(page)).toContainText('The API is slow to answer', { timeout: FEW_SECONDS });
  await expect(banner(page)).toContainText(`loading job ${job.id.slice(0, 8)}`);

  await bannerButton(page, 'Give up').click();
  const error = page.getByRole('alert').filter({ hasText: /stopped waiting/i });
  await expect(error).toBeVisible();

  await page.request.delete(FAULTS_URL);
  await error.getByRole('button', { name: /retry/i }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('e2e-hang');
  await expect(banner(page)).toBeEmpty();
});

test('a loaded list says within seconds that the connection is lost, keeps its rows, and says so until it is back', async ({
  page,
  faults,
  runningJob,
}) => {
  // A running job keeps the list refreshing every few seconds, as it would on a busy account.
  await runningJob('e2e-lost');
  await page.goto('/jobs');
  const row = page.getByRole('table').getByRole('row').filter({ hasText: 'e2e-lost' }).first();
  await expect(row).toBeVisible();

  let firstFailure = 0;
  page.on('response', (r) => {
    if (!firstFailure && new URL(r.url()).pathname === JOBS && r.status() === 502) firstFailure = Date.now();
  });
  await faults([{ path: '/v1/*', fault: 'drop', times: 1000 }]);
  await expect.poll(() => firstFailure, { timeout: 10_000 }).toBeGreaterThan(0);
  await expect(banner(page)).toContainText('Lost the connection to the API', { timeout: 3_000 });
  expect(Date.now() - firstFailure).toBeLessThan(3_000);
  await expect(row).toBeVisible();

  // Past the retry budget (about 4 s) the words stay: the last data on screen is not the API's now.
  await page.waitForTimeout(6_000);
  await expect(banner(page)).toContainText('Lost the connection to the API');
  await expect(row).toBeVisible();

  await page.request.delete(FAULTS_URL);
  await expect(banner(page)).toBeEmpty({ timeout: 10_000 });
});

test('a create the API never answers is never resent; giving up says the outcome is unknown and keeps the form', async ({
  page,
  faults,
  jobTotal,
}) => {
  await fillNewJob(page, 'e2e-silent');

  const before = await jobTotal();
  await faults([{ path: JOBS, method: 'POST', fault: 'hang', times: 5 }]);
  let posts = 0;
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === JOBS && r.method() === 'POST') posts++;
  });
  await page.getByRole('button', { name: 'Create job' }).click();
  await expect(banner(page)).toContainText('The API is slow to answer', { timeout: FEW_SECONDS });
  await expect(banner(page)).toContainText('creating the job');
  // Resending could start a second paid job: the only way out is to stop waiting.
  await expect(bannerButton(page, 'Retry now')).toHaveCount(0);
  await bannerButton(page, 'Give up').click();
  await expect(page.getByRole('alert').filter({ hasText: 'may or may not have been created' })).toBeVisible();
  await expect(page.getByLabel('Suffix')).toHaveValue('e2e-silent');
  expect(posts).toBe(1);
  expect(await jobTotal()).toBe(before);
});
