/**
 * Runs the Mistral-compatible fine-tuning API emulator.
 *
 * Settings (environment):
 *   API_HOST         interface to listen on            (default 127.0.0.1)
 *   API_PORT         port; 0 picks a free one          (default 8787)
 *   API_DB           SQLite file, or :memory:          (default <repo>/.data/emulator.db)
 *   API_TIME_SCALE   N = every simulated duration N× shorter (default 1: training takes 1–2 min)
 *   API_SEED         1 = seed an empty database with demo data, 0 = leave it empty (default 1)
 *   API_REQUIRE_KEY  set (non-empty) = answer 401 to /v1 requests without a Bearer token
 *                    (default: any token or none is accepted; keys are never checked)
 *   API_CHAT_TOKEN_MS  pause between two events of a streamed chat completion (default 20)
 *   API_RETIRE_JOBS  1 = behave as Mistral since it retired its fine-tuning jobs API: every
 *                    /v1/fine_tuning/jobs… route answers 410 Gone; files, models and chat work
 *
 * Injected faults, for tests and demos (server/faults/rules.ts; all off by default):
 *   API_FAULTS             share of /v1 requests per fault, e.g. "500:0.1,429:0.05,slow:0.1,drop:0.05"
 *                          (faults: 500 502 503 504 429 slow drop drop-after)
 *   API_FAULT_SLOW_MS      how long `slow` waits before answering normally (default 3000)
 *   API_FAULT_RETRY_AFTER  Retry-After seconds on an injected 429 (default 1)
 *   API_FAULT_SEED         seed for the shares' random draws (default: a new one every start)
 *   API_FAULT_CONTROL      1 = serve GET/POST/DELETE /_emulator/faults ("fail the next N requests")
 * Any request may also carry `x-emulator-fault: 503[;times=N][;key=K][;ms=N][;retry_after=N]`.
 */
import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { systemClock } from './clock';
import { openDb } from './db';
import { faultSettingsFromEnv } from './faults/rules';
import { JobsRepo } from './jobs/repo';
import { seedDemo } from './seed';

const env = process.env;
const host = env.API_HOST || '127.0.0.1';
const port = Number(env.API_PORT || 8787);
const dbPath = env.API_DB || fileURLToPath(new URL('../.data/emulator.db', import.meta.url));
const timeScale = Number(env.API_TIME_SCALE || 1);
const chatTokenDelayMs = Number(env.API_CHAT_TOKEN_MS || 20);
const retireJobs = Boolean(env.API_RETIRE_JOBS) && env.API_RETIRE_JOBS !== '0';
if (!Number.isInteger(port) || port < 0 || !(timeScale > 0) || !(chatTokenDelayMs >= 0)) {
  console.error(
    `Invalid settings: API_PORT=${env.API_PORT ?? ''} API_TIME_SCALE=${env.API_TIME_SCALE ?? ''} API_CHAT_TOKEN_MS=${env.API_CHAT_TOKEN_MS ?? ''}`,
  );
  process.exit(1);
}

let faults: ReturnType<typeof faultSettingsFromEnv>;
try {
  faults = faultSettingsFromEnv(env);
} catch (e) {
  console.error(`Invalid settings: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}

const db = openDb(dbPath);
const clock = systemClock;
if ((env.API_SEED ?? '1') !== '0') seedDemo(db, { nowMs: clock.now(), timeScale });

// Reads tick too; the timer only keeps the file current for anyone looking at it directly.
const jobs = new JobsRepo(db);
const timer = setInterval(() => jobs.tick(clock.now()), Math.max(50, Math.min(1000, 1000 / timeScale)));

const app = createApp({
  db,
  clock,
  timeScale,
  requireKey: Boolean(env.API_REQUIRE_KEY),
  faults,
  chatTokenDelayMs,
  retireJobs,
});
if (retireJobs) console.log('Jobs API retired: /v1/fine_tuning/jobs… answers 410 Gone');
if (faults.shares.length > 0 || faults.control) {
  const shares = faults.shares.map((s) => `${s.fault}:${s.share}`).join(',') || 'none';
  console.log(`Injecting faults: ${shares}; control endpoint ${faults.control ? 'on' : 'off'}`);
}
const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
  console.log(`Mistral API emulator listening on http://${host}:${info.port} (db ${dbPath}, time scale ${timeScale})`);
});

function shutdown(signal: string) {
  clearInterval(timer);
  server.close(() => {
    db.close();
    console.log(`Emulator stopped (${signal}).`);
    process.exit(0);
  });
  // Keep-alive connections can hold close() open; the data is already committed.
  setTimeout(() => {
    db.close();
    process.exit(0);
  }, 2000).unref();
}
process.once('SIGINT', () => shutdown('SIGINT'));
process.once('SIGTERM', () => shutdown('SIGTERM'));
