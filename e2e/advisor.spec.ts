import { jobListSchema } from '../contract/jobs';
import { API, expect, test } from './fixtures';

test('the seeded overfitting run: its verdict, its best checkpoint, and a clone with fewer steps', async ({
  page,
  request,
}) => {
  const list = jobListSchema.parse(
    await (await request.get(`${API}/fine_tuning/jobs?suffix=support-overfit&page_size=1`)).json(),
  );
  const job = list.data[0]!;
  await page.goto(`/jobs/${job.id}`);

  const advice = page.getByRole('list', { name: 'Training advice' });
  const overfit = advice.getByRole('listitem').filter({ hasText: /^⚠\s*Overfitting since step/ });
  await expect(overfit).toContainText(/while train loss kept falling/);
  const since = Number((await overfit.textContent())!.match(/since step ([\d,]+)/)![1]!.replace(/,/g, ''));
  // The seed turns its validation loss at step 80.
  expect(since).toBeGreaterThanOrEqual(70);
  expect(since).toBeLessThanOrEqual(90);
  await expect(
    advice.getByRole('listitem').filter({ hasText: /Best at step [\d,]+: validation loss \d/ }),
  ).toBeVisible();

  await overfit.getByRole('button', { name: `Clone with ${since} steps` }).click();
  await expect(page).toHaveURL(/\/jobs\/new/);
  await expect(page.getByLabel('Training steps')).toHaveValue(String(since));
  await expect(page.getByText(/Cloned from job/)).toBeVisible();
});

test('the seeded plateau and diverging runs each get their verdict', async ({ page, request }) => {
  for (const [suffix, verdict] of [
    ['intent-plateau', /No real progress since step/],
    ['support-diverge', /has risen sharply since step/],
  ] as const) {
    const job = jobListSchema.parse(
      await (await request.get(`${API}/fine_tuning/jobs?suffix=${suffix}&page_size=1`)).json(),
    ).data[0]!;
    await page.goto(`/jobs/${job.id}`);
    await expect(page.getByRole('list', { name: 'Training advice' })).toContainText(verdict);
  }
});
