/**
 * `npm run bench`: load on the emulator over loopback, bounded in time. Seeds a temp SQLite file
 * with 10,000 jobs, starts the real server on it as a child process (so the load generator does
 * not share its event loop), runs autocannon on list, filtered list and get, then fires 200
 * creates at once, and measures what the production server's proxy adds to a list call. Exits 1
 * on any error, non-2xx answer, or create that is lost or doubled.
 *
 * `npm run bench -- --proxy`: only the proxy's cost, in about a minute.
 * `npm run bench -- --ttft`: time to the first event and the first token of a streamed chat
 * completion, direct to the emulator and through the proxy (medians), in a few seconds.
 *
 * BENCH_SECONDS  seconds per scenario (default 20; 10 per side for the proxy's cost)
 * BENCH_ROUNDS   alternating direct/proxied rounds those seconds are split into (default 6)
 * BENCH_JOBS     jobs to seed (default 10000; 10 with --ttft)
 * BENCH_STREAMS  streamed completions per side with --ttft (default 40)
 */
import autocannon from 'autocannon';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chatCompletionChunkSchema } from '../contract/chat';
import { CLIENT_HEADER } from '../contract/client-header';
import { jobListSchema, jobSchema } from '../contract/jobs';
import { openDb } from '../server/db';
import { seedMany } from '../server/seed-bulk';
import { freePort, startEmulator, startServer } from '../server/spawn';
import { serverBundle } from '../proxy/build-server';
import { median } from './demo-app';

const PROXY_ONLY = process.argv.includes('--proxy');
const TTFT_ONLY = process.argv.includes('--ttft');
const STREAMS = Number(process.env.BENCH_STREAMS || 40);
/** How much later the first token may reach a client through the proxy than direct (issue target). */
const TTFT_TARGET_MS = 5;
const SECONDS = Number(process.env.BENCH_SECONDS || 20);
const PROXY_SECONDS = Number(process.env.BENCH_SECONDS || 10);
/** Seconds of load on each side before a proxy measure. */
const WARM_UP_SECONDS = 3;
/** Direct/proxied alternations per proxy measure. */
const PROXY_ROUNDS = Number(process.env.BENCH_ROUNDS || 6);
const JOBS = Number(process.env.BENCH_JOBS || (TTFT_ONLY ? 10 : 10_000));
const CONNECTIONS = 64;
const CREATES = 200;
const PATH = '/v1/fine_tuning/jobs';
/** What the proxy may add to a list call, as a multiple of the emulator's own time (issue target). */
const PROXY_TARGET = 1.3;

/**
 * The baseline: the least a proxy in its own process can cost on this machine, with nothing of the
 * dashboard's (no guard, no header rules, no compression). Only the bench ever starts it.
 */
const BARE_PROXY = `
  const http = require('node:http');
  const target = new URL(process.env.TARGET);
  const agent = new http.Agent({ keepAlive: true });
  http.createServer((req, res) => {
    const up = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method,
      headers: { ...req.headers, host: target.host }, agent }, (r) => { res.writeHead(r.statusCode, r.headers); r.pipe(res); });
    up.on('error', () => { res.statusCode = 502; res.end(); });
    req.pipe(up);
  }).listen(Number(process.env.PORT), '127.0.0.1');
`;

const dir = mkdtempSync(join(tmpdir(), 'emulator-bench-'));
const dbPath = join(dir, 'bench.db');
const t0 = performance.now();
const db = openDb(dbPath);
const { fileId } = seedMany(db, { count: JOBS, nowMs: Date.now() });
db.close();
console.log(`Seeded ${JOBS} jobs in ${Math.round(performance.now() - t0)} ms (${dbPath})`);

