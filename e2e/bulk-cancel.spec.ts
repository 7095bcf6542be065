import { expect, test } from './fixtures';
import { API } from './fixtures';

test('three running jobs cancelled at once; one cancelled elsewhere meanwhile is reported as such', async ({
  page,
  request,
  createJob,
  waitForStatus,
  getJob,
}) => {
  const run = `bulk-${Date.now().toString(36)}`;
  const jobs = await Promise.all(
    [1, 2, 3].map((n) =>
      createJob({ suffix: `${run}-${n}`, auto_start: true, hyperparameters: { training_steps: 2000 } }),
    ),
  );
  await Promise.all(jobs.map((j) => waitForStatus(j.id, 'RUNNING')));
  const [a, b, c] = jobs as [(typeof jobs)[number], (typeof jobs)[number], (typeof jobs)[number]];

  await page.goto('/jobs');
  for (const n of [1, 2, 3]) await page.getByRole('checkbox', { name: `Select ${run}-${n}` }).check();
  const bar = page.getByRole('region', { name: 'Selected jobs' });
  await expect(bar).toContainText('3 selected');
  await bar.getByRole('button', { name: 'Cancel 3 jobs…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Cancel 3 jobs?' });
  await expect(dialog).toBeVisible();
  for (const n of [1, 2, 3]) {
    const row = dialog.getByRole('listitem').filter({ hasText: `${run}-${n}` });
    await expect(row).toContainText('Running');
    await expect(row).toContainText(/so far|nothing yet/);
  }

  // A teammate cancels the third while the dialog is open.
  expect((await request.post(`${API}/fine_tuning/jobs/${c.id}/cancel`)).status()).toBe(200);
  await dialog.getByRole('button', { name: 'Cancel 3 jobs' }).click();

  const done = page.getByRole('dialog', { name: 'Cancelled 2 of 3 jobs' });
  await expect(done).toBeVisible();
  for (const n of [1, 2]) {
    await expect(done.getByRole('listitem').filter({ hasText: `${run}-${n}` })).toContainText(
      /Cancellation requested|Cancelled/,
    );
  }
  await expect(done.getByRole('listitem').filter({ hasText: `${run}-3` })).toContainText(
    new RegExp(`Not cancelled here: ${run}-3 is already (being cancelled|cancelled)`),
  );
  await expect(done.getByRole('status')).toHaveText('2 cancelled, 1 had already moved on.');
  // Focus stays in the dialog once its confirm button has gone.
  await expect(done.getByRole('button', { name: 'Close' })).toBeFocused();

  // The server agrees with every line of it.
  for (const job of [a, b, c]) expect(['CANCELLATION_REQUESTED', 'CANCELLED']).toContain((await getJob(job.id)).status);

  await done.getByRole('button', { name: 'Close' }).click();
  await expect(bar).toBeHidden();
  await expect(page).not.toHaveURL(/select=/);
  // The list was refreshed: its rows show the cancels without a reload.
  for (const n of [1, 2, 3]) {
    await expect(page.getByRole('row').filter({ hasText: `${run}-${n}` })).toContainText(/Cancelling|Cancelled/);
  }
});

test('a selection of jobs that have all ended offers no cancel', async ({ page, request }) => {
  const done = (await (await request.get(`${API}/fine_tuning/jobs?status=SUCCESS&page_size=2`)).json()) as {
    data: { id: string }[];
  };
  await page.goto(`/jobs?status=SUCCESS&select=${done.data.map((j) => j.id).join(',')}`);
  const bar = page.getByRole('region', { name: 'Selected jobs' });
  await expect(bar).toContainText('2 selected');
  await expect(bar.getByRole('link', { name: 'Compare 2 jobs' })).toBeVisible();
  await expect(bar.getByRole('button', { name: /^Cancel/ })).toHaveCount(0);
});
