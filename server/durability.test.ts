/**
 * The real server process on a temp SQLite file: jobs acknowledged before a `kill -9` are all
 * there exactly once after a restart, and the running ones carry on to SUCCESS; so is every
 * acknowledged change to a fine-tuned model.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { fileSchema } from '../contract/files';
import { fineTunedCards } from '../contract/fine-tuned-models';
import { modelListSchema } from '../contract/models';
import { detailedJobSchema, jobListSchema, jobSchema, type JobList } from '../contract/jobs';
import { freePort, startEmulator, type ServerProcess } from './spawn';

const dir = mkdtempSync(join(tmpdir(), 'emulator-'));
const started: ServerProcess[] = [];
afterAll(() => {
  for (const e of started) if (e.child.exitCode === null) e.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function start(db: string, port: number) {
  const e = await startEmulator({ API_DB: join(dir, db), API_TIME_SCALE: '50' }, port);
  started.push(e);
  return e;
}
async function kill9(e: ServerProcess) {
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

test(
  'kill -9 after renaming, archiving and deleting models: each change is there after the restart',
  { timeout: 60_000 },
  async () => {
    const port = await freePort();
    const emulator = () =>
      startEmulator({ API_DB: join(dir, 'models.db'), API_SEED: '1' }, port).then((e) => {
        started.push(e);
        return e;
      });
    const first = await emulator();
    const cards = async (base: string) =>
      fineTunedCards(modelListSchema.parse(await (await fetch(`${base}/v1/models`)).json()));
    const [renamed, archived, deleted] = await cards(first.base);
    if (!renamed || !archived || !deleted) throw new Error('the seed has fewer than 3 fine-tuned models');
    const send = (method: string, path: string, body?: unknown) =>
      fetch(`${first.base}${path}`, {
        method,
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      }).then((r) => r.status);
    expect(await send('PATCH', `/v1/fine_tuning/models/${renamed.id}`, { name: 'kept', description: null })).toBe(200);
    expect(await send('POST', `/v1/fine_tuning/models/${archived.id}/archive`)).toBe(200);
    expect(await send('DELETE', `/v1/models/${deleted.id}`)).toBe(200);
    await kill9(first);

    const second = await emulator();
    const after = await cards(second.base);
    expect(after.find((m) => m.id === renamed.id)).toMatchObject({ name: 'kept', description: null, archived: false });
    expect(after.find((m) => m.id === archived.id)).toMatchObject({ archived: true });
    expect(after.map((m) => m.id)).not.toContain(deleted.id);
    expect((await fetch(`${second.base}/v1/models/${deleted.id}`)).status).toBe(404);
    await kill9(second);
  },
);
