/**
 * `npm run idle-requests [-- --seconds N] [--check]`: how many /v1 requests a page sends while
 * nothing on it can change by itself. Builds the app into a temp dir, serves it with
 * `npm run serve`'s server against a fresh demo emulator (time scale 1000, so the seed's active
 * jobs are over before we look), and counts in real Chromium, all four pages at once, each in its
 * own browser context: the list, a VALIDATED job, a SUCCESS job (visible), and the list in a
 * hidden tab. Target: at most 1 request a minute visible, none hidden.
 *
 * --seconds N  counting window per page (default 60; shorter windows overstate a 1/min refresh)
 * --check      exit 1 when a page misses its target
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { canStart, isTerminal, jobListSchema } from '../contract/jobs';
import { freePort, startEmulator } from '../server/spawn';

const { values: args } = parseArgs({ options: { seconds: { type: 'string' }, check: { type: 'boolean' } } });
const SECONDS = Number(args.seconds ?? 60);
/** Time for the first load (and its late requests) to finish before counting starts. */
const SETTLE_MS = 4000;
const ROOT = new URL('..', import.meta.url).pathname;
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => p && existsSync(p),
);

// A string, not a function: the script's compiler would wrap a function in helpers the page lacks.
const hideTab = `
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
  document.dispatchEvent(new Event('visibilitychange'));
`;

const started = performance.now();
const dir = mkdtempSync(join(tmpdir(), 'idle-requests-'));
const children: ChildProcess[] = [];
try {
  const dist = join(dir, 'dist');
  const build = spawnSync(
    join(ROOT, 'node_modules/.bin/vite'),
    ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) throw new Error('vite build failed');

  const emulator = await startEmulator({ API_DB: join(dir, 'api.db'), API_SEED: '1', API_TIME_SCALE: '1000' });
  children.push(emulator.child);
  const jobs = await settledJobs(emulator.base);
  const idOf = (status: string) => jobs.find((j) => j.status === status)?.id ?? fail(`the seed has no ${status} job`);

  const port = await freePort();
  const web = `http://127.0.0.1:${port}`;
  children.push(
    spawn(process.execPath, ['--import', 'tsx', 'proxy/serve-main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DIST_DIR: dist,
        MISTRAL_API_URL: emulator.base,
        MISTRAL_API_KEY: '',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  await waitFor(`${web}/`);

  const browser = await chromium.launch({
    executablePath,
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const cases = [
    { name: 'job list', path: '/jobs', hidden: false },
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
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
  rmSync(dir, { recursive: true, force: true });
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

/** The emulator's jobs once none is in a status that moves by itself. */
async function settledJobs(base: string) {
  for (let i = 0; i < 120; i++) {
    const list = jobListSchema.parse(await (await fetch(`${base}/v1/fine_tuning/jobs?page_size=100`)).json());
    if (list.total > list.data.length) fail(`expected the demo seed, found ${list.total} jobs`);
    if (list.data.every((j) => isTerminal(j.status) || canStart(j.status))) return list.data;
    await new Promise((r) => setTimeout(r, 500));
  }
  return fail('the seed still has moving jobs after 60 s');
}

async function waitFor(url: string) {
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  fail(`${url} did not answer within 30 s`);
}

function fail(message: string): never {
  throw new Error(message);
}

function printTable(head: string[], rows: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
}