const emulator = await startEmulator({ API_DB: dbPath });
const failures: string[] = [];
let proxy: Awaited<ReturnType<typeof startProductionServer>> | undefined;
let bare: Awaited<ReturnType<typeof startProductionServer>> | undefined;
try {
  const list = async (query: string) =>
    jobListSchema.parse(await (await fetch(`${emulator.base}${PATH}?${query}`)).json());
  if (!PROXY_ONLY && !TTFT_ONLY) await emulatorLoad(list);

  // The server needs a built app to start; the list call never touches it.
  const distDir = join(dir, 'dist');
  mkdirSync(distDir);
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><div id="root"></div>');
  proxy = await startProductionServer({ DIST_DIR: distDir, MISTRAL_API_URL: emulator.base });
  if (TTFT_ONLY) {
    await firstToken(emulator.base, proxy.base);
  } else {
    bare = await startBareProxy(emulator.base);
    await proxyOverhead(
      { base: emulator.base, pid: emulator.child.pid },
      { base: proxy.base, pid: proxy.child.pid },
      { base: bare.base, pid: bare.child.pid },
    );
  }
} catch (e) {
  failures.push(e instanceof Error ? e.message : String(e));
} finally {
  for (const child of [proxy, bare, emulator]) {
    if (!child) continue;
    child.child.kill('SIGTERM');
    await child.exited;
  }
  rmSync(dir, { recursive: true, force: true });
}

const cpu = cpus();
console.log(
  `\nMachine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${platform()} ${release()}, node ${process.version}`,
);
if (!PROXY_ONLY && !TTFT_ONLY)
  console.log(`Load: ${CONNECTIONS} connections, ${SECONDS} s per scenario, ${JOBS} jobs seeded`);
