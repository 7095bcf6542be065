/**
 * Finding a job the API's exact filters cannot: a search inside suffixes, fine-tuned models and
 * ids, several statuses at once, a sort, and a Model filter of the models used. The API takes
 * none of these: the page reads every job, a page of 100 at a time, and finds them itself.
 */
import { seriousViolations } from './axe';
import type { APIRequestContext, Page, Request } from '@playwright/test';
import { jobListSchema, type Job } from '../contract/jobs';
import { fineTunedCards } from '../contract/fine-tuned-models';
import { modelListSchema } from '../contract/models';
import { API, expect, test } from './fixtures';

const JOBS_PATH = '/v1/fine_tuning/jobs';

const allJobs = async (request: APIRequestContext) =>
  jobListSchema.parse(await (await request.get(`${API}/fine_tuning/jobs?page_size=1000`)).json()).data;

/** What the search should find: the text inside suffix, fine-tuned model or id, in any case. */
const holds = (job: Job, text: string) =>
  [job.suffix, job.fine_tuned_model, job.id].some((f) => f?.toLowerCase().includes(text));

/** The list calls the page makes, as their query strings. */
function listCalls(page: Page) {
  const calls: URLSearchParams[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (r.method() === 'GET' && url.pathname === JOBS_PATH) calls.push(url.searchParams);
  });
  return calls;
}

const searched = (page: Page) => page.getByRole('status').filter({ hasText: /^Searched/ });
const table = (page: Page) => page.getByRole('table', { name: 'Fine-tuning jobs' });
const rowNames = (page: Page) => table(page).getByRole('row').getByRole('link').allTextContents();
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
function expectDescending(names: string[]) {
  expect(names.length).toBeGreaterThan(1);
  for (let i = 1; i < names.length; i++) expect(collator.compare(names[i - 1]!, names[i]!)).toBeGreaterThanOrEqual(0);
}

test('a search finds a word inside suffixes across every page, says what it searched, and stops when cleared', async ({
  page,
  request,
  createJob,
  faults,
}) => {
  // Three jobs whose suffix holds "support", with a hundred others between the first and the
  // last two: they sit on different pages of the API's 100.
  const tag = Date.now().toString(36).slice(-5);
  const first = await createJob({ suffix: `support-a-${tag}`, auto_start: false });
  for (let batch = 0; batch < 5; batch++) {
    await Promise.all(Array.from({ length: 20 }, () => createJob({ auto_start: false })));
  }
  const later = [
    await createJob({ suffix: `e2e-support-${tag}`, auto_start: false }),
    await createJob({ suffix: `${tag}-SUPPORT`, auto_start: false }),
  ];
  const mine = [first, ...later];

  // The API's own suffix filter is exact: it finds none of them. That is why the search exists.
  const exact = jobListSchema.parse(await (await request.get(`${API}/fine_tuning/jobs?suffix=support`)).json());
  expect(exact.total).toBe(0);

  const calls = listCalls(page);
  await page.goto('/jobs');
  await expect(table(page).getByRole('row').nth(1)).toBeVisible();

  const search = page.getByLabel('Search', { exact: true });
  await search.fill('support');
  await search.press('Enter');
  await expect(page).toHaveURL(/\?q=support$/);
  const jobs = await allJobs(request);
  const found = jobs.filter((j) => holds(j, 'support'));
  expect(jobs.length).toBeGreaterThan(100);
  await expect(searched(page)).toHaveText(`Searched ${jobs.length} of ${jobs.length} jobs: ${found.length} match.`);
  await page.getByLabel('Rows per page').selectOption('100');
  for (const job of mine) await expect(table(page).getByRole('link', { name: job.suffix! })).toBeVisible();
  await expect(table(page).getByRole('row')).toHaveCount(found.length + 1);
  await expect(page.getByRole('button', { name: `Export the ${found.length} found as CSV` })).toBeEnabled();

  // Every page was read, 100 at a time, and the API was never sent a parameter it does not have.
  const scan = calls.filter((q) => q.get('page_size') === '100');
  expect(new Set(scan.map((q) => q.get('page')))).toEqual(
    new Set(Array.from({ length: Math.ceil(jobs.length / 100) }, (_, i) => String(i))),
  );
  expect(calls.every((q) => !q.has('q') && !q.has('sort') && !(q.get('status') ?? '').includes(','))).toBe(true);

  // The search is in the URL: a reload finds the same jobs again.
  await page.reload();
  await expect(search).toHaveValue('support');
  await expect(searched(page)).toContainText(`: ${found.length} match.`);

  // Cleared, it is the API's list again.
  await search.clear();
  await search.press('Enter');
  await expect(page).toHaveURL(/\/jobs\?page_size=100$/);
  await expect(searched(page)).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Pagination' })).toContainText(`of ${jobs.length}`);

  // Cleared while it reads: the page being read is given up, and no other is asked for. The
  // emulator answers the first page at once and holds the second.
  await faults([
    { path: JOBS_PATH, method: 'GET', fault: 'slow', ms: 1 },
    { path: JOBS_PATH, method: 'GET', fault: 'hang' },
  ]);
  const dropped = page.waitForEvent('requestfailed', (r: Request) => new URL(r.url()).searchParams.get('page') === '1');
  await page.goto('/jobs?q=support');
  await expect(searched(page)).toContainText(`Searched 100 of ${jobs.length} jobs…`);
  await expect(page.getByRole('progressbar', { name: 'Jobs searched' })).toBeVisible();
  calls.length = 0;
  await search.clear();
  await search.press('Enter');
  await dropped;
  await expect(page.getByRole('navigation', { name: 'Pagination' })).toContainText(`1–20 of ${jobs.length}`);
  expect(calls.filter((q) => q.get('page_size') === '100')).toEqual([]);
});

