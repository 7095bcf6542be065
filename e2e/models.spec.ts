import { API, expect, test } from './fixtures';

const modelUrl = (id: string) => `${API}/models/${encodeURIComponent(id)}`;

test('a succeeded job’s model: renamed, archived, unarchived and deleted from its page', async ({
  page,
  request,
  createJob,
  waitForStatus,
}) => {
  const created = await createJob({ suffix: 'e2e-models', auto_start: true, hyperparameters: { training_steps: 10 } });
  const job = await waitForStatus(created.id, 'SUCCESS', 60_000);
  const modelId = job.fine_tuned_model;
  if (!modelId) throw new Error('a succeeded job without a fine_tuned_model');
  const name = `Support bot ${test.info().repeatEachIndex}-${Date.now()}`;

  // The list keeps the suffix as the job's name, its model beside it.
  await page.goto(`/jobs?suffix=e2e-models`);
  const row = page.getByRole('row', { name: /e2e-models/ }).filter({ hasText: modelId });
  await expect(row).toBeVisible();

  // The job page links its model.
  await page.goto(`/jobs/${job.id}`);
  await page.getByRole('link', { name: modelId }).click();
  await expect(page).toHaveURL(new RegExp(`/models/${encodeURIComponent(modelId)}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(modelId);

  // Rename in place: the heading and the server agree.
  await page.getByRole('button', { name: 'Edit name' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page.getByRole('textbox', { name: 'Name' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect
    .poll(async () => ((await (await request.get(modelUrl(modelId))).json()) as { name: string }).name)
    .toBe(name);

  // Archive: the page says so, the active list hides it, the archived list shows it with its badge.
  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Model state' })).toHaveText(/Archived/);
  await page.getByRole('link', { name: 'All models' }).click();
  await page.getByLabel('Search').fill(name);
  await page.getByLabel('Search').press('Enter');
  await expect(page).toHaveURL(/q=Support/);
  await expect(page.getByRole('heading', { name: 'No models match these filters' })).toBeVisible();
  await page.getByLabel('Show').selectOption('archived');
  await expect(page).toHaveURL(/show=archived/);
  const listed = page.getByRole('row').filter({ hasText: name });
  await expect(listed).toContainText('Archived');
  await expect(listed).toContainText(job.model);

  // The job page agrees at once, from the same cache.
  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByRole('definition').filter({ hasText: modelId })).toContainText('Archived');
  await page.getByRole('link', { name: modelId }).click();

  // Unarchive.
  await page.getByRole('button', { name: 'Unarchive' }).click();
  await expect(page.getByRole('status', { name: 'Model state' })).toHaveText(/Active/);
  await expect
    .poll(async () => ((await (await request.get(modelUrl(modelId))).json()) as { archived: boolean }).archived)
    .toBe(false);

  // Delete, behind the typed id.
  await page.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this model?' });
  const confirm = dialog.getByRole('button', { name: 'Delete model' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox').fill(modelId.slice(0, -1));
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox').fill(modelId);
  await confirm.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Model deleted');
  expect((await request.get(modelUrl(modelId))).status()).toBe(404);

  await page.getByRole('link', { name: 'All models' }).click();
  await page.getByLabel('Show').selectOption('all');
  await expect(page.getByRole('row').filter({ hasText: modelId })).toHaveCount(0);
  // The job stays, and says its model is gone.
  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByRole('definition').filter({ hasText: modelId })).toContainText('deleted');
  await expect(page.getByRole('link', { name: modelId })).toHaveCount(0);
});

test('a search still settling when the user clicks away does not take them back', async ({ page }) => {
  await page.goto('/models');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // A slow phone's CPU: the render that tells the page it is being left comes late, as it does on
  // a busy machine, while the search's pause runs out.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 12 });
  await page.getByLabel('Search').fill('no-such-model');
  await page.getByRole('banner').getByRole('link', { name: 'Jobs' }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  // Longer than the search's pause: nothing written late brings the models page back.
  await page.waitForTimeout(1500);
  await expect(page).toHaveURL(/\/jobs$/);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
});
