import { expect, test } from './fixtures';

test('clone a job: the form opens prefilled and creates a twin', async ({ page, createJob, getJob }) => {
  const source = await createJob({
    suffix: 'e2e-clone',
    hyperparameters: { training_steps: 7, learning_rate: 0.00005, weight_decay: 0.2 },
  });
  await page.goto(`/jobs/${source.id}`);
  await page.getByRole('link', { name: 'Clone' }).click();

  await expect(page).toHaveURL(/\/jobs\/new/);
  await expect(page.getByText(`Cloned from job ${source.id.slice(0, 8)}`)).toBeVisible();
  await expect(page.getByLabel('Model')).toHaveValue('open-mistral-7b');
  await expect(page.getByLabel('Suffix')).toHaveValue('e2e-clone');
  await expect(page.getByLabel('Training steps')).toHaveValue('7');
  await expect(page.getByLabel('Learning rate')).toHaveValue('0.00005');
  await expect(page.getByLabel('Weight decay')).toHaveValue('0.2');
  await expect(page.getByLabel('Training files')).toHaveValue(source.training_files[0]!);
  await expect(page.getByLabel('Auto start')).not.toBeChecked();

  await page.getByLabel('Suffix').fill('e2e-clone-2');
  await page.getByRole('button', { name: 'Create job' }).click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
  const twin = await getJob(page.url().split('/').pop()!);
  expect(twin.id).not.toBe(source.id);
  expect(twin).toMatchObject({ model: source.model, suffix: 'e2e-clone-2', training_files: source.training_files });
  expect(twin.hyperparameters).toMatchObject({ training_steps: 7, learning_rate: 0.00005, weight_decay: 0.2 });
});