test('several statuses, the Active group, a sort and the Model filter', async ({
  page,
  request,
  createJob,
  waitForStatus,
}) => {
  await page.goto('/jobs');
  await expect(table(page).getByRole('row').nth(1)).toBeVisible();
  const status = page.getByRole('button', { name: /^Status / });
  await status.click();
  // A job that runs for a while (15 s at the suite's time scale), created as the user looks.
  const long = await createJob({
    suffix: `long-${Date.now().toString(36).slice(-5)}`,
    auto_start: true,
    hyperparameters: { training_steps: 1000 },
  });
  // Running, not in the moment between validated and started: a job that starts later is listed
  // at the first page's next refresh (within a minute, as on the list itself).
  await waitForStatus(long.id, 'RUNNING');

  // Active: the five statuses that move by themselves, as one box; one param in the URL.
  await page.getByRole('checkbox', { name: 'Active (moves by itself)' }).check();
  for (const name of ['Queued', 'Started', 'Validating', 'Running', 'Cancelling']) {
    await expect(page.getByRole('checkbox', { name, exact: true })).toBeChecked();
  }
  await expect(page).toHaveURL(/\?status=active$/);
  await expect(searched(page)).toContainText(/: \d+ match/);
  await expect(table(page).getByRole('link', { name: long.suffix! })).toBeVisible();
  // Read at once: a row that ends meanwhile leaves the list.
  const rowTexts = await table(page).getByRole('row').allTextContents();
  for (const text of rowTexts.slice(1)) expect(text).toMatch(/Queued|Started|Validating|Running|Cancelling/);
  await page.keyboard.press('Escape');
  await expect(status).toBeFocused();
  await expect(status).toHaveAccessibleName('Status Active');
  expect(await seriousViolations(page, 'Active status filter')).toEqual([]);

  // Two statuses that stay put: exactly the API's own count of each.
  await status.click();
  await page.getByRole('checkbox', { name: 'Active (moves by itself)' }).uncheck();
  await page.getByRole('checkbox', { name: 'Validated' }).check();
  await page.getByRole('checkbox', { name: 'Failed validation' }).check();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\?status=VALIDATED%2CFAILED_VALIDATION$/);
  // Compared with the API read just before the page reads it: a job validated in between would
  // be listed at the first page's next refresh (within a minute), so read again, then compare.
  let jobs: Job[] = [];
  await expect(async () => {
    jobs = await allJobs(request);
    const two = jobs.filter((j) => j.status === 'VALIDATED' || j.status === 'FAILED_VALIDATION');
    await page.reload();
    await expect(searched(page)).toHaveText(`Searched ${jobs.length} of ${jobs.length} jobs: ${two.length} match.`, {
      timeout: 5_000,
    });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Remove filter Status: Validated, Failed validation' })).toBeVisible();

  // A sort over what was found: said so, and the rows in that order.
  await page.getByLabel('Sort by').selectOption({ label: 'Job, Z to A' });
  await expect(searched(page)).toContainText('Sorted “Job, Z to A” over all of them.');
  expectDescending(await rowNames(page));
  await expect(page).toHaveURL(/&sort=-job$/);

  // With no search, a sort is of the page shown, and says that too.
  await page.getByRole('button', { name: /^Remove filter Status/ }).click();
  await expect(page).toHaveURL(/\?sort=-job$/);
  await expect(page.getByText(/within the 20 jobs of this page, not across all \d+/)).toBeVisible();
  expectDescending(await rowNames(page));

  // The Model filter offers the base models used: those of the jobs read, and of the fine-tuned
  // models the models endpoint lists, asked for only once the user reaches for the filter.
  const modelCalls: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/v1/models') modelCalls.push(r.url());
  });
  const roots = fineTunedCards(modelListSchema.parse(await (await request.get(`${API}/models`)).json())).map(
    (m) => m.root,
  );
  const onPage = new Set(jobs.slice(0, 20).map((j) => j.model));
  const elsewhere = roots.find((m) => !onPage.has(m));
  expect(modelCalls).toEqual([]);
  const model = page.getByLabel('Model', { exact: true });
  await model.focus();
  await expect.poll(() => modelCalls.length).toBe(1);
  for (const m of [...onPage, ...(elsewhere ? [elsewhere] : [])]) {
    await expect(model.getByRole('option', { name: m, exact: true })).toHaveCount(1);
  }
  const pick = elsewhere ?? [...onPage][0]!;
  await model.selectOption(pick);
  await expect(page).toHaveURL(new RegExp(`model=${pick}`));
  const rows = table(page).getByRole('row');
  await expect(rows.nth(1)).toContainText(pick);
  for (const row of (await rows.all()).slice(1)) await expect(row).toContainText(pick);
  // An exact filter of the API's: the list asks for it.
  await expect(page.getByRole('navigation', { name: 'Pagination' })).toContainText(
    `of ${jobs.filter((j) => j.model === pick).length}`,
  );
});
