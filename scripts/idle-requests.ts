/**
 * `npm run idle-requests [-- --seconds N] [--check]`: how many /v1 requests a page sends while
 * nothing on it can change by itself. Builds the app into a temp dir, serves it with
 * `npm run serve`'s server against a fresh demo emulator (time scale 1000, so the seed's active
 * jobs are over before we look), and counts in real Chromium, all five pages at once, each in its
 * own browser context: the list, the list with a search, a VALIDATED job, a SUCCESS job
 * (visible), and the list in a hidden tab. Target: at most 1 request a minute visible, none hidden.
 *
 * --seconds N  counting window per page (default 60; shorter windows overstate a 1/min refresh)
 * --check      exit 1 when a page misses its target
 */
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { localChromium, QUIET_CHROMIUM_ARGS } from './chromium';
import { fail, printTable, startDemoApp } from './demo-app';

const { values: args } = parseArgs({ options: { seconds: { type: 'string' }, check: { type: 'boolean' } } });
const SECONDS = Number(args.seconds ?? 60);
/** Time for the first load (and its late requests) to finish before counting starts. */
const SETTLE_MS = 4000;

// A string, not a function: the script's compiler would wrap a function in helpers the page lacks.
const hideTab = `
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
  document.dispatchEvent(new Event('visibilitychange'));
`;

const started = performance.now();
const app = await startDemoApp('idle-requests');
try {
  const { web } = app;
  const idOf = (status: string) =>
    app.jobs.find((j) => j.status === status)?.id ?? fail(`the seed has no ${status} job`);

  const browser = await chromium.launch({
    executablePath: localChromium,
    args: QUIET_CHROMIUM_ARGS,
  });
  const cases = [
    { name: 'job list', path: '/jobs', hidden: false },
    // A search reads every page, then only the first page once a minute (find/use-scan.ts).
    { name: 'job list, searching', path: '/jobs?q=support&status=active,SUCCESS', hidden: false },
    { name: 'VALIDATED job', path: `/jobs/${idOf('VALIDATED')}`, hidden: false },
    { name: 'SUCCESS job', path: `/jobs/${idOf('SUCCESS')}`, hidden: false },
    { name: 'job list', path: '/jobs', hidden: true },
  ];
  const results = await Promise.all(
    cases.map(async (c) => measure(await browser.newContext(), `${web}${c.path}`, c.hidden)),
  );
  await browser.close();

  const rows = cases.map((c, i) => {
    const r = results[i]!;
    const perMinute = (r.count * 60) / SECONDS;
    const target = c.hidden ? 0 : 1;
    return { ...c, ...r, perMinute, target, pass: perMinute <= target };
  });
  printTable(
    ['page', 'visibility', 'requests', 'req/min', 'target', 'result'],
    rows.map((r) => [
      r.name,
      r.visibility,
      String(r.count),
      r.perMinute.toFixed(1),
      `<= ${r.target}`,
      r.pass ? 'PASS' : 'FAIL',
    ]),
  );
  for (const r of rows.filter((r) => r.count > 0)) {
    console.log(`  ${r.name} (${r.visibility}): ${[...r.paths].map(([p, n]) => `${n}× ${p}`).join(', ')}`);
  }
  console.log(
    `\n${SECONDS} s counted per page, after ${SETTLE_MS / 1000} s of first load; ${Math.round((performance.now() - started) / 1000)} s in all.`,
  );
  if (args.check && rows.some((r) => !r.pass)) process.exitCode = 1;
} finally {
  await app.stop();
}

/** Counts the /v1 requests of one page over the window, after its first load. */
async function measure(context: BrowserContext, url: string, hidden: boolean) {
  const page = await context.newPage();
  const paths = new Map<string, number>();
  let counting = false;
  page.on('request', (req) => {
    const { pathname, search } = new URL(req.url());
    if (counting && pathname.startsWith('/v1/')) paths.set(pathname + search, (paths.get(pathname + search) ?? 0) + 1);
  });
  await page.goto(url);
  await page.locator('main h1').waitFor();
  // Headless Chromium never hides a tab (another tab in front, a minimised window: still
  // "visible"), so the page is told what a background tab reports: the state and its event,
  // which is all the app (TanStack Query's focus manager) listens to.
  if (hidden) await page.evaluate(hideTab);
  await page.waitForTimeout(SETTLE_MS);
  const before = await visibility(page);
  counting = true;
  await page.waitForTimeout(SECONDS * 1000);
  counting = false;
  const after = await visibility(page);
  await context.close();
  const expected = hidden ? 'hidden' : 'visible';
  if (before !== expected || after !== expected) fail(`${url} was ${before} then ${after}, not ${expected}`);
  return { visibility: after, count: [...paths.values()].reduce((a, b) => a + b, 0), paths };
}

function visibility(page: Page) {
  return page.evaluate(() => document.visibilityState);
}
