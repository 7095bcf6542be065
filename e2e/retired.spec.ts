/**
 * A backend whose jobs API is retired, as Mistral's is since it retired fine-tuning training:
 * every jobs route answers 410 Gone. The list, a job's page and the form say so plainly, point to
 * the models that live on, keep what the user typed, and ask the API at most once a minute.
 * Its own emulator (API_RETIRE_JOBS=1) and production server, beside the suite's usual pair.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startEmulator, type ServerProcess } from '../server/spawn';
import { serverBundle } from '../proxy/build-server';
import { expect, test } from './fixtures';
import { buildOnce, freePort, startNode, type Running } from './security-servers';

const JOBS = '/v1/fine_tuning/jobs';
const JOB_ID = '3f0c2a7e-5b1d-4c8e-9a61-0d2f7b8e4c11';

let dataDir: string;
let emulator: ServerProcess;
let server: Running;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(join(tmpdir(), 'retired-e2e-'));
  emulator = await startEmulator({ API_DB: join(dataDir, 'emulator.db'), API_SEED: '1', API_RETIRE_JOBS: '1' });
  const port = await freePort();
  // The emulator by its port, as `npm start` wires it: the badge reads "Local emulator".
  server = await startNode(
    [serverBundle()],
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      DIST_DIR: process.env.E2E_DIST ?? buildOnce(),
      API_PORT: new URL(emulator.base).port,
      MISTRAL_API_URL: '',
      MISTRAL_API_KEY: '',
    },
    `http://127.0.0.1:${port}/`,
  );
});
test.afterAll(async () => {
  await server?.stop();
  emulator?.child.kill('SIGTERM');
  await emulator?.exited;
  rmSync(dataDir, { recursive: true, force: true });
});

/** The page's own requests to any jobs route, through the proxy. */
function countJobsRequests(page: Page) {
  let n = 0;
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith(JOBS)) n++;
  });
  return () => n;
}

const notice = (page: Page) => page.getByRole('region', { name: 'This backend no longer offers fine-tuning jobs' });

/** What every retired page says: the 410 with the API's words, what still works, where to read more. */
async function expectRetiredNotice(page: Page) {
  const region = notice(page);
  await expect(region).toBeVisible();
  await expect(region).toContainText('HTTP 410 Gone');
  await expect(region).toContainText('The fine-tuning jobs API has been retired');
  await expect(region).toContainText(/still work.*fine-tuned models/i);
  await expect(region.getByRole('link', { name: 'Your fine-tuned models' })).toHaveAttribute('href', '/models');
  await expect(region).toContainText('README');
  await expect(page.getByText(/Could not load|Refresh failed/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Retry/ })).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText('Jobs API retired');
}

/**
 * Runs the page's clock for `minutes`, bringing the tab back into focus every 10 s (each would
 * refetch a stale query), and checks after each minute that at most one jobs request a minute went out.
 */
async function expectAtMostOnePerMinute(page: Page, sent: () => number, minutes: number) {
  // Paused, the page's time moves only by the minutes counted here: left to flow, it also moved
  // with the real seconds each step took, which on a busy machine added up to a minute more.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
  const start = sent();
  for (let m = 1; m <= minutes; m++) {
    for (let s = 0; s < 6; s++) {
      await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
      await page.clock.runFor(10_000);
    }
    // Requests the last tick sent reach the test a moment later.
    await page.waitForTimeout(100);
    expect(sent() - start, `jobs requests after ${m} min`).toBeLessThanOrEqual(m);
  }
  // It does keep asking, once a minute, so a backend that offers jobs again is seen.
  expect(sent() - start).toBeGreaterThanOrEqual(minutes - 1);
  await page.clock.resume();
  return sent() - start;
}

test('the job list says the jobs API is retired, points to the models, and asks once a minute', async ({ page }) => {
  await page.clock.install();
  const sent = countJobsRequests(page);
  await page.goto(`${server.url}/jobs`);
  await expectRetiredNotice(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Fine-tuning jobs' })).toBeVisible();
  // Nothing left to filter or create from here.
  await expect(page.getByRole('link', { name: /New job/ }).and(page.locator('main a'))).toHaveCount(0);
  expect(sent()).toBe(1);

  const later = await expectAtMostOnePerMinute(page, sent, 5);
  test.info().annotations.push({ type: 'jobs requests', description: `${later} in 5 min after the first` });
  await expectRetiredNotice(page);
});

test('a job’s page says it can no longer be loaded, and asks once a minute', async ({ page }) => {
  await page.clock.install();
  const sent = countJobsRequests(page);
  await page.goto(`${server.url}/jobs/${JOB_ID}`);
  await expectRetiredNotice(page);
  await expect(notice(page).getByRole('heading', { level: 1 })).toBeVisible();
  await expect(notice(page)).toContainText(JOB_ID);
  await expect(page.getByRole('link', { name: 'All jobs' })).toBeVisible();
  expect(sent()).toBe(1);
  await expectAtMostOnePerMinute(page, sent, 3);
});

test('the form says no job can be created, sends nothing, and keeps every value typed', async ({ page }) => {
  await page.clock.install();
  const sent = countJobsRequests(page);
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === JOBS) posts.push(r.url());
  });
  await page.goto(`${server.url}/jobs/new`);
  await expectRetiredNotice(page);
  await expect(notice(page)).toContainText(/form sends nothing/);
  await expect(notice(page)).toContainText(/Everything you typed stays/);

  const typed = {
    Model: 'open-mistral-7b',
    Suffix: 'kept-when-retired',
    'Training steps': '12',
    'Learning rate': '0.0003',
  };
  for (const [label, value] of Object.entries(typed)) await page.getByLabel(label, { exact: true }).fill(value);

  const create = page.getByRole('button', { name: 'Create job' });
  await expect(create).toBeDisabled();
  await expect(page.getByRole('status').filter({ hasText: 'Nothing is sent' })).toBeVisible();
  // Enter in a field is a submit too: still nothing goes out, and nothing is reset.
  await page.getByLabel('Suffix', { exact: true }).press('Enter');

  await expectAtMostOnePerMinute(page, sent, 3);
  for (const [label, value] of Object.entries(typed)) {
    await expect(page.getByLabel(label, { exact: true }), label).toHaveValue(value);
  }
  expect(posts).toEqual([]);

  // And it is kept as the draft: a reload brings it back under the same notice.
  await page.reload();
  await expectRetiredNotice(page);
  for (const [label, value] of Object.entries(typed)) {
    await expect(page.getByLabel(label, { exact: true }), label).toHaveValue(value);
  }
});

test('the header badge says the jobs API is retired, and why', async ({ page }) => {
  await page.goto(`${server.url}/jobs`);
  const badge = page.getByRole('banner').getByText('Jobs API retired');
  await expect(badge).toBeVisible();
  await expect(page.getByRole('banner').locator('[title*="410 Gone"]')).toContainText('Local emulator');
});
