import { expect, test } from './fixtures';

const chat = (q: string, a: string) =>
  JSON.stringify({
    messages: [
      { role: 'user', content: q },
      { role: 'assistant', content: a },
    ],
  });

test('upload a training file and train on it; a bad file is refused with the line that is wrong', async ({
  page,
  waitForStatus,
}) => {
  await page.goto('/jobs/new');
  const upload = page.getByLabel('Upload JSONL training file');

  await upload.setInputFiles({
    name: 'broken.jsonl',
    mimeType: 'application/jsonl',
    buffer: Buffer.from(`${chat('hi', 'hello')}\n{"messages": "nope"}\n`),
  });
  await expect(page.getByRole('alert').filter({ hasText: /line 2/ })).toBeVisible();

  const lines = Array.from({ length: 40 }, (_, i) => chat(`Question ${i}?`, `Answer ${i}.`)).join('\n');
  await upload.setInputFiles({
    name: 'my-own-chats.jsonl',
    mimeType: 'application/jsonl',
    buffer: Buffer.from(`${lines}\n`),
  });
  await expect(page.getByText(/Uploaded my-own-chats\.jsonl/)).toBeVisible();
  await expect(page.getByLabel('Training files').locator('option:checked')).toHaveText(/my-own-chats\.jsonl/);

  await page.getByLabel('Model').fill('open-mistral-7b');
  await page.getByLabel('Training steps').fill('6');
  await page.getByLabel('Suffix').fill('e2e-upload');
  await page.getByLabel('Auto start').check();
  await page.getByRole('button', { name: 'Create job' }).click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop()!;

  const done = await waitForStatus(id, 'SUCCESS', 45_000);
  expect(done.fine_tuned_model).toMatch(/^ft:open-mistral-7b:/);
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText(/Succeeded/);
});

test('a job on a file the API does not know fails validation, and says why', async ({ page, waitForStatus }) => {
  await page.goto('/jobs/new');
  await page.getByLabel('Model').fill('open-mistral-7b');
  await page.getByLabel('Training file id').fill('00000000-0000-4000-8000-00000000dead');
  await page.getByLabel('Training file id').press('Enter');
  await page.getByLabel('Training steps').fill('5');
  await page.getByRole('button', { name: 'Create job' }).click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
  await waitForStatus(page.url().split('/').pop()!, 'FAILED_VALIDATION');
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText(/Failed validation/);
  await expect(page.getByText(/00000000-0000-4000-8000-00000000dead/).first()).toBeVisible();
});
