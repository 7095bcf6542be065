/**
 * `npm run screenshots`: every page at phone and desktop width, light and dark, into screenshots/.
 * Run it against a running dashboard (`npm start`, or BASE_URL=...) to look at what users see.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { jobListSchema } from '../contract/jobs';
import { localChromium } from './chromium';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:5173';

const list = jobListSchema.parse(await (await fetch(`${base}/v1/fine_tuning/jobs?page_size=200`)).json());
const byStatus = (s: string) => list.data.find((j) => j.status === s)?.id;
const pages: [string, string][] = [
  ['list', '/jobs'],
  ['list-filtered', '/jobs?status=SUCCESS&page_size=10'],
  ['new', '/jobs/new'],
  ['not-found', '/jobs/00000000-0000-4000-8000-000000000000'],
];
for (const status of ['SUCCESS', 'VALIDATED', 'RUNNING', 'FAILED_VALIDATION', 'FAILED', 'CANCELLED']) {
  const id = byStatus(status);
  if (id) pages.push([`job-${status.toLowerCase()}`, `/jobs/${id}`]);
}

mkdirSync('screenshots', { recursive: true });
const browser = await chromium.launch({ executablePath: localChromium });
for (const [w, h, size] of [
  [390, 844, 'phone'],
  [1280, 800, 'desktop'],
] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport: { width: w, height: h }, colorScheme });
    const page = await context.newPage();
    for (const [name, path] of pages) {
      await page.goto(`${base}${path}`);
      await page.locator('main h1').waitFor();
      await page.waitForTimeout(600);
      const file = `screenshots/${name}-${size}-${colorScheme}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await context.close();
  }
}
await browser.close();