if (failures.length > 0) {
  console.error(`\nFAILED:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(
  PROXY_ONLY || TTFT_ONLY ? '\nOK: no errors, no non-2xx.' : '\nOK: no errors, no non-2xx, every create exactly once.',
);

async function emulatorLoad(list: (query: string) => Promise<{ data: { id: string }[]; total: number }>) {
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
    const r = await run(name, { ...options, connections: CONNECTIONS, duration: SECONDS });
    rows.push([
      name,
      r.requests.average.toFixed(0),
      String(r.latency.p50),
      String(r.latency.p99),
      String(r.requests.total),
      String(r.errors + r.timeouts + r.non2xx),
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
}

/**
 * One connection, one request at a time, so the mean time per request is a run's length over its
 * count (exact, where autocannon's histogram keeps whole milliseconds). Direct and proxied runs
 * alternate in short rounds, in ABBA order, so a neighbour's load on the machine falls on both
 * alike; each round gives one ratio, and the table shows their median and their spread.
 */
async function proxyOverhead(direct: Server, proxied: Server, baseline: Server) {
  const variants: [string, Record<string, string>][] = [
    ['list', {}],
    // What a browser sends: the proxy compresses the answer, the emulator does not.
    ['list, gzip/br accepted', { 'accept-encoding': 'gzip, deflate, br' }],
  ];
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const [name, headers] of variants) {
    const sides = {
      direct: { base: direct.base, ms: [] as number[], bytes: 0, cpu: [] as number[] },
      proxied: { base: proxied.base, ms: [] as number[], bytes: 0, cpu: [] as number[] },
      bare: { base: baseline.base, ms: [] as number[], bytes: 0, cpu: [] as number[] },
    };
    // Long enough for the JIT to settle in both processes (under load, more than a second).
    for (const side of Object.values(sides)) {
      await run('warm-up', { url: `${side.base}${PATH}`, headers, connections: 1, duration: WARM_UP_SECONDS });
    }
    for (let round = 0; round < PROXY_ROUNDS; round++) {
      const order =
        round % 2 === 0 ? (['direct', 'proxied', 'bare'] as const) : (['bare', 'proxied', 'direct'] as const);
      for (const which of order) {
        const side = sides[which];
        // CPU time of the process that answers: the emulator direct, the proxy alone when proxied.
        const pid = { direct: direct.pid, proxied: proxied.pid, bare: baseline.pid }[which];
        const cpuBefore = cpuMicros(pid);
        const r = await run(`${name} (${which})`, {
          url: `${side.base}${PATH}`,
          headers,
          connections: 1,
          duration: PROXY_SECONDS / PROXY_ROUNDS,
        });
        side.ms.push((r.duration * 1000) / r.requests.total);
        const cpuAfter = cpuMicros(pid);
        if (cpuBefore !== undefined && cpuAfter !== undefined)
          side.cpu.push((cpuAfter - cpuBefore) / 1000 / r.requests.total);
        side.bytes = r.throughput.total / r.requests.total;
      }
    }
    const ratios = sides.proxied.ms.map((ms, i) => ms / sides.direct.ms[i]!).sort((a, b) => a - b);
    const ratio = median(ratios);
    const bareRatio = median(sides.bare.ms.map((ms, i) => ms / sides.direct.ms[i]!));
    rows.push([
      name,
      median(sides.direct.ms).toFixed(3),
      median(sides.proxied.ms).toFixed(3),
      `${ratio.toFixed(2)}×`,
      `${ratios[0]!.toFixed(2)}–${ratios.at(-1)!.toFixed(2)}`,
      `${median(sides.bare.ms).toFixed(3)} (${bareRatio.toFixed(2)}×)`,
      `${kb(sides.direct.bytes)} → ${kb(sides.proxied.bytes)}`,
      sides.direct.cpu.length ? median(sides.direct.cpu).toFixed(3) : 'n/a',
      sides.proxied.cpu.length ? median(sides.proxied.cpu).toFixed(3) : 'n/a',
      sides.bare.cpu.length ? median(sides.bare.cpu).toFixed(3) : 'n/a',
    ]);
    if (name === 'list' && ratio > PROXY_TARGET) {
      failures.push(`the proxy makes a list call ${ratio.toFixed(2)}× slower (target ≤ ${PROXY_TARGET}×)`);
    }
    const saved = sides.direct.bytes - sides.proxied.bytes;
    const extraMs = median(sides.proxied.ms) - median(sides.direct.ms);
    if (saved > 0 && extraMs > 0) {
      // Below this link speed the bytes compression saves take longer to send than the proxy adds.
      const gbits = (saved * 8) / (extraMs / 1000) / 1e9;
      notes.push(`${name}: ${kb(saved)} less per answer; worth it on any link slower than ${gbits.toFixed(1)} Gbit/s`);
    }
  }
  console.log(
    `\nProxy overhead: 1 connection, ${PROXY_SECONDS} s per side in ${PROXY_ROUNDS} alternating rounds, ${JOBS} jobs, default page`,
  );
  printTable(
    [
      'list call',
      'direct ms',
      'via npm run serve ms',
      'ratio',
      'spread',
      'bare proxy ms',
      'bytes per answer',
      'emulator CPU ms',
      'proxy CPU ms',
      'bare CPU ms',
    ],
    rows,
  );
  // Wall time is what the target is on; CPU time says what each process itself spent, which a
  // neighbour's load on the machine moves far less (Linux only).
  console.log(
    'CPU ms: per request, of the emulator in the direct runs, and of the proxy process alone in the proxied and bare ones',
  );
  console.log(
    'bare proxy: a minimal node:http keep-alive proxy in its own process, measured the same way: the least any proxy process adds',
  );
  for (const note of notes) console.log(note);
}

interface Server {
  base: string;
  pid: number | undefined;
}

/** CPU time a process has used, all threads, in µs (Linux's schedstat); undefined elsewhere. */
function cpuMicros(pid: number | undefined): number | undefined {
  if (pid === undefined || platform() !== 'linux') return undefined;
  try {
    return readdirSync(`/proc/${pid}/task`).reduce(
      (sum, task) => sum + Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]) / 1000,
      0,
    );
  } catch {
    return undefined;
  }
}

/** The `data:` of each event, as it arrives (the browser's reader, src/features/models/try/sse.ts, is the full one). */
async function* sseData(body: ReadableStream<Uint8Array>) {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const bytes of body) {
    buffer += decoder.decode(bytes, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const lines = buffer.slice(0, end).split('\n');
      buffer = buffer.slice(end + 2);
      yield lines
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trim())
        .join('\n');
    }
  }
}

/**
 * Streamed completions, direct and proxied in turn (so both sides see the same machine load):
 * when the first event (the role) and the first token arrive, counted from the request's start.
 */
async function firstToken(direct: string, proxied: string) {
  const once = async (base: string, i: number) => {
    const start = performance.now();
    const res = await fetch(`${base}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...CLIENT_HEADER },
      body: JSON.stringify({
        model: 'open-mistral-7b',
        messages: [{ role: 'user', content: `How are refunds handled, case ${i}?` }],
        stream: true,
      }),
    });
    if (!res.ok || !res.body) throw new Error(`a streamed completion answered ${res.status} (${base})`);
    let event: number | undefined;
    for await (const data of sseData(res.body)) {
      event ??= performance.now() - start;
      const chunk = chatCompletionChunkSchema.parse(JSON.parse(data));
      // Leaving the loop cancels the body: the emulator stops generating.
      if (chunk.choices.some((c) => c.delta.content)) return { event, token: performance.now() - start };
    }
    throw new Error(`a streamed completion ended without a token (${base})`);
  };
  // A few unmeasured first, so neither side pays for connection set-up or a cold JIT.
  for (let i = 0; i < 3; i++) await Promise.all([once(direct, i), once(proxied, i)]);
  const sides = { direct: [] as { event: number; token: number }[], proxied: [] as { event: number; token: number }[] };
  for (let i = 0; i < STREAMS; i++) {
    const [first, second] = i % 2 === 0 ? (['direct', 'proxied'] as const) : (['proxied', 'direct'] as const);
    sides[first].push(await once(first === 'direct' ? direct : proxied, i));
    sides[second].push(await once(second === 'direct' ? direct : proxied, i));
  }
  const med = median;
  const rows = (['direct', 'proxied'] as const).map((side) => [
    side,
    med(sides[side].map((s) => s.event)).toFixed(1),
    med(sides[side].map((s) => s.token)).toFixed(1),
  ]);
  printTable(['streamed chat', 'first event ms (median)', 'first token ms (median)'], rows);
  const added = med(sides.proxied.map((s) => s.token)) - med(sides.direct.map((s) => s.token));
  console.log(
    `\n${STREAMS} streams a side, alternating; the emulator waits API_CHAT_TOKEN_MS (20) between events. The proxy adds ${added.toFixed(1)} ms to the first token.`,
  );
  if (added > TTFT_TARGET_MS) {
    failures.push(`the proxy delays the first token by ${added.toFixed(1)} ms (target ≤ ${TTFT_TARGET_MS} ms)`);
  }
}

function kb(bytes: number) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** `npm run serve` as a child process, like the emulator, on a free port. */
async function startProductionServer(env: Record<string, string>) {
  const port = await freePort();
  const args = [serverBundle()];
  const serveEnv = { ...env, PORT: String(port), HOST: '127.0.0.1' };
  return startServer({ name: 'npm run serve', args, env: serveEnv, port, probe: '/_dashboard/backend' });
}

async function startBareProxy(target: string) {
  const port = await freePort();
  const env = { PORT: String(port), TARGET: target };
  return startServer({
    name: 'the bare proxy',
    args: ['-e', BARE_PROXY],
    env,
    port,
    probe: `${PATH}?page_size=1`,
    seconds: 10,
  });
}

async function run(name: string, options: autocannon.Options) {
  const r = await autocannon(options);
  const bad = r.errors + r.timeouts + r.non2xx;
  if (bad > 0) failures.push(`${name}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx`);
  return r;
}

function printTable(head: string[], rows: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
}
