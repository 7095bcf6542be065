import { fileSchema } from '../contract/files';
import { API, expect, test } from './fixtures';

/** Text from the API is shown as text: markup in a suffix, a file name or an integration never runs. */
const SUFFIX = '<svg onload=xss()>';
const FILENAME = '<img src=x onerror=xss()>.jsonl';
const PROJECT = '<script>xss()</script>';

test('HTML and script planted through the API is shown as text and never runs', async ({
  page,
  request,
  createJob,
}) => {
  const line = JSON.stringify({
    messages: [
      { role: 'user', content: '<b>hi</b>' },
      { role: 'assistant', content: 'ok' },
    ],
  });
  const upload = await request.post(`${API}/files`, {
    multipart: {
      purpose: 'fine-tune',
      file: { name: FILENAME, mimeType: 'application/jsonl', buffer: Buffer.from(`${line}\n`) },
    },
  });
  expect(upload.status(), await upload.text()).toBe(200);
  const file = fileSchema.parse(await upload.json());
  expect(file.filename).toBe(FILENAME);

  const job = await createJob({
    suffix: SUFFIX,
    training_files: [{ file_id: file.id, weight: 1 }],
    integrations: [
      { project: PROJECT, name: '<i>run</i>', run_name: '"><img src=x onerror=xss()>', api_key: 'k'.repeat(40) },
    ],
  });

  let ran = false;
  await page.exposeFunction('xss', () => {
    ran = true;
  });
  page.on('dialog', (d) => {
    ran = true;
    void d.dismiss();
  });

  await page.goto(`/jobs?suffix=${encodeURIComponent(SUFFIX)}`);
  await expect(page.getByRole('row', { name: new RegExp(job.id) })).toContainText(SUFFIX);

  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SUFFIX);
  await expect(page.getByText(FILENAME)).toBeVisible();
  await expect(page.getByText(PROJECT).first()).toBeVisible();

  await page.goto('/jobs/new');
  await expect(page.getByLabel('Training files').locator('option', { hasText: FILENAME })).toHaveCount(1);

  expect(await page.locator('main svg[onload], main img[onerror], main script').count()).toBe(0);
  expect(ran).toBe(false);
});

test('markup in event data (a failure naming a pasted file id) is shown as text', async ({
  page,
  createJob,
  waitForStatus,
}) => {
  const bogus = '<img src=x onerror=xss()>';
  const job = await createJob({ training_files: [{ file_id: bogus, weight: 1 }], suffix: 'e2e-xss-event' });
  const failed = await waitForStatus(job.id, 'FAILED_VALIDATION');
  expect(JSON.stringify(failed.events)).toContain(bogus);

  let ran = false;
  await page.exposeFunction('xss', () => {
    ran = true;
  });
  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText(/Failed validation/);
  await expect(page.getByText(bogus).first()).toBeVisible();
  expect(await page.locator('main img[onerror]').count()).toBe(0);
  expect(ran).toBe(false);
});
