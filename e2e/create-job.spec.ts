import { expect, test } from './fixtures';

test('create a job: inline errors first, then a valid job opens its page; a double click makes one job', async ({
  page,
  getJob,
  jobTotal,
}) => {
  await page.goto('/jobs');
  await page.getByRole('link', { name: 'New job' }).first().click();
  await expect(page).toHaveURL(/\/jobs\/new$/);
  await expect(page.getByLabel('Auto start')).not.toBeChecked();

  // Invalid: the contract's messages land next to their fields, nothing is sent.
  await page.getByLabel('Model').fill('open-mistral-7b');
  await page.getByLabel('Suffix').fill('a-suffix-that-is-far-too-long');
  await page.getByLabel('Learning rate').fill('2');
  await page.getByLabel('Training steps').fill('0');
  await page.getByRole('button', { name: 'Create job' }).click();
  await expect(page.getByLabel('Suffix')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Suffix')).toHaveAccessibleDescription(/at most 18/);
  await expect(page.getByLabel('Learning rate')).toHaveAccessibleDescription(/less than or equal to 1/);
  await expect(page.getByLabel('Training steps')).toHaveAccessibleDescription(/greater than or equal to 1/);
  await expect(page.getByLabel('Training files')).toHaveAccessibleDescription(/At least one training file/);
  await expect(page).toHaveURL(/\/jobs\/new$/);

  // Nothing typed is lost on a reload.
  await page.reload();
  await expect(page.getByLabel('Suffix')).toHaveValue('a-suffix-that-is-far-too-long');
  await expect(page.getByLabel('Learning rate')).toHaveValue('2');

  // Fix it and create.
  await page.getByLabel('Suffix').fill('e2e-create');
  await page.getByLabel('Learning rate').fill('0.0001');
  await page.getByLabel('Training steps').fill('8');
  await page.getByLabel('Training files').selectOption({ label: 'support-chats-train.jsonl' });
  const before = await jobTotal();
  await page.getByRole('button', { name: 'Create job' }).dblclick();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
  expect(await jobTotal()).toBe(before + 1);
  const id = page.url().split('/').pop()!;
  await expect(page.getByRole('heading', { level: 1 })).toContainText('e2e-create');
  const job = await getJob(id);
  expect(job).toMatchObject({ model: 'open-mistral-7b', suffix: 'e2e-create', auto_start: false });
  expect(job.hyperparameters).toMatchObject({ training_steps: 8, learning_rate: 0.0001 });

  // The draft is gone once the job exists.
  await page.goto('/jobs/new');
  await expect(page.getByLabel('Suffix')).toHaveValue('');
});

test('a refusal from the server lands on its field or above the form, and creates nothing', async ({
  page,
  jobTotal,
}) => {
  const before = await jobTotal();
  await page.goto('/jobs/new');
  await page.getByLabel('Training files').selectOption({ label: 'support-chats-train.jsonl' });

  // A model the API does not fine-tune: the string detail is shown above the form.
  await page.getByLabel('Model').fill('mistral-embed');
  await page.getByRole('button', { name: 'Create job' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Model not available for this type of fine-tuning' }),
  ).toBeVisible();

  // A rule only the server knows (the model's context length): mapped onto the field by its loc.
  await page.getByLabel('Model').fill('open-mistral-7b');
  await page.getByLabel('Sequence length').fill('10000000');
  await page.getByRole('button', { name: 'Create job' }).click();
  await expect(page.getByLabel('Sequence length')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Sequence length')).toHaveAccessibleDescription(/less than or equal to/);
  expect(await jobTotal()).toBe(before);
});
