import { readFile } from 'node:fs/promises';
import { jobListSchema } from '../contract/jobs';
import { readCsv } from './csv';
import { API, expect, test } from './fixtures';

test('a job page downloads the job as the API sends it and one CSV row per checkpoint', async ({
  page,
  request,
  getJob,
}) => {
  const listed = jobListSchema.parse(
    await (await request.get(`${API}/fine_tuning/jobs?suffix=support-overfit&page_size=1`)).json(),
  ).data[0]!;
  const job = await getJob(listed.id);
  await page.goto(`/jobs/${job.id}`);
  const exports = page.getByRole('group', { name: 'Export' });

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    exports.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  expect(json.suggestedFilename()).toBe(`job-support-overfit-${job.id.slice(0, 8)}.json`);
  const sent = JSON.parse(await readFile(await json.path(), 'utf8')) as Record<string, unknown>;
  const raw = (await (await request.get(`${API}/fine_tuning/jobs/${job.id}`)).json()) as Record<string, unknown>;
  expect(sent.id).toBe(job.id);
  expect(Object.keys(sent).sort()).toEqual(Object.keys(raw).sort());

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    exports.getByRole('button', { name: 'Metrics CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe(`job-support-overfit-${job.id.slice(0, 8)}-metrics.csv`);
  const rows = readCsv(await readFile(await csv.path(), 'utf8'));
  expect(rows[0]).toEqual(['step', 'train_loss', 'valid_loss', 'valid_mean_token_accuracy', 'created_at']);
  const steps = [...new Set(job.checkpoints.map((c) => c.step_number))].sort((a, b) => a - b);
  expect(steps.length).toBeGreaterThan(0);
  expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(steps);
});

test('the compare page downloads its table as CSV, a column per job', async ({ page, request }) => {
  const ids = jobListSchema
    .parse(await (await request.get(`${API}/fine_tuning/jobs?status=SUCCESS&page_size=2`)).json())
    .data.map((j) => j.id);
  await page.goto(`/compare?ids=${ids.join(',')}`);
  await expect(page.getByRole('table')).toBeVisible();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const rows = readCsv(await readFile(await file.path(), 'utf8'));
  expect(rows[1]).toEqual(['Job ID', '', ...ids]);
  const lr = rows.find((r) => r[0] === 'Learning rate')!;
  expect(lr).toHaveLength(2 + ids.length);
});

test('the list downloads as CSV, every job the API counts; Cancel while it reads saves nothing', async ({
  page,
  request,
  jobTotal,
  faults,
}) => {
  await page.goto('/jobs?page_size=10');
  await expect(page.getByRole('table', { name: 'Fine-tuning jobs' }).getByRole('row').nth(1)).toBeVisible();
  const total = await jobTotal();
  // More than one page of the list as shown: the export reads past it.
  expect(total).toBeGreaterThan(10);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Export all \d+ as CSV$/ }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^jobs-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = readCsv(await readFile(await csv.path(), 'utf8'));
  expect(rows[0]!.slice(0, 3)).toEqual(['id', 'suffix', 'status']);
  expect(rows.length - 1).toBe(total);
  const listed = jobListSchema.parse(await (await request.get(`${API}/fine_tuning/jobs?page_size=1000`)).json()).data;
  expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(listed.map((j) => j.id)));
  const done = page.getByRole('dialog', { name: 'Jobs exported' });
  await expect(done.getByRole('status')).toHaveText(`Saved ${total} jobs to ${csv.suggestedFilename()}.`);
  await done.getByRole('button', { name: 'Close' }).click();
  await expect(done).toBeHidden();

  // With the API slow to answer the dialog says it is reading; Cancel stops it, and nothing is saved.
  await faults([{ path: '/v1/fine_tuning/jobs', method: 'GET', fault: 'slow', ms: 2000, times: 5 }]);
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await page.getByRole('button', { name: /^Export all \d+ as CSV$/ }).click();
  const reading = page.getByRole('dialog', { name: 'Exporting jobs…' });
  await expect(reading.getByRole('status')).toHaveText('Reading the first page…');
  await reading.getByRole('button', { name: 'Cancel' }).click();
  await expect(reading).toBeHidden();
  await page.waitForTimeout(2500);
  expect(downloaded).toBe(false);
});
