/**
 * An API (or a proxy in between) that answers badly: the dashboard shows a readable error or a
 * graceful fallback, never a white screen. The production server points at a stub upstream.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { startProduction, type Running } from './security-servers';

const ID = '3f0c2a7e-5b1d-4c8e-9a61-0d2f7b8e4c11';
const job = {
  id: ID,
  object: 'job',
  job_type: 'completion',
  auto_start: false,
  model: 'open-mistral-7b',
  status: 'RUNNING',
  created_at: 1767225600,
  modified_at: 1767225660,
  training_files: ['8a1d6f3c-2e4b-4f7a-b9c0-5d6e7f8a9b01'],
  hyperparameters: { learning_rate: 0.0001, training_steps: 10 },
  suffix: 'stubbed',
};
const detailed = { ...job, events: [], checkpoints: [] };

type Answer = { status: number; type?: string; body: string };
const json = (body: unknown, status = 200): Answer => ({
  status,
  type: 'application/json',
  body: JSON.stringify(body),
});
let answers: Record<'list' | 'detail', Answer>;

let stub: Server;
let server: Running;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  stub = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const answer =
      path === '/v1/fine_tuning/jobs'
        ? answers.list
        : path === `/v1/fine_tuning/jobs/${ID}`
          ? answers.detail
          : json({ object: 'list', data: [] });
    res.writeHead(answer.status, answer.type ? { 'content-type': answer.type } : {});
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  server = await startProduction(`http://127.0.0.1:${(stub.address() as AddressInfo).port}`);
});
test.afterAll(async () => {
  await server?.stop();
  stub?.close();
});

test.beforeEach(() => {
  answers = { list: json({ object: 'list', data: [job], total: 1 }), detail: json(detailed) };
});

test('a status the dashboard does not know is shown as it is', async ({ page }) => {
  answers.list = json({ object: 'list', data: [{ ...job, status: 'PAUSED_FOR_REVIEW' }], total: 1 });
  answers.detail = json({ ...detailed, status: 'PAUSED_FOR_REVIEW' });
  await page.goto(`${server.url}/jobs`);
  await expect(page.getByRole('row', { name: new RegExp(ID) })).toContainText('PAUSED_FOR_REVIEW');
  await page.goto(`${server.url}/jobs/${ID}`);
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText(/PAUSED_FOR_REVIEW/);
});

test('markup in a model name from the API is shown as text and never runs', async ({ page }) => {
  const model = '<img src=x onerror="window.__ran=1">';
  const tuned = 'ft:<script>window.__ran=2</script>:x';
  answers.list = json({
    object: 'list',
    data: [{ ...job, model, fine_tuned_model: tuned, status: 'SUCCESS' }],
    total: 1,
  });
  answers.detail = json({ ...detailed, model, fine_tuned_model: tuned, status: 'SUCCESS' });
  await page.goto(`${server.url}/jobs`);
  const row = page.getByRole('row', { name: new RegExp(ID) });
  await expect(row).toContainText(model);
  // The job keeps its suffix as its name; the model it made is named beside it, as text.
  await expect(row).toContainText(tuned);
  await page.goto(`${server.url}/jobs/${ID}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(job.suffix);
  await expect(page.getByText(tuned, { exact: true })).toBeVisible();
  await expect(page.getByText(model).first()).toBeVisible();
  expect(await page.locator('main img[onerror], main script').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
});

test('a job that breaks the contract is named in its own row; the jobs beside it are listed', async ({ page }) => {
  const { created_at: _, ...withoutCreated } = job;
  const healthy = { ...job, id: '9b2e4d6f-1a3c-4e5f-8a7b-6c5d4e3f2a10', suffix: 'healthy' };
  answers.list = json({ object: 'list', data: [healthy, withoutCreated, { status: 'RUNNING' }], total: 3 });
  answers.detail = json({ ...detailed, created_at: undefined });
  await page.goto(`${server.url}/jobs`);
  const table = page.getByRole('table', { name: 'Fine-tuning jobs' });
  await expect(table.getByRole('link', { name: 'healthy' })).toBeVisible();
  await expect(page.getByText('Could not load jobs')).toHaveCount(0);

  // In place (second), the broken job: which field, and a link to its page.
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(4);
  const brokenRow = rows.nth(2);
  await expect(brokenRow).toContainText('created_at');
  await expect(brokenRow).toContainText('Field required');
  const link = brokenRow.getByRole('link');
  await expect(link).toHaveAttribute('href', `/jobs/${ID}`);
  // A job without an id is named too, with nothing to link to.
  await expect(rows.nth(3)).toContainText('without an ID');
  await expect(rows.nth(3).getByRole('link')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Pagination' })).toContainText('1–3 of 3');

  // Its page shows what could be read, and names the wrong field instead of a blank error.
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${ID}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('stubbed');
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText(/Running/);
  await expect(page.getByText('open-mistral-7b')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('created_at');
  await expect(page.getByRole('heading', { name: 'Could not load this job' })).toHaveCount(0);
});

const broken: [string, Answer, RegExp][] = [
  [
    'a list whose envelope is wrong',
    json({ object: 'list', data: 'not a list', total: 1 }),
    /Unexpected answer from the API at data: Input should be a valid list/,
  ],
  [
    'a body that is not JSON',
    { status: 200, type: 'application/json', body: '{"object": "list", "data": [' },
    /not JSON/,
  ],
  [
    'an HTML error page from a proxy in between',
    {
      status: 502,
      type: 'text/html',
      body: '<html><body><h1>502 Bad Gateway</h1><script>window.__ran = 1</script></body></html>',
    },
    /502/,
  ],
  ['an empty 200', { status: 200, body: '' }, /empty body/],
];

/** The detail page gets the same kind of answer; a job-shaped path names the field it misses. */
const detailMessage = (m: RegExp) => (m.source.includes('data') ? /Unexpected answer from the API at [a-z_]+: / : m);

for (const [what, answer, message] of broken) {
  test(`the list survives ${what}`, async ({ page }) => {
    answers.list = answer;
    await page.goto(`${server.url}/jobs`);
    await expect(page.getByRole('heading', { name: 'Fine-tuning jobs' })).toBeVisible();
    await expect(page.getByText(message).first()).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('button', { name: /retry/i })).toBeVisible();
    await expect(page.getByRole('link', { name: 'New job' }).first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();

    // The same answer on a job page: an error panel with a retry, and the header still there.
    answers.detail = { ...answer, body: answer.body.replace('"data": [', '"id": [') };
    await page.goto(`${server.url}/jobs/${ID}`);
    await expect(page.getByRole('heading', { name: 'Could not load this job' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('alert')).toContainText(detailMessage(message));
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

    // Once the API behaves, a retry brings the job.
    answers.detail = json(detailed);
    await page.getByRole('button', { name: /retry/i }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('stubbed');
  });
}
