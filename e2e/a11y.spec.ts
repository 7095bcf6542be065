import AxeBuilder from '@axe-core/playwright';
import { jobListSchema } from '../contract/jobs';
import { API, expect, test } from './fixtures';

/** Every page, light and dark: no serious or critical axe violation. */
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test('list, detail, create and not-found pages pass axe', async ({ page, request }) => {
      const jobs = jobListSchema.parse(await (await request.get(`${API}/fine_tuning/jobs?page_size=100`)).json()).data;
      const pick = (status: string) => jobs.find((j) => j.status === status);
      const pages = [
        '/jobs',
        '/jobs?status=SUCCESS',
        '/jobs/new',
        '/jobs/00000000-0000-4000-8000-000000000000',
        ...['SUCCESS', 'VALIDATED', 'FAILED_VALIDATION', 'RUNNING']
          .map(pick)
          .filter((j) => j !== undefined)
          .map((j) => `/jobs/${j.id}`),
      ];
      for (const path of pages) {
        await page.goto(path);
        await expect(page.locator('main h1')).toBeVisible();
        await expect(page.locator('html')).toHaveClass(colorScheme === 'dark' ? /dark/ : /^(?!.*dark)/);
        await page.waitForLoadState('networkidle').catch(() => undefined);
        const result = await new AxeBuilder({ page }).analyze();
        const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(
          bad.map((v) => `${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ).toEqual([]);
      }
    });
  });
}
