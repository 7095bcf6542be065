import { jobListSchema } from '../contract/jobs';
import { API, expect, test } from './fixtures';

test('/ opens the job list with the query it was given', async ({ page }) => {
  await page.goto('/?status=SUCCESS');
  await expect(page).toHaveURL(/\/jobs\?status=SUCCESS$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Fine-tuning jobs' })).toBeVisible();
});

test('an unknown address says so inside the app, with a way back', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'All jobs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fine-tuning jobs' })).toBeVisible();
});

test('a page whose code cannot be loaded says so, keeps the header, and offers a reload', async ({ page, request }) => {
  const list = jobListSchema.parse(await (await request.get(`${API}/fine_tuning/jobs?page_size=1`)).json());
  const job = list.data[0]!;
  await page.goto('/jobs');
  await expect(page.getByRole('heading', { level: 1, name: 'Fine-tuning jobs' })).toBeVisible();
  // As after a deploy: the job page's chunk the running app knows of is gone from the server.
  await page.route(/\/assets\/detail-route-[^/]+\.js$/, (route) => route.fulfill({ status: 404, body: '' }));
  await page.getByRole('table', { name: 'Fine-tuning jobs' }).locator(`a[href="/jobs/${job.id}"]`).click();
  const alert = page.getByRole('alert').filter({ hasText: 'This page failed to load' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('A newer version of the dashboard was deployed');
  await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  await page.unroute(/\/assets\/detail-route-[^/]+\.js$/);
  await alert.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('This page failed to load');
  await expect(page).toHaveURL(new RegExp(`/jobs/${job.id}$`));
});
