/**
 * What the browser-measuring scripts (`npm run idle-requests`, `npm run lighthouse`) share: the
 * built app served by `npm run serve`'s server in front of a fresh demo emulator, the local
 * Chromium, and their printing helpers.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canStart, isTerminal, jobListSchema, type Job } from '../contract/jobs';
import { freePort, startEmulator } from '../server/spawn';
import { serverBundle } from '../proxy/build-server';

const ROOT = new URL('..', import.meta.url).pathname;

export interface DemoApp {
  /** Where the app is served. */
  web: string;
  /** The demo seed's jobs once none moves by itself. */
  jobs: Job[];
  /** Stops both servers and removes the build and the database. */
  stop: () => Promise<void>;
}

/**
 * Builds the app into a temp dir and serves it as users run it. Time scale 1000: the seed's moving
 * jobs finish within seconds, so a VALIDATED job stays so and nothing polls fast while measuring.
 */
export async function startDemoApp(name: string): Promise<DemoApp> {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const dist = join(dir, 'dist');
    const build = spawnSync(
      join(ROOT, 'node_modules/.bin/vite'),
      ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'],
      { cwd: ROOT, stdio: 'inherit' },
    );
    if (build.status !== 0) throw new Error('vite build failed');

    const emulator = await startEmulator({ API_DB: join(dir, 'api.db'), API_SEED: '1', API_TIME_SCALE: '1000' });
    children.push(emulator.child);
    const jobs = await settledJobs(emulator.base);

    const port = await freePort();
    const web = `http://127.0.0.1:${port}`;
    children.push(
      spawn(process.execPath, [serverBundle()], {
        cwd: ROOT,
        // The emulator named as `npm start` names it (host and port), so the header reads "Local emulator".
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DIST_DIR: dist,
          API_HOST: '127.0.0.1',
          API_PORT: new URL(emulator.base).port,
          MISTRAL_API_URL: '',
          MISTRAL_API_KEY: '',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      }),
    );
    await waitFor(`${web}/`);
    return { web, jobs, stop };
  } catch (e) {
    await stop();
    throw e;
  }
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

export function fail(message: string): never {
  throw new Error(message);
}

export function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function printTable(head: string[], rows: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
}
