import { jobListSchema } from '../contract/jobs';
import { API, expect, test } from './fixtures';

test('the app, loaded through the proxy, shows the emulator jobs', async ({ page, request }) => {
  const list = jobListSchema.parse(await (await request.get(`${API}/fine_tuning/jobs?page_size=5`)).json());
  expect(list.total).toBeGreaterThanOrEqual(20);

  await page.goto('/');
  await expect(page).toHaveURL(/\/jobs/);
  await expect(page.getByRole('heading', { level: 1, name: 'Fine-tuning jobs' })).toBeVisible();
  const newest = list.data[0]!;
  await expect(page.getByText(newest.id.slice(0, 8)).first()).toBeVisible();
  await expect(page.getByText('Local emulator')).toBeVisible();
});
