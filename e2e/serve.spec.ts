/**
 * `npm run serve` in Chromium: the built app renders every page under the production CSP without
 * a single violation, deep links load, and assets come compressed and cached for good.
 */
import type { Page } from '@playwright/test';
import { jobListSchema } from '../contract/jobs';
import { MIN_COMPRESSED_BYTES } from '../proxy/static-files';
import { API, expect, test } from './fixtures';
import { startProduction, type Running } from './security-servers';

let server: Running;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startProduction(API.replace(/\/v1$/, ''));
});
test.afterAll(async () => server?.stop());

/** Collects CSP violations as the page reports them, and as Chromium logs them. */
async function watchCsp(page: Page) {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.exposeFunction('reportCspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    const report = (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation;
    document.addEventListener('securitypolicyviolation', (e) =>
      report(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  return violations;
}

test('every page renders under the CSP without a violation', async ({ page, request, createJob, waitForStatus }) => {
  const violations = await watchCsp(page);
  const found = await request.get(`${API}/fine_tuning/jobs?status=SUCCESS&page_size=1`);
  expect(found.status(), await found.text()).toBe(200);
  const succeeded = jobListSchema.parse(await found.json()).data[0];
  const running = await createJob({ suffix: 'e2e-csp', auto_start: true, hyperparameters: { training_steps: 2000 } });

  const res = await page.goto(`${server.url}/`);
  expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByRole('heading', { level: 1, name: 'Fine-tuning jobs' })).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toBeVisible();

  // The chart (uPlot sizes its elements with inline styles) and the progress bar (a style attribute).
  await page.goto(`${server.url}/jobs/${succeeded!.id}`);
  await expect(page.getByRole('img', { name: /loss/i }).locator('canvas')).toHaveCount(1);
  await waitForStatus(running.id, 'RUNNING');
  await page.goto(`${server.url}/jobs/${running.id}`);
  await expect(page.getByRole('progressbar')).toBeVisible();

  await page.goto(`${server.url}/jobs/new`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The theme script is inline, allowed by its hash: the stored theme applies on reload, before paint.
  await page.evaluate(() => localStorage.setItem('theme', 'dark'));
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  expect(violations).toEqual([]);

  // The watcher works, and the policy is tight: markup-level inline style is refused.
  await page.evaluate(() => document.body.setAttribute('style', 'outline: 1px solid red'));
  await expect.poll(() => violations.join('\n')).toMatch(/style-src/);
  // Only that script: any other inline one is refused.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'document.title = "injected"';
    document.body.append(script);
  });
  await expect.poll(() => violations.join('\n')).toMatch(/script-src/);
  expect(await page.title()).not.toBe('injected');
  await request.post(`${API}/fine_tuning/jobs/${running.id}/cancel`);
});

test('a deep link loads the app; a missing asset stays a 404', async ({ page, request }) => {
  await page.goto(`${server.url}/jobs?status=RUNNING`);
  await expect(page.getByRole('heading', { level: 1, name: 'Fine-tuning jobs' })).toBeVisible();
  expect((await request.get(`${server.url}/assets/missing-0000.js`)).status()).toBe(404);
});

test('assets come compressed and cached for a year, the page revalidated every time', async ({ page }) => {
  const assets: { url: string; encoding?: string; cache?: string; size: number }[] = [];
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/assets/')) {
      const headers = r.headers();
      assets.push({
        url: r.url(),
        encoding: headers['content-encoding'],
        cache: headers['cache-control'],
        size: Number(headers['content-length']),
      });
    }
  });
  const res = await page.goto(`${server.url}/`);
  expect(res?.headers()['cache-control']).toBe('no-cache');
  await expect(page.getByRole('heading', { level: 1, name: 'Fine-tuning jobs' })).toBeVisible();
  const scripts = assets.filter((a) => /\.(js|css)$/.test(a.url));
  expect(scripts.length).toBeGreaterThan(1);
  expect(scripts.filter((a) => a.encoding === 'br').length).toBeGreaterThan(1);
  for (const a of scripts) {
    // A file too small to be worth it goes as it is, and says so by its size.
    if (a.encoding === undefined) expect(a.size, a.url).toBeLessThanOrEqual(MIN_COMPRESSED_BYTES);
    else expect(a.encoding, a.url).toBe('br');
    expect(a.cache, a.url).toBe('public, max-age=31536000, immutable');
  }
});
