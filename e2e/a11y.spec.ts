import type { APIRequestContext } from '@playwright/test';
import { jobListSchema, type Job } from '../contract/jobs';
import { seriousViolations } from './axe';
import { API, expect, test } from './fixtures';

/** A job the seed finished (finished jobs stay so); the test fails, rather than skips, without one. */
async function seededSuccess(request: APIRequestContext): Promise<Job> {
  const list = jobListSchema.parse(
    await (await request.get(`${API}/fine_tuning/jobs?status=SUCCESS&page_size=1`)).json(),
  );
  expect(list.data, 'a SUCCESS job in the demo seed').toHaveLength(1);
  return list.data[0]!;
}

/** Every page, light and dark: no serious or critical axe violation. */
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });
    // Five to eight full axe scans a test: on a busy two-core machine one can take twenty seconds.
    test.describe.configure({ timeout: 180_000 });

    test('list, detail, create and not-found pages pass axe', async ({
      page,
      request,
      createJob,
      waitForStatus,
      runningJob,
    }) => {
      // Made here, so that each is sure to be in that state when scanned (a seeded one may have moved on).
      const validated = await createJob({ suffix: 'e2e-a11y-validated' });
      const running = await runningJob('e2e-a11y-running');
      const failed = await createJob({ suffix: 'e2e-a11y-failed', training_files: [{ file_id: 'no-such-file' }] });
      await waitForStatus(validated.id, 'VALIDATED');
      await waitForStatus(failed.id, 'FAILED_VALIDATION');
      const pages = [
        '/jobs',
        '/jobs?status=SUCCESS',
        '/jobs/new',
        '/jobs/00000000-0000-4000-8000-000000000000',
        ...[await seededSuccess(request), validated, running, failed].map((j) => `/jobs/${j.id}`),
      ];
      for (const path of pages) {
        await page.goto(path);
        await expect(page.locator('main h1')).toBeVisible();
        await expect(page.locator('html')).toHaveClass(colorScheme === 'dark' ? /dark/ : /^(?!.*dark)/);
        await page.waitForLoadState('networkidle').catch(() => undefined);
        expect(await seriousViolations(page, path)).toEqual([]);
      }
    });

    test('the confirm dialog, the metrics table and the phone layout pass axe', async ({
      page,
      runningJob,
      request,
    }) => {
      const scan = async (what: string) => expect(await seriousViolations(page, what)).toEqual([]);
      const running = await runningJob('e2e-a11y');
      await page.goto(`/jobs/${running.id}`);
      await page.getByRole('button', { name: 'Cancel job' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await scan('cancel dialog');
      await page.getByRole('dialog').getByRole('button', { name: 'Keep' }).click();

      const done = await seededSuccess(request);
      await page.goto(`/jobs/${done.id}`);
      await page.getByRole('button', { name: 'Show as table' }).click();
      await expect(page.getByRole('table').filter({ hasText: 'Train loss' })).toBeVisible();
      await scan('metrics table');

      await page.setViewportSize({ width: 390, height: 844 });
      for (const path of ['/jobs', `/jobs/${done.id}`, '/jobs/new']) {
        await page.goto(path);
        await expect(page.locator('main h1')).toBeVisible();
        await scan(`phone ${path}`);
      }
    });
  });
}
