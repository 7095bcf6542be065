/**
 * `npm run lighthouse [-- --runs N] [--check] [--json DIR]`: Lighthouse (mobile preset, its
 * default simulated throttling) on the three pages a user lands on: the job list, a VALIDATED
 * job's page and the create form. Builds the app into a temp dir and serves it with
 * `npm run serve`'s server against a fresh demo emulator, as users run it; one Chromium, pages in
 * sequence (two at once would share the CPU and score each other down).
 *
 * Targets: performance >= 98, accessibility 100, best practices 100, CLS < 0.01.
 *
 * --runs N    audit each page N times and judge the median (default 1); the spread shows how much
 *             of a score is the machine's load rather than the page
 * --check     exit 1 when a page misses a target
 * --json DIR  also write each run's full Lighthouse result (lhr) into DIR
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import lighthouse, { type Result } from 'lighthouse';
import { freePort } from '../server/spawn';
import { localChromium } from './chromium';
import { fail, median, printTable, startDemoApp } from './demo-app';

const { values: args } = parseArgs({
  options: { runs: { type: 'string' }, check: { type: 'boolean' }, json: { type: 'string' } },
});
const RUNS = Math.max(1, Number(args.runs ?? 1));
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const TARGET = { performance: 98, accessibility: 100, 'best-practices': 100, cls: 0.01 };

const loadNow = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const started = performance.now();
const loadStart = loadNow();
const app = await startDemoApp('lighthouse');
try {
  const { web } = app;
  const validated = app.jobs.find((j) => j.status === 'VALIDATED') ?? fail('the seed has no VALIDATED job');

  // Lighthouse drives the browser over its DevTools port; Playwright only launches it, so the
  // script needs no launcher of its own and finds Chromium as the e2e suite does.
  const debugPort = await freePort();
  const browser = await chromium.launch({
    executablePath: localChromium,
    args: [
      `--remote-debugging-port=${debugPort}`,
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  const pages = [
    { name: 'job list', path: '/jobs' },
    { name: 'VALIDATED job', path: `/jobs/${validated.id}` },
    { name: 'create form', path: '/jobs/new' },
  ];
  const results: { page: (typeof pages)[number]; runs: Result[] }[] = [];
  try {
    for (const page of pages) {
      const runs: Result[] = [];
      for (let i = 0; i < RUNS; i++) {
        const out = await lighthouse(`${web}${page.path}`, {
          port: debugPort,
          logLevel: 'error',
          output: 'json',
          onlyCategories: [...CATEGORIES],
          formFactor: 'mobile',
        });
        if (!out) fail(`Lighthouse returned nothing for ${page.path}`);
        if (out.lhr.runtimeError) fail(`Lighthouse on ${page.path}: ${out.lhr.runtimeError.message}`);
        runs.push(out.lhr);
        if (args.json) {
          mkdirSync(args.json, { recursive: true });
          writeFileSync(join(args.json, `${page.name.replace(/\W+/g, '-')}-${i + 1}.json`), JSON.stringify(out.lhr));
        }
      }
      results.push({ page, runs });
    }
  } finally {
    await browser.close();
  }

  const rows = results.map(({ page, runs }) => {
    const scores = Object.fromEntries(
      CATEGORIES.map((c) => [c, runs.map((r) => Math.round((r.categories[c]?.score ?? 0) * 100))]),
    ) as Record<(typeof CATEGORIES)[number], number[]>;
    const cls = runs.map((r) => r.audits['cumulative-layout-shift']?.numericValue ?? Infinity);
    const fcp = runs.map((r) => r.audits['first-contentful-paint']?.numericValue ?? Infinity);
    const lcp = runs.map((r) => r.audits['largest-contentful-paint']?.numericValue ?? Infinity);
    const tbt = runs.map((r) => r.audits['total-blocking-time']?.numericValue ?? Infinity);
    const m = {
      perf: median(scores.performance),
      a11y: median(scores.accessibility),
      bp: median(scores['best-practices']),
      cls: median(cls),
    };
    const pass =
      m.perf >= TARGET.performance &&
      m.a11y >= TARGET.accessibility &&
      m.bp >= TARGET['best-practices'] &&
      m.cls < TARGET.cls;
    return { page, runs, scores, cls, fcp, lcp, tbt, m, pass };
  });

  printTable(
    ['page', 'performance', 'accessibility', 'best practices', 'CLS', 'FCP ms', 'LCP ms', 'TBT ms', 'result'],
    rows.map((r) => [
      r.page.name,
      spread(r.scores.performance, (v) => String(v)),
      spread(r.scores.accessibility, (v) => String(v)),
      spread(r.scores['best-practices'], (v) => String(v)),
      spread(r.cls, (v) => v.toFixed(3)),
      spread(r.fcp, (v) => String(Math.round(v))),
      spread(r.lcp, (v) => String(Math.round(v))),
      spread(r.tbt, (v) => String(Math.round(v))),
      r.pass ? 'PASS' : 'FAIL',
    ]),
  );
  console.log(
    `targets: performance >= ${TARGET.performance}, accessibility ${TARGET.accessibility}, best practices ${TARGET['best-practices']}, CLS < ${TARGET.cls}` +
      (RUNS > 1 ? ` (judged on the median of ${RUNS} runs; min–max in brackets)` : ''),
  );

  // What cost the points: every failed audit of a scored category, once per page.
  for (const r of rows) {
    const failed = new Map<string, string>();
    for (const lhr of r.runs) {
      for (const c of CATEGORIES) {
        for (const ref of lhr.categories[c]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 0.9) {
            failed.set(ref.id, `${ref.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
          }
        }
      }
    }
    if (failed.size) console.log(`  ${r.page.name}: ${[...failed.values()].join(', ')}`);
  }
  const compression = rows.flatMap((r) => r.runs.map((lhr) => lhr.audits['uses-text-compression']?.score));
  console.log(
    `uses-text-compression: ${compression.every((s) => s === 1) ? 'passes on every page' : 'FAILS on some page'}`,
  );

  // Lighthouse simulates a slow phone by multiplying the CPU time it observed here, so a busy
  // machine scores every page down: its benchmark index (higher is faster) and the load say how
  // much of a score to trust.
  const cpu = cpus();
  const lhrs = results.flatMap((r) => r.runs);
  const bench = lhrs.map((l) => Math.round(l.environment.benchmarkIndex));
  const first = lhrs[0];
  console.log(
    `\nmachine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}; load ${loadStart} at start, ${loadNow()} at end; ` +
      `benchmark index ${Math.min(...bench)}–${Math.max(...bench)}`,
  );
  console.log(
    `${first?.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}, Lighthouse ${first?.lighthouseVersion ?? '?'}, ` +
      `${RUNS} run${RUNS > 1 ? 's' : ''} a page; ${Math.round((performance.now() - started) / 1000)} s in all.`,
  );
  if (args.check && rows.some((r) => !r.pass)) process.exitCode = 1;
} finally {
  await app.stop();
}

/** The median, and the range when there was more than one run: "98 [96–99]". */
function spread(values: number[], show: (v: number) => string) {
  if (values.length === 1) return show(values[0]!);
  return `${show(median(values))} [${show(Math.min(...values))}–${show(Math.max(...values))}]`;
}
