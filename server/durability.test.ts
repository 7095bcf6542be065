/**
 * The real server process on a temp SQLite file: jobs acknowledged before a `kill -9` are all
 * there exactly once after a restart, and the running ones carry on to SUCCESS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { fileSchema } from '../contract/files';
import { detailedJobSchema, jobListSchema, jobSchema, type JobList } from '../contract/jobs';
import { freePort, startEmulator, type Emulator } from './spawn';

const dir = mkdtempSync(join(tmpdir(), 'emulator-'));
const started: Emulator[] = [];
afterAll(() => {
  for (const e of started) if (e.child.exitCode === null) e.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function start(db: string, port: number) {
  const e = await startEmulator({ API_DB: join(dir, db), API_TIME_SCALE: '50' }, port);
  started.push(e);
  return e;
}
async function kill9(e: Emulator) {
  e.child.kill('SIGKILL');
  await e.exited;
}
const create = (base: string, body: Record<string, unknown>) =>
  fetch(`${base}/v1/fine_tuning/jobs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'open-mistral-7b',
      hyperparameters: { training_steps: 20 },
      auto_start: true,
      ...body,
    }),
  });
const list = async (base: string) =>
  jobListSchema.parse(await (await fetch(`${base}/v1/fine_tuning/jobs?page_size=1000`)).json());
async function untilAllSucceed(base: string): Promise<JobList> {
  const deadline = Date.now() + 30_000;
  let jobs = await list(base);
  while (jobs.data.some((j) => j.status !== 'SUCCESS') && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    jobs = await list(base);
  }
  return jobs;
}

test(
  'kill -9 and restart: no acknowledged job lost or duplicated; running jobs finish',
  { timeout: 60_000 },
  async () => {
    const port = await freePort();
    const first = await start('sequential.db', port);
    const form = new FormData();
    form.append(
      'file',
      new File(['{"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}]}\n'], 'd.jsonl'),
    );
    const file = fileSchema.parse(await (await fetch(`${first.base}/v1/files`, { method: 'POST', body: form })).json());
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await create(first.base, { training_files: [{ file_id: file.id }], suffix: `k${i}` });
      expect(res.status).toBe(200);
      ids.push(jobSchema.parse(await res.json()).id);
    }
    // Let some of them get into training, then pull the plug.
    await new Promise((r) => setTimeout(r, 400));
    await kill9(first);

    const second = await start('sequential.db', port);
    const jobs = await untilAllSucceed(second.base);
    expect(jobs.total).toBe(ids.length);
    expect(jobs.data.map((j) => j.id).sort()).toEqual([...ids].sort());
    expect(jobs.data.map((j) => j.status)).toEqual(ids.map(() => 'SUCCESS'));
    const detail = detailedJobSchema.parse(await (await fetch(`${second.base}/v1/fine_tuning/jobs/${ids[0]}`)).json());
    expect(detail.checkpoints.map((c) => c.step_number)).toEqual(Array.from({ length: 20 }, (_, i) => 20 - i));
    expect(detail.events.map((e) => e.data?.status)).toEqual([
      'QUEUED',
      'VALIDATING',
      'VALIDATED',
      'RUNNING',
      'SUCCESS',
    ]);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  },
);

test('kill -9 while 50 creates are in flight: every acknowledged job exactly once', { timeout: 60_000 }, async () => {
  const port = await freePort();
  const first = await start('in-flight.db', port);
  const acked: string[] = [];
  let killed: Promise<void> | undefined;
  const repositories = [{ owner: 'acme', name: 'repo', token: 't' }];
  const creates = Array.from({ length: 50 }, (_, i) =>
    create(first.base, { repositories, suffix: `c${i}` }).then(
      async (res) => {
        expect(res.status).toBe(200);
        acked.push(jobSchema.parse(await res.json()).id);
        // The first answer pulls the plug: the other creates are queued, mid-transaction or unsent.
        killed ??= kill9(first);
      },
      () => undefined,
    ),
  );
  await Promise.all(creates);
  await killed;
  expect(acked.length).toBeGreaterThan(0);
  expect(acked.length).toBeLessThan(50);

  const second = await start('in-flight.db', port);
  const jobs = await untilAllSucceed(second.base);
  const ids = jobs.data.map((j) => j.id);
  expect(jobs.total).toBe(ids.length);
  expect(jobs.total).toBeGreaterThanOrEqual(acked.length);
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(jobs.data.map((j) => j.suffix)).size).toBe(ids.length);
  for (const id of acked) expect(ids.filter((x) => x === id)).toHaveLength(1);
  expect(jobs.data.map((j) => j.status)).toEqual(ids.map(() => 'SUCCESS'));
  await kill9(second);
});
