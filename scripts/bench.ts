/**
 * `npm run bench`: load on the emulator over loopback, bounded in time. Seeds a temp SQLite file
 * with 10,000 jobs, starts the real server on it as a child process (so the load generator does
 * not share its event loop), runs autocannon on list, filtered list and get, then fires 200
 * creates at once. Exits 1 on any error, non-2xx answer, or create that is lost or doubled.
 *
 * BENCH_SECONDS  seconds per scenario (default 20); BENCH_JOBS  jobs to seed (default 10000).
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, platform, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { jobListSchema, jobSchema } from '../contract/jobs';
import { openDb } from '../server/db';
import { seedMany } from '../server/seed-bulk';
import { startEmulator } from '../server/spawn';

const SECONDS = Number(process.env.BENCH_SECONDS || 20);
const JOBS = Number(process.env.BENCH_JOBS || 10_000);
const CONNECTIONS = 64;
const CREATES = 200;
const PATH = '/v1/fine_tuning/jobs';

const dir = mkdtempSync(join(tmpdir(), 'emulator-bench-'));
const dbPath = join(dir, 'bench.db');
const t0 = performance.now();
const db = openDb(dbPath);
const { fileId } = seedMany(db, { count: JOBS, nowMs: Date.now() });
db.close();
console.log(`Seeded ${JOBS} jobs in ${Math.round(performance.now() - t0)} ms (${dbPath})`);

const emulator = await startEmulator({ API_DB: dbPath });
const failures: string[] = [];
try {
  const list = async (query: string) =>
    jobListSchema.parse(await (await fetch(`${emulator.base}${PATH}?${query}`)).json());
  const ids = (await list('page_size=100')).data.map((j) => j.id);
  const filtered = 'status=SUCCESS&model=open-mistral-7b&page=3&page_size=20';
  if ((await list(filtered)).data.length === 0) failures.push('the filtered list selects nothing');

  const scenarios: [string, autocannon.Options][] = [
    ['list', { url: `${emulator.base}${PATH}` }],
    ['list filtered', { url: `${emulator.base}${PATH}?${filtered}` }],
    [
      'get (100 ids)',
      {
        url: emulator.base,
        requests: [
          {
            setupRequest: (req, ctx: { n?: number }) => ({
              ...req,
              path: `${PATH}/${ids[(ctx.n = ((ctx.n ?? 0) + 1) % ids.length)]}`,
            }),
          },
        ],
      },
    ],
  ];
  const rows: string[][] = [];
  for (const [name, options] of scenarios) {
    const r = await autocannon({ ...options, connections: CONNECTIONS, duration: SECONDS });
    const bad = r.errors + r.timeouts + r.non2xx;
    if (bad > 0) failures.push(`${name}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx`);
    rows.push([
      name,
      r.requests.average.toFixed(0),
      String(r.latency.p50),
      String(r.latency.p99),
      String(r.requests.total),
      String(bad),
    ]);
  }
  printTable(['scenario', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'errors+non-2xx'], rows);

  const before = (await list('page_size=1')).total;
  const tc = performance.now();
  const answers = await Promise.all(
    Array.from({ length: CREATES }, (_, i) =>
      fetch(`${emulator.base}${PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'open-mistral-7b',
          training_files: [{ file_id: fileId }],
          hyperparameters: { training_steps: 2 },
          suffix: `bench-${i}`,
        }),
      }).then(async (res) => (res.status === 200 ? jobSchema.parse(await res.json()).id : `HTTP ${res.status}`)),
    ),
  );
  const ms = Math.round(performance.now() - tc);
  const grew = (await list('page_size=1')).total - before;
  const unique = new Set(answers.filter((a) => !a.startsWith('HTTP'))).size;
  console.log(`\n${CREATES} concurrent creates in ${ms} ms: total grew by ${grew}, ${unique} unique ids`);
  if (grew !== CREATES || unique !== CREATES) failures.push(`creates: grew by ${grew}, ${unique} unique ids`);
} catch (e) {
  failures.push(e instanceof Error ? e.message : String(e));
} finally {
  emulator.child.kill('SIGTERM');
  await emulator.exited;
  rmSync(dir, { recursive: true, force: true });
}

const cpu = cpus();
console.log(
  `\nMachine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${platform()} ${release()}, node ${process.version}`,
);
console.log(`Load: ${CONNECTIONS} connections, ${SECONDS} s per scenario, ${JOBS} jobs seeded`);
if (failures.length > 0) {
  console.error(`\nFAILED:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('\nOK: no errors, no non-2xx, every create exactly once.');

function printTable(head: string[], rows: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
}
